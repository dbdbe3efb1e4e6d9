"""Evaluation metrics, one module per concern.

A metric module exposes ``NAME``, ``count(gold, doc) -> dict[str, float]`` (additive
counts for one novel) and ``rates(counts) -> dict[str, float]`` (figures from counts,
so overall figures are computed from summed counts, not averaged per novel), plus
``COLUMNS``: the rate names shown in the printed table. :data:`METRICS` orders them.
"""

from __future__ import annotations

from ficlens.eval.metrics import characters, quotes, speakers

METRICS = [quotes, characters, speakers]
