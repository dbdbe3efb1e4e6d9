"""Turning scores into confidences that mean what they say.

:func:`isotonic_curve` fits a monotone map from the ranker's raw probability to the
observed accuracy (pool-adjacent-violators), returned as knots for ``np.interp``;
:func:`smoothed_precision` turns a sieve's right/wrong counts into a confidence,
pulled towards a prior when the sieve was seen only a few times.
"""

from __future__ import annotations

import numpy as np

MAX_KNOTS = 24
#: Fewest training samples behind one step of the calibration curve.
MIN_BLOCK = 30
#: Never claim more than this, whatever the training data says.
CEILING = 0.99


def isotonic_curve(scores: np.ndarray, outcomes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Knots (x, y) of the non-decreasing fit of ``outcomes`` (0/1) on ``scores``."""
    if len(scores) == 0:
        return np.array([0.0, 1.0]), np.array([0.0, 0.5])
    order = np.argsort(scores, kind="stable")
    xs = np.asarray(scores, dtype=float)[order]
    ys = np.asarray(outcomes, dtype=float)[order]
    blocks: list[list[float]] = []  # [sum, count, x_min, x_max]
    for x, y in zip(xs, ys, strict=True):
        blocks.append([y, 1.0, x, x])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            total, count, _, high = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
            blocks[-1][3] = high
    blocks = _merge_small(blocks)
    knots_x = [0.0]
    knots_y = [blocks[0][0] / blocks[0][1]]
    for total, count, low, high in blocks:
        knots_x.append((low + high) / 2)
        knots_y.append(total / count)
    knots_x.append(1.0)
    knots_y.append(knots_y[-1])
    x, y = _thin(np.array(knots_x), np.minimum(np.array(knots_y), CEILING))
    return x, y


def _merge_small(blocks: list[list[float]]) -> list[list[float]]:
    """Merge blocks of fewer than :data:`MIN_BLOCK` samples into a neighbour, so a
    handful of lucky top scores cannot claim certainty (merging neighbours of a
    monotone fit keeps it monotone)."""
    merged = [list(block) for block in blocks]
    index = 0
    while len(merged) > 1 and index < len(merged):
        if merged[index][1] >= MIN_BLOCK:
            index += 1
            continue
        other = index - 1 if index > 0 else index + 1
        low, high = sorted((index, other))
        a, b = merged[low], merged[high]
        merged[low:high + 1] = [[a[0] + b[0], a[1] + b[1], a[2], b[3]]]
        index = max(0, low - 1)
    return merged


def _thin(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if len(x) <= MAX_KNOTS:
        return x, y
    keep = np.unique(np.linspace(0, len(x) - 1, MAX_KNOTS).round().astype(int))
    return x[keep], y[keep]


def smoothed_precision(correct: int, wrong: int, prior: float = 0.5,
                       strength: float = 2.0) -> float:
    """Precision with ``strength`` pseudo-counts at ``prior`` (capped at CEILING): a
    sieve seen a few times keeps close to its prior, a frequent one to its record."""
    return min(CEILING, (correct + prior * strength) / (correct + wrong + strength))
