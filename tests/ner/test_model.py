"""Tests for the tagger model: decoding, weights files, tagging well-formed BIO codes."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import numpy as np
import pytest

from ficlens.ner import model
from ficlens.ner.features import N_COLUMNS, Lexicon
from ficlens.ner.model import BEGIN, INSIDE, OUTSIDE, PersonTagger, decode, load, save, viterbi


def _well_formed(tags: np.ndarray) -> bool:
    previous = OUTSIDE
    for tag in tags.tolist():
        if tag == INSIDE and previous == OUTSIDE:
            return False
        previous = tag
    return True


def _scores(*best: int) -> np.ndarray:
    scores = np.zeros((len(best), 3), dtype=np.float32)
    scores[np.arange(len(best)), list(best)] = 1.0
    return scores


@pytest.mark.parametrize(("best", "expected"), [
    ((0, 1, 2, 0), [0, 1, 2, 0]),
    ((1, 1, 0), [1, 1, 0]),
    ((0,), [0]),
])
def test_model_decode_keeps_valid_argmax(best: tuple[int, ...], expected: list[int]) -> None:
    assert decode(_scores(*best)).tolist() == expected


@pytest.mark.parametrize("best", [(2,), (0, 2, 2), (1, 0, 2, 0)])
def test_model_decode_repairs_inside_after_outside(best: tuple[int, ...]) -> None:
    assert _well_formed(decode(_scores(*best)))


def test_model_decode_empty() -> None:
    assert decode(np.zeros((0, 3), dtype=np.float32)).shape == (0,)


def test_model_viterbi_finds_best_valid_sequence() -> None:
    generator = np.random.default_rng(7)
    for _ in range(30):
        scores = generator.normal(size=(5, 3))
        valid = [path for path in itertools.product(range(3), repeat=5)
                 if _well_formed(np.array(path))]
        best = max(valid, key=lambda path: scores[np.arange(5), list(path)].sum())
        assert viterbi(scores).tolist() == list(best)


def _tiny_tagger(bits: int = 8, deep_bits: int = 6, dense_width: int = 0,
                 width: int = 4) -> PersonTagger:
    from ficlens.ner.fitting import FitOptions, initial_tagger

    lexicon = Lexicon(np.array([5], dtype=np.uint64), np.array([6], dtype=np.uint64),
                      np.array([5], dtype=np.uint64), np.array([4], dtype=np.uint8))
    generator = np.random.default_rng(1)
    options = FitOptions(width=width, deep_bits=deep_bits)
    tagger = initial_tagger(bits, dense_width, lexicon, options, generator)
    tagger.wide = generator.normal(size=tagger.wide.shape).astype(np.float32)
    tagger.meta = {"trained": "today"}
    return tagger


def test_model_save_load_roundtrip(tmp_path: Path) -> None:
    path = tmp_path / "tagger.npz"
    tagger = _tiny_tagger()
    save(path, tagger)
    loaded = load(path)
    assert (loaded.bits, loaded.deep_bits) == (tagger.bits, tagger.deep_bits)
    assert np.allclose(loaded.wide, tagger.wide, atol=1e-2)       # stored as float16
    assert np.allclose(loaded.embed, tagger.embed, atol=1e-3)
    assert np.array_equal(loaded.lexicon.names, tagger.lexicon.names)
    assert loaded.meta == {"trained": "today"}


def test_model_tag_arrays_well_formed() -> None:
    from ficlens.ner.features import TokenArrays

    generator = np.random.default_rng(3)
    attrs = generator.integers(0, 2**62, size=(40, N_COLUMNS), dtype=np.uint64)
    arrays = TokenArrays(np.arange(40), attrs, np.zeros((40, 0), dtype=np.float32))
    tags = _tiny_tagger().tag_arrays(arrays)
    assert tags.shape == (40,)
    assert set(tags.tolist()) <= {OUTSIDE, BEGIN, INSIDE}
    assert _well_formed(tags)


def test_model_fill_spaces_inside_a_name() -> None:
    tags = np.array([1, 0, 2, 0, 0], dtype=np.int8)
    rows = np.array([0, 2, 3, 4])
    model._fill_spaces(tags, rows, np.array([1, 2, 0, 0], dtype=np.int8))
    assert tags.tolist() == [1, 2, 2, 0, 0]


def test_model_get_tagger_missing_weights_warns(tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="ficlens.ner.model"):
        assert model.get_tagger(tmp_path / "absent.npz") is None
    assert "not found" in caplog.text


def test_model_shipped_weights_load() -> None:
    path = model.default_path()
    assert path.is_file(), "ficlens/models/person_tagger.npz is missing: run ficlens.ner.train"
    assert path.stat().st_size < 5_000_000
    tagger = load(path)
    assert tagger.wide.shape == (1 << tagger.bits, 3)
    assert tagger.embed.shape == (1 << tagger.deep_bits, tagger.output.shape[0])
    assert tagger.hidden.shape[1] == tagger.output.shape[0]
    assert tagger.lexicon.titles.shape[0] > 50
    assert tagger.meta["split"] == "train"


def test_model_shipped_tagger_on_blank_doc_is_well_formed() -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    words = ['"', "Stop", "it", ",", '"', "Buffy", "said", ".", "\n", "Mr.", "\n", "Giles",
             "sighed", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    tags = model.get_tagger().tag(doc)
    assert tags.dtype == np.int8
    assert tags.shape == (len(words),)
    assert _well_formed(tags)


@pytest.mark.integration
def test_model_shipped_tagger_on_real_parse() -> None:
    from ficlens.nlp import get_nlp

    text = ("Willow Rosenberg closed the laptop. \"Giles says the prophecy is wrong,\" she "
            "told Xander, and Mrs. Summers nodded from the kitchen door.")
    doc = get_nlp()(text)
    tags = model.get_tagger().tag(doc)
    assert _well_formed(tags)
    tagged = {token.text for token, tag in zip(doc, tags.tolist(), strict=True) if tag != OUTSIDE}
    assert {"Willow", "Rosenberg", "Xander", "Summers"} <= tagged
