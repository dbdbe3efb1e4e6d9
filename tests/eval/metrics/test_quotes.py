"""Quotation metric: overlap rule, one-to-one matching, rates from counts."""

from __future__ import annotations

import pytest

from ficlens.eval.gold import GoldNovel, GoldQuote
from ficlens.eval.metrics import quotes as metric
from ficlens.model import Document, Quote


@pytest.mark.parametrize(("a", "b", "ratio"), [
    ((0, 10), (0, 10), 1.0),
    ((0, 10), (5, 15), 5 / 15),
    ((0, 10), (10, 20), 0.0),
    ((0, 10), (2, 8), 0.6),
])
def test_quotes_overlap_ratio(a, b, ratio) -> None:
    assert metric.overlap_ratio(a, b) == pytest.approx(ratio)


def test_quotes_each_prediction_matches_once() -> None:
    gold = [(0, 10), (1, 10)]
    predicted = [(0, 10)]
    assert len(metric.match_spans(gold, predicted)) == 1


def test_quotes_counts_skip_nested() -> None:
    novel = GoldNovel("n", "x" * 100, [GoldQuote("Q0", [(0, 20)]), GoldQuote("Q1", [(30, 40)])])
    doc = Document(text=novel.text, quotes=[
        Quote("q0", 1, 20), Quote("q1", 5, 8, nested_in="q0"), Quote("q2", 60, 70)])
    counts = metric.count(novel, doc)
    assert counts == {"quote_gold": 2, "quote_pred": 2, "quote_tp": 1}
    rates = metric.rates(counts)
    assert rates["quote_p"] == pytest.approx(0.5)
    assert rates["quote_r"] == pytest.approx(0.5)
    assert rates["quote_f1"] == pytest.approx(0.5)
