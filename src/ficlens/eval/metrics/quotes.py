"""Quotation identification: precision, recall and F1 over contiguous spans.

A gold span is found when a predicted span overlaps it by at least half of the union
of the two; each predicted span can match one gold span at most.
"""

from __future__ import annotations

from ficlens.eval.gold import GoldNovel
from ficlens.eval.ratios import f1, ratio
from ficlens.model import Document

NAME = "quotes"
COLUMNS = ["quote_p", "quote_r", "quote_f1"]


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    inner = min(a[1], b[1]) - max(a[0], b[0])
    if inner <= 0:
        return 0.0
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inner / union


def match_spans(gold: list[tuple[int, int]],
                predicted: list[tuple[int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching in text order: gold index -> predicted index."""
    gold_order = sorted(range(len(gold)), key=lambda i: gold[i])
    pred_order = sorted(range(len(predicted)), key=lambda i: predicted[i])
    matches: dict[int, int] = {}
    used: set[int] = set()
    cursor = 0
    for g in gold_order:
        g_span = gold[g]
        while cursor < len(pred_order) and predicted[pred_order[cursor]][1] <= g_span[0]:
            cursor += 1
        best, best_ratio = None, 0.0
        probe = cursor
        while probe < len(pred_order) and predicted[pred_order[probe]][0] < g_span[1]:
            p = pred_order[probe]
            ratio = overlap_ratio(g_span, predicted[p])
            if p not in used and ratio >= 0.5 and ratio > best_ratio:
                best, best_ratio = p, ratio
            probe += 1
        if best is not None:
            matches[g] = best
            used.add(best)
    return matches


def gold_spans(gold: GoldNovel) -> list[tuple[int, int]]:
    return [span for quote in gold.quotes for span in quote.spans]


def count(gold: GoldNovel, doc: Document) -> dict[str, float]:
    spans = gold_spans(gold)
    predicted = [(quote.start, quote.end) for quote in doc.quotes if quote.nested_in is None]
    matched = len(match_spans(spans, predicted))
    return {"quote_gold": len(spans), "quote_pred": len(predicted), "quote_tp": matched}


def rates(counts: dict[str, float]) -> dict[str, float]:
    precision = ratio(counts["quote_tp"], counts["quote_pred"])
    recall = ratio(counts["quote_tp"], counts["quote_gold"])
    return {"quote_p": precision, "quote_r": recall, "quote_f1": f1(precision, recall)}
