"""Inline author's notes at the ends of a chapter (readers.notes)."""

from __future__ import annotations

import pytest

from ficlens.readers.blocks import Block
from ficlens.readers.notes import is_labelled_note, is_review_request, split_inline_notes


def paragraphs(*texts: str) -> list[Block]:
    return [Block("marker", t[1:]) if t.startswith("|") else Block("text", t) for t in texts]


STORY = ("The ferry left at dawn.", "Ina watched it go.", "Gulls followed.",
         "The harbour emptied.", "Night came.")


@pytest.mark.parametrize("texts, kept, lead, tail", [
    # nothing to remove
    (STORY, STORY, [], []),
    # one labelled paragraph at each end
    (("A/N: hello!", *STORY, "Author's Note: bye."), STORY, ["A/N: hello!"],
     ["Author's Note: bye."]),
    # a note block that ends with a cue
    (("Disclaimer: not mine.", "Thanks to all of you.", "On to the story!", *STORY),
     STORY, ["Disclaimer: not mine.\n\nThanks to all of you.\n\nOn to the story!"], []),
    # an unlabelled chat closed by a cue with a label inside
    (("Sorry for the wait!", "Disclaimer: still not mine.", "Okay, story time.", *STORY),
     STORY, ["Sorry for the wait!\n\nDisclaimer: still not mine.\n\nOkay, story time."], []),
    # a labelled note running up to a scene-break marker
    (("A/N: a long note", "that goes on", "|***", *STORY), STORY,
     ["A/N: a long note\n\nthat goes on"], []),
    # review pleas and a P.S. at the end
    ((*STORY, "Please review!", "P.S. I love you all."), STORY, [],
     ["Please review!\n\nP.S. I love you all."]),
    # a P.S. alone may be a letter in the story: kept
    ((*STORY, "P.S. Burn this letter."), (*STORY, "P.S. Burn this letter."), [], []),
    # a labelled note near the end takes what follows
    ((*STORY, "AN: thanks for reading", "See you soon"), STORY, [],
     ["AN: thanks for reading\n\nSee you soon"]),
    # never empty a chapter
    (("A/N: only notes", "A/N: more notes"), ("A/N: only notes", "A/N: more notes"), [], []),
    # a quoted line that mentions reviews is story
    ((*STORY, '"Did you review it?" she asked.'), (*STORY, '"Did you review it?" she asked.'),
     [], []),
])
def test_notes_split_inline_notes(texts, kept, lead, tail):
    blocks, found_lead, found_tail = split_inline_notes(paragraphs(*texts))
    assert [b.text for b in blocks if b.kind == "text"] == list(kept)
    assert (found_lead, found_tail) == (lead, tail)


@pytest.mark.parametrize("value, expected", [
    ("A/N: hi", True), ("(A/N: hi)", True), ("**A/N** hi", True), ("AN: hi", True),
    ("Author's note - hi", True), ("Authors Notes: hi", True), ("Disclaimer: x", True),
    ("Note: this is set later.", True),
    ("An apple fell.", False), ("Anna said no.", False), ("Disclaimers are dull", False),
    ("Notes were passed in class.", False),
])
def test_notes_is_labelled_note(value, expected):
    assert is_labelled_note(value) is expected


@pytest.mark.parametrize("value, expected", [
    ("Please review!", True), ("R&R?", True), ("All reviewers get cake.", True),
    ("She finished the review.", False), ('"Review it!" he said.', False),
])
def test_notes_is_review_request(value, expected):
    assert is_review_request(value) is expected
