"""Features for the person tagger, computed with array operations on a spaCy ``Doc``.

Everything comes from what spaCy already computed: :meth:`Doc.to_array` gives the
hash of each token's lower-case form, shape, suffix, POS, tag, entity, dependency and
sentence starts in one call, and ``Doc.tensor`` holds the tok2vec vectors. Whitespace
tokens (spaCy's ``SPACE``, e.g. the line breaks of hard-wrapped text) are left out,
so wrapped and unwrapped text give the same token sequence.

Sparse features are *templates* (the word, the previous word, shape × next word…);
each template value is hashed to one of ``2**bits`` rows of the weight table, so no
vocabulary is stored. Values come from spaCy's own string hashes, which are stable
across processes and versions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

# Column order of :func:`token_arrays`' ``attrs`` matrix.
(LOWER, SHAPE, SUFFIX, POS, TAG, ENT, DEP, HEAD_LOWER, SENT_START, DETERMINED, GAZETTEER,
 CASE_BUCKET) = range(12)
N_COLUMNS = 12
# Dependency labels of a determiner-like child: a noun with one is a common noun phrase
# ("the rain", "his sister"), a bare capitalised subject is likelier a name.
DETERMINER_LABELS = ("det", "poss", "predet")

# Gazetteer classes (column GAZETTEER).
GAZ_NONE, GAZ_NAME, GAZ_TITLE = 0, 1, 2

_PAD = np.uint64(0x5F3759DF)  # value standing for "no token here" (outside the block)
_MULT = np.uint64(0x9E3779B97F4A7C15)
_MULT2 = np.uint64(0xC2B2AE3D27D4EB4F)

# (offset, column) pairs per template; one hashed feature per template per token.
TEMPLATES: tuple[tuple[tuple[int, int], ...], ...] = (
    ((0, LOWER),),
    ((-1, LOWER),),
    ((1, LOWER),),
    ((-2, LOWER),),
    ((2, LOWER),),
    ((0, SHAPE),),
    ((-1, SHAPE),),
    ((1, SHAPE),),
    ((0, SUFFIX),),
    ((0, POS),),
    ((-1, POS),),
    ((1, POS),),
    ((0, TAG),),
    ((0, ENT),),
    ((-1, ENT),),
    ((1, ENT),),
    ((0, DEP),),
    ((0, DEP), (0, HEAD_LOWER)),
    ((0, SENT_START), (0, SHAPE)),
    ((0, GAZETTEER), (0, SHAPE)),
    ((-1, GAZETTEER), (0, SHAPE)),
    ((1, GAZETTEER), (0, SHAPE)),
    ((0, CASE_BUCKET), (0, SHAPE)),
    ((0, CASE_BUCKET), (0, SENT_START), (0, POS)),
    ((-1, LOWER), (0, SHAPE)),
    ((0, SHAPE), (1, LOWER)),
    ((-1, LOWER), (1, LOWER)),
    ((-1, POS), (0, POS), (1, POS)),
    ((-1, SHAPE), (0, SHAPE), (1, SHAPE)),
    ((-2, LOWER), (-1, LOWER)),
    ((1, LOWER), (2, LOWER)),
    ((0, DETERMINED), (0, DEP), (0, SHAPE)),
    ((0, DETERMINED), (0, CASE_BUCKET), (0, SENT_START)),
)
N_TEMPLATES = len(TEMPLATES) + 1  # plus the bias feature
# Columns of :func:`feature_indices` (template number + 1) that also feed the hidden
# layer: the closed-class ones (shape, POS, entity, dependency, sentence start,
# gazetteer, capitalisation habit), not the word identities.
DEEP_COLUMNS: tuple[int, ...] = (6, 7, 8, 10, 11, 12, 14, 15, 16, 17, 19, 20, 21, 22, 23, 24,
                                 28, 29, 32, 33)
# Neighbours on each side whose tok2vec vectors join the token's own.
DENSE_WINDOW = 1

MAX_OFFSET = max(abs(offset) for template in TEMPLATES for offset, _ in template)
_WIDTH = 2 * MAX_OFFSET + 1


def _template_slots() -> np.ndarray:
    """(templates, 3) positions in :func:`feature_indices`' window; unused parts → empty."""
    empty = _WIDTH * N_COLUMNS
    arity = max(len(template) for template in TEMPLATES)
    return np.array([[(offset + MAX_OFFSET) * N_COLUMNS + column for offset, column in template]
                     + [empty] * (arity - len(template)) for template in TEMPLATES])


_SLOTS = _template_slots()
_SEEDS = (np.arange(1, len(TEMPLATES) + 1, dtype=np.uint64) * _MULT).astype(np.uint64)


@dataclass
class Lexicon:
    """Word lists keyed by spaCy's hash of the lower-case form, each sorted."""

    names: np.ndarray          # uint64: words seen inside LitBank training names
    titles: np.ndarray         # uint64: title words ("mr.", "aunt")
    case_words: np.ndarray     # uint64: words with a known capitalisation habit
    case_buckets: np.ndarray   # uint8, parallel: 1 (always lower case) … 5 (always capital)

    @classmethod
    def empty(cls) -> Lexicon:
        none = np.zeros(0, dtype=np.uint64)
        return cls(none, none.copy(), none.copy(), np.zeros(0, dtype=np.uint8))


@dataclass
class TokenArrays:
    """The non-space tokens of one ``Doc``: their rows and the raw values features use."""

    rows: np.ndarray      # int64 indices of the kept tokens in the Doc
    attrs: np.ndarray     # uint64 (n, N_COLUMNS); GAZETTEER and CASE_BUCKET still zero
    tensor: np.ndarray    # float32 (n, width)

    def __len__(self) -> int:
        return int(self.rows.shape[0])


def token_arrays(spacy_doc) -> TokenArrays:
    """Read the attributes of ``spacy_doc`` that the features need (no lexicon yet)."""
    from spacy import attrs as spacy_attrs

    names = ("LOWER", "SHAPE", "SUFFIX", "POS", "TAG", "ENT_IOB", "ENT_TYPE", "DEP", "HEAD",
             "IS_SPACE", "SENT_START")
    raw = spacy_doc.to_array([getattr(spacy_attrs, name) for name in names])
    count = raw.shape[0]
    lower = raw[:, 0]
    head = np.arange(count, dtype=np.int64) + raw[:, 8].view(np.int64)   # always in the doc
    rows = np.flatnonzero(raw[:, 9] == 0)
    sentence = np.cumsum(raw[:, 10].view(np.int64) == 1)
    kept_sentence = sentence[rows]
    starts = np.ones(rows.shape[0], dtype=bool)
    starts[1:] = kept_sentence[1:] != kept_sentence[:-1]
    attrs = np.zeros((rows.shape[0], N_COLUMNS), dtype=np.uint64)
    attrs[:, LOWER] = lower[rows]
    attrs[:, SHAPE] = raw[rows, 1]
    attrs[:, SUFFIX] = raw[rows, 2]
    attrs[:, POS] = raw[rows, 3]
    attrs[:, TAG] = raw[rows, 4]
    attrs[:, ENT] = raw[rows, 5] * _MULT2 ^ raw[rows, 6]
    attrs[:, DEP] = raw[rows, 7]
    attrs[:, HEAD_LOWER] = lower[head[rows]]
    attrs[:, DETERMINED] = _determined(raw[:, 7], head)[rows]
    attrs[:, SENT_START] = starts
    tensor = spacy_doc.tensor
    if tensor is None or getattr(tensor, "shape", (0,))[0] != count:
        tensor = np.zeros((count, 0), dtype=np.float32)
    return TokenArrays(rows, attrs, np.asarray(tensor, dtype=np.float32)[rows])


@functools.cache
def _determiner_hashes() -> np.ndarray:
    from spacy.strings import get_string_id

    return np.array([get_string_id(label) for label in DETERMINER_LABELS], dtype=np.uint64)


def _determined(dep: np.ndarray, head: np.ndarray) -> np.ndarray:
    """1 for tokens with a determiner-like child (see :data:`DETERMINER_LABELS`)."""
    is_determiner = np.zeros(dep.shape[0], dtype=bool)
    for label in _determiner_hashes():
        is_determiner |= dep == label
    determined = np.zeros(dep.shape[0], dtype=np.uint64)
    determined[head[is_determiner]] = 1
    return determined


def add_lexicon(arrays: TokenArrays, lexicon: Lexicon) -> None:
    """Fill the GAZETTEER and CASE_BUCKET columns from ``lexicon`` (in place)."""
    lower = arrays.attrs[:, LOWER]
    gazetteer = np.where(_member(lexicon.names, lower), GAZ_NAME, GAZ_NONE)
    gazetteer = np.where(_member(lexicon.titles, lower), GAZ_TITLE, gazetteer)
    arrays.attrs[:, GAZETTEER] = gazetteer.astype(np.uint64)
    found, where = _lookup(lexicon.case_words, lower)
    buckets = np.zeros(lower.shape[0], dtype=np.uint64)
    if lexicon.case_buckets.shape[0]:
        buckets[found] = lexicon.case_buckets[where[found]]
    arrays.attrs[:, CASE_BUCKET] = buckets


def feature_indices(attrs: np.ndarray, bits: int) -> np.ndarray:
    """Hashed feature rows, int64 (n, N_TEMPLATES): the bias (row 0), then one per template.

    Template features land in rows 1 … 2**bits - 1, so row 0 is the bias alone. All
    templates are hashed at once: every (offset, column) value is laid out in one
    window matrix, each template picks its (up to three) slots from it.
    """
    count = attrs.shape[0]
    window = np.full((count, _WIDTH * N_COLUMNS + 1), _PAD, dtype=np.uint64)
    window[:, -1] = 0                                    # the empty slot
    for slot, offset in enumerate(range(-MAX_OFFSET, MAX_OFFSET + 1)):
        columns = window[:, slot * N_COLUMNS:(slot + 1) * N_COLUMNS]
        if offset < 0:
            columns[-offset:] = attrs[:offset]
        elif offset > 0:
            columns[:-offset] = attrs[offset:]
        else:
            columns[:] = attrs
    values = window[:, _SLOTS]                           # (n, templates, 3)
    hashed = np.repeat(_SEEDS[None, :], count, axis=0)
    for part in range(_SLOTS.shape[1]):
        hashed ^= values[:, :, part]
        hashed *= _MULT2
        hashed ^= hashed >> np.uint64(29)
    out = np.zeros((count, N_TEMPLATES), dtype=np.int64)
    out[:, 1:] = hashed % np.uint64((1 << bits) - 1) + np.uint64(1)
    return out


def deep_indices(indices: np.ndarray, deep_bits: int) -> np.ndarray:
    """Rows of the hidden layer's embedding table for the :data:`DEEP_COLUMNS` features."""
    return indices[:, DEEP_COLUMNS] % ((1 << deep_bits) - 1) + 1


def dense_features(tensor: np.ndarray) -> np.ndarray:
    """Each token's tok2vec vector next to its neighbours' (zeros outside the block)."""
    count, width = tensor.shape
    if not width:
        return np.zeros((count, 0), dtype=np.float32)
    out = np.zeros((count, width * (2 * DENSE_WINDOW + 1)), dtype=np.float32)
    for slot, offset in enumerate(range(-DENSE_WINDOW, DENSE_WINDOW + 1)):
        columns = slice(slot * width, (slot + 1) * width)
        if offset < 0:
            out[-offset:, columns] = tensor[:offset]
        elif offset > 0:
            out[:-offset, columns] = tensor[offset:]
        else:
            out[:, columns] = tensor
    return out


def _lookup(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if keys.shape[0] == 0:
        return np.zeros(values.shape[0], dtype=bool), np.zeros(values.shape[0], dtype=np.int64)
    where = np.minimum(np.searchsorted(keys, values), keys.shape[0] - 1)
    return keys[where] == values, where


def _member(keys: np.ndarray, values: np.ndarray) -> np.ndarray:
    return _lookup(keys, values)[0]
