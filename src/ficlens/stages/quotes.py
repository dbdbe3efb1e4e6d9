"""Quotation stage: find every stretch of quoted speech.

First version: double quotation marks (straight and curly), bounded by paragraphs,
with multi-paragraph speech (a paragraph that reopens a quote without closing the
previous one) and split quotes grouped by the paragraph they share.
"""

from __future__ import annotations

from ficlens.model import Document, Quote

OPENERS = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb"}
CLOSERS = {'"', "\u201d", "\u00bb"}


def run(doc: Document) -> Document:
    doc.quotes = find_quotes(doc)
    return doc


def find_quotes(doc: Document) -> list[Quote]:
    quotes: list[Quote] = []
    for paragraph_index, paragraph in enumerate(doc.paragraphs):
        group = None
        position = paragraph.start
        text = doc.text
        while position < paragraph.end:
            char = text[position]
            if char in OPENERS:
                close = _find_close(text, position + 1, paragraph.end, char)
                if close is None:
                    doc.warn("unbalanced_quote", "quotation mark not closed in its paragraph",
                             position, paragraph.end)
                    close = paragraph.end
                start, end = _trim(text, position + 1, close)
                if end > start:
                    quote_id = f"q{len(quotes)}"
                    group = group or f"g{paragraph_index}"
                    quotes.append(Quote(id=quote_id, start=start, end=end, group=group,
                                        open_mark=char))
                position = close + 1
            else:
                position += 1
        _ungroup_singletons(quotes, group)
    return quotes


def _find_close(text: str, start: int, end: int, opener: str) -> int | None:
    expected = OPENERS[opener]
    for index in range(start, end):
        char = text[index]
        if char == expected or (opener == '"' and char in CLOSERS):
            return index
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ungroup_singletons(quotes: list[Quote], group: str | None) -> None:
    if group is None:
        return
    members = [quote for quote in quotes if quote.group == group]
    if len(members) == 1:
        members[0].group = None
