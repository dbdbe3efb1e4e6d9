"""The characters stage: hand-built documents, and the real pipeline on the seeds and demo."""

import sys
from pathlib import Path

import pytest

from ficlens.model import Character, Metadata
from ficlens.stages import characters

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from characters.builder import parsed  # noqa: E402


def cast(doc) -> dict[str, list[str]]:
    return {character.name: character.aliases for character in doc.characters}


def test_characters_cluster_names_and_emit_name_mentions():
    doc = characters.run(parsed(
        "Tobias|PROPN|compound|+1 Finch|PROPN|nsubj|+1 waited|VERB|ROOT|. .",
        '" Sit down , Meg . " Toby|PROPN|nsubj|+1 grinned|VERB|ROOT|. .',
        "Margaret|PROPN|compound|+1 Harlow|PROPN|nsubj|+1 sat|VERB|ROOT|. .",
        "Toby|PROPN|nsubj|+1 laughed|VERB|ROOT|. and Margaret|PROPN|nsubj|+1 smiled|VERB .",
    ))
    assert cast(doc) == {"Tobias Finch": ["Tobias Finch", "Toby"],
                         "Margaret Harlow": ["Margaret", "Margaret Harlow", "Meg"]}
    assert [c.id for c in doc.characters] == ["c0", "c1"]
    texts = [(doc.text[m.start:m.end], m.kind) for m in doc.mentions]
    assert ("Meg", "name") in texts and ("Tobias Finch", "name") in texts


def test_characters_keep_a_user_inventory_fixed():
    doc = parsed("Tobias|PROPN|compound|+1 Finch|PROPN|nsubj|+1 waited|VERB|ROOT|. .",
                 "Mr. Finch|PROPN|nsubj|+1 laughed|VERB|ROOT|. and Toby|PROPN nodded .",
                 "Jonah|PROPN|nsubj|+1 slept|VERB|ROOT|. .")
    inventory = [Character("c7", "Tobias Finch", ["Tobias Finch"], "he/him", "user")]
    doc.characters = list(inventory)
    doc = characters.run(doc)
    assert doc.characters == inventory
    linked = [doc.text[m.start:m.end] for m in doc.mentions if m.character == "c7"]
    assert linked == ["Tobias Finch", "Mr. Finch", "Toby"]


def test_characters_metadata_tags_seed_the_inventory():
    doc = parsed('" Buffy , wait ! " said|VERB|ROOT|. Spike|PROPN|nsubj|-1 .',
                 "Buffy|PROPN|nsubj|+1 ran|VERB|ROOT|. .")
    doc.metadata = Metadata(characters=["Buffy Summers", "Spike (Buffy the Vampire Slayer)",
                                        "Original Female Character(s)"])
    doc = characters.run(doc)
    by_name = {c.name: c for c in doc.characters}
    assert set(by_name) == {"Buffy Summers", "Spike"}
    assert by_name["Buffy Summers"].aliases == ["Buffy", "Buffy Summers"]
    assert {c.source for c in doc.characters} == {"metadata"}


DOCTOR_SPEAKS = '" Well . " said|VERB|ROOT|.|lemma=say the|DET|det|+1 doctor|NOUN|nsubj|-2 .'


@pytest.mark.parametrize("named_first", [True, False])
def test_characters_the_doctor_is_the_doctor_named_before(named_first):
    """ "said the doctor" after the story names Doctor Finch is Finch speaking; with no
    doctor named yet, "the doctor" is a character of its own."""
    finch = "Doctor|PROPN|compound|+1 Finch|PROPN|nsubj|+1 came|VERB|ROOT|. ."
    order = [finch, DOCTOR_SPEAKS, DOCTOR_SPEAKS] if named_first else [
        DOCTOR_SPEAKS, DOCTOR_SPEAKS, finch]
    doc = characters.run(parsed(*order))
    ids = {c.name: c.id for c in doc.characters}
    said = [m.character for m in doc.mentions if doc.text[m.start:m.end] == "the doctor"]
    if named_first:
        assert set(ids) == {"Doctor Finch"} and said == [ids["Doctor Finch"]] * 2
    else:
        assert set(ids) == {"Doctor Finch", "the doctor"} and said == [ids["the doctor"]] * 2


def test_characters_descriptions_from_a_real_parse():
    """ "asked the cook" (parsed as an object) and "the gentleman" + line break + "in the
    grey coat" are speakers the story never names."""
    from ficlens.api import analyze_text

    doc = analyze_text(
        'Mr. Giles sat by the fire.\n\n"What noise?" asked the cook.\n\n'
        '"A busting noise," said Mr. Giles.\n\n"Was he frightened?" asked the cook.\n\n'
        '"Such a boy," said the gentleman\nin the grey coat, as he knocked.\n\n'
        '"Nor I," said Mr. Giles.\n\n"He will be hung," said the gentleman in the grey\ncoat.')
    names = {c.id: c.name for c in doc.characters}
    assert [names.get(quote.speaker) for quote in doc.quotes] == [
        "the cook", "Mr. Giles", "the cook", "the gentleman in the grey coat", "Mr. Giles",
        "the gentleman in the grey coat"]


def test_characters_without_tokens_leave_the_document_alone():
    from ficlens.model import Document

    doc = Document(text="Nothing here.")
    assert characters.run(doc).characters == []


@pytest.mark.integration
def test_characters_on_the_seed_chapters(seeds_dir):
    from ficlens.api import analyze_document
    from ficlens.readers import read_path

    found: dict[str, list[str]] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        for doc in read_path(path):
            analyze_document(doc)
            found[path.name] = [alias.lower() for c in doc.characters for alias in c.aliases]
            names = {c.name for c in doc.characters}
            aliases = found[path.name]
            for wrong in ("brick red blood", "slayee", "vengeance", "blood redemption",
                          "slayer", "prologue"):
                assert wrong not in aliases, (path.name, wrong)
            if "Drusilla" in names or "Dru" in names:
                joined = [c for c in doc.characters if "Dru" in c.aliases]
                assert joined and "Drusilla" in joined[0].aliases
    every = set().union(*map(set, found.values()))
    assert {"buffy", "spike", "anya", "halfrek", "glory", "drusilla", "dru"} <= every


@pytest.mark.integration
def test_characters_on_the_demo_story():
    from ficlens.demo import run_demo

    doc = run_demo()
    by_name = {c.name: c for c in doc.characters}
    assert set(by_name) == {"Margaret Harlow", "Tobias Finch", "Mrs. Pell", "Jonah Aldous"}
    assert "Meg" in by_name["Margaret Harlow"].aliases
    assert "Toby" in by_name["Tobias Finch"].aliases
    assert by_name["Mrs. Pell"].gender == "she/her"
    assert by_name["Tobias Finch"].gender == "he/him"
    old_woman = [m for m in doc.mentions if doc.text[m.start:m.end] == "the old woman"]
    assert old_woman and old_woman[0].character == by_name["Mrs. Pell"].id
