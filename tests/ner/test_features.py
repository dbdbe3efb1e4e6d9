"""Unit tests for the tagger's features (no spaCy pipeline is loaded)."""

from __future__ import annotations

import numpy as np
import pytest

from ficlens.ner import features
from ficlens.ner.features import (
    CASE_BUCKET,
    GAZ_NAME,
    GAZ_NONE,
    GAZ_TITLE,
    GAZETTEER,
    LOWER,
    N_COLUMNS,
    N_TEMPLATES,
    SENT_START,
    Lexicon,
    TokenArrays,
    add_lexicon,
    dense_features,
    feature_indices,
)

BITS = 12


def _attrs(count: int, seed: int = 0) -> np.ndarray:
    generator = np.random.default_rng(seed)
    return generator.integers(0, 2**62, size=(count, N_COLUMNS), dtype=np.uint64)


def test_features_indices_shape_and_range() -> None:
    indices = feature_indices(_attrs(7), BITS)
    assert indices.shape == (7, N_TEMPLATES)
    assert indices.dtype == np.int64
    assert np.all(indices[:, 0] == 0)
    assert np.all((indices[:, 1:] >= 1) & (indices[:, 1:] < 2**BITS))


def test_features_indices_deterministic() -> None:
    attrs = _attrs(5)
    assert np.array_equal(feature_indices(attrs, BITS), feature_indices(attrs.copy(), BITS))


def test_features_indices_see_two_tokens_each_side() -> None:
    attrs = _attrs(8)
    before = feature_indices(attrs, BITS)
    attrs[3, LOWER] += np.uint64(1)
    changed = np.any(feature_indices(attrs, BITS) != before, axis=1)
    assert changed.tolist() == [False, True, True, True, True, True, False, False]


def test_features_indices_empty_block() -> None:
    assert feature_indices(np.zeros((0, N_COLUMNS), dtype=np.uint64), BITS).shape == (
        0, N_TEMPLATES)


def test_features_indices_pad_the_block_edges() -> None:
    attrs = _attrs(3)
    alone = feature_indices(attrs[1:2], BITS)
    other = attrs[1:2].copy()
    other[0, features.SHAPE] += np.uint64(1)          # a different token, same word
    # the previous-word template (column 2) sees only padding, whatever the token
    assert alone[0, 2] == feature_indices(attrs[0:1], BITS)[0, 2]
    assert alone[0, 1] == feature_indices(other, BITS)[0, 1]
    # with a real neighbour the previous-word feature changes
    assert feature_indices(attrs[0:2], BITS)[1, 2] != alone[0, 2]


def test_features_dense_window_places_neighbours() -> None:
    tensor = np.arange(6, dtype=np.float32).reshape(3, 2)
    dense = dense_features(tensor)
    width = 2 * (2 * features.DENSE_WINDOW + 1)
    assert dense.shape == (3, width)
    middle = features.DENSE_WINDOW * 2
    assert np.array_equal(dense[:, middle:middle + 2], tensor)
    if features.DENSE_WINDOW:
        assert np.array_equal(dense[0, :2], [0, 0])       # nothing before the first token
        assert np.array_equal(dense[1, :2], tensor[0])


def test_features_add_lexicon_marks_names_titles_and_case() -> None:
    lexicon = Lexicon(names=np.array([10, 30], dtype=np.uint64),
                      titles=np.array([20], dtype=np.uint64),
                      case_words=np.array([10, 40], dtype=np.uint64),
                      case_buckets=np.array([5, 1], dtype=np.uint8))
    attrs = np.zeros((5, N_COLUMNS), dtype=np.uint64)
    attrs[:, LOWER] = [10, 20, 30, 40, 50]
    arrays = TokenArrays(np.arange(5), attrs, np.zeros((5, 0), dtype=np.float32))
    add_lexicon(arrays, lexicon)
    assert arrays.attrs[:, GAZETTEER].tolist() == [GAZ_NAME, GAZ_TITLE, GAZ_NAME, GAZ_NONE,
                                                   GAZ_NONE]
    assert arrays.attrs[:, CASE_BUCKET].tolist() == [5, 0, 0, 1, 0]


def test_features_add_lexicon_empty_lexicon() -> None:
    attrs = np.ones((2, N_COLUMNS), dtype=np.uint64)
    arrays = TokenArrays(np.arange(2), attrs, np.zeros((2, 0), dtype=np.float32))
    add_lexicon(arrays, Lexicon.empty())
    assert arrays.attrs[:, GAZETTEER].tolist() == [0, 0]
    assert arrays.attrs[:, CASE_BUCKET].tolist() == [0, 0]


def test_features_token_arrays_skip_whitespace_tokens() -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    words = ["Mr.", "\n", "Sawyer", "left", ".", "Tom", "stayed"]
    spaces = [False, False, True, False, True, True, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces,
                           sent_starts=[True, False, False, False, False, True, False])
    arrays = features.token_arrays(doc)
    assert arrays.rows.tolist() == [0, 2, 3, 4, 5, 6]
    assert arrays.attrs[:, SENT_START].tolist() == [1, 0, 0, 0, 1, 0]
    assert arrays.attrs[1, LOWER] == doc[2].lower
    assert arrays.tensor.shape[0] == 6


def test_features_token_arrays_mark_determined_nouns() -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    words = ["The", "rain", "soaked", "Willow", "and", "her", "coat"]
    deps = ["det", "nsubj", "ROOT", "dobj", "cc", "poss", "conj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2, 3, 6, 3], deps=deps)
    arrays = features.token_arrays(doc)
    assert arrays.attrs[:, features.DETERMINED].tolist() == [0, 1, 0, 0, 0, 0, 1]
