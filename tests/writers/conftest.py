"""A small analysed document built by hand (no spaCy) for the writer tests."""

from __future__ import annotations

import pytest

from ficlens.model import (
    Chapter,
    Character,
    Document,
    Mention,
    Metadata,
    Paragraph,
    Quote,
    SceneBreak,
)
from ficlens.stages import interactions


def hand_built_document() -> Document:
    """Two chapters, three characters (one without a gender), five quotes: attributed,
    unattributed, uncertain, nested, and one holding a tab, a newline and a quote mark."""
    paragraphs = [
        "Chapter One",
        '"Wake up," Ada said to Ben. "The tide\tturned."',
        '"Did it?" asked Ben.',
        "Cole watched them both.",
        "Chapter Two",
        '"She said \'run\' and I ran," Ben told Ada.',
        '"Line one\nline two with a " mark," someone said.',
    ]
    text, spans = "", []
    for paragraph in paragraphs:
        spans.append(Paragraph(len(text), len(text) + len(paragraph)))
        text += paragraph + "\n\n"
    text = text.rstrip("\n")

    def find(needle: str, after: int = 0) -> tuple[int, int]:
        start = text.index(needle, after)
        return start, start + len(needle)

    mentions = []
    for name, character in (("Ada", "c0"), ("Ben", "c1"), ("Cole", "c2")):
        position = text.find(name)
        while position >= 0:
            mentions.append(Mention(position, position + len(name), "name", character))
            position = text.find(name, position + 1)
    mentions.append(Mention(*find("them"), "pronoun", None))
    mentions.sort(key=lambda mention: mention.start)
    quotes = [
        Quote("q0", *find("Wake up,"), group="g0", speaker="c0", confidence=0.9,
              addressees=["c1"], type="explicit"),
        Quote("q1", *find("The tide\tturned."), group="g0", speaker="c0", confidence=0.9,
              addressees=["c1"], type="explicit"),
        Quote("q2", *find("Did it?"), speaker="c1", confidence=0.4, addressees=["c0"],
              type="anaphoric"),
        Quote("q3", *find("She said 'run' and I ran,"), speaker="c1", confidence=0.8,
              addressees=["c0"], type="explicit"),
        Quote("q4", *find("run"), speaker="c0", confidence=0.3, nested_in="q3",
              open_mark="'", type="implicit"),
        Quote("q5", *find('Line one\nline two with a " mark,'), confidence=0.0),
    ]
    chapter_two = text.index("Chapter Two")
    doc = Document(
        text=text,
        metadata=Metadata(title="Tides", authors=["A. Writer"], fandoms=["Original Work"],
                          source_path="tides.txt", source_format="text"),
        chapters=[Chapter(spans[1].start, spans[3].end, "One"),
                  Chapter(spans[5].start, len(text), "Two")],
        paragraphs=spans,
        scene_breaks=[SceneBreak(spans[3].start, spans[3].start, "<hr>")],
        characters=[Character("c0", "Ada Lovett", ["Ada", "Ada Lovett"], "she/her"),
                    Character("c1", "Ben", ["Ben"], "he/him"),
                    Character("c2", "Cole", ["Cole"], None)],
        mentions=mentions,
        quotes=quotes,
    )
    assert doc.chapters[1].start > chapter_two
    return interactions.run(doc)


@pytest.fixture
def hand_built_doc() -> Document:
    return hand_built_document()
