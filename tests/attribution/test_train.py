"""Training helpers that need no LitBank: sieve confidences from collected counts, the
narrator's speaker label."""

from __future__ import annotations

import pytest

from ficlens.attribution.litbank import LitBankBook
from ficlens.attribution.ranker import DEFAULT_SIEVE_CONFIDENCE
from ficlens.attribution.train import (
    PRIOR_STRENGTH,
    Collected,
    label_of_characters,
    narrator_label,
    sieve_confidences,
)
from ficlens.model import Character, Document


def test_train_sieve_confidence_is_precision_pulled_towards_its_prior():
    collected = Collected()
    collected.sieves.update({("tag_name", True): 80, ("tag_name", False): 20,
                             ("tag_description", True): 1, ("tag_description", False): 4})
    confidence = sieve_confidences(collected)
    prior = DEFAULT_SIEVE_CONFIDENCE["tag_description"]
    assert confidence["tag_description"] == pytest.approx(
        (1 + prior * PRIOR_STRENGTH) / (5 + PRIOR_STRENGTH))
    # 100 decisions at 0.8 against a prior of 0.9: close to the record, a little above it.
    assert 0.8 < confidence["tag_name"] < 0.82
    # A sieve never seen keeps its prior.
    assert confidence["beat_after"] == pytest.approx(DEFAULT_SIEVE_CONFIDENCE["beat_after"])


def test_train_narrator_stands_for_the_excerpts_first_person_label():
    book = LitBankBook("x", "", [], {"i": "I", "pip": "Pip"})
    assert narrator_label("c1", {"c2": "pip"}, book) == {"c1": "i"}
    # A narrator already matched to a name label keeps it.
    assert narrator_label("c1", {"c1": "pip"}, book) == {}
    # No first-person label, or no narrator: nothing to add.
    assert narrator_label("c1", {}, LitBankBook("x", "", [], {"pip": "Pip"})) == {}
    assert narrator_label(None, {}, book) == {}


def test_train_labels_keep_mr_and_mrs_apart():
    book = LitBankBook("x", "", [], {"mr bennet": "Mr Bennet", "mrs bennet": "Mrs Bennet",
                                     "lizzy": "Lizzy"})
    doc = Document(text="", characters=[
        Character("c0", "Mrs. Bennet", ["Mrs. Bennet"]),
        Character("c1", "Mr. Bennet", ["Mr. Bennet", "Bennet"]),
        Character("c2", "Elizabeth Bennet", ["Elizabeth Bennet", "Elizabeth"])])
    # the names decide Mr. and Mrs.; the words ("lizzy" shares none) nothing else
    assert label_of_characters(doc, book) == {"c0": "mrs bennet", "c1": "mr bennet"}
