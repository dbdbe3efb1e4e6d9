"""Train the person tagger on LitBank and write its weights.

    python -m ficlens.ner.train /work/shared/data/litbank -o src/ficlens/models/person_tagger.npz

Trains on the 90 training books of :func:`ficlens.ner.litbank.train_test_split` (the 10
held-out test books are never read), or with ``--split fit`` on those minus the dev
books, for tuning against ``python -m ficlens.ner.evaluate --split dev``.

Each book is parsed twice, as hard-wrapped in the original and unwrapped (see
:mod:`ficlens.ner.corpus`). The network (:mod:`ficlens.ner.model`) is fitted by
:mod:`ficlens.ner.fitting` with a fixed seed, so a run is reproducible on one machine.
The gazetteer of name words and the capitalisation lexicon that features read are built
from the training books only; while training, each book's features use a lexicon
built from the *other* folds, so the model does not learn to trust a gazetteer that
already knows every name it sees (at run time most names are new).
"""

from __future__ import annotations

import argparse
import datetime
import logging
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from ficlens.ner.corpus import ParsedBlock, parse_book
from ficlens.ner.features import LOWER, Lexicon, add_lexicon, dense_features, feature_indices
from ficlens.ner.fitting import FitOptions, fit
from ficlens.ner.lexicon import TITLES
from ficlens.ner.litbank import Book, book_files, dev_split, load_book, train_test_split
from ficlens.ner.model import PersonTagger, save

logger = logging.getLogger(__name__)

FOLDS = 5
DEFAULT_BITS = 18
CASE_MIN_COUNT = 3
# Upper limits of the capitalised share for buckets 1-4; bucket 5 is everything above.
CASE_LIMITS = (0.02, 0.3, 0.7, 0.98)


def training_books(root: Path, split: str) -> list[Path]:
    files = book_files(root)
    if split == "fit":
        return dev_split(files)[0]
    return train_test_split(files)[0]


def parse_books(books: Sequence[Book], nlp) -> list[list[ParsedBlock]]:
    """Every block of every book, parsed both wrapped and unwrapped (one list per book)."""
    parsed = []
    for number, book in enumerate(books, start=1):
        blocks = [block for unwrap in (False, True)
                  for block, _ in parse_book(book, nlp, unwrap=unwrap)]
        parsed.append(blocks)
        logger.info("parsed %d/%d %s", number, len(books), book.name)
    return parsed


def build_lexicon(books: Sequence[Book], parsed: Sequence[list[ParsedBlock]],
                  hash_word) -> Lexicon:
    """Gazetteer, titles and capitalisation buckets from the given books."""
    names = {word for blocks in parsed for block in blocks for word in block.name_words}
    counts: dict[str, list[int]] = {}
    for book in books:
        for word, (capital, lower) in book.counts.items():
            pair = counts.setdefault(word, [0, 0])
            pair[0] += capital
            pair[1] += lower
    frequent = {word: pair for word, pair in counts.items() if sum(pair) >= CASE_MIN_COUNT}
    case_keys = np.array([hash_word(word) for word in frequent], dtype=np.uint64)
    shares = np.array([pair[0] / sum(pair) for pair in frequent.values()], dtype=np.float64)
    buckets = (np.searchsorted(np.array(CASE_LIMITS), shares, side="right") + 1).astype(np.uint8)
    order = np.argsort(case_keys)
    return Lexicon(
        names=np.unique(np.array([hash_word(word) for word in names], dtype=np.uint64)),
        titles=np.unique(np.array([hash_word(word) for word in TITLES], dtype=np.uint64)),
        case_words=case_keys[order], case_buckets=buckets[order])


def design_arrays(blocks: Sequence[ParsedBlock], lexicon: Lexicon, bits: int,
                  word_dropout: float = 0.0, generator: np.random.Generator | None = None,
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hashed feature rows, tok2vec windows and gold tags of every non-space token.

    With ``word_dropout``, that share of tokens gets a fresh word identity first (no
    learnt weight, not in the lexicon), as names never seen in training have at run
    time, so the model also learns to find names from their context and shape.
    """
    generator = generator or np.random.default_rng(0)
    indices, dense, labels = [], [], []
    for block in blocks:
        if not len(block.arrays):
            continue
        arrays = block.arrays
        if word_dropout:
            arrays = replace(arrays, attrs=forget_words(arrays.attrs, word_dropout, generator))
        add_lexicon(arrays, lexicon)
        indices.append(feature_indices(arrays.attrs, bits))
        dense.append(dense_features(arrays.tensor))
        labels.append(block.gold)
    return np.concatenate(indices), np.concatenate(dense), np.concatenate(labels)


def forget_words(attrs: np.ndarray, rate: float, generator: np.random.Generator) -> np.ndarray:
    """A copy of ``attrs`` where a ``rate`` share of tokens have a random word identity."""
    forgotten = attrs.copy()
    chosen = generator.random(attrs.shape[0]) < rate
    forgotten[chosen, LOWER] = generator.integers(1, 2**63, size=int(chosen.sum()),
                                                  dtype=np.uint64)
    return forgotten


def jackknife_arrays(books: Sequence[Book], parsed: Sequence[list[ParsedBlock]], hash_word,
                     bits: int, word_dropout: float = 0.0, seed: int = 0,
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Training arrays where each fold's features use a lexicon from the other folds."""
    generator = np.random.default_rng(seed)
    parts = []
    for fold in range(FOLDS):
        inside = [index for index in range(len(books)) if index % FOLDS == fold]
        outside = [index for index in range(len(books)) if index % FOLDS != fold]
        lexicon = build_lexicon([books[i] for i in outside], [parsed[i] for i in outside],
                                hash_word)
        blocks = [block for i in inside for block in parsed[i]]
        parts.append(design_arrays(blocks, lexicon, bits, word_dropout, generator))
    indices, dense, labels = zip(*parts, strict=True)
    return np.concatenate(indices), np.concatenate(dense), np.concatenate(labels)


def train(root: Path, *, split: str = "train", bits: int = DEFAULT_BITS,
          options: FitOptions | None = None) -> PersonTagger:
    from ficlens.nlp import get_nlp

    options = options or FitOptions()
    nlp = get_nlp()
    paths = training_books(root, split)
    began = time.perf_counter()
    books = [load_book(path) for path in paths]
    parsed = parse_books(books, nlp)
    logger.info("read and parsed %d books in %.0f s", len(books), time.perf_counter() - began)
    hash_word = nlp.vocab.strings.add
    indices, dense, labels = jackknife_arrays(books, parsed, hash_word, bits,
                                              options.word_dropout, options.seed)
    logger.info("fitting on %d tokens", labels.shape[0])
    lexicon = build_lexicon(books, parsed, hash_word)
    tagger = fit(indices, dense, labels, bits=bits, lexicon=lexicon, options=options)
    model_name = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    tagger.meta = {"trained": datetime.date.today().isoformat(), "split": split,
                   "books": str(len(books)), "seed": str(options.seed),
                   "options": repr(options),
                   "spacy_model": model_name}
    logger.info("trained in %.0f s", time.perf_counter() - began)
    return tagger


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ficlens.ner.train",
                                     description="Train the ficlens person tagger on LitBank.")
    parser.add_argument("litbank", type=Path,
                        help="LitBank checkout (with entities/ and original/)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="weights file (.npz)")
    parser.add_argument("--split", choices=("train", "fit"), default="train",
                        help="train: all 90 training books; fit: training books minus dev")
    parser.add_argument("--bits", type=int, default=DEFAULT_BITS, help="hash table size (log2)")
    parser.add_argument("--epochs", type=int, default=FitOptions.epochs, help="passes over data")
    parser.add_argument("--width", type=int, default=FitOptions.width, help="hidden units")
    parser.add_argument("--l2", type=float, default=FitOptions.l2, help="weight decay")
    parser.add_argument("--word-dropout", type=float, default=FitOptions.word_dropout,
                        help="share of training tokens shown as unseen words")
    parser.add_argument("--seed", type=int, default=FitOptions.seed, help="random seed")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    options = FitOptions(width=args.width, epochs=args.epochs, l2=args.l2,
                         word_dropout=args.word_dropout, seed=args.seed)
    tagger = train(args.litbank, split=args.split, bits=args.bits, options=options)
    save(args.output, tagger)
    logger.info("wrote %s (%d bytes)", args.output, args.output.stat().st_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
