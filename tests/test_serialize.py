import json

from ficlens.model import (
    Chapter,
    Character,
    Document,
    Interaction,
    Mention,
    Metadata,
    Paragraph,
    Quote,
    Series,
)
from ficlens.serialize import document_from_dict, document_to_dict
from ficlens.writers.json import dumps


def hand_built() -> Document:
    text = '"Now Buffy," Anya scolded, "that was not nice."'
    return Document(
        text=text,
        metadata=Metadata(title="T", authors=["A"], series=[Series("S", 2)]),
        chapters=[Chapter(0, len(text), "One")],
        paragraphs=[Paragraph(0, len(text))],
        characters=[Character("c0", "Anya", ["Anya"], "she/her"),
                    Character("c1", "Buffy", ["Buffy"])],
        mentions=[Mention(5, 10, "name", "c1"), Mention(13, 17, "name", "c0")],
        quotes=[Quote("q0", 1, 11, "g0", "c0", 0.95, ["c1"], "explicit"),
                Quote("q1", 28, 46, "g0", "c0", 0.95, ["c1"], "explicit")],
        interactions=[Interaction("c0", "c1", "speaks_to", 2.0, 0)],
    )


def test_serialize_quote_text_is_the_slice_of_the_story_text():
    data = document_to_dict(hand_built())
    for quote in data["quotes"]:
        assert data["text"][quote["start"]:quote["end"]] == quote["text"]
    assert [q["text"] for q in data["quotes"]] == ["Now Buffy,", "that was not nice."]


def test_serialize_counts_mentions_and_quotes_per_character():
    characters = {c["id"]: c for c in document_to_dict(hand_built())["characters"]}
    assert (characters["c0"]["mentions"], characters["c0"]["quotes"]) == (1, 2)
    assert (characters["c1"]["mentions"], characters["c1"]["quotes"]) == (1, 0)


def test_serialize_has_the_documented_fields():
    data = document_to_dict(hand_built())
    assert {"text", "metadata", "chapters", "characters", "quotes", "interactions"} <= set(data)
    assert set(data["quotes"][0]) >= {"id", "start", "end", "text", "speaker", "confidence",
                                      "addressees", "type", "group"}
    assert set(data["characters"][0]) >= {"id", "name", "aliases", "gender", "mentions", "quotes"}
    assert set(data["chapters"][0]) >= {"title", "start", "end"}


def test_serialize_round_trips_through_json():
    original = hand_built()
    again = document_from_dict(json.loads(dumps(original)))
    assert dumps(again) == dumps(original)
    assert again.metadata.series[0].part == 2


def test_serialize_is_byte_identical_for_the_same_document():
    assert dumps(hand_built()) == dumps(hand_built())
