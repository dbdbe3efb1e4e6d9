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


@pytest.mark.parametrize(("pronouns", "expected"), [
    ({"I": "c2"}, [["c2"]]),  # a first-person narrator hears what Anya says
    ({}, [[]]),               # no narrator is known: no one is added
])
def test_addressees_first_person_narrator_listens(pronouns, expected, docs):
    from ficlens.attribution.ranker import default_ranker
    from ficlens.attribution.sieves import attribute

    # I sat down. I smiled.  /  "Hello," Anya said.
    narration = ["I/PRON/nsubj/1", "sat/VERB/ROOT/-/sit", "down/ADV/advmod/1",
                 "./PUNCT/punct/1", "I/PRON/nsubj/5", "smiled/VERB/ROOT/-/smile",
                 "./PUNCT/punct/5"]
    doc = docs.story([narration, docs.said("Anya")], {"Anya": "c0", "Spike": "c2"},
                     pronouns=pronouns)
    context = attribute(doc, default_ranker())
    assert [u.speaker for u in context.utterances] == ["c0"]
    assert [u.addressees for u in context.utterances] == expected


@pytest.mark.parametrize(("first_voices", "expected"), [
    (["Spike"], ["c1"]),                   # a third voice six turns back talks to others
    (["Spike", "Xander"], ["c1", "c3", "c2"]),  # in a group everyone hears
])
def test_addressees_far_voice_of_a_small_exchange(first_voices, expected, docs):
    from ficlens.attribution.ranker import default_ranker
    from ficlens.attribution.sieves import attribute

    names = {"Anya": "c0", "Buffy": "c1", "Spike": "c2", "Xander": "c3"}
    voices = first_voices + ["Anya", "Buffy"] * 3 + ["Anya"]
    doc = docs.story([docs.said(voice) for voice in voices], names)
    context = attribute(doc, default_ranker())
    assert [u.speaker for u in context.utterances] == [names[v] for v in voices]
    assert context.utterances[-1].addressees == expected
