"""Score the person tagger and spaCy's PERSON entities on held-out LitBank books.

    python -m ficlens.ner.evaluate /work/shared/data/litbank

Both systems read the same spaCy parses of the same text (the original book, as
hard-wrapped, and unwrapped) and are scored against the same gold name mentions
(:mod:`ficlens.ner.litbank`), matched by character offsets:

* ``exact``: start and end must both match (titles are part of a gold mention, so
  spaCy's habit of leaving "Mr." out of PERSON counts against it here);
* ``no-title``: leading title words are stripped from both sides first, which
  forgives that convention and compares the names themselves.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ficlens.eval.ratios import f1, ratio
from ficlens.ner.corpus import ParsedBlock, parse_book, spans_from_tags, strip_titles
from ficlens.ner.litbank import Book, book_files, dev_split, load_book, train_test_split
from ficlens.ner.model import PersonTagger, default_path, load

logger = logging.getLogger(__name__)

SYSTEMS = ("ficlens tagger", "spaCy PERSON")
MATCHES = ("exact", "no-title")
VARIANTS = ("wrapped", "unwrapped")


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, predicted: set[tuple[int, int]], gold: set[tuple[int, int]]) -> None:
        self.true_positives += len(predicted & gold)
        self.false_positives += len(predicted - gold)
        self.false_negatives += len(gold - predicted)

    @property
    def precision(self) -> float:
        return ratio(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        return ratio(self.true_positives, self.true_positives + self.false_negatives)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


Scores = dict[tuple[str, str, str], Score]


def score_book(book: Book, blocks: Iterable[ParsedBlock], tagger: PersonTagger,
               variant: str, scores: Scores) -> None:
    """Add one book's counts for both systems and both matchings to ``scores``."""
    predicted: dict[str, list[tuple[int, int]]] = {system: [] for system in SYSTEMS}
    for block in blocks:
        if len(block.arrays):
            tags = tagger.tag_arrays(block.arrays)
            rows = block.arrays.rows
            predicted[SYSTEMS[0]] += spans_from_tags(tags, block.starts[rows], block.ends[rows])
        predicted[SYSTEMS[1]] += block.spacy_persons
    for system, spans in predicted.items():
        for match in MATCHES:
            scores.setdefault((system, variant, match), Score()).add(
                _matched(book, spans, match), _matched(book, book.gold, match))


def _matched(book: Book, spans: Iterable[tuple[int, int]], match: str) -> set[tuple[int, int]]:
    if match == "no-title":
        return {strip_titles(book.text, span) for span in spans}
    return set(spans)


def evaluate(books: Sequence[Book], tagger: PersonTagger, nlp) -> Scores:
    scores: Scores = {}
    for book in books:
        for variant in VARIANTS:
            blocks = (block for block, _ in parse_book(book, nlp, unwrap=variant == "unwrapped"))
            score_book(book, blocks, tagger, variant, scores)
        logger.info("scored %s", book.name)
    return scores


def report(scores: Scores, books: Sequence[Book], split: str) -> str:
    mentions = sum(len(book.gold) for book in books)
    lines = [f"LitBank {split} split: {len(books)} books, {mentions} gold name mentions",
             f"{'system':<16} {'text':<10} {'match':<9} {'P':>6} {'R':>6} {'F1':>6}"]
    for variant in VARIANTS:
        for match in MATCHES:
            for system in SYSTEMS:
                score = scores[(system, variant, match)]
                lines.append(f"{system:<16} {variant:<10} {match:<9} {100 * score.precision:6.1f}"
                             f" {100 * score.recall:6.1f} {100 * score.f1:6.1f}")
    return "\n".join(lines)


def held_out_books(root: Path, split: str) -> list[Book]:
    files = book_files(root)
    paths = dev_split(files)[1] if split == "dev" else train_test_split(files)[1]
    return [load_book(path) for path in paths]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ficlens.ner.evaluate",
                                     description="Score person tagging on held-out LitBank.")
    parser.add_argument("litbank", type=Path,
                        help="LitBank checkout (with entities/ and original/)")
    parser.add_argument("--weights", type=Path, default=None, help="tagger weights (.npz)")
    parser.add_argument("--split", choices=("test", "dev"), default="test",
                        help="test: the 10 held-out books; dev: the tuning books")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    from ficlens.nlp import get_nlp

    tagger = load(args.weights or default_path())
    books = held_out_books(args.litbank, args.split)
    scores = evaluate(books, tagger, get_nlp())
    sys.stdout.write(report(scores, books, args.split) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
