"""Author's notes written inline at the start or end of a chapter.

Fan fiction often opens a chapter with ``A/N: thanks for the reviews!`` and closes
it with a plea for reviews, inside the story text itself. Such paragraphs are moved
out of the text (into :attr:`~ficlens.model.Chapter.notes`) only when they clearly
are notes:

* at the start: a run of paragraphs ending in a cue (``On to the story!``,
  ``Story time.``) that holds a labelled paragraph (``A/N:``, ``Author's note:``,
  ``Disclaimer:``); or a labelled first paragraph up to a scene break a few
  paragraphs on; or consecutive labelled paragraphs;
* at the end: a labelled paragraph among the last few, and everything after it; or
  a trailing run of review requests (``Please review!``) and ``P.S.`` lines.

A chapter is never emptied: if every paragraph would go, nothing does.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ficlens.readers.blocks import Block

_TEXT_KINDS = ("text", "heading")
_BREAK_KINDS = ("rule", "marker")
# How many paragraphs at each end of a chapter are searched for notes.
LEAD_WINDOW = 8
BREAK_WINDOW = 3
TAIL_WINDOW = 4
TAIL_RUN_WINDOW = 6
MAX_CUE_CHARS = 300
MAX_REQUEST_CHARS = 500

_DELIMITER = r"\s*(?:[:\-–—.)\]]|$)"
NOTE_LABEL = re.compile(
    r"^[\s(\[*_~]*(?:a\s*/\s*n\b|an\s*:|"
    rf"(?:authors?|author['’]s|authors['’])\s+notes?{_DELIMITER}|"
    rf"notes?\s+from\s+the\s+author{_DELIMITER}|disclaimer{_DELIMITER}|notes?\s*:)",
    re.IGNORECASE)
POSTSCRIPT = re.compile(r"^[\s(\[*_~]*(?:p\.\s*s\.|ps\s*:|p\.?\s*p\.?\s*s\.)", re.IGNORECASE)
CLOSING_CUE = re.compile(
    r"\b(?:on\s+(?:to|with)\s+(?:the\s+)?(?:story|fic|chapter|show)"
    r"|now,?\s+(?:for\s+)?the\s+(?:story|chapter|fic)|story\s*time|read\s+on"
    r"|enjoy(?:\s+the\s+(?:story|chapter|fic))?\s*[!.~]*\s*$)",
    re.IGNORECASE)
REVIEW_WORD = re.compile(r"\b(?:review(?:s|ers?|ing)?|r\s*&\s*r|kudos)\b", re.IGNORECASE)
_PLEA = re.compile(r"[!?]|\b(?:please|thanks?|reviewers)\b", re.IGNORECASE)
_QUOTES = ('"', "“", "”")


def is_labelled_note(text: str) -> bool:
    return NOTE_LABEL.match(text) is not None


def is_review_request(text: str) -> bool:
    return (len(text) <= MAX_REQUEST_CHARS and REVIEW_WORD.search(text) is not None
            and _PLEA.search(text) is not None and not any(q in text for q in _QUOTES))


def split_inline_notes(blocks: list[Block]) -> tuple[list[Block], list[str], list[str]]:
    """``blocks`` without inline notes, the notes found at the start, and those at the end."""
    texts = [index for index, block in enumerate(blocks) if block.kind in _TEXT_KINDS]
    if len(texts) < 2:
        return blocks, [], []
    lead_end = _lead_end(blocks, texts)
    tail_start = _tail_start(blocks, texts)
    if tail_start is not None and tail_start <= lead_end:
        tail_start = None
    kept_end = len(blocks) if tail_start is None else tail_start
    if not any(blocks[index].kind in _TEXT_KINDS for index in range(lead_end, kept_end)):
        return blocks, [], []
    lead = _note_text(blocks[:lead_end])
    tail = _note_text(blocks[kept_end:])
    return blocks[lead_end:kept_end], [lead] if lead else [], [tail] if tail else []


def _note_text(blocks: list[Block]) -> str:
    return "\n\n".join(block.text for block in blocks if block.kind in _TEXT_KINDS)


def _lead_end(blocks: list[Block], texts: list[int]) -> int:
    """Index of the first block after the opening notes (0 when there are none)."""
    head = texts[:LEAD_WINDOW]
    for position, index in enumerate(head):
        text = blocks[index].text
        if len(text) <= MAX_CUE_CHARS and CLOSING_CUE.search(text):
            if any(is_labelled_note(blocks[earlier].text) for earlier in head[:position + 1]):
                return index + 1
            break
    if not is_labelled_note(blocks[texts[0]].text):
        return 0
    last = texts[min(BREAK_WINDOW, len(texts) - 1)]
    for index in range(texts[0], last + 1):
        if blocks[index].kind in _BREAK_KINDS:
            return index
    end = texts[0] + 1
    for index in texts[1:]:
        if not is_labelled_note(blocks[index].text):
            break
        end = index + 1
    return end


def _tail_start(blocks: list[Block], texts: list[int]) -> int | None:
    """Index of the first block of the closing notes (None when there are none)."""
    starts: list[int] = []
    for index in texts[-TAIL_WINDOW:]:
        if is_labelled_note(blocks[index].text):
            starts.append(_break_before(blocks, index))
            break
    confirmed = None
    for index in reversed(texts[-TAIL_RUN_WINDOW:]):
        text = blocks[index].text
        if is_labelled_note(text) or is_review_request(text):
            confirmed = index
        elif not POSTSCRIPT.match(text):
            break
    if confirmed is not None:
        starts.append(confirmed)
    return min(starts) if starts else None


def _break_before(blocks: list[Block], index: int) -> int:
    """``index``, or the scene break just before it (so the break goes with the note)."""
    while index > 0 and blocks[index - 1].kind in (*_BREAK_KINDS, "blank"):
        index -= 1
    return index
