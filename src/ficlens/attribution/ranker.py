"""The learned speaker ranker: a conditional logit over candidate characters.

Each candidate's score is ``weights . features``; a softmax over the candidates of
one utterance gives the probability that each one speaks it. An extra *null*
candidate (only its ``null`` feature set) stands for a speaker ficlens does not list,
so a lone candidate is not certain just for being alone. The weights, the
calibration curve of the winner's probability and the measured precision of each
deterministic sieve are shipped in ``models/speaker_ranker.npz`` (trained on LitBank
by :mod:`ficlens.attribution.train`) and loaded once per process.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ficlens.attribution.features import FEATURES

logger = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "speaker_ranker.npz"

#: Weights used when no trained model is shipped (hand-set, for tests and bootstrapping).
DEFAULT_WEIGHTS = {
    "tag_speech_subject": 6.0, "tag_speech_pronoun": 3.0, "gender_recency": 1.5,
    "tag_joined_subject": 4.0, "beat_after_subject": 2.0,
    "beat_before_subject": 2.0, "para_mention": 1.0, "para_first_mention": 0.5,
    "quote_mention": -1.0, "vocative_here": -4.0, "vocative_before": 1.5, "addressed_before": 1.0,
    "prev_speaker": -1.5, "alternation_before": 2.0, "next_speaker": -1.0,
    "alternation_after": 1.0, "prev_para_subject": 1.0, "prev_para_mention": 0.5,
    "recency": 1.0, "closeness": 1.0, "frequency": 1.0, "narrator": 0.5,
    "pronoun_agrees": 1.0, "no_exchange": 0.0, "turn_same": 2.0, "turn_opposite": -2.0,
    "prev_para_speaks": 1.5, "null": 0.0, "pronoun_contradicts": -3.0,
    "exchange_participant": 1.0,
}
#: Sieve precision used when no trained model is shipped, and the prior that training
#: pulls rarely seen sieves towards.
DEFAULT_SIEVE_CONFIDENCE = {
    "tag_name": 0.9, "tag_first_person": 0.85, "beat_joined": 0.85, "beat_before": 0.8,
    "beat_after": 0.75, "continuation": 0.85, "turns": 0.7, "tag_description": 0.75,
    "tag_pronoun_beat": 0.8, "tag_pronoun_previous": 0.75, "beat_first_person": 0.8,
    "tag_name_previous": 0.7, "beat_pronoun_previous": 0.7, "tag_relation": 0.8,
    "tag_continues": 0.8, "self_named": 0.85,
}


@dataclass
class Ranker:
    weights: np.ndarray
    calibration_x: np.ndarray = field(default_factory=lambda: np.array([0.0, 1.0]))
    calibration_y: np.ndarray = field(default_factory=lambda: np.array([0.0, 0.85]))
    sieve_confidence: dict[str, float] = field(
        default_factory=lambda: dict(DEFAULT_SIEVE_CONFIDENCE))

    def confidence(self, sieve: str) -> float:
        """The confidence of a decision by ``sieve``: its measured precision, else the
        hand-set prior (a model file written before the sieve existed lacks it)."""
        return self.sieve_confidence.get(sieve, DEFAULT_SIEVE_CONFIDENCE[sieve])

    def choose(self, matrix: np.ndarray) -> tuple[int, float]:
        """The best real candidate (the null candidate is the last row) and its
        calibrated confidence."""
        probabilities = self.probabilities(matrix)
        best = int(np.argmax(probabilities[:-1]))
        return best, self.calibrated(float(probabilities[best]))

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        scores = matrix @ self.weights
        scores = scores - scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def calibrated(self, probability: float) -> float:
        return float(np.interp(probability, self.calibration_x, self.calibration_y))

    def save(self, path: Path) -> None:
        np.savez(path, weights=self.weights, features=np.array(FEATURES),
                 calibration_x=self.calibration_x, calibration_y=self.calibration_y,
                 sieves=np.array(json.dumps(self.sieve_confidence, sort_keys=True)))


def default_ranker() -> Ranker:
    return Ranker(np.array([DEFAULT_WEIGHTS[name] for name in FEATURES]))


def load_ranker(path: Path) -> Ranker:
    with np.load(path, allow_pickle=False) as data:
        names = [str(name) for name in data["features"]]
        learned = dict(zip(names, data["weights"].tolist(), strict=True))
        weights = np.array([learned.get(name, 0.0) for name in FEATURES])
        return Ranker(weights, data["calibration_x"].copy(), data["calibration_y"].copy(),
                      json.loads(str(data["sieves"])))


@functools.lru_cache(maxsize=1)
def shipped_ranker() -> Ranker:
    """The shipped model, or the hand-set default when none is installed."""
    if MODEL_PATH.exists():
        return load_ranker(MODEL_PATH)
    logger.warning("no speaker ranker at %s; using hand-set weights", MODEL_PATH)
    return default_ranker()
