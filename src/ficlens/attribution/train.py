"""Train the speaker ranker on LitBank quotations and on ficlens's own data.

    python -m ficlens.attribution.train /work/shared/data/litbank [--cache DIR] [--out FILE]
        [--sieves-only]

Two sources of training groups (an utterance's candidates, their features, which of
them speaks):

* LitBank gold: each annotated excerpt is read by ficlens itself (parse, quotes,
  characters, coref), once with its own characters and once with the speakers as a
  user list; a character stands for the speaker label sharing the most name words,
  and the first-person narrator for the label "I" or "narrator".
* Distant supervision: in whole LitBank novels (none a PDNC novel, none a held-out
  LitBank excerpt), quotes whose speaker a name tag gives are re-scored with the tag
  hidden, so the ranker learns what else in the text points to a speaker.

The conditional logit is fitted by Adam with an L2 penalty; two rounds (hand-set
weights, then the first fit) let the turn-taking features see the speakers the model
itself would choose. The winner's probability is calibrated by isotonic regression
on out-of-fold LitBank gold predictions; each sieve's confidence is its measured
precision, pulled towards a hand-set prior (:data:`PRIOR_STRENGTH` pseudo-counts);
``--sieves-only`` measures those again with the weights kept, after a sieve changes.
The held-out LitBank excerpts (every tenth) are never trained on. PDNC is never
used: it is for evaluation only.
"""
from __future__ import annotations

import argparse
import logging
import pickle
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ficlens.attribution import litbank
from ficlens.attribution.calibrate import isotonic_curve, smoothed_precision
from ficlens.attribution.features import FEATURES, Evidence
from ficlens.attribution.ranker import (
    DEFAULT_SIEVE_CONFIDENCE,
    MODEL_PATH,
    Ranker,
    default_ranker,
    load_ranker,
)
from ficlens.attribution.sieves import action_beat, attribute
from ficlens.characters.names import comparable_name
from ficlens.model import Character, Document

logger = logging.getLogger(__name__)

FOLDS = 5
L2 = 0.002
STEPS = 600
RATE = 0.5
TEST_EVERY = 10
#: Also re-score name-tagged quotes as if tagged "he/she said" (off: it taught the
#: ranker to distrust the coreference stage's reading of real pronoun tags).
SIMULATE_PRONOUNS = False
#: Pseudo-counts holding a rarely seen sieve's confidence near its hand-set prior.
PRIOR_STRENGTH = 10.0
#: Whole novels whose name-tagged quotes teach the ranker (distant supervision): none is
#: a PDNC novel, and none is a held-out LitBank test excerpt.
DISTANT_NOVELS = (
    "1155_the_secret_adversary", "1661_the_adventures_of_sherlock_holmes",
    "2852_the_hound_of_the_baskervilles", "2005_piccadilly_jim",
    "5348_ragged_dick_or_street_life_in_new_york_with_the_bootblacks",
    "60_the_scarlet_pimpernel", "1206_the_flying_u_ranch", "434_the_circular_staircase",
    "95_the_prisoner_of_zenda", "74_the_adventures_of_tom_sawyer",
    "18581_adrift_in_new_york_tom_and_florence_braving_the_world",
    "8867_the_magnificent_ambersons", "2166_king_solomons_mines", "1400_great_expectations",
    "44_the_song_of_the_lark",
)
#: Speaker labels that name no one ficlens could list as a character.
GENERIC_LABELS = frozenset({"i", "narrator", "we", "you", "they", "my", "our"})
#: Speaker labels that stand for the first-person narrator.
NARRATOR_LABELS = ("i", "narrator")
TITLE_WORDS = frozenset("mr mrs ms miss dr sir lady lord the a an of st".split())


@dataclass
class Group:
    matrix: np.ndarray
    labels: np.ndarray  # 1 for candidates that are the gold speaker
    book: int


@dataclass
class Collected:
    groups: list[Group] = field(default_factory=list)
    sieves: Counter = field(default_factory=Counter)  # (sieve, correct) -> count
    quotes: int = 0
    correct: int = 0


def parsed_book(book: litbank.LitBankBook, cache: Path | None) -> Document:
    return parsed_text(book.name, book.text, cache)


def parsed_text(name: str, text: str, cache: Path | None) -> Document:
    from ficlens.pipeline import STAGES, run_pipeline, stage_name
    from ficlens.readers.text import document_from_text

    path = cache / f"{name}.pickle" if cache else None
    if path is not None and path.exists():
        with open(path, "rb") as stream:
            return pickle.load(stream)
    upto = [stage_name(s) for s in STAGES].index("parse") + 1
    stages = [s for s in STAGES[:upto] if stage_name(s) != "language"]
    doc = run_pipeline(document_from_text(text, name), stages)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as stream:
            pickle.dump(doc, stream, protocol=pickle.HIGHEST_PROTOCOL)
    return doc


def distant_docs(root: Path, cache: Path | None) -> list[Document]:
    """Whole LitBank novels (none of them a PDNC novel), parsed and analysed."""
    from ficlens.pipeline import STAGES, run_pipeline, stage_name

    after = [stage_name(s) for s in STAGES].index("parse") + 1
    wanted = [s for s in STAGES[after:] if stage_name(s) in ("quotes", "characters", "coref")]
    docs = []
    for name in DISTANT_NOVELS:
        text = (Path(root) / "original" / f"{name}.txt").read_text(encoding="utf-8")
        logger.info("distant supervision novel %s", name)
        docs.append(run_pipeline(parsed_text(f"novel_{name}", text, cache), wanted))
    return docs


def analysed_book(book: litbank.LitBankBook, cache: Path | None,
                  with_gold_characters: bool = False) -> Document:
    from ficlens.pipeline import STAGES, run_pipeline, stage_name

    doc = parsed_book(book, cache)
    if with_gold_characters:
        doc.characters = gold_inventory(book)
    after = [stage_name(s) for s in STAGES].index("parse") + 1
    wanted = [s for s in STAGES[after:] if stage_name(s) in ("quotes", "characters", "coref")]
    return run_pipeline(doc, wanted)


def gold_inventory(book: litbank.LitBankBook) -> list[Character]:
    """The excerpt's speakers as a user inventory, named as their labels are (with
    abbreviated titles also written with a full stop: "Mrs Bennet" / "Mrs. Bennet")."""
    characters = []
    for index, (key, label) in enumerate(sorted(book.names.items())):
        if key in GENERIC_LABELS or not label[:1].isupper():
            continue
        dotted = re.sub(r"\b(Mr|Mrs|Ms|Dr|St)\b(?!\.)", r"\1.", label)
        characters.append(Character(id=f"e{index}", name=label,
                                    aliases=sorted({label, dotted}), source="user"))
    return characters


def _words(names: list[str]) -> set[str]:
    words = set()
    for name in names:
        words.update(w for w in re.findall(r"[a-z]+", name.lower()) if w not in TITLE_WORDS)
    return words


def label_of_characters(doc: Document, book: litbank.LitBankBook) -> dict[str, str]:
    """Character id -> the speaker label that is one of its names (the period of a
    title aside: "Mrs Bennet" is "Mrs. Bennet", not Mr. Bennet), else the one sharing
    the most name words with it."""
    labels = {key: _words([key]) for key in book.names if key not in GENERIC_LABELS}
    by_name = {comparable_name(key): key for key in labels}
    mapping = {}
    for character in doc.characters:
        names = map(comparable_name, (character.name, *character.aliases))
        named = {by_name[name] for name in names if name in by_name}
        if len(named) == 1:
            mapping[character.id] = named.pop()
            continue
        words = _words([character.name, *character.aliases])
        scores = {key: len(words & label_words) for key, label_words in labels.items()}
        best = max(scores, key=lambda key: scores[key], default=None)
        if best is not None and scores[best] > 0 and list(scores.values()).count(
                scores[best]) == 1:
            mapping[character.id] = best
    return mapping


def narrator_label(narrator: str | None, entities: dict[str, str],
                   book: litbank.LitBankBook) -> dict[str, str]:
    """The first-person narrator's character -> the excerpt's label for the narrator
    ("I", "narrator"), unless a name label already stands for that character."""
    label = next((key for key in NARRATOR_LABELS if key in book.names), None)
    if narrator is None or label is None or narrator in entities:
        return {}
    return {narrator: label}


def gold_speaker_of(utterance_span: tuple[int, int], quotes: list[litbank.LitBankQuote]
                    ) -> str | None:
    start, end = utterance_span
    best, best_overlap = None, 0
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > best_overlap:
            best, best_overlap = quote.speaker, overlap
    return best


def collect(book: litbank.LitBankBook, doc: Document, ranker: Ranker, index: int,
            into: Collected) -> None:
    entities = label_of_characters(doc, book)
    golds: dict[int, str | None] = {}
    pending: list[tuple[int, list[str], np.ndarray]] = []

    def observe(position: int, candidates: list[str], matrix: np.ndarray) -> None:
        pending.append((position, candidates, matrix.copy()))

    context = attribute(doc, ranker, observe)
    if context.features is not None:
        entities.update(narrator_label(context.features.narrator, entities, book))
    for utterance in context.utterances:
        golds[utterance.index] = gold_speaker_of((utterance.start, utterance.end), book.quotes)
    for position, candidates, matrix in pending:
        gold = golds.get(position)
        if gold is None:
            continue
        labels = np.array([entities.get(c) == gold for c in candidates] + [False],
                          dtype=np.float64)
        labels[-1] = not labels.any()
        into.groups.append(Group(matrix, labels, index))
    for utterance in context.utterances:
        gold = golds.get(utterance.index)
        if gold is None:
            continue
        correct = utterance.speaker is not None and entities.get(utterance.speaker) == gold
        into.quotes += 1
        into.correct += int(correct)
        if utterance.sieve and utterance.sieve != "ranker":
            into.sieves[(utterance.sieve, correct)] += 1


def collect_distant(doc: Document, ranker: Ranker, index: int, into: Collected) -> None:
    """Groups from quotes whose speaker a name tag gives, with the tag hidden: the
    ranker learns to find that speaker from everything else around the quote. The
    same quotes measure the action-beat sieves: does the beat name the tagged speaker?"""
    context = attribute(doc, ranker)
    builder = context.features
    if builder is None:
        return
    for utterance in context.utterances:
        if utterance.sieve != "tag_name":
            continue
        original = context.evidence[utterance.index]
        hidden = [t for t in original.tags if t.speech or t.joined]
        kept = [t for t in original.tags if t not in hidden]
        spans = [(t.start, t.end) for t in hidden]
        beat = action_beat(kept)
        if beat is not None:  # would the beat alone have named the tagged speaker?
            sieve = "beat_joined" if beat.joined else f"beat_{beat.position}"
            into.sieves[(sieve, beat.character == utterance.speaker)] += 1
        pronouns = [None, builder.genders.get(utterance.speaker)] if SIMULATE_PRONOUNS else [None]
        for pronoun in dict.fromkeys(pronouns):  # as if untagged (or "he said" / "she said")
            context.evidence[utterance.index] = Evidence(
                kept, original.vocatives, original.quote_mentions, pronoun, spans)
            candidates = builder.candidates(utterance.index)
            if utterance.speaker in candidates:
                matrix = builder.matrix(utterance.index, candidates)
                labels = np.array([c == utterance.speaker for c in candidates] + [False],
                                  dtype=np.float64)
                into.groups.append(Group(matrix, labels, index))
        context.evidence[utterance.index] = original


def fit(groups: list[Group], start: np.ndarray | None = None) -> np.ndarray:
    """Conditional logit weights maximising the log-probability of the gold candidates
    (Adam on the mean negative log-likelihood plus an L2 penalty)."""
    usable = [g for g in groups if g.labels.any()]
    weights = np.zeros(len(FEATURES)) if start is None else start.copy()
    if not usable:
        return weights
    matrix = np.concatenate([g.matrix for g in usable])
    labels = np.concatenate([g.labels for g in usable])
    sizes = np.array([len(g.labels) for g in usable])
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    owner = np.repeat(np.arange(len(usable)), sizes)
    moment = np.zeros_like(weights)
    square = np.zeros_like(weights)
    for step in range(1, STEPS + 1):
        scores = matrix @ weights
        scores -= np.maximum.reduceat(scores, offsets)[owner]
        exp = np.exp(scores)
        probs = exp / np.add.reduceat(exp, offsets)[owner]
        gold = probs * labels
        gold /= np.add.reduceat(gold, offsets)[owner]
        gradient = L2 * weights + matrix.T @ (probs - gold) / len(usable)
        moment = 0.9 * moment + 0.1 * gradient
        square = 0.999 * square + 0.001 * gradient ** 2
        weights -= RATE * 0.05 * (moment / (1 - 0.9 ** step)) / (
            np.sqrt(square / (1 - 0.999 ** step)) + 1e-8)
    return weights


def winner_outcomes(groups: list[Group], weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(probability of the top real candidate, whether it is the gold speaker) per group."""
    probabilities, outcomes = [], []
    for group in groups:
        scores = group.matrix @ weights
        scores -= scores.max()
        probs = np.exp(scores) / np.exp(scores).sum()
        best = int(np.argmax(probs[:-1]))
        probabilities.append(probs[best])
        outcomes.append(group.labels[best])
    return np.array(probabilities), np.array(outcomes)


def train(root: Path, cache: Path | None, distant: bool = True) -> tuple[Ranker, dict]:
    books, settings, novels = _sources(root, cache, distant)
    ranker = default_ranker()
    for round_number in range(2):
        collected = _collect_all(books, settings, novels, ranker)
        weights = fit(collected.groups, ranker.weights if round_number else None)
        ranker = Ranker(weights, sieve_confidence=ranker.sieve_confidence)
        logger.info("round %d: %d ranker groups", round_number, len(collected.groups))
    probabilities, outcomes = _out_of_fold(collected.groups, len(books))
    ranker.calibration_x, ranker.calibration_y = isotonic_curve(probabilities, outcomes)
    ranker.sieve_confidence = sieve_confidences(collected)
    return ranker, _report(books, settings, ranker, collected)


def remeasure_sieves(root: Path, cache: Path | None, ranker: Ranker,
                     distant: bool = True) -> tuple[Ranker, dict]:
    """``ranker`` with every sieve's confidence measured again, its weights and
    calibration untouched: after a change to the sieves, without refitting."""
    books, settings, novels = _sources(root, cache, distant)
    collected = _collect_all(books, settings, novels, ranker)
    ranker.sieve_confidence = sieve_confidences(collected)
    return ranker, _report(books, settings, ranker, collected)


def _sources(root: Path, cache: Path | None, distant: bool
             ) -> tuple[list[litbank.LitBankBook], list[list[Document]], list[Document]]:
    """The LitBank books, their documents in both settings (own characters, gold
    ones), and the whole novels of distant supervision."""
    books = [litbank.load_book(root, name) for name in litbank.book_names(root)]
    settings = [[analysed_book(book, cache, gold) for book in books] for gold in (False, True)]
    return books, settings, distant_docs(root, cache) if distant else []


def _collect_all(books: list[litbank.LitBankBook], settings: list[list[Document]],
                 novels: list[Document], ranker: Ranker) -> Collected:
    collected = Collected()
    for docs in settings:
        for i in range(len(books)):
            if i % TEST_EVERY != TEST_EVERY - 1:
                collect(books[i], _fresh(docs[i]), ranker, i, collected)
    gold_groups = len(collected.groups)
    for number, doc in enumerate(novels):
        collect_distant(_fresh(doc), ranker, len(books) + number, collected)
    logger.info("groups: %d from LitBank gold, %d from hidden name tags", gold_groups,
                len(collected.groups) - gold_groups)
    return collected


def sieve_confidences(collected: Collected) -> dict[str, float]:
    """Each sieve's measured precision, pulled towards its hand-set prior."""
    return {sieve: smoothed_precision(collected.sieves[(sieve, True)],
                                      collected.sieves[(sieve, False)],
                                      DEFAULT_SIEVE_CONFIDENCE.get(sieve, 0.5), PRIOR_STRENGTH)
            for sieve in {s for s, _ in collected.sieves} | set(DEFAULT_SIEVE_CONFIDENCE)}


def _report(books: list[litbank.LitBankBook], settings: list[list[Document]],
            ranker: Ranker, collected: Collected) -> dict:
    return {"train_quotes": collected.quotes, "train_correct": collected.correct,
            "sieves": {f"{s}:{c}": n for (s, c), n in sorted(collected.sieves.items())},
            "test_end_to_end": _test_accuracy(books, settings[0], ranker),
            "test_gold_characters": _test_accuracy(books, settings[1], ranker)}


def _fresh(doc: Document) -> Document:
    for quote in doc.quotes:
        quote.speaker, quote.confidence, quote.addressees = None, 0.0, []
    return doc


def _out_of_fold(groups: list[Group], gold_books: int) -> tuple[np.ndarray, np.ndarray]:
    """Winner probabilities and outcomes on LitBank gold groups, each predicted by a
    model fitted without its fold (distant groups always stay in training)."""
    probabilities, outcomes = [], []
    for fold in range(FOLDS):
        held = [g for g in groups if g.book < gold_books and g.book % FOLDS == fold]
        rest = [g for g in groups if not (g.book < gold_books and g.book % FOLDS == fold)]
        weights = fit(rest)
        p, o = winner_outcomes(held, weights)
        probabilities.append(p)
        outcomes.append(o)
    return np.concatenate(probabilities), np.concatenate(outcomes)


def _test_accuracy(books, docs, ranker: Ranker) -> dict:
    collected = Collected()
    for i in range(len(books)):
        if i % TEST_EVERY == TEST_EVERY - 1:
            collect(books[i], _fresh(docs[i]), ranker, i, collected)
    return {"quotes": collected.quotes, "correct": collected.correct}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("litbank", type=Path)
    parser.add_argument("--cache", type=Path, help="keep parsed excerpts here")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--no-distant", action="store_true",
                        help="train on LitBank gold only (no whole novels, much faster)")
    parser.add_argument("--sieves-only", action="store_true",
                        help="keep the weights in --out; measure the sieves' confidences again")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.sieves_only:
        ranker, report = remeasure_sieves(args.litbank, args.cache, load_ranker(args.out),
                                          distant=not args.no_distant)
    else:
        ranker, report = train(args.litbank, args.cache, distant=not args.no_distant)
    ranker.save(args.out)
    for name, weight in zip(FEATURES, ranker.weights, strict=True):
        logger.info("%-22s %+.2f", name, weight)
    logger.info("report: %s", report)
    logger.info("wrote %s", args.out)


if __name__ == "__main__":
    main()
