"""Tests for the numpy trainer: gradients match finite differences, a toy task is learnt."""

from __future__ import annotations

import numpy as np

from ficlens.ner.features import N_TEMPLATES, Lexicon
from ficlens.ner.fitting import FitOptions, fit, gradients, initial_tagger


def _loss(tagger, indices, dense, labels) -> float:
    scores = tagger.forward(indices, dense)[0].astype(np.float64)
    scores -= scores.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(labels.shape[0]), labels].mean())


def test_fitting_gradients_match_finite_differences() -> None:
    generator = np.random.default_rng(0)
    options = FitOptions(width=5, deep_bits=5)
    tagger = initial_tagger(6, 4, Lexicon.empty(), options, generator)
    tagger.wide = generator.normal(size=tagger.wide.shape).astype(np.float32)
    tagger.embed = generator.normal(size=tagger.embed.shape).astype(np.float32)
    for name in ("wide", "embed", "hidden", "hidden_bias", "output", "output_bias"):
        setattr(tagger, name, getattr(tagger, name).astype(np.float64))   # exact differences
    indices = generator.integers(1, 64, size=(7, N_TEMPLATES))
    indices[:, 0] = 0
    dense = generator.normal(size=(7, 4))
    labels = generator.integers(0, 3, size=7)
    grads = gradients(tagger, indices, dense, labels, 0.0, generator)
    for name, position in [("wide", (int(indices[0, 3]), 1)), ("hidden", (2, 3)),
                           ("output", (1, 2)), ("output_bias", (0,)), ("hidden_bias", (4,))]:
        weights = getattr(tagger, name)
        saved = float(weights[position])
        weights[position] = saved + 1e-4
        above = _loss(tagger, indices, dense, labels)
        weights[position] = saved - 1e-4
        below = _loss(tagger, indices, dense, labels)
        weights[position] = saved
        assert abs((above - below) / 2e-4 - grads[name][position]) < 1e-5, name


def test_fitting_learns_a_toy_rule() -> None:
    # tag 1 exactly when feature row 7 is present in template column 1
    generator = np.random.default_rng(1)
    indices = generator.integers(8, 256, size=(600, N_TEMPLATES))
    indices[:, 0] = 0
    labels = generator.integers(0, 2, size=600)
    indices[labels == 1, 1] = 7
    dense = np.zeros((600, 2), dtype=np.float32)
    options = FitOptions(width=4, deep_bits=6, epochs=3, batch_size=50, learning_rate=0.05)
    tagger = fit(indices, dense, labels, bits=8, lexicon=Lexicon.empty(), options=options)
    predicted = tagger.forward(indices, dense)[0].argmax(axis=1)
    assert (predicted == labels).mean() > 0.95
