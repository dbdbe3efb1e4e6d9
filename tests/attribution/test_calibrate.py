"""Calibration curves and sieve confidences."""

from __future__ import annotations

import numpy as np
import pytest

from ficlens.attribution.calibrate import CEILING, isotonic_curve, smoothed_precision


def test_calibrate_isotonic_is_monotone_and_bounded():
    rng = np.random.default_rng(0)
    scores = rng.random(500)
    outcomes = (rng.random(500) < scores).astype(float)
    x, y = isotonic_curve(scores, outcomes)
    assert x[0] == 0.0 and x[-1] == 1.0
    assert np.all(np.diff(y) >= 0)
    assert 0.0 <= y.min() and y.max() <= CEILING
    assert np.interp(0.95, x, y) > np.interp(0.2, x, y)


def test_calibrate_isotonic_of_nothing_is_cautious():
    x, y = isotonic_curve(np.array([]), np.array([]))
    assert np.interp(1.0, x, y) <= 0.5


@pytest.mark.parametrize(("correct", "wrong", "low", "high"), [
    (98, 2, 0.95, 0.98), (0, 0, 0.5, 0.5), (10000, 0, CEILING, CEILING), (5, 5, 0.5, 0.5),
])
def test_calibrate_smoothed_precision(correct, wrong, low, high):
    assert low <= smoothed_precision(correct, wrong) <= high


def test_calibrate_a_few_lucky_top_scores_do_not_mean_certainty():
    scores = np.concatenate([np.linspace(0, 0.9, 300), np.full(5, 0.99)])
    outcomes = np.concatenate([np.tile([1.0, 0.0], 150), np.ones(5)])
    x, y = isotonic_curve(scores, outcomes)
    assert np.interp(0.995, x, y) < 0.7
