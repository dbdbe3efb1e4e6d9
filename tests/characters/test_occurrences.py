"""Runs of capitalised name words."""

import pytest

from ficlens.characters.context import build_context
from ficlens.characters.occurrences import clean_word, find_occurrences, word_stats
from ficlens.model import Quote

from .builder import parsed


def runs(*paragraphs: str) -> list[str]:
    ctx = build_context(parsed(*paragraphs))
    return [occurrence.form.display() for occurrence in find_occurrences(ctx, word_stats(ctx))]


@pytest.mark.parametrize("paragraph, expected", [
    ("Old Mrs. Pell dropped the basket .", ["Mrs. Pell"]),
    ("Then Margaret Harlow wrote .", ["Margaret Harlow"]),
    ("She saw Tom 's boat .", ["Tom"]),
    ("Meanwhile|ADV Hamidullah waited .", ["Hamidullah"]),
    ("He met the Hatter .", ["the Hatter"]),
    ("It was Lady Catherine de Bourgh .", ["Lady Catherine de Bourgh"]),
    ("It was Henry van der Luyden .", ["Henry van der Luyden"]),
    ("Then Mr. van der Luyden spoke .", ["Mr. van der Luyden"]),
    ("Then the van der Luyden carriage came .", ["Luyden"]),
    ("Then Hamidullah Begum came .", ["Hamidullah Begum"]),
])
def test_occurrences_runs(paragraph, expected):
    assert runs(paragraph) == expected


@pytest.mark.parametrize("paragraph, expected", [
    # a modal before a past tense is a name the tagger misread
    ("Then May|AUX|aux|+1|tag=MD said|VERB|ROOT|.|tag=VBD .", ["May"]),
    ("May|AUX|aux|+2|tag=MD suddenly|ADV|advmod|+1|tag=RB proposed|VERB|ROOT|.|tag=VBD it .",
     ["May"]),
    # a modal before an infinitive is a modal
    ("Then May|AUX|aux|+1|tag=MD I|PRON come|VERB|ROOT|.|tag=VB ?", []),
    ("Then Will|AUX|aux|+1|tag=MD go|VERB|ROOT|.|tag=VB .", []),
])
def test_occurrences_modal_names(paragraph, expected):
    assert runs(paragraph) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # a name the tagger took for an adverb, never written in lower case
    (["Then Dolly|ADV cried .", "He saw Dolly|ADV ."], ["Dolly", "Dolly"]),
    # a real adverb capitalised inside a sentence, but also written in lower case
    (["It was Quickly|ADV done .", "He ran quickly|ADV ."], []),
])
def test_occurrences_adverb_names(paragraphs, expected):
    assert runs(*paragraphs) == expected


def test_occurrences_skip_headings():
    assert runs("Brick Red Blood", "Buffy woke .") == ["Buffy"]


@pytest.mark.parametrize("word, cleaned", [("Lucy--", "Lucy"), ("Emma.", "Emma"),
                                           ("J.", "J."), ("Toby's", "Toby"), ("--", "")])
def test_occurrences_clean_word(word, cleaned):
    assert clean_word(word) == cleaned



@pytest.mark.parametrize("intro, name", [("Then Mrs. Denham remarked|VERB :", "Mrs. Denham"),
                                         ("Then Bull said|VERB", "Bull")])
def test_occurrences_a_short_line_introducing_a_quote_is_no_heading(intro, name):
    assert runs(intro, '" Hello . "') == [name]


def test_occurrences_a_short_line_introducing_dash_dialogue_is_no_heading():
    doc = parsed("Then Bull said|VERB", "\u2014 Hello .")
    speech = doc.paragraphs[1]
    doc.quotes = [Quote("q0", doc.text.index("Hello"), speech.end)]
    ctx = build_context(doc)
    assert [o.form.display() for o in find_occurrences(ctx, word_stats(ctx))] == ["Bull"]


def forms(*paragraphs: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    ctx = build_context(parsed(*paragraphs))
    return [(o.form.titles, o.form.words) for o in find_occurrences(ctx, word_stats(ctx))]


APPRENTICES = ("Then Apprentice Olms|person came .", "Later Apprentice Mejia|person spoke .")
NOUN_USES = ("Then the|DET apprentice slept .", "Then an|DET apprentice waited .")


def test_occurrences_a_rank_of_the_story_is_a_title():
    """ "Apprentice" before two names, and "the apprentice" in the narration: a rank of
    this story's world, not a given name shared by two people."""
    found = forms(*APPRENTICES, *NOUN_USES)
    assert found == [(("Apprentice",), ("Olms",)), (("Apprentice",), ("Mejia",))]
    ctx = build_context(parsed(*APPRENTICES, *NOUN_USES))
    assert word_stats(ctx).titles == frozenset({"apprentice"})


@pytest.mark.parametrize("paragraphs", [
    APPRENTICES + NOUN_USES[:1],  # a noun only once
    APPRENTICES[:1] + NOUN_USES,  # before one name only
    ("Then Red Olms|person came .", "Later Red Mejia|person spoke .",  # an adjective
     "Then the|DET red|ADJ one slept .", "Then a|DET red|ADJ one waited ."),
])
def test_occurrences_a_word_is_not_taken_for_a_title_without_the_evidence(paragraphs):
    assert all(not titles for titles, _ in forms(*paragraphs))


@pytest.mark.parametrize("paragraph, expected", [
    ("Then Admirals Mittermeyer and Reuenthal came .", ["Reuenthal"]),
    ("Then Messrs. Shoolbred and Harrod came .", ["Harrod"]),
    ("Then Mrs. Shoolbred came .", ["Mrs. Shoolbred"]),
    ("Then Parsons came .", ["Parsons"]),  # a surname, not "parsons" before names
])
def test_occurrences_a_plural_title_names_no_one(paragraph, expected):
    assert runs(paragraph) == expected


def test_occurrences_a_title_whose_period_the_tokenizer_split_still_opens_the_name():
    """ "replied Mlle. Blanche": spaCy makes "Mlle" and "." two tokens and starts a
    sentence at "Blanche"; the name is still "Mlle. Blanche"."""
    found = forms("Then replied|VERB Mlle . Blanche|person with a bow .")
    assert found == [(("Mlle.",), ("Blanche",))]
