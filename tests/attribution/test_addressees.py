"""Vocatives and addressees."""

from __future__ import annotations

import pytest

from ficlens.attribution.addressees import _is_vocative


@pytest.mark.parametrize(("quote", "name", "expected"), [
    ("Buffy, come here.", "Buffy", True),
    ("Now Buffy, that was rude.", "Buffy", True),
    ("Thank you, Anya.", "Anya", True),
    ("Oh, Spike!", "Spike", True),
    ("I saw Buffy yesterday.", "Buffy", False),
    ("Buffy and I went out.", "Buffy", False),
    ("Where is Anya?", "Anya", False),
    ("Tell Spike, he will know.", "Spike", False),
    ("No one but I, Spike, would try it!", "Spike", False),
    ("Tell me, Anya, what happened.", "Anya", True),
])
def test_addressees_vocative_patterns(quote, name, expected):
    start = quote.index(name)
    assert _is_vocative(quote, 0, len(quote), start, start + len(name)) is expected


def test_addressees_tag_and_turns(docs):
    from ficlens.attribution.ranker import default_ranker
    from ficlens.attribution.sieves import attribute

    # "Hello," Anya said to Buffy.  /  "Hello," Buffy said.
    to_buffy = ['"/PUNCT/punct/5', "Hello/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
                "Anya/PROPN/nsubj/5", "said/VERB/ROOT/-/say", "to/ADP/prep/5",
                "Buffy/PROPN/pobj/6", "./PUNCT/punct/5"]
    doc = docs.story([to_buffy, docs.said("Buffy")], {"Anya": "c0", "Buffy": "c1"})
    context = attribute(doc, default_ranker())
    assert [u.addressees for u in context.utterances] == [["c1"], ["c0"]]
