"""Pair quotation marks into quotations, paragraph by paragraph.

The work's speech marks (double or single, see :func:`ficlens.quotes.marks.primary_kind`)
are paired first; quotations never run past their paragraph. A paragraph that leaves
a quotation open and a next paragraph that reopens it make one multi-paragraph
quotation (each paragraph's part is a quotation of its own, linked by
``continues``). Marks of the other kind inside a quotation make nested quotations.
Whatever does not pair up is recorded as an ``unbalanced_quote`` warning and the
scan carries on at the next mark or paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ficlens.model import Paragraph
from ficlens.quotes.asides import speech_parts
from ficlens.quotes.dashes import dash_speech_parts, opens_with_dash
from ficlens.quotes.marks import (
    SINGLE,
    Mark,
    Role,
    classify,
    resolve_weak_closers,
)

Warn = Callable[[str, str, int, int], None]

# Most paragraphs without marks that a quotation may run through (verse, a letter)
# when a later paragraph closes it.
MAX_UNMARKED_PARAGRAPHS = 12
# The opening glyph that a closing one answers (for quotations missing their opener).
OPENER_OF = {"\u201d": "\u201c", "\u00bb": "\u00ab", "\u2019": "\u2018"}
OPENING_ROLES = (Role.OPEN, Role.EITHER, Role.OPEN_IF_CLOSED)
CLOSING_ROLES = (Role.CLOSE, Role.EITHER)


@dataclass(slots=True)
class RawQuote:
    """A quotation before ids are given: its text span and the marks' span around it."""

    start: int
    end: int
    outer_start: int            # the opening mark (or paragraph start when it has none)
    outer_end: int              # just past the closing mark (or the paragraph end)
    open_mark: str
    paragraph: int
    continues: bool = False     # continues the previous quotation (previous paragraph's
                                # unclosed one, or the part before a stage direction)
    nested_in: int | None = None  # index of the enclosing quotation in the scan's list


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Scanner:
    """Finds the quotations of one text; :meth:`scan` returns them in text order."""

    def __init__(self, text: str, primary: str, warn: Warn, dashes: bool = False) -> None:
        self.text = text
        self.primary = primary
        self.dashes = dashes        # the work prints speech after a dash (see quotes.dashes)
        self.warn = warn
        self.quotes: list[RawQuote] = []
        self.pending: RawQuote | None = None   # open at the end of the previous paragraph
        self.paragraphs: list[Paragraph] = []
        self._marks_cache: dict[int, tuple[list[Mark], list[Mark]]] = {}

    def scan(self, paragraphs: list[Paragraph]) -> list[RawQuote]:
        self.paragraphs = paragraphs
        for index, paragraph in enumerate(paragraphs):
            self._scan_paragraph(index, paragraph)
        self._give_up_pending()
        return self.quotes

    def _marks(self, index: int) -> tuple[list[Mark], list[Mark]]:
        """(primary marks that are not apostrophes, marks of the other kind) of a paragraph."""
        cached = self._marks_cache.pop(index, None)
        if cached is not None:
            return cached
        paragraph = self.paragraphs[index]
        marks = classify(self.text, paragraph.start, paragraph.end)
        primary = [mark for mark in marks if mark.kind == self.primary]
        if self.primary == SINGLE:
            resolve_weak_closers(primary)
        primary = [mark for mark in primary if mark.role != Role.APOSTROPHE]
        return primary, [mark for mark in marks if mark.kind != self.primary]

    def _closed_later(self, index: int) -> bool:
        """Whether a quotation open before paragraph ``index``, which holds no marks,
        is closed by a later paragraph with no marks in between (verse, a letter)."""
        last = min(len(self.paragraphs), index + 1 + MAX_UNMARKED_PARAGRAPHS)
        for later in range(index + 1, last):
            primary, secondary = self._marks(later)
            self._marks_cache[later] = (primary, secondary)
            if primary:
                return primary[0].role == Role.CLOSE and not primary[0].weak
        return False

    # -- one paragraph -------------------------------------------------------------

    def _scan_paragraph(self, index: int, paragraph: Paragraph) -> None:
        if self.dashes:
            speech_start = opens_with_dash(self.text, paragraph)
            if speech_start is not None:
                self._give_up_pending()
                self._emit_dash_speech(index, paragraph, speech_start)
                return
        primary, secondary = self._marks(index)
        first_new = len(self.quotes)
        if self.pending is not None and not primary and self._closed_later(index):
            self.pending = self._emit(index, paragraph.start, paragraph.end, paragraph.start,
                                      paragraph.end, self.pending.open_mark)
            if self.pending is not None:
                self.pending.continues = True
                self._nest(first_new, secondary, [])
            return
        open_at = self._paragraph_opening(paragraph, primary)
        continuing = open_at is not None or (
            self.pending is not None and self._reopens(paragraph, primary))
        carried_mark = self.pending.open_mark if self.pending is not None else '"'
        if self.pending is not None and not continuing:
            self._give_up_pending()
        self.pending = None
        inner_pairs = self._pair(index, paragraph, primary, open_at, carried_mark)
        if continuing and len(self.quotes) > first_new:  # the first part goes on from before
            self.quotes[first_new].continues = True
        for outer in range(first_new, len(self.quotes)):
            self._nest(outer, secondary, inner_pairs)

    def _reopens(self, paragraph: Paragraph, primary: list[Mark]) -> bool:
        return bool(primary) and primary[0].position == paragraph.start and \
            primary[0].role in OPENING_ROLES

    def _paragraph_opening(self, paragraph: Paragraph, primary: list[Mark]) -> int | None:
        """The paragraph start, when a quotation left open by the previous paragraph
        goes on without being reopened (its first mark here closes it)."""
        if self.pending is None or not primary:
            return None
        first = primary[0]
        if first.role == Role.CLOSE and not first.weak:
            return paragraph.start
        return None

    def _pair(self, index: int, paragraph: Paragraph, primary: list[Mark],
              open_at: int | None, open_mark: str) -> list[tuple[Mark, Mark]]:
        """Pair the paragraph's speech marks; returns the same-kind inner pairs."""
        inner_pairs: list[tuple[Mark, Mark]] = []
        outer_start = open_at if open_at is not None else -1
        seen_any = open_at is not None
        position = 0
        while position < len(primary):
            mark = primary[position]
            position += 1
            if open_at is None:
                if mark.role in OPENING_ROLES:
                    open_at, outer_start, open_mark = mark.position + 1, mark.position, mark.char
                    seen_any = True
                elif mark.role == Role.CLOSE and not mark.weak:
                    self._stray_closer(index, paragraph, mark, seen_any)
                    seen_any = True
                continue
            if mark.role in CLOSING_ROLES:
                self._emit(index, open_at, mark.position, outer_start, mark.position + 1,
                           open_mark)
                open_at = None
            elif mark.role == Role.OPEN:
                if self._nested_same_kind(primary, position):
                    inner_pairs.append((mark, primary[position]))
                    position += 1
                    continue
                self.warn("unbalanced_quote",
                          "quotation not closed before the next one opens",
                          outer_start, mark.position)
                self._emit(index, open_at, mark.position, outer_start, mark.position, open_mark)
                open_at, outer_start, open_mark = mark.position + 1, mark.position, mark.char
        if open_at is not None:
            self.pending = self._emit(index, open_at, paragraph.end, outer_start, paragraph.end,
                                      open_mark)
            if self.pending is None:
                self.warn("unbalanced_quote", "quotation mark opens nothing at a paragraph end",
                          outer_start, paragraph.end)
        return inner_pairs

    @staticmethod
    def _nested_same_kind(primary: list[Mark], after: int) -> bool:
        """An opening mark inside an open quotation starts a quote within the quote
        (same mark kind) when the next two marks both close."""
        return after + 1 < len(primary) and primary[after].role in CLOSING_ROLES and \
            primary[after + 1].role in CLOSING_ROLES

    def _stray_closer(self, index: int, paragraph: Paragraph, mark: Mark,
                      seen_any: bool) -> None:
        if seen_any:
            self.warn("unbalanced_quote", "closing quotation mark without an opening one",
                      mark.position, mark.position + 1)
            return
        self.warn("unbalanced_quote",
                  "closing quotation mark without an opening one; quoted from the paragraph start",
                  paragraph.start, mark.position + 1)
        self._emit(index, paragraph.start, mark.position, paragraph.start, mark.position + 1,
                   OPENER_OF.get(mark.char, mark.char))

    def _emit(self, index: int, start: int, end: int, outer_start: int, outer_end: int,
              open_mark: str) -> RawQuote | None:
        """Record a quotation (cut around stage directions); returns its last part."""
        last: RawQuote | None = None
        for part_start, part_end in speech_parts(self.text, start, end):
            part_start, part_end = trimmed(self.text, part_start, part_end)
            if part_end <= part_start:
                continue
            quote = RawQuote(part_start, part_end, outer_start, outer_end, open_mark, index,
                             continues=last is not None)
            if last is not None:
                last.outer_end, quote.outer_start = last.end, part_start
            self.quotes.append(quote)
            last = quote
        return last

    def _emit_dash_speech(self, index: int, paragraph: Paragraph, speech_start: int) -> None:
        dash = self.text[paragraph.start]
        first_new = len(self.quotes)
        for part_start, part_end in dash_speech_parts(self.text, speech_start, paragraph.end):
            self._emit(index, part_start, part_end, paragraph.start, paragraph.end, dash)
        for quote in self.quotes[first_new + 1:]:
            quote.continues = True      # the parts around a speech tag: one utterance

    def _give_up_pending(self) -> None:
        if self.pending is not None:
            self.warn("unbalanced_quote",
                      "quotation mark not closed by the end of its paragraph",
                      self.pending.outer_start, self.pending.end)
            self.pending = None

    # -- quotes within quotes ------------------------------------------------------

    def _nest(self, outer: int, secondary: list[Mark],
              inner_pairs: list[tuple[Mark, Mark]]) -> None:
        quote = self.quotes[outer]
        for inner_open, inner_close in inner_pairs:
            if quote.start <= inner_open.position and inner_close.position < quote.end:
                self._emit_nested(outer, inner_open, inner_close)
        inside = [mark for mark in secondary if quote.start <= mark.position < quote.end]
        if inside and inside[0].kind == SINGLE:
            resolve_weak_closers(inside)
        open_mark: Mark | None = None
        for mark in inside:
            if mark.role in (Role.APOSTROPHE, Role.OPEN_IF_CLOSED):
                continue
            if open_mark is None:
                if mark.role in (Role.OPEN, Role.EITHER):
                    open_mark = mark
            elif mark.role in CLOSING_ROLES:
                self._emit_nested(outer, open_mark, mark)
                open_mark = None
            elif mark.role == Role.OPEN:
                open_mark = mark
        if open_mark is not None:
            self.warn("unbalanced_quote", "quotation within a quotation not closed",
                      open_mark.position, quote.end)

    def _emit_nested(self, outer: int, open_mark: Mark, close_mark: Mark) -> None:
        quote = self.quotes[outer]
        start, end = trimmed(self.text, open_mark.position + 1, close_mark.position)
        if end <= start:
            return
        self.quotes.append(RawQuote(start, end, open_mark.position, close_mark.position + 1,
                                    open_mark.char, quote.paragraph, nested_in=outer))
