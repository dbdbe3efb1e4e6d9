"""The story's witness: a first-person narrator or a point-of-view character."""

from __future__ import annotations

import pytest

from ficlens.attribution import witness
from ficlens.attribution.context import Context
from ficlens.attribution.witness import Witness, find_witness, viewpoint

NAMES = {"Anya": "c0", "Buffy": "c1", "Spike": "c2"}


def thinks(name: str, verb: str = "wondered", lemma: str = "wonder") -> list[str]:
    return [f"{name}/PROPN/nsubj/1", f"{verb}/VERB/ROOT/-/{lemma}", "./PUNCT/punct/1"]


def acts(name: str) -> list[str]:
    return [f"{name}/PROPN/nsubj/1", "sat/VERB/ROOT/-/sit", "./PUNCT/punct/1"]


@pytest.fixture(autouse=True)
def few_cognitions(monkeypatch):
    monkeypatch.setattr(witness, "MIN_COGNITIONS", 3)


@pytest.mark.parametrize(("thinkers", "expected"), [
    (["Anya", "Anya", "Anya", "Buffy"], "c0"),         # one pair of eyes
    (["Anya", "Buffy", "Spike", "Buffy", "Anya", "Spike"], None),  # many pairs
    (["Anya", "Anya"], None),                           # too few to tell
])
def test_witness_viewpoint_is_who_thinks_and_sees(thinkers, expected, docs):
    doc = docs.story([thinks(name) for name in thinkers], NAMES)
    assert viewpoint(Context(doc)) == expected


def test_witness_viewpoint_ignores_other_verbs(docs):
    doc = docs.story([acts("Anya")] * 4 + [thinks("Buffy", "felt", "feel")], NAMES)
    assert viewpoint(Context(doc)) is None


def test_witness_narrator_is_everywhere(docs):
    doc = docs.story([acts("Anya")], NAMES)
    found = find_witness(Context(doc), "c2")
    assert found == Witness("c2")
    assert found.hears(0) and found.hears(10_000)


def test_witness_viewpoint_hears_near_where_named(docs):
    paragraphs = [thinks("Anya")] * 3 + [acts("Buffy")] * 8
    found = find_witness(Context(docs.story(paragraphs, NAMES)), None)
    assert found == Witness("c0", (0, 1, 2))
    assert [found.hears(p) for p in (0, 5, 6)] == [True, True, False]


def test_witness_viewpoint_listens_to_nearby_talk(docs):
    from ficlens.attribution.ranker import default_ranker
    from ficlens.attribution.sieves import attribute

    # Anya wondered. (x3)  /  "Hello," Buffy said.  /  "Hello," Spike said.
    near = [thinks("Anya")] * 3 + [docs.said("Buffy"), docs.said("Spike")]
    context = attribute(docs.story(near, NAMES), default_ranker())
    assert [u.addressees for u in context.utterances] == [["c2", "c0"], ["c1", "c0"]]
    far = [thinks("Anya")] * 3 + [acts("Spike")] * 4 + [docs.said("Buffy"), docs.said("Spike")]
    context = attribute(docs.story(far, NAMES), default_ranker())
    assert [u.addressees for u in context.utterances] == [["c2"], ["c1"]]
