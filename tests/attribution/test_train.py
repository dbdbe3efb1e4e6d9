"""Training helpers that need no LitBank: sieve confidences from collected counts."""

from __future__ import annotations

import pytest

from ficlens.attribution.ranker import DEFAULT_SIEVE_CONFIDENCE
from ficlens.attribution.train import PRIOR_STRENGTH, Collected, sieve_confidences


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
