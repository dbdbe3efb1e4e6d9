"""LitBank books parsed the way the parse stage parses a story, with gold tags per token.

A book's text goes through the structure stage (paragraphs) and
:func:`ficlens.stages.parse.blocks`, so spaCy sees exactly the blocks it would see at
run time. ``unwrap=True`` replaces the line breaks inside paragraphs with spaces
(same length, so character offsets do not move): that is how most fan fiction
arrives, while Project Gutenberg text is hard-wrapped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from ficlens.model import Document
from ficlens.ner.features import TokenArrays, token_arrays
from ficlens.ner.lexicon import TITLES
from ficlens.ner.litbank import Book
from ficlens.ner.model import BEGIN, INSIDE, OUTSIDE
from ficlens.stages import parse, structure

BATCH_SIZE = 32
_FIRST_WORD = re.compile(r"(\S+)\s+")


@dataclass
class ParsedBlock:
    """One spaCy ``Doc``'s worth of a book, kept as arrays (the ``Doc`` itself is dropped)."""

    offset: int                 # block start in the book text
    starts: np.ndarray          # int64 character offsets (in the book) of every token
    ends: np.ndarray
    arrays: TokenArrays         # features of the non-space tokens
    gold: np.ndarray            # int8 gold tag per non-space token
    spacy_persons: list[tuple[int, int]]   # spaCy PERSON entities (book offsets)
    name_words: list[str]       # lower-case capitalised non-title words inside gold names


def book_blocks(book: Book) -> list[tuple[int, int]]:
    doc = structure.run(Document(text=book.text))
    return list(parse.blocks(doc))


def parse_book(book: Book, nlp, *, unwrap: bool = False,
               keep_docs: bool = False) -> Iterator[tuple[ParsedBlock, object]]:
    """Yield each block of ``book`` parsed by ``nlp`` (and the ``Doc`` when ``keep_docs``)."""
    spans = book_blocks(book)
    texts = (_block_text(book.text, start, end, unwrap) for start, end in spans)
    for (start, _), spacy_doc in zip(spans, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        yield _parsed_block(book, start, spacy_doc), (spacy_doc if keep_docs else None)


def _block_text(text: str, start: int, end: int, unwrap: bool) -> str:
    block = text[start:end]
    return block.replace("\n", " ") if unwrap else block


def _parsed_block(book: Book, offset: int, spacy_doc) -> ParsedBlock:
    starts = np.fromiter((token.idx for token in spacy_doc), dtype=np.int64,
                         count=len(spacy_doc)) + offset
    ends = starts + np.fromiter((len(token.text) for token in spacy_doc), dtype=np.int64,
                                count=len(spacy_doc))
    arrays = token_arrays(spacy_doc)
    gold = gold_tags(starts[arrays.rows], book.gold)
    name_words = [spacy_doc[int(row)].lower_ for row, tag in zip(arrays.rows, gold, strict=True)
                  if tag != OUTSIDE and spacy_doc[int(row)].text[:1].isupper()
                  and spacy_doc[int(row)].lower_ not in TITLES]
    persons = [(int(starts[ent.start]), int(ends[ent.end - 1])) for ent in spacy_doc.ents
               if ent.label_ == "PERSON"]
    return ParsedBlock(offset, starts, ends, arrays, gold, persons, name_words)


def gold_tags(token_starts: np.ndarray, gold: list[tuple[int, int]]) -> np.ndarray:
    """BIO codes for tokens starting at ``token_starts`` given gold character spans."""
    tags = np.zeros(token_starts.shape[0], dtype=np.int8)
    for start, end in gold:
        first = int(np.searchsorted(token_starts, start, side="left"))
        last = int(np.searchsorted(token_starts, end, side="left"))
        if first < last:
            tags[first] = BEGIN
            tags[first + 1:last] = INSIDE
    return tags


def spans_from_tags(tags: np.ndarray, starts: np.ndarray,
                    ends: np.ndarray) -> list[tuple[int, int]]:
    """Character spans of the mentions in a BIO sequence (a stray inside tag opens one)."""
    spans: list[tuple[int, int]] = []
    open_start: int | None = None
    open_end = 0
    for tag, start, end in zip(tags.tolist(), starts.tolist(), ends.tolist(), strict=True):
        if tag == BEGIN or (tag == INSIDE and open_start is None):
            if open_start is not None:
                spans.append((open_start, open_end))
            open_start, open_end = start, end
        elif tag == INSIDE:
            open_end = end
        elif open_start is not None:
            spans.append((open_start, open_end))
            open_start = None
    if open_start is not None:
        spans.append((open_start, open_end))
    return spans


def strip_titles(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without the title words it opens with ("Mr. Sawyer" → "Sawyer")."""
    start, end = span
    while True:
        match = _FIRST_WORD.match(text, start, end)
        if match is None or match.group(1).lower() not in TITLES:
            return start, end
        start = match.end()
