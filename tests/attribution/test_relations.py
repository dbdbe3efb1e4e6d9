"""Speakers named by family role: "said her mother"."""

from __future__ import annotations

import pytest

from ficlens.attribution.ranker import default_ranker
from ficlens.attribution.sieves import attribute
from ficlens.model import Character


def said_her(relation: str) -> list[str]:
    """'"No," said her <relation>.'"""
    return ['"/PUNCT/punct/4', "No/INTJ/intj/4", ",/PUNCT/punct/4", '"/PUNCT/punct/4',
            "said/VERB/ROOT/-/say", "her/PRON/poss/6", f"{relation}/NOUN/nsubj/4",
            "./PUNCT/punct/4"]


def decided(docs, relation: str, names: dict[str, list[str]]):
    doc = docs.story([said_her(relation)], {}, pronouns={"her": "c0"})
    doc.characters = [Character(cid, forms[0], forms) for cid, forms in names.items()]
    (utterance,) = attribute(doc, default_ranker()).utterances
    return utterance.speaker, utterance.sieve


BENNETS = {"c0": ["Elizabeth Bennet", "Elizabeth"], "c1": ["Mrs. Bennet"],
           "c2": ["Mr. Bennet"], "c3": ["Mrs. Long"]}


@pytest.mark.parametrize(("relation", "expected"), [("mother", "c1"), ("father", "c2")])
def test_relations_parent_is_the_one_styled_with_the_possessors_surname(
        relation, expected, docs):
    assert decided(docs, relation, BENNETS) == (expected, "tag_relation")


def test_relations_two_candidates_leave_it_to_the_ranker(docs):
    names = {**BENNETS, "c4": ["Lady Bennet"]}
    assert decided(docs, "mother", names)[1] != "tag_relation"


@pytest.mark.parametrize(("names", "expected"), [
    # a married woman's husband wears her "Mrs." surname, not her father's
    ({"c0": ["Mrs. Newland Archer", "May Welland"], "c1": ["Mr. Welland"],
      "c2": ["Newland Archer", "Mr. Archer"]}, "c2"),
    ({"c0": ["May Welland"], "c1": ["Mr. Welland"]}, None),
])
def test_relations_husband_goes_by_the_wifes_married_name(names, expected, docs):
    speaker, sieve = decided(docs, "husband", names)
    if expected is None:
        assert sieve != "tag_relation"
    else:
        assert (speaker, sieve) == (expected, "tag_relation")
