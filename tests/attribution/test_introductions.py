"""Speakers who name themselves."""

from __future__ import annotations

import pytest

from ficlens.attribution.context import Context
from ficlens.attribution.introductions import self_named
from ficlens.attribution.ranker import default_ranker
from ficlens.attribution.sieves import attribute
from ficlens.model import Character, Document, Mention, Paragraph, Quote

NAMES = {"Anya": "c0", "Buffy": "c1", "Spike": "c2"}


def one_quote(inside: str) -> Document:
    """A paragraph that is one quote; every listed name in it is a mention."""
    text = f'"{inside}"'
    mentions = []
    for name, cid in NAMES.items():
        at = text.find(name)
        while at >= 0:
            mentions.append(Mention(at, at + len(name), "name", cid))
            at = text.find(name, at + 1)
    return Document(text=text, paragraphs=[Paragraph(0, len(text))],
                    quotes=[Quote("q0", 1, len(text) - 1)],
                    characters=[Character(c, n, [n]) for n, c in NAMES.items()],
                    mentions=sorted(mentions, key=lambda m: m.start))


@pytest.mark.parametrize("inside, expected", [
    ("Let us begin again. I am Buffy.", "c1"),
    ("Yes, I am Spike. No, of course not.", "c2"),
    ("I'm Anya, and you are late.", "c0"),
    ("My name\nis Buffy.", "c1"),  # a line break inside the words
    ("Call me Spike.", "c2"),
    ("I am Buffy's friend.", None),  # a possessive: someone else
    ("I am\nBuffy s aunt.", None),  # the apostrophe lost
    ("If I am Buffy, who is she?", None),  # "if" opens the clause
    ("Please call me Spike.", None),  # a wish, and "please" opens the clause
    ("I am Buffy. I am Spike.", None),  # two names: no one
    ("Hello, Buffy.", None),  # a vocative
])
def test_introductions_self_named(inside, expected):
    doc = one_quote(inside)
    context = Context(doc)
    assert self_named(context, context.utterances[0]) == expected


def test_introductions_the_sieve_decides_an_untagged_quote(docs):
    # "Hello," Anya said. / "Hello. I am Buffy."
    doc = docs.story([docs.said("Anya"), docs.untagged("Hello", ".", "I", "am", "Buffy")],
                     NAMES)
    first, second = attribute(doc, default_ranker()).utterances
    assert (first.speaker, first.sieve) == ("c0", "tag_name")
    assert (second.speaker, second.sieve) == ("c1", "self_named")
