"""The person tagger: a small wide-and-deep network, decoded as valid BIO tags.

Weights live in ``ficlens/models/person_tagger.npz`` (written by
:mod:`ficlens.ner.train`) and are loaded with numpy only, lazily, once per process.
Per token the model scores three tags (0 outside, 1 begin, 2 inside): a linear part
(one weight row per hashed sparse feature) plus one hidden ReLU layer over the
tok2vec vectors of the token and its neighbours and the closed-class features.
Decoding takes the best tag of each token and, only where that yields an inside tag
with no mention open, runs a constrained Viterbi pass over the block.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from ficlens.ner.features import (
    Lexicon,
    TokenArrays,
    add_lexicon,
    deep_indices,
    dense_features,
    feature_indices,
    token_arrays,
)

logger = logging.getLogger(__name__)

OUTSIDE, BEGIN, INSIDE = 0, 1, 2
WEIGHTS_NAME = "person_tagger.npz"
_IMPOSSIBLE = -1e9
# transition[previous, current]: an inside tag must follow a begin or an inside tag.
_TRANSITIONS = np.array([[0.0, 0.0, _IMPOSSIBLE],
                         [0.0, 0.0, 0.0],
                         [0.0, 0.0, 0.0]])

_lock = threading.Lock()
_loaded: dict[str, PersonTagger | None] = {}


@dataclass
class PersonTagger:
    """Trained weights and the lexicon the features look words up in.

    Scores are ``wide`` (one row of three per hashed feature, summed) plus a hidden
    layer: ReLU(tok2vec window @ ``hidden`` + summed ``embed`` rows of the closed-class
    features + ``hidden_bias``) @ ``output`` + ``output_bias``.
    """

    wide: np.ndarray          # float32 (2**bits, 3)
    embed: np.ndarray         # float32 (2**deep_bits, width)
    hidden: np.ndarray        # float32 (tok2vec window size, width)
    hidden_bias: np.ndarray   # float32 (width,)
    output: np.ndarray        # float32 (width, 3)
    output_bias: np.ndarray   # float32 (3,)
    bits: int
    deep_bits: int
    lexicon: Lexicon
    meta: dict[str, str] = field(default_factory=dict)

    def tag(self, spacy_doc) -> np.ndarray:
        """int8 per token of ``spacy_doc``: 0 outside, 1 begin, 2 inside a person name."""
        tags = np.zeros(len(spacy_doc), dtype=np.int8)
        arrays = token_arrays(spacy_doc)
        if not len(arrays):
            return tags
        kept = self.tag_arrays(arrays)
        tags[arrays.rows] = kept
        _fill_spaces(tags, arrays.rows, kept)
        return tags

    def tag_arrays(self, arrays: TokenArrays) -> np.ndarray:
        """Tags of the non-space tokens in ``arrays``."""
        return decode(self.scores(arrays))

    def scores(self, arrays: TokenArrays) -> np.ndarray:
        """(n, 3) tag scores of the non-space tokens in ``arrays``."""
        add_lexicon(arrays, self.lexicon)
        indices = feature_indices(arrays.attrs, self.bits)
        dense = dense_features(arrays.tensor)
        if dense.shape[1] != self.hidden.shape[0]:     # no tok2vec (e.g. a blank pipeline)
            dense = np.zeros((len(arrays), self.hidden.shape[0]), dtype=np.float32)
        return self.forward(indices, dense)[0]

    def forward(self, indices: np.ndarray,
                dense: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Scores, hidden pre-activations and activations (the trainer needs all three)."""
        before = (dense @ self.hidden
                  + self.embed[deep_indices(indices, self.deep_bits)].sum(axis=1)
                  + self.hidden_bias)
        after = np.maximum(before, 0.0)
        scores = self.wide[indices].sum(axis=1) + after @ self.output + self.output_bias
        return scores, before, after


def decode(scores: np.ndarray) -> np.ndarray:
    """Best valid tag sequence (no inside tag without a begin before it)."""
    if not scores.shape[0]:
        return np.zeros(0, dtype=np.int8)
    best = scores.argmax(axis=1).astype(np.int8)
    previous = np.concatenate(([OUTSIDE], best[:-1]))
    if not np.any((best == INSIDE) & (previous == OUTSIDE)):
        return best
    return viterbi(scores)


def viterbi(scores: np.ndarray) -> np.ndarray:
    """Constrained Viterbi over (n, 3) scores."""
    count = scores.shape[0]
    back = np.zeros((count, 3), dtype=np.int8)
    total = scores[0].astype(np.float64) + _TRANSITIONS[OUTSIDE]
    for index in range(1, count):
        candidates = total[:, None] + _TRANSITIONS
        back[index] = candidates.argmax(axis=0)
        total = candidates.max(axis=0) + scores[index]
    path = np.zeros(count, dtype=np.int8)
    path[-1] = int(total.argmax())
    for index in range(count - 1, 0, -1):
        path[index - 1] = back[index, path[index]]
    return path


def _fill_spaces(tags: np.ndarray, rows: np.ndarray, kept: np.ndarray) -> None:
    """Whitespace tokens between two tokens of one name are inside it ("Mr.\\nSawyer")."""
    gaps = np.flatnonzero((rows[1:] - rows[:-1] > 1) & (kept[1:] == INSIDE))
    for gap in gaps:
        tags[rows[gap] + 1:rows[gap + 1]] = INSIDE


_ARRAYS = ("wide", "embed", "hidden", "hidden_bias", "output", "output_bias")


def save(path: Path, tagger: PersonTagger) -> None:
    """Write ``tagger`` as a compressed ``.npz`` (weight tables stored as float16)."""
    lexicon = tagger.lexicon
    weights = {name: getattr(tagger, name).astype(np.float16) for name in _ARRAYS}
    np.savez_compressed(
        path, **weights, bits=np.array(tagger.bits), deep_bits=np.array(tagger.deep_bits),
        names=lexicon.names, titles=lexicon.titles, case_words=lexicon.case_words,
        case_buckets=lexicon.case_buckets, meta_keys=np.array(list(tagger.meta.keys())),
        meta_values=np.array(list(tagger.meta.values())))


def load(path: Path) -> PersonTagger:
    """Read a tagger written by :func:`save` (numpy only; no pickles)."""
    with np.load(path, allow_pickle=False) as data:
        lexicon = Lexicon(data["names"], data["titles"], data["case_words"],
                          data["case_buckets"])
        meta = dict(zip(data["meta_keys"].tolist(), data["meta_values"].tolist(),
                        strict=True))
        weights = {name: data[name].astype(np.float32) for name in _ARRAYS}
        return PersonTagger(**weights, bits=int(data["bits"]),
                            deep_bits=int(data["deep_bits"]), lexicon=lexicon, meta=meta)


def default_path() -> Path:
    """Where the shipped weights live inside the installed package."""
    return Path(str(resources.files("ficlens.models").joinpath(WEIGHTS_NAME)))


def get_tagger(path: Path | None = None) -> PersonTagger | None:
    """The shipped tagger, loaded on first use; None (with a warning) if it is missing."""
    key = str(path or default_path())
    if key not in _loaded:
        with _lock:
            if key not in _loaded:
                _loaded[key] = _load_or_none(Path(key))
    return _loaded[key]


def _load_or_none(path: Path) -> PersonTagger | None:
    if not path.is_file():
        logger.warning("person tagger weights not found at %s; using spaCy PERSON entities",
                       path)
        return None
    logger.info("loading person tagger %s", path)
    return load(path)
