"""From (X)HTML elements to story text: the part every markup reader shares.

:func:`flatten` turns an element into a flat list of :class:`Block` records
(paragraphs, headings, blank paragraphs, rules, scene-break markers). Readers group
blocks into :class:`ChapterDraft` records, and :func:`assemble` lays the drafts out
as one :class:`~ficlens.model.Document`: paragraphs joined by a blank line, chapters
too, markup scene breaks recorded as empty :class:`~ficlens.model.SceneBreak` spans
at the start of the paragraph that follows them, and author's notes written inline
at the start or end of a chapter moved into :attr:`Chapter.notes` (:mod:`.notes`).

Parsers must drop comments and processing instructions (``remove_comments=True``,
``remove_pis=True``): :func:`flatten` walks elements only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.entities import html5 as HTML5_ENTITIES
from typing import Literal

from lxml import etree

from ficlens.errors import EmptyStoryError
from ficlens.model import Chapter, Document, Metadata, Paragraph, SceneBreak
from ficlens.readers.limits import strip_control
from ficlens.readers.notes import split_inline_notes

BlockKind = Literal["text", "heading", "blank", "rule", "marker"]
TEXT_KINDS = ("text", "heading")

BLOCK_TAGS = frozenset(
    "p div blockquote li ul ol dl dt dd section article main header footer aside figure "
    "figcaption center address pre table thead tbody tfoot tr td th caption details summary "
    "hgroup fieldset legend body html h1 h2 h3 h4 h5 h6".split())
SKIP_TAGS = frozenset(
    "script style head nav noscript template svg math iframe object embed canvas form button "
    "select textarea title meta link rt rp".split())
# Skipped elements that also end the paragraph around them.
SKIP_BLOCK_TAGS = frozenset("head nav noscript template form".split())
_STRUCTURAL_TAGS = BLOCK_TAGS | SKIP_TAGS | {"br", "hr", "a"}
HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}

# A run of lines (from <br>) whose mean length reaches this is prose written one
# paragraph per line; shorter lines (verse, letters, lyrics) stay one paragraph.
PROSE_LINE_CHARS = 70
# Blank paragraphs separate ordinary paragraphs when at least this share of the gaps
# between paragraphs holds some; only runs longer than the usual one are breaks then.
COMMON_BLANK_SHARE = 0.5
# Once a work marks breaks with rules, markers or long blank runs, only runs longer
# than this are breaks.
LONG_BLANK_RUN = 2
MAX_MARKER_CHARS = 40
BLANK_MARKER = "blank lines"
RULE_MARKER = "<hr>"

_BR = "\x00"  # stands for <br>; strip_control() removes any \x00 from the text itself
_MARKER_WORD = re.compile(r"(?:o0o|0o0|oOo|OoO)[oO0]*|[xX](?:\s?[xX]){2,}")
_MARKER_PHRASE = re.compile(r"[\[(<]?\s*(?:scene|line|page)\s*break\s*[\])>]?", re.IGNORECASE)
# One symbol at a time, each followed by optional spaces: no nested quantifiers, so
# no catastrophic backtracking on long runs of symbols.
_MARKER_SYMBOLS = re.compile(
    r"(?:[^\w\s\"'“”‘’«»„‚.,?!…:;()\[\]\U0001F000-\U0001FFFF]\s*)+")


@dataclass
class Block:
    """One paragraph-level piece of a page. ``anchors`` are element ids met just before it."""

    kind: BlockKind
    text: str = ""
    level: int = 0
    anchors: tuple[str, ...] = ()


@dataclass
class ChapterDraft:
    """A chapter before layout: its blocks and what the source says about it."""

    title: str | None = None
    summary: str | None = None
    notes: list[str] = field(default_factory=list)
    end_notes: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


def is_scene_marker(text: str) -> bool:
    """True for paragraphs such as ``***``, ``* * *``, ``~~~``, ``o0o``, ``xxx``."""
    text = text.strip()
    if not text or len(text) > MAX_MARKER_CHARS:
        return False
    return any(pattern.fullmatch(text)
               for pattern in (_MARKER_WORD, _MARKER_SYMBOLS, _MARKER_PHRASE))


def local_name(element: etree._Element) -> str:
    """The lower-case tag without its namespace; "" for entities, comments and PIs."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return (tag.rpartition("}")[2] if tag.startswith("{") else tag).lower() or "?"


class _Flattener:
    """Collects inline text and emits a block each time a block element closes."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        self.anchors: list[str] = []
        self.pre_depth = 0  # inside <pre>, source line breaks are real line breaks

    def add_text(self, text: str | None) -> None:
        if text:
            text = strip_control(text)
            self.pieces.append(text.replace("\n", _BR) if self.pre_depth else text)

    def emit(self, kind: BlockKind, text: str = "", level: int = 0) -> None:
        if kind in TEXT_KINDS and is_scene_marker(text):
            kind = "marker"
        self.blocks.append(Block(kind, text, level, tuple(self.anchors)))
        self.anchors.clear()

    def flush(self, tag: str = "") -> None:
        if not self.pieces:
            return
        raw = "".join(self.pieces)
        self.pieces.clear()
        lines = [" ".join(line.split()) for line in raw.split(_BR)]
        if not any(lines):
            if tag == "p" or _BR in raw or "\xa0" in raw:
                self.emit("blank")
            return
        level = HEADING_LEVELS.get(tag, 0)
        if level:
            self.emit("heading", " ".join(line for line in lines if line), level)
            return
        for paragraph in _paragraphs_from_lines(lines):
            if paragraph is None:
                self.emit("blank")
            else:
                self.emit("text", paragraph)


def _paragraphs_from_lines(lines: list[str]) -> list[str | None]:
    """Paragraphs from the lines of one element: an empty line separates paragraphs,
    each further empty line is a blank paragraph (``None``)."""
    filled = [index for index, line in enumerate(lines) if line]
    result: list[str | None] = []
    group: list[str] = []
    empties = 0
    for line in lines[filled[0]:filled[-1] + 1]:
        if not line:
            empties += 1
            continue
        if empties and group:
            result.extend(_split_line_group(group))
            result.extend([None] * (empties - 1))
            group = []
        empties = 0
        group.append(line)
    result.extend(_split_line_group(group))
    return result


def _split_line_group(group: list[str]) -> list[str | None]:
    if len(group) > 1 and sum(map(len, group)) / len(group) >= PROSE_LINE_CHARS:
        return list(group)
    return ["\n".join(group)]


def flatten(root: etree._Element) -> list[Block]:
    """The blocks of ``root`` in document order (``<script>``, ``<nav>``… left out)."""
    state = _Flattener()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        name = local_name(element)
        if not name:  # an entity reference the parser kept unexpanded (or a comment)
            if event == "start" and element.tag is etree.Entity:
                state.add_text(HTML5_ENTITIES.get(f"{element.name};", ""))
            else:
                state.add_text(element.tail)
            continue
        if event == "start":
            _start(state, walker, element, name)
            continue
        if name in BLOCK_TAGS and name not in SKIP_TAGS:
            state.flush(name)
        if name == "pre":
            state.pre_depth -= 1
        if element is not root:
            state.add_text(element.tail)
    state.flush()
    return state.blocks


def _start(state: _Flattener, walker: etree.iterwalk, element: etree._Element,
           name: str) -> None:
    anchor = element.get("id") or (element.get("name") if name == "a" else None)
    if anchor:
        state.anchors.append(anchor)
    if name in SKIP_TAGS:
        if name in SKIP_BLOCK_TAGS:
            state.flush()
        walker.skip_subtree()
    elif name == "br":
        state.pieces.append(_BR)
    elif name == "hr":
        state.flush()
        state.emit("rule")
    elif name == "p" and _plain_paragraph(element):
        state.flush()
        text = "".join(element.itertext())
        # <p><span></span></p> (word processors' empty lines) shows as a blank line.
        state.add_text(text if text or not len(element) else "\xa0")
        walker.skip_subtree()  # its end event still comes, and flushes the paragraph
    else:
        if name in BLOCK_TAGS:
            state.flush()
        if name == "pre":
            state.pre_depth += 1
        state.add_text(element.text)


def _plain_paragraph(element: etree._Element) -> bool:
    """True when ``element`` holds only text and inline markup (the common case),
    so its text can be taken in one go instead of element by element."""
    for child in element.iterdescendants():
        tag = child.tag
        if not isinstance(tag, str) or child.get("id") is not None:
            return False
        if local_name(child) in _STRUCTURAL_TAGS:
            return False
    return True


def text_of(element: etree._Element) -> str:
    """The text of ``element`` as paragraphs joined by blank lines."""
    return "\n\n".join(block.text for block in flatten(element) if block.kind != "blank"
                       and block.kind != "rule")


def strip_leading_headings(draft: ChapterDraft) -> None:
    """Drop the headings that open a chapter; the first becomes its title if it has none."""
    while draft.blocks and draft.blocks[0].kind in ("heading", "blank", "rule"):
        block = draft.blocks.pop(0)
        if block.kind == "heading" and draft.title is None:
            draft.title = block.text


def split_by_headings(blocks: list[Block]) -> list[ChapterDraft] | None:
    """Chapters from the first of h1–h3 that occurs at least twice (None if none does).

    Higher headings (a title above the chapters) are dropped; lower ones stay as text.
    Text before the first chapter heading becomes an untitled first chapter.
    """
    levels = Counter(block.level for block in blocks if block.kind == "heading")
    chapter_level = next((level for level in (1, 2, 3) if levels[level] >= 2), None)
    if chapter_level is None:
        return None
    drafts = [ChapterDraft()]
    for block in blocks:
        if block.kind == "heading" and block.level == chapter_level:
            drafts.append(ChapterDraft(title=block.text))
        elif not (block.kind == "heading" and block.level < chapter_level):
            drafts[-1].blocks.append(block)
    if not any(block.kind in TEXT_KINDS for block in drafts[0].blocks):
        drafts.pop(0)
    return drafts


def blank_run_threshold(drafts: list[ChapterDraft]) -> int:
    """Runs of blank paragraphs longer than this are scene breaks.

    Blank paragraphs that merely space paragraphs out (COMMON_BLANK_SHARE) never
    are; and when a work marks its breaks otherwise (rules, ``***``, or long runs of
    blank lines), short runs are layout around letters and messages, not breaks.
    """
    runs: list[int] = []
    paragraphs = explicit = 0
    for draft in drafts:
        run, previous = 0, ""
        for block in draft.blocks:
            if block.kind == "blank":
                run += 1
                continue
            if block.kind in TEXT_KINDS:
                paragraphs += 1
                if run and previous in TEXT_KINDS:
                    runs.append(run)
            else:
                explicit += 1
            run, previous = 0, block.kind
    spacing = 0
    if runs and len(runs) >= COMMON_BLANK_SHARE * paragraphs:
        spacing = Counter(runs).most_common(1)[0][0]
    long_runs = sum(1 for run in runs if run > LONG_BLANK_RUN)
    if explicit >= 2 or long_runs >= 2:
        return max(spacing, LONG_BLANK_RUN)
    return spacing


class _Layout:
    """Accumulates the story text, its paragraphs and scene breaks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.paragraphs: list[Paragraph] = []
        self.scene_breaks: list[SceneBreak] = []

    def add_paragraph(self, text: str) -> Paragraph:
        if self.length:
            self.parts.append("\n\n")
            self.length += 2
        paragraph = Paragraph(self.length, self.length + len(text))
        self.parts.append(text)
        self.length = paragraph.end
        self.paragraphs.append(paragraph)
        return paragraph

    def add_chapter(self, blocks: list[Block], blank_threshold: int) -> None:
        """Lay out one chapter's blocks; breaks at its very start or end are dropped."""
        pending: str | None = None
        blank_run = 0
        first = len(self.paragraphs)
        for block in blocks:
            if block.kind == "blank":
                blank_run += 1
                continue
            if blank_run > blank_threshold and pending is None:
                pending = BLANK_MARKER
            blank_run = 0
            if block.kind == "rule":
                pending = RULE_MARKER if pending in (None, BLANK_MARKER) else pending
            elif block.kind == "marker":
                pending = block.text if pending in (None, BLANK_MARKER, RULE_MARKER) else pending
            else:
                paragraph = self.add_paragraph(block.text)
                if pending is not None and len(self.paragraphs) - 1 > first:
                    self.scene_breaks.append(
                        SceneBreak(paragraph.start, paragraph.start, pending))
                pending = None


def assemble(drafts: list[ChapterDraft], metadata: Metadata, name: str,
             keep_chapters: bool = True) -> Document:
    """Lay ``drafts`` out as one document; :class:`EmptyStoryError` when there is no text.

    With ``keep_chapters`` false (a page with no chapter structure) the chapter list
    stays empty, so the structure stage may still find ``Chapter 1`` lines in the text.
    """
    threshold = blank_run_threshold(drafts)
    layout = _Layout()
    chapters: list[Chapter] = []
    skipped: list[str] = []
    for number, draft in enumerate(drafts, start=1):
        blocks, lead_notes, tail_notes = split_inline_notes(draft.blocks)
        first = len(layout.paragraphs)
        layout.add_chapter(blocks, threshold)
        if len(layout.paragraphs) == first:
            skipped.append(draft.title or f"chapter {number}")
            continue
        chapters.append(Chapter(
            start=layout.paragraphs[first].start, end=layout.paragraphs[-1].end,
            title=draft.title, summary=draft.summary,
            notes=[*draft.notes, *lead_notes, *tail_notes, *draft.end_notes]))
    if not layout.paragraphs:
        raise EmptyStoryError(f"{name}: no story text found")
    doc = Document(text="".join(layout.parts), metadata=metadata,
                   chapters=chapters if keep_chapters else [],
                   paragraphs=layout.paragraphs, scene_breaks=layout.scene_breaks)
    for title in skipped:
        doc.warn("empty_chapter", f"{name}: chapter {title!r} has no text; left out")
    return doc
