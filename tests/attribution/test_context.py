"""Utterances: which quotations of a paragraph make one turn."""

from __future__ import annotations

from ficlens.attribution.context import Context
from ficlens.attribution.ranker import default_ranker
from ficlens.attribution.sieves import attribute

NAMES = {"Anya": "c0", "Buffy": "c1"}


def shifted(tokens: list[str], offset: int) -> list[str]:
    """``tokens`` written for a paragraph of their own, moved ``offset`` rows on."""
    moved = []
    for token in tokens:
        word, pos, dep, head, *rest = token.split("/")
        moved.append("/".join([word, pos, dep, head if head == "-" else str(int(head) + offset),
                               *rest]))
    return moved


def test_context_two_tagged_quotes_of_one_paragraph_are_two_turns(docs):
    # "Hello," Anya said. "Hello," Buffy said.
    paragraph = docs.said("Anya") + shifted(docs.said("Buffy"), 7)
    doc = docs.story([paragraph], NAMES)
    context = attribute(doc, default_ranker())
    assert [len(u.parts) for u in context.utterances] == [1, 1]
    assert [(u.speaker, u.sieve) for u in context.utterances] == [
        ("c0", "tag_name"), ("c1", "tag_name")]


def test_context_a_gesture_between_two_quotes_keeps_one_turn(docs):
    # "Hello," Anya said. "Hello."  (the second quote has no tag of its own)
    paragraph = docs.said("Anya") + ['"/PUNCT/punct/8', "Hi/INTJ/ROOT/-",
                                     "./PUNCT/punct/8", '"/PUNCT/punct/8']
    doc = docs.story([paragraph], NAMES)
    assert [len(u.parts) for u in Context(doc).utterances] == [2]


def test_context_narration_character_is_read_outside_quotes_only(docs):
    # Anya sat.  /  "Buffy!"
    doc = docs.story([["Anya/PROPN/nsubj/1", "sat/VERB/ROOT/-/sit", "./PUNCT/punct/1"],
                      docs.untagged("Buffy")], NAMES)
    context = Context(doc)
    buffy = next(row for row, word in enumerate(context.tokens.lower) if word == "buffy")
    assert [context.narration_character(row) for row in (0, 1, buffy)] == ["c0", None, None]
