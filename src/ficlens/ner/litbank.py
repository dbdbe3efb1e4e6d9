"""LitBank entity data as proper-name person spans over the original text.

LitBank (Bamman et al. 2019, CC BY 4.0) annotates about 2,000 words of each of 100
novels. ``entities/tsv/<book>_brat.tsv`` holds one token per line followed by up to
four IOB columns, one per nesting layer (layers are not ordered by depth, so all are
read). ``original/<book>.txt`` is the book it was cut from; every LitBank token is
found there in order with only whitespace between, so the gold spans are character
offsets into the real text, and spaCy sees the text a user would give ficlens.

**Gold definition.** LitBank's PER covers names ("Tom Sawyer") and common noun
phrases ("the boy", "his mother"). ficlens wants names only, so a PER span (any
layer) becomes a gold *name mention* by these rules:

1. a span opening with a determiner ("the", "a") keeps only a titled name inside it
   ("the argumentative Mr. Macey, clerk …" gives "Mr. Macey"), else is dropped; one
   opening with a possessive keeps only the capitalised words it ends with ("my
   little Lizzy" gives "Lizzy", "her sister Mary Bennet" gives "Mary Bennet");
2. leading epithets ("old", "poor", "dear") are stripped when a capitalised word follows;
3. the span is cut at its first word that is not capitalised (so "Lady Russell, of
   steady age …" gives "Lady Russell", "Captain Jack Carter of Virginia" gives
   "Captain Jack Carter"); particles ("van", "de") between capitalised words stay, as
   do elided ones ("Sir John d'Urberville") and "of" after a bare title ("Earl of
   Moreland");
4. what is left must hold a *name word*: capitalised, not a title (:data:`TITLES`,
   so a bare "Mr." or "Aunt" is not a name), not a deity ("God"), not a pronoun-like
   word ("Nobody"), not the plural of a word found in the same book ("Zulus",
   "Randolphs"), and — when it opens a sentence — a word the book capitalises at
   least as often as not in mid-sentence (so "Women" at a sentence start is out);
5. of nested survivors only the outermost is kept ("Sir Walter Elliot", not "Sir").

Titles before the name stay in the span, as the characters stage expects.

**Split.** Books are sorted by file name; every tenth (index 9, 19, … 99) is the
held-out test set, the other 90 train. :func:`dev_split` further holds out index 4,
14, … of the training books for tuning.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ficlens.ner.lexicon import DEITIES, DETERMINERS, EPITHETS, NOT_NAMES, PARTICLES, TITLES

# "Good" stays possible: it is a surname in two LitBank books.
_NOT_NAME_WORDS = TITLES | DEITIES | NOT_NAMES | (EPITHETS - {"good"})

logger = logging.getLogger(__name__)

TEST_EVERY = 10
TEST_REMAINDER = 9
DEV_REMAINDER = 4
_SEARCH_WINDOW = 400
_QUOTES = str.maketrans({c: "'" for c in "\"“”‘’`"})
_WORD = re.compile(r"[A-Za-z][a-z]+")
_SKIP_BEFORE = " \t\r\n\"“”‘’'_([*—-"
_HYPHEN_LOWER = re.compile(r"-[a-z]")
_SIBILANT_PLURAL = re.compile(r"(?:sh|ch|x|s|z)es$")
_NOT_NAME_SUFFIX = re.compile(r"(?:ist|ists|ism)$")
_WORD_BEFORE = re.compile(r"[A-Za-z]+\.$")
_INITIAL = re.compile(r"[A-Z]\.")
_ELIDED = re.compile(r"[a-z]{1,2}['’][A-Z]")    # d'Urberville, l'Estrange
_POSSESSIVES = frozenset("my his her our your their thy".split())


@dataclass
class Book:
    """One LitBank excerpt: its original text and gold name spans (character offsets)."""

    name: str
    text: str
    gold: list[tuple[int, int]] = field(default_factory=list)
    # Mid-sentence [capitalised, lower-case] counts per word over the whole original book.
    counts: dict[str, list[int]] = field(default_factory=dict, repr=False)


def book_files(root: Path) -> list[Path]:
    """The entity TSV files under a LitBank checkout, sorted by name."""
    files = sorted((Path(root) / "entities" / "tsv").glob("*.tsv"))
    if not files:
        raise FileNotFoundError(f"no LitBank entity files under {root}/entities/tsv")
    return files


def is_test(index: int) -> bool:
    return index % TEST_EVERY == TEST_REMAINDER


def train_test_split(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """Held-out split: every tenth file by sorted name is test."""
    train = [path for index, path in enumerate(files) if not is_test(index)]
    test = [path for index, path in enumerate(files) if is_test(index)]
    return train, test


def dev_split(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """Tuning split inside the training books (never touches the test books)."""
    pairs = [(index, path) for index, path in enumerate(files) if not is_test(index)]
    fit = [path for index, path in pairs if index % TEST_EVERY != DEV_REMAINDER]
    dev = [path for index, path in pairs if index % TEST_EVERY == DEV_REMAINDER]
    return fit, dev


def original_path(tsv_path: Path) -> Path:
    name = tsv_path.name.removesuffix("_brat.tsv")
    return tsv_path.parents[2] / "original" / f"{name}.txt"


def load_book(tsv_path: Path) -> Book:
    """Read one book: align its tokens to the original and derive the gold name spans."""
    tokens, layers = read_tsv(tsv_path)
    full_text = original_path(tsv_path).read_text(encoding="utf-8")
    offsets = align_tokens(tokens, full_text)
    first, last = offsets[0][0], offsets[-1][1]
    text = full_text[first:last]
    offsets = [(start - first, end - first) for start, end in offsets]
    counts = capitalisation_counts(full_text)
    spans = []
    for start, end in per_spans(layers):
        kept = name_span(tokens[start:end], offsets[start:end], text, counts)
        if kept is not None:
            spans.append(kept)
    return Book(tsv_path.name.removesuffix("_brat.tsv"), text, outermost(spans), counts)


def load_books(paths: Iterable[Path]) -> list[Book]:
    return [load_book(path) for path in paths]


def read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    """Tokens and their IOB layers (each layer a list as long as the tokens)."""
    tokens: list[str] = []
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if not cells[0].strip():
            continue
        tokens.append(cells[0])
        rows.append(cells[1:])
    depth = max((len(row) for row in rows), default=0)
    layers = [[row[k] if k < len(row) and row[k] else "O" for row in rows] for k in range(depth)]
    return tokens, layers


def align_tokens(tokens: list[str], text: str) -> list[tuple[int, int]]:
    """Character offsets of each token in ``text`` (quotes compared loosely)."""
    folded = text.translate(_QUOTES)
    offsets = []
    position = 0
    for token in tokens:
        needle = token.translate(_QUOTES)
        found = folded.find(needle, position, position + _SEARCH_WINDOW + len(needle))
        if found < 0:
            raise ValueError(f"token {token!r} not found near offset {position}")
        offsets.append((found, found + len(needle)))
        position = found + len(needle)
    return offsets


def per_spans(layers: list[list[str]]) -> set[tuple[int, int]]:
    """Token ranges ``[start, end)`` of PER spans in any layer."""
    spans = set()
    for layer in layers:
        index = 0
        while index < len(layer):
            if layer[index] == "B-PER":
                end = index + 1
                while end < len(layer) and layer[end] == "I-PER":
                    end += 1
                spans.add((index, end))
                index = end
            else:
                index += 1
    return spans


def capitalisation_counts(text: str) -> dict[str, list[int]]:
    """For each word (lower case): [capitalised, lower-case] counts in mid-sentence."""
    counts: dict[str, list[int]] = {}
    for match in _WORD.finditer(text):
        if sentence_initial(text, match.start()):
            continue
        word = match.group()
        pair = counts.setdefault(word.lower(), [0, 0])
        pair[0 if word[0].isupper() else 1] += 1
    return counts


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a paragraph or the text.

    A full stop after a title abbreviation or an initial ("Mr. Long", "K. Powell")
    does not end a sentence.
    """
    index = start - 1
    newlines = 0
    while index >= 0 and text[index] in _SKIP_BEFORE:
        newlines += text[index] == "\n"
        index -= 1
    if index < 0 or newlines >= 2:
        return True
    if text[index] == ".":
        before = _WORD_BEFORE.search(text, max(0, index - 20), index + 1)
        if before is not None and (before.group().lower() in TITLES
                                   or _INITIAL.fullmatch(before.group())):
            return False
    return text[index] in ".!?:"


def name_span(words: list[str], offsets: list[tuple[int, int]], text: str,
              counts: dict[str, list[int]]) -> tuple[int, int] | None:
    """The name mention inside one PER span (rules 1-4 above), or None."""
    first = _name_start(words)
    if first is None:
        return None
    last = first
    seen_name = False
    for index in range(first, len(words)):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if (_capitalised(word) and not _HYPHEN_LOWER.search(word)) or _ELIDED.match(word):
            last = index + 1
            seen_name = seen_name or word.lower() not in TITLES
        elif _particle_ok(word, following, seen_name, index > first):
            continue
        else:
            break
    if last == first:
        return None
    titled = words[first].lower() in TITLES
    if not any(_name_word(words[i], offsets[i][0], text, counts, titled)
               for i in range(first, last)):
        return None
    return offsets[first][0], offsets[last - 1][1]


def _name_start(words: list[str]) -> int | None:
    """Where a name may begin: after leading epithets, or (rule 1) for a possessive
    phrase ending in capitalised words ("my little Lizzy") at those words; else None."""
    opener = words[0].lower()
    if opener in DETERMINERS:
        if opener not in _POSSESSIVES:
            return _titled_name_start(words)
        first = len(words)
        while first > 1 and _capitalised(words[first - 1]):
            first -= 1
        return first if first < len(words) else None
    first = 0
    while first < len(words) - 1 and _is_modifier(words[first]) and _capitalised(words[first + 1]):
        first += 1
    return first


def _titled_name_start(words: list[str]) -> int | None:
    """Start of a titled name inside a common-noun phrase ("the argumentative Mr. Macey")."""
    for index in range(1, len(words) - 1):
        if words[index].lower() in TITLES and _capitalised(words[index]) \
                and _capitalised(words[index + 1]):
            return index
    return None


def outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside another span, sorted (longest first among equal starts)."""
    ordered = sorted(set(spans), key=lambda span: (span[0], -span[1]))
    result: list[tuple[int, int]] = []
    for start, end in ordered:
        if result and start < result[-1][1]:
            continue
        result.append((start, end))
    return result


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_modifier(word: str) -> bool:
    return word.lower() in EPITHETS or bool(_HYPHEN_LOWER.search(word))


def _particle_ok(word: str, following: str, seen_name: bool, inside: bool) -> bool:
    if not inside or not _capitalised(following):
        return False
    if word == "of":
        return not seen_name
    return word.lower() in PARTICLES


def _name_word(word: str, start: int, text: str, counts: dict[str, list[int]],
               titled: bool) -> bool:
    lower = word.lower()
    if not _capitalised(word) or lower in _NOT_NAME_WORDS or _NOT_NAME_SUFFIX.search(lower):
        return False
    if not titled and _plural_of_known(lower, counts):
        return False
    if sentence_initial(text, start):
        capitalised, lowered = counts.get(lower, [0, 0])
        return capitalised >= lowered
    return True


def _plural_of_known(lower: str, counts: dict[str, list[int]]) -> bool:
    if not lower.endswith("s") or lower.endswith("ss") or len(lower) < 4:
        return False
    stems = [lower[:-1]] + ([lower[:-2]] if _SIBILANT_PLURAL.search(lower) else [])
    return any(sum(counts.get(stem, [0, 0])) > 0 for stem in stems)
