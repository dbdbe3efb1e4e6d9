"""Quotation marks: find them, tell their role from their surroundings, pick a convention.

A mark's role comes from what stands on either side of it (the way a reader sees an
opening mark at the start of a word and a closing one at the end of a word), and for
curly marks and guillemets also from the glyph. Single marks double as apostrophes,
so they are told apart from contractions ("don't"), elisions ("'em", "'90s") and
possessives ("the dogs' bowls") before they can open or close anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

DOUBLE = "double"
SINGLE = "single"

DOUBLE_OPENERS = "\u201c\u201e\u00ab"   # “ „ «
DOUBLE_CLOSERS = "\u201d\u00bb"         # ” »
SINGLE_OPENERS = "\u2018"               # ‘
SINGLE_CLOSERS = "\u2019"               # ’
DOUBLE_MARKS = '"' + DOUBLE_OPENERS + DOUBLE_CLOSERS
SINGLE_MARKS = "'" + SINGLE_OPENERS + SINGLE_CLOSERS
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
MARK_PATTERN = re.compile("[" + re.escape(ALL_MARKS) + "]")

# What may stand right before an opening mark, and right after a closing one.
OPENING_CONTEXT = frozenset("([{<\u2014\u2013-/*_~" + ALL_MARKS)
CLOSING_CONTEXT = frozenset(",.;:!?)]}>\u2014\u2013-/*_~\u2026" + ALL_MARKS)
# What may stand between a paragraph's start and a quotation that opens it.
PARAGRAPH_OPENING = " \t\n\u2014\u2015\u2013-" + ALL_MARKS
# Punctuation that ends a stretch of speech right before a closing mark.
SPEECH_END = frozenset(",.;:!?\u2014\u2013-\u2026*_~)" + ALL_MARKS)

# Words that follow an elision apostrophe in any case ("'em", "'Tis", "'S all"), and
# contractions printed apart from their word ("you 're", "I 'll").
ELISIONS = frozenset(
    "em cause cos coz cuz tis twas twere twill twould twixt til bout nuff cept kay "
    "scuse spose sposed s n re ll ve d m t ud ull ee".split())
# Elisions that are only taken as such in lower case, because capitalised they can
# start a quotation ("'Round here…", "'Er, well…"): "'round", "'im", "'ere"…
LOWER_ELISIONS = frozenset(
    "round fore neath im er ere e is ad ave alf ome ead ouse appen appened ello ullo "
    "ow ard eard eart elp ell igh ang ung nother un uns".split())
_WORD_AFTER = re.compile(r"[A-Za-z]+")


class Role(IntEnum):
    """What a mark does once its surroundings are read."""

    APOSTROPHE = 0
    OPEN = 1
    CLOSE = 2
    EITHER = 3           # a straight mark between two words or two spaces: the state decides
    OPEN_IF_CLOSED = 4   # a lower-case elision at a word start: opens only outside a quote


@dataclass(slots=True)
class Mark:
    position: int
    char: str
    kind: str
    role: Role
    weak: bool = False   # a closing single mark right after a letter ("goin'", "dogs'")


def mark_kind(char: str) -> str:
    return DOUBLE if char in DOUBLE_MARKS else SINGLE


def _flanking(before: str | None, after: str | None) -> tuple[bool, bool]:
    """(could open, could close) from the characters around a mark (None: paragraph edge)."""
    after_solid = after is not None and not after.isspace()
    before_solid = before is not None and not before.isspace()
    opens = after_solid and (not before_solid or before in OPENING_CONTEXT)
    closes = before_solid and (not after_solid or after in CLOSING_CONTEXT)
    return opens, closes


def classify_double(char: str, before: str | None, after: str | None) -> Role:
    """A straight mark's role comes from its surroundings; a curly mark or guillemet
    keeps its glyph's role unless spaces say plainly otherwise (``”Hello`` opens)."""
    before_space = before is None or before.isspace()
    after_space = after is None or after.isspace()
    if char in DOUBLE_OPENERS or char in DOUBLE_CLOSERS:
        if before_space and after_space:
            return Role.EITHER
        if char in DOUBLE_OPENERS:
            return Role.CLOSE if after_space else Role.OPEN
        return Role.OPEN if before_space else Role.CLOSE
    opens, closes = _flanking(before, after)
    if opens and not closes:
        return Role.OPEN
    if closes and not opens:
        return Role.CLOSE
    return Role.EITHER


def elision_role(text: str, position: int, end: int) -> Role | None:
    """The role of a word-initial single mark that starts an elided word, else None."""
    after = position + 1
    if after < end and text[after].isdigit():
        return Role.APOSTROPHE                      # the '90s
    match = _WORD_AFTER.match(text, after, end)
    if match is None:
        return None
    word = match.group()
    lowered = word.lower()
    following = text[match.end()] if match.end() < end else None
    if lowered == "n":                               # rock 'n' roll
        return Role.APOSTROPHE if following in ("'", "\u2019") else None
    if lowered == "s":                               # 'S all bloody ashes
        return Role.APOSTROPHE if following is None or following.isspace() else None
    if lowered in ELISIONS:
        return Role.APOSTROPHE
    if word.islower() and lowered in LOWER_ELISIONS:
        return Role.OPEN_IF_CLOSED
    return None


def classify_single(text: str, position: int, start: int, end: int) -> Mark:
    char = text[position]
    before = text[position - 1] if position > start else None
    after = text[position + 1] if position + 1 < end else None
    if before is not None and after is not None and before.isalnum() and after.isalnum():
        return Mark(position, char, SINGLE, Role.APOSTROPHE)   # don't, o'clock, ma'am
    opens, closes = _flanking(before, after)
    if opens and not closes:
        role = elision_role(text, position, end)
        return Mark(position, char, SINGLE, Role.OPEN if role is None else role)
    if closes and not opens:
        if before in ("n", "N") and position >= start + 2 and text[position - 2] in SINGLE_MARKS:
            return Mark(position, char, SINGLE, Role.APOSTROPHE)   # the second mark of 'n'
        weak = before is not None and before not in SPEECH_END
        return Mark(position, char, SINGLE, Role.CLOSE, weak)
    if opens and closes:
        return Mark(position, char, SINGLE, Role.EITHER)
    return Mark(position, char, SINGLE, Role.APOSTROPHE)


def classify(text: str, start: int, end: int) -> list[Mark]:
    """Every quotation mark in ``text[start:end]`` (one paragraph) with its role."""
    marks: list[Mark] = []
    for match in MARK_PATTERN.finditer(text, start, end):
        position = match.start()
        char = text[position]
        if char in SINGLE_MARKS:
            marks.append(classify_single(text, position, start, end))
            continue
        before = text[position - 1] if position > start else None
        after = text[position + 1] if position + 1 < end else None
        marks.append(Mark(position, char, DOUBLE, classify_double(char, before, after)))
    return marks


def resolve_weak_closers(marks: list[Mark]) -> None:
    """Decide which weak closing single marks are apostrophes, in place.

    In a run of weak closers ("the dogs' bowls'"), a strong closer after the run
    closes the quote, so the whole run is possessives or elisions; otherwise the
    last weak closer of the run is the one that may close, and the rest are apostrophes.
    """
    run: list[Mark] = []
    for mark in marks:
        if mark.kind != SINGLE or mark.role in (Role.APOSTROPHE, Role.OPEN_IF_CLOSED):
            continue
        if mark.role == Role.CLOSE and mark.weak:
            run.append(mark)
            continue
        _settle_run(run, strong_close_follows=mark.role in (Role.CLOSE, Role.EITHER))
        run = []
    _settle_run(run, strong_close_follows=False)


def _settle_run(run: list[Mark], strong_close_follows: bool) -> None:
    keep = None if strong_close_follows or not run else run[-1]
    for mark in run:
        if mark is not keep:
            mark.role = Role.APOSTROPHE


def count_openers(text: str) -> tuple[int, int]:
    """(double, single) counts of quotation openings: half the double marks, and
    the single marks at a word start that do not begin an elided word."""
    doubles = 0
    singles = 0
    for match in MARK_PATTERN.finditer(text):
        position = match.start()
        char = text[position]
        if char in DOUBLE_MARKS:
            doubles += 1
            continue
        before = text[position - 1] if position else None
        after = text[position + 1] if position + 1 < len(text) else None
        if after is None or not after.isalpha():
            continue
        if before is not None and not before.isspace() and before not in OPENING_CONTEXT:
            continue
        if elision_role(text, position, len(text)) is None:
            singles += 1
    return (doubles + 1) // 2, singles


def primary_kind(text: str) -> str:
    """The mark kind a work uses for speech: single when its single openings outnumber
    its double ones (British ‘…’ with “…” inside), double otherwise."""
    doubles, singles = count_openers(text)
    return SINGLE if singles > doubles else DOUBLE


def opens_paragraph(text: str, paragraph_start: int, quote_start: int) -> bool:
    """Whether a quotation starting at ``quote_start`` opens its paragraph: nothing but
    spaces, quotation marks and dashes before it (“…”, «…», „…“, — … in dash dialogue)."""
    return not text[paragraph_start:quote_start].strip(PARAGRAPH_OPENING)
