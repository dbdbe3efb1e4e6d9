"""The ranker's model file and its choice of candidate."""

from __future__ import annotations

import numpy as np

from ficlens.attribution.features import FEATURES, INDEX
from ficlens.attribution.ranker import (
    DEFAULT_SIEVE_CONFIDENCE,
    MODEL_PATH,
    Ranker,
    default_ranker,
    load_ranker,
    shipped_ranker,
)


def test_ranker_save_and_load_round_trip(tmp_path):
    ranker = Ranker(np.arange(len(FEATURES), dtype=float), np.array([0.0, 0.5, 1.0]),
                    np.array([0.1, 0.6, 0.9]), {"tag_name": 0.97})
    path = tmp_path / "model.npz"
    ranker.save(path)
    loaded = load_ranker(path)
    assert np.allclose(loaded.weights, ranker.weights)
    assert loaded.sieve_confidence == {"tag_name": 0.97}
    assert loaded.calibrated(0.75) == ranker.calibrated(0.75)


def test_ranker_confidence_of_a_sieve_the_model_file_lacks_is_its_prior():
    ranker = Ranker(np.zeros(len(FEATURES)), sieve_confidence={"tag_name": 0.97})
    assert ranker.confidence("tag_name") == 0.97
    assert ranker.confidence("turns") == DEFAULT_SIEVE_CONFIDENCE["turns"]


def test_ranker_never_chooses_the_null_candidate():
    ranker = default_ranker()
    ranker.weights[INDEX["null"]] = 50.0
    matrix = np.zeros((3, len(FEATURES)))
    matrix[1, INDEX["tag_speech_subject"]] = 1.0
    matrix[2, INDEX["null"]] = 1.0
    best, confidence = ranker.choose(matrix)
    assert best == 1
    assert confidence < 0.5


def test_ranker_shipped_model_covers_every_feature():
    assert MODEL_PATH.exists()
    assert shipped_ranker().weights.shape == (len(FEATURES),)
