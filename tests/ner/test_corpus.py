"""Tests for the BIO helpers shared by training and evaluation."""

from __future__ import annotations

import numpy as np
import pytest

from ficlens.ner.corpus import gold_tags, spans_from_tags, strip_titles


def test_corpus_gold_tags_marks_begin_and_inside() -> None:
    starts = np.array([0, 4, 8, 15, 20])
    assert gold_tags(starts, [(4, 14), (20, 25)]).tolist() == [0, 1, 2, 0, 1]


def test_corpus_gold_tags_span_inside_a_token_is_skipped() -> None:
    assert gold_tags(np.array([0, 10]), [(2, 5)]).tolist() == [0, 0]


@pytest.mark.parametrize(("tags", "expected"), [
    ([0, 1, 2, 0, 1], [(10, 29), (40, 49)]),
    ([1, 1, 0, 0, 0], [(0, 9), (10, 19)]),
    ([0, 2, 2, 0, 0], [(10, 29)]),              # a stray inside tag still opens a mention
    ([0, 0, 0, 0, 0], []),
])
def test_corpus_spans_from_tags(tags: list[int], expected: list[tuple[int, int]]) -> None:
    starts = np.array([0, 10, 20, 30, 40])
    assert spans_from_tags(np.array(tags), starts, starts + 9) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Giles", "Giles"),
    ("Aunt Arlene Summers", "Arlene Summers"),
    ("Mr. Mrs. Smith", "Smith"),
    ("Buffy", "Buffy"),
    ("Mr.", "Mr."),
])
def test_corpus_strip_titles(text: str, expected: str) -> None:
    start, end = strip_titles(text, (0, len(text)))
    assert text[start:end] == expected
