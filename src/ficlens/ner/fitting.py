"""Fitting the person tagger's weights: minibatch Adam on softmax cross-entropy, in numpy.

The network is the one :class:`~ficlens.ner.model.PersonTagger` runs, and the forward
pass is its own :meth:`~ficlens.ner.model.PersonTagger.forward`, so training and
tagging cannot drift apart. Gradients of the two lookup tables (hashed features and
their hidden-layer embeddings) are scattered with a sparse matrix product (SciPy,
needed for training only). Runs are reproducible: one seeded generator drives the
initial weights, the shuffling and dropout.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import numpy as np

from ficlens.ner.features import Lexicon, deep_indices
from ficlens.ner.model import PersonTagger

logger = logging.getLogger(__name__)

_BETA1, _BETA2, _EPSILON = 0.9, 0.999, 1e-8


@dataclass
class FitOptions:
    width: int = 64              # hidden units
    deep_bits: int = 14          # log2 rows of the hidden layer's feature embeddings
    epochs: int = 4
    learning_rate: float = 2e-3  # decays linearly to zero over the epochs
    l2: float = 1e-5
    dropout: float = 0.2         # on the hidden layer, training only
    batch_size: int = 512
    word_dropout: float = 0.0    # share of training tokens shown as never-seen words
    seed: int = 0


def fit(indices: np.ndarray, dense: np.ndarray, labels: np.ndarray, *, bits: int,
        lexicon: Lexicon, options: FitOptions) -> PersonTagger:
    """Train a tagger on hashed ``indices`` (n, templates), ``dense`` (n, d) and tags."""
    generator = np.random.default_rng(options.seed)
    tagger = initial_tagger(bits, dense.shape[1], lexicon, options, generator)
    optimiser = _Adam(tagger)
    count = labels.shape[0]
    for epoch in range(options.epochs):
        began = time.perf_counter()
        rate = options.learning_rate * (1 - epoch / options.epochs)
        order = generator.permutation(count)
        for first in range(0, count, options.batch_size):
            batch = order[first:first + options.batch_size]
            grads = gradients(tagger, indices[batch], dense[batch], labels[batch],
                              options.dropout, generator)
            optimiser.step(grads, rate, options.l2)
        logger.info("epoch %d/%d in %.0f s", epoch + 1, options.epochs,
                    time.perf_counter() - began)
    return tagger


def initial_tagger(bits: int, dense_width: int, lexicon: Lexicon, options: FitOptions,
                   generator: np.random.Generator) -> PersonTagger:
    width = options.width

    def normal(rows: int, columns: int, scale: float) -> np.ndarray:
        return (generator.normal(size=(rows, columns)) * scale).astype(np.float32)

    return PersonTagger(
        wide=np.zeros((1 << bits, 3), dtype=np.float32),
        embed=normal(1 << options.deep_bits, width, 0.01),
        hidden=normal(dense_width, width, np.sqrt(2 / max(dense_width, 1))),
        hidden_bias=np.zeros(width, dtype=np.float32),
        output=normal(width, 3, np.sqrt(1 / width)),
        output_bias=np.zeros(3, dtype=np.float32),
        bits=bits, deep_bits=options.deep_bits, lexicon=lexicon)


def gradients(tagger: PersonTagger, indices: np.ndarray, dense: np.ndarray,
              labels: np.ndarray, dropout: float,
              generator: np.random.Generator) -> dict[str, np.ndarray]:
    """Gradients of the mean cross-entropy of one batch for every weight array."""
    scores, before, after = tagger.forward(indices, dense)
    keep = np.ones_like(after)
    if dropout:
        keep = (generator.random(after.shape) >= dropout).astype(np.float32) / (1 - dropout)
        scores = scores + (after * keep - after) @ tagger.output
        after = after * keep
    probabilities = np.exp(scores - scores.max(axis=1, keepdims=True))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    probabilities[np.arange(labels.shape[0]), labels] -= 1.0
    delta = probabilities / labels.shape[0]
    delta_before = (delta @ tagger.output.T) * keep * (before > 0)
    return {
        "wide": _scatter(indices, delta, tagger.wide.shape[0]),
        "embed": _scatter(deep_indices(indices, tagger.deep_bits), delta_before,
                          tagger.embed.shape[0]),
        "hidden": dense.T @ delta_before,
        "hidden_bias": delta_before.sum(axis=0),
        "output": after.T @ delta,
        "output_bias": delta.sum(axis=0),
    }


def _scatter(rows: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Sum of ``values[i]`` into every table row listed in ``rows[i]``."""
    from scipy import sparse

    count, per_row = rows.shape
    selector = sparse.csr_matrix(
        (np.ones(rows.size, dtype=np.float32), rows.ravel(),
         np.arange(0, rows.size + 1, per_row)), shape=(count, size))
    return np.asarray(selector.T @ values, dtype=np.float32)


class _Adam:
    """Adam over every weight array of a tagger (updated in place)."""

    NAMES = ("wide", "embed", "hidden", "hidden_bias", "output", "output_bias")

    def __init__(self, tagger: PersonTagger) -> None:
        self.tagger = tagger
        self.first = {name: np.zeros_like(getattr(tagger, name)) for name in self.NAMES}
        self.second = {name: np.zeros_like(getattr(tagger, name)) for name in self.NAMES}
        self.steps = 0

    def step(self, grads: dict[str, np.ndarray], rate: float, l2: float) -> None:
        self.steps += 1
        correction1 = 1 - _BETA1 ** self.steps
        correction2 = 1 - _BETA2 ** self.steps
        for name in self.NAMES:
            weights = getattr(self.tagger, name)
            grad = grads[name] + l2 * weights
            first, second = self.first[name], self.second[name]
            first *= _BETA1
            first += (1 - _BETA1) * grad
            second *= _BETA2
            second += (1 - _BETA2) * grad * grad
            weights -= rate * (first / correction1) / (np.sqrt(second / correction2) + _EPSILON)
