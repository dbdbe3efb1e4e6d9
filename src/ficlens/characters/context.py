"""Per-token facts the characters and coref stages share, computed once per stage.

Built from the document's :class:`~ficlens.model.TokenTable`, its quotes and its
paragraphs: which quote (if any) holds each token, sentence and paragraph numbers,
which tokens sit in a heading line (a story title, "Chapter 3: The Storm"), and which
tokens open a sentence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

from ficlens.model import Document, TokenTable
from ficlens.quotes.marks import opens_paragraph

#: A heading paragraph is one line of at most this many words with no closing punctuation.
MAX_HEADING_WORDS = 12
_CLOSING = frozenset(".!?\"'\u201d\u2019\u2026;:,)]-\u2014")
_OPENING_PUNCT = frozenset("\"'\u201c\u2018([\u2014-*_")


@dataclass
class TokenContext:
    """Per-row arrays over ``tokens``; ``words`` holds each token's text."""

    doc: Document
    tokens: TokenTable
    words: list[str]
    quote_of: np.ndarray      # index into doc.quotes, -1 outside quotes
    sentence: np.ndarray      # sentence number of each token
    paragraph: np.ndarray     # paragraph number of each token (-1 outside paragraphs)
    heading: np.ndarray       # token lies in a heading line
    initial: np.ndarray       # token is the first word of its sentence (after punctuation)
    caps: list[bool]          # token starts with a capital letter

    def __len__(self) -> int:
        return len(self.words)

    def in_quote(self, row: int) -> bool:
        return bool(self.quote_of[row] >= 0)

    def capitalised(self, row: int) -> bool:
        return self.caps[row]


def build_context(doc: Document) -> TokenContext:
    tokens = doc.tokens if doc.tokens is not None else TokenTable.empty()
    words = [doc.text[start:end] for start, end in zip(tokens.start.tolist(),
                                                        tokens.end.tolist(), strict=True)]
    quote_of = _quote_rows(doc, tokens)
    return TokenContext(
        doc=doc, tokens=tokens, words=words, quote_of=quote_of,
        sentence=np.cumsum(tokens.sent_start.astype(np.int64)) - 1,
        paragraph=_paragraph_rows(doc, tokens),
        heading=_heading_rows(doc, tokens),
        initial=_initial_rows(tokens, words, quote_of),
        caps=[word[:1].isupper() and word[:1].isalpha() for word in words],
    )


def _quote_rows(doc: Document, tokens: TokenTable) -> np.ndarray:
    quote_of = np.full(len(tokens), -1, dtype=np.int64)
    for index, quote in enumerate(doc.quotes):
        rows = tokens.rows_between(quote.start, quote.end)
        quote_of[rows.start:rows.stop] = index
    return quote_of


def _paragraph_rows(doc: Document, tokens: TokenTable) -> np.ndarray:
    if not doc.paragraphs:
        return np.zeros(len(tokens), dtype=np.int64)
    starts = np.array([p.start for p in doc.paragraphs], dtype=np.int64)
    return np.searchsorted(starts, tokens.start, side="right") - 1


def is_heading(text: str) -> bool:
    """A short single line without closing punctuation, or a short line in capitals."""
    line = text.strip()
    if not line or "\n" in line:
        return False
    words = line.split()
    if len(words) > MAX_HEADING_WORDS:
        return False
    letters = [char for char in line if char.isalpha()]
    if letters and all(char.isupper() for char in letters) and len(letters) > 1:
        return True
    return line[-1] not in _CLOSING and line[0] not in _OPENING_PUNCT


def _heading_rows(doc: Document, tokens: TokenTable) -> np.ndarray:
    heading = np.zeros(len(tokens), dtype=bool)
    title = (doc.metadata.title or "").strip().lower()
    starts = sorted(quote.start for quote in doc.quotes)
    for number, paragraph in enumerate(doc.paragraphs):
        text = doc.text[paragraph.start:paragraph.end]
        rows = tokens.rows_between(paragraph.start, paragraph.end)
        if (title and text.strip().lower() == title) or (
                is_heading(text) and not _introduces_quote(doc, tokens, rows, number, starts)):
            heading[rows.start:rows.stop] = True
    return heading


def _introduces_quote(doc: Document, tokens: TokenTable, rows: range, number: int,
                      quote_starts: list[int]) -> bool:
    """A short line with a lower-case verb right before a paragraph that opens with a
    quote ('Bull said' / the quote) is narration that introduces it, not a heading."""
    if number + 1 >= len(doc.paragraphs):
        return False
    following = doc.paragraphs[number + 1]
    first = bisect.bisect_left(quote_starts, following.start)
    if first == len(quote_starts) or quote_starts[first] >= following.end or not (
            opens_paragraph(doc.text, following.start, quote_starts[first])):
        return False
    return any(tokens.pos[row] == "VERB" and doc.text[int(tokens.start[row])].islower()
               for row in rows)


def _initial_rows(tokens: TokenTable, words: list[str], quote_of: np.ndarray) -> np.ndarray:
    """First word of a sentence or of a quote, skipping opening punctuation and spaces."""
    initial = np.zeros(len(tokens), dtype=bool)
    expecting = True
    previous_quote = -1
    starts = tokens.sent_start.tolist()
    for row, (word, quote) in enumerate(zip(words, quote_of.tolist(), strict=True)):
        if starts[row] or (quote >= 0 and quote != previous_quote):
            expecting = True
        previous_quote = quote
        if not word or word.isspace():
            continue
        if expecting and word[0] not in _OPENING_PUNCT:
            initial[row] = True
            expecting = False
        elif word in ("\u201c", "\u2018", ":"):
            expecting = True
    return initial
