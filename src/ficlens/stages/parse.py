"""Parse stage: spaCy's tokens, sentences, tags, dependencies and entities.

The text is parsed paragraph by paragraph (overlong paragraphs in bounded blocks),
so memory stays bounded however long the work is; each spaCy ``Doc`` is turned into
rows of the document's :class:`~ficlens.model.TokenTable` and dropped. Blocks go to
spaCy in batches bounded in count and in characters: spaCy needs about 16 KB per token
of a batch while it parses, so 64 long paragraphs at once would take a gigabyte.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np

from ficlens.model import Document, TokenTable
from ficlens.nlp import get_nlp
from ficlens.progress import report_progress

if TYPE_CHECKING:
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

# Longest piece of text handed to spaCy at once (characters).
MAX_BLOCK_CHARS = 20000
BATCH_SIZE = 64
# Most characters in one batch of blocks: no batch holds more text than the longest
# block, so the parse's peak memory is set by one block, not by 64 long paragraphs.
MAX_BATCH_CHARS = MAX_BLOCK_CHARS
_BLOCK_BREAK = re.compile(r"\n|(?<=[.!?])\s+")


def run(doc: Document) -> Document:
    doc.tokens = parse_text(doc)
    return doc


def blocks(doc: Document) -> Iterator[tuple[int, int]]:
    """Spans of text to parse: paragraphs, with overlong ones cut at line or sentence ends."""
    for paragraph in doc.paragraphs:
        start = paragraph.start
        while paragraph.end - start > MAX_BLOCK_CHARS:
            limit = start + MAX_BLOCK_CHARS
            cut = None
            for match in _BLOCK_BREAK.finditer(doc.text, start + MAX_BLOCK_CHARS // 2, limit):
                cut = match.end()
            cut = cut or limit
            yield start, cut
            start = cut
        if paragraph.end > start:
            yield start, paragraph.end


def parse_text(doc: Document) -> TokenTable:
    return build_table(parse_blocks(doc), len(doc.text))


def batches(spans: Iterable[tuple[int, int]], max_blocks: int = BATCH_SIZE,
            max_chars: int = MAX_BATCH_CHARS) -> Iterator[list[tuple[int, int]]]:
    """Consecutive runs of ``spans``, each of at most ``max_blocks`` spans and, unless it
    is a single span, at most ``max_chars`` characters."""
    batch: list[tuple[int, int]] = []
    chars = 0
    for start, end in spans:
        if batch and (len(batch) >= max_blocks or chars + end - start > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append((start, end))
        chars += end - start
    if batch:
        yield batch


def parse_blocks(doc: Document) -> Iterator[tuple[int, Doc]]:
    """``(offset, spaCy Doc)`` for each block of the text, parsed in bounded batches."""
    nlp = get_nlp()
    for batch in batches(blocks(doc)):
        texts = [doc.text[start:end] for start, end in batch]
        parsed = nlp.pipe(texts, batch_size=len(batch))
        for (block_start, _), spacy_doc in zip(batch, parsed, strict=True):
            yield block_start, spacy_doc


def build_table(parsed: Iterable[tuple[int, Doc]], total_chars: int) -> TokenTable:
    """The token table of parsed blocks, with ficlens's person tags added."""
    from ficlens.stages.persons import person_tags

    columns = _Columns()
    for block_start, spacy_doc in parsed:
        columns.add(spacy_doc, block_start, person_tags(spacy_doc))
        report_progress("parse", block_start, total_chars)
    report_progress("parse", total_chars, total_chars)
    return columns.table()


class _Columns:
    """Accumulates token rows block by block."""

    def __init__(self) -> None:
        self.start: list[np.ndarray] = []
        self.end: list[np.ndarray] = []
        self.head: list[np.ndarray] = []
        self.sent_start: list[np.ndarray] = []
        self.person: list[np.ndarray] = []
        self.pos: list[str] = []
        self.tag: list[str] = []
        self.dep: list[str] = []
        self.ent: list[str] = []
        self.lemma: list[str] = []
        self.lower: list[str] = []
        self.rows = 0

    def add(self, spacy_doc, offset: int, person: np.ndarray) -> None:
        count = len(spacy_doc)
        if count == 0:
            return
        starts = np.fromiter((token.idx for token in spacy_doc), dtype=np.int64, count=count)
        lengths = np.fromiter((len(token.text) for token in spacy_doc), dtype=np.int64,
                              count=count)
        self.start.append(starts + offset)
        self.end.append(starts + lengths + offset)
        self.head.append(np.fromiter((token.head.i for token in spacy_doc), dtype=np.int64,
                                     count=count) + self.rows)
        self.sent_start.append(np.fromiter((bool(token.is_sent_start) for token in spacy_doc),
                                           dtype=bool, count=count))
        self.person.append(person.astype(np.int8))
        intern = _intern
        for token in spacy_doc:
            self.pos.append(token.pos_)
            self.tag.append(token.tag_)
            self.dep.append(token.dep_)
            self.ent.append(token.ent_iob_ + ("-" + token.ent_type_ if token.ent_type_ else ""))
            self.lemma.append(intern(token.lemma_))
            self.lower.append(intern(token.lower_))
        self.rows += count

    def table(self) -> TokenTable:
        if not self.rows:
            return TokenTable.empty()
        return TokenTable(
            start=np.concatenate(self.start), end=np.concatenate(self.end),
            head=np.concatenate(self.head), sent_start=np.concatenate(self.sent_start),
            person=np.concatenate(self.person), pos=self.pos, tag=self.tag, dep=self.dep,
            ent=self.ent, lemma=self.lemma, lower=self.lower)


_interned: dict[str, str] = {}


def _intern(value: str) -> str:
    return _interned.setdefault(value, value)
