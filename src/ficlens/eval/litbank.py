"""Reader of LitBank's quotation layer, aligned to the original texts.

``DIR/quotations/tsv/<work>_brat.txt`` holds the tokenised excerpt (one sentence per
line, tokens separated by spaces) and ``<work>_brat.ann`` its annotations:
``QUOTE`` rows (quote id, start sentence, start token, end sentence, end token, text)
and ``ATTRIB`` rows (quote id, speaker entity id such as ``Winnie_Verloc-3``).

The tokenised text has lost the paragraphs and the typography that a reader (and
ficlens) relies on, so each token is found again in ``DIR/original/<work>.txt``; the
gold text is the original's stretch of whole paragraphs that covers the excerpt,
and every quotation becomes character offsets into it (without its quotation
marks, the way ficlens reports spans). Tokens the original lacks (LitBank adds a few,
such as footnote numbers) are skipped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ficlens.errors import ConfigError, InputNotFoundError
from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldQuote

logger = logging.getLogger(__name__)

# How far ahead of the previous token a token is looked for in the original.
SEARCH_WINDOW_CHARS = 400
# Tokens that are quotation marks, dropped from the ends of a gold span.
QUOTE_TOKENS = frozenset(['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''",
                          "\u00ab", "\u00bb", "\u2014", "\u2013", "--"])
_SPEAKER_SUFFIX = re.compile(r"-\d+$")
_TOKEN_EQUIVALENTS = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}


@dataclass
class Token:
    sentence: int
    index: int
    text: str
    start: int | None = None   # offsets into the original text once aligned
    end: int | None = None


def work_names(root: Path, names: list[str] | None = None) -> list[str]:
    """The works under ``root`` that have both annotations and an original text."""
    folder = root / "quotations" / "tsv"
    if not folder.is_dir():
        raise InputNotFoundError(f"{root}: not a LitBank folder (no quotations/tsv inside)")
    found = sorted(path.name[:-len("_brat.ann")] for path in folder.glob("*_brat.ann")
                   if (root / "original" / (path.name[:-len("_brat.ann")] + ".txt")).exists())
    if not names:
        return found
    wanted = {name.lower() for name in names}
    chosen = [name for name in found if name.lower() in wanted]
    missing = wanted - {name.lower() for name in chosen}
    if missing:
        raise ConfigError(f"no such LitBank work(s): {', '.join(sorted(missing))}")
    return chosen


def load_litbank(root: Path, names: list[str] | None = None) -> Iterator[GoldNovel]:
    for name in work_names(root, names):
        yield load_work(root, name)


def load_work(root: Path, name: str) -> GoldNovel:
    folder = root / "quotations" / "tsv"
    original = (root / "original" / f"{name}.txt").read_text(encoding="utf-8-sig")
    original = original.replace("\r\n", "\n").replace("\r", "\n")
    sentences = read_sentences(folder / f"{name}_brat.txt")
    align_tokens(original, [token for sentence in sentences for token in sentence])
    start, end = excerpt_bounds(original, sentences)
    quote_rows, speakers = read_annotations(folder / f"{name}_brat.ann")
    quotes = []
    for quote_id, first, last in quote_rows:
        span = quote_span(sentences, first, last)
        if span is None:
            logger.warning("%s: quotation %s could not be placed in the original", name,
                           quote_id)
            continue
        quotes.append(GoldQuote(id=quote_id, spans=[(span[0] - start, span[1] - start)],
                                speaker=speakers.get(quote_id)))
    characters = [GoldCharacter(id=speaker, name=speaker_name(speaker), aliases=[
        speaker_name(speaker)]) for speaker in sorted(set(speakers.values()))]
    return GoldNovel(name=name, text=original[start:end], quotes=quotes, characters=characters)


def speaker_name(entity_id: str) -> str:
    """``Winnie_Verloc-3`` -> ``Winnie Verloc``."""
    return _SPEAKER_SUFFIX.sub("", entity_id).replace("_", " ").strip() or entity_id


def read_sentences(path: Path) -> list[list[Token]]:
    sentences = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
        words = line.split(" ") if line else []
        sentences.append([Token(number, index, word) for index, word in enumerate(words)])
    return sentences


def read_annotations(path: Path) -> tuple[list[tuple[str, tuple[int, int], tuple[int, int]]],
                                          dict[str, str]]:
    quotes = []
    speakers: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0] == "QUOTE" and len(fields) >= 6:
            quotes.append((fields[1], (int(fields[2]), int(fields[3])),
                           (int(fields[4]), int(fields[5]))))
        elif fields[0] == "ATTRIB" and len(fields) >= 3:
            speakers[fields[1]] = fields[2].strip()
    return quotes, speakers


def align_tokens(original: str, tokens: list[Token]) -> None:
    """Give each token its offsets in ``original`` (in order; unmatched ones stay None)."""
    position = _excerpt_start(original, tokens)
    for token in tokens:
        wanted = _TOKEN_EQUIVALENTS.get(token.text, token.text)
        found = original.find(wanted, position, position + SEARCH_WINDOW_CHARS + len(wanted))
        if found < 0:
            continue
        token.start, token.end = found, found + len(wanted)
        position = token.end


def _excerpt_start(original: str, tokens: list[Token]) -> int:
    """Where the excerpt begins: the first place its opening tokens appear in order."""
    words = [token.text for token in tokens[:8]]
    if not words:
        return 0
    pattern = r"\s*".join(re.escape(word) for word in words)
    match = re.search(pattern, original)
    return match.start() if match else 0


def excerpt_bounds(original: str, sentences: list[list[Token]]) -> tuple[int, int]:
    """The stretch of whole paragraphs of ``original`` that holds the aligned tokens."""
    placed = [token for sentence in sentences for token in sentence if token.start is not None]
    if not placed:
        return 0, len(original)
    first, last = placed[0].start or 0, placed[-1].end or len(original)
    start = original.rfind("\n\n", 0, first)
    start = 0 if start < 0 else start + 2
    end = original.find("\n\n", last)
    return start, len(original) if end < 0 else end


def quote_span(sentences: list[list[Token]], first: tuple[int, int],
               last: tuple[int, int]) -> tuple[int, int] | None:
    """Offsets of a quotation from its first to its last token, quotation marks left out."""
    tokens = _tokens_between(sentences, first, last)
    while len(tokens) > 1 and tokens[0].text in QUOTE_TOKENS:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].text in QUOTE_TOKENS:
        tokens = tokens[:-1]
    placed = [token for token in tokens if token.start is not None]
    if not placed:
        return None
    return placed[0].start or 0, placed[-1].end or 0


def _tokens_between(sentences: list[list[Token]], first: tuple[int, int],
                    last: tuple[int, int]) -> list[Token]:
    tokens = []
    for number in range(first[0], min(last[0], len(sentences) - 1) + 1):
        for token in sentences[number]:
            if (number, token.index) < first or (number, token.index) > last:
                continue
            tokens.append(token)
    return tokens
