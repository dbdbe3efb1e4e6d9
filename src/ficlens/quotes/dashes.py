"""Dash dialogue: speech that opens its paragraph with a dash and has no closing mark.

Some works (Joyce's, many translations) print speech as ``—Back to barracks! he said
sternly.`` A work uses that convention when more of its paragraphs open with a dash
than with a quotation mark. The speech then runs to the end of its paragraph, less
any speech tag inside it ("he said sternly.", "said Buck Mulligan,"), which cuts the
speech into parts of one utterance.
"""

from __future__ import annotations

import re

from ficlens.model import Paragraph
from ficlens.quotes.marks import DOUBLE_OPENERS, SINGLE_OPENERS

DASHES = "\u2014\u2015\u2013"
_DASH_OPENING = re.compile(r"(?:[\u2014\u2015\u2013]|--)[ \t]?(?=[\w\"'\u201c\u2018.\u2026])")
_TRAILING = re.compile(r"(?:\s|[\u2014\u2015\u2013]|-)+$")
# Fewest dash-opened paragraphs for a work to count as using dash dialogue.
MIN_DASH_PARAGRAPHS = 5

_VERBS = (
    r"said|says|say|cried|cries|asked|asks|answered|replied|shouted|called|whispered|"
    r"murmured|muttered|added|began|went on|continued|exclaimed|laughed|sighed|"
    r"intoned|told|repeated|answers|replies|retorted|demanded|groaned|panted")
_SUBJECT = r"(?:he|she|they|I|we|it|[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})"
# A speech tag inside a dash-opened paragraph: after the speech's own punctuation,
# "he said sternly." or "said Buck Mulligan," up to the tag's own stop.
SPEECH_TAG = re.compile(
    rf"(?<=[,.!?;:\u2026])\s+(?:{_SUBJECT}\s+(?:{_VERBS})|(?:{_VERBS})\s+{_SUBJECT})\b"
    r"[^.!?:;,\n\u2014]{0,40}?[.,:;](?=\s|$)")


def opens_with_dash(text: str, paragraph: Paragraph) -> int | None:
    """Where the speech starts when the paragraph opens with a speech dash, else None."""
    match = _DASH_OPENING.match(text, paragraph.start, paragraph.end)
    return match.end() if match else None


def uses_dash_dialogue(text: str, paragraphs: list[Paragraph]) -> bool:
    dash_opened = 0
    mark_opened = 0
    for paragraph in paragraphs:
        first = text[paragraph.start]
        if first in '"\'' + DOUBLE_OPENERS + SINGLE_OPENERS:
            mark_opened += 1
        elif opens_with_dash(text, paragraph) is not None:
            dash_opened += 1
    return dash_opened >= MIN_DASH_PARAGRAPHS and dash_opened > mark_opened


def dash_speech_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The speech parts of a dash-opened paragraph ``text[start:end]`` (after its dash)."""
    trailing = _TRAILING.search(text, start, end)
    if trailing is not None:
        end = trailing.start()
    body = text[start:end]
    if len(body.split()) < 2 and not any(char in ".!?," for char in body):
        return []          # a heading such as "— I —"
    parts: list[tuple[int, int]] = []
    position = start
    for tag in SPEECH_TAG.finditer(text, start, end):
        parts.append((position, tag.start()))
        position = tag.end()
    parts.append((position, end))
    return parts
