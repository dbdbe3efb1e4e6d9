"""Structure stage: chapters, paragraphs and scene breaks.

Readers of structured formats (AO3 HTML, EPUB) fill in chapters and scene breaks
themselves; for plain text this stage finds chapter headings (``Chapter 12``,
``CHAPTER XII.``, ``Prologue``) and scene-break lines (``***``, ``* * *``, ``~~~``,
``o0o``, ``xxx``, ``---``). Paragraphs are always found here, from blank lines (or
from single line breaks when the text never leaves a blank line).
"""

from __future__ import annotations

import re

from ficlens.model import Chapter, Document, Paragraph, SceneBreak

_ROMAN = r"[IVXLCDM]+"
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|first|second|"
    r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final"
)
_NUMBER = rf"(?:\d+|{_ROMAN}|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))?)"
_SUBTITLE = r"(?:[ \t]*[.:\-–—][ \t]*[^\n]{0,80}|[ \t]+[^\n]{0,80})?"
CHAPTER_HEADING = re.compile(
    rf"""^[ \t]*(?:
        (?:chapter|book|part|volume|act)[ \t]+{_NUMBER}{_SUBTITLE}
        |(?:prologue|epilogue|interlude|afterword|foreword|preface){_SUBTITLE}
    )[ \t]*\.?[ \t]*$""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
SCENE_BREAK = re.compile(
    r"^[ \t]*(?:"
    r"(?:[*#~=+_\-•·][ \t]*){3,}"       # ***  * * *  ~~~  ---  ###  ___
    r"|(?:o0o|0o0|oOo|OoO)[oO0]*"        # o0o  oOo  o0o0o
    r"|[xX](?:[ \t]*[xX]){2,}"           # xxx  x x x
    r"|§+"
    r")[ \t]*$",
    re.MULTILINE,
)
_PARAGRAPH_SPLIT_BLANK = re.compile(r"\n[ \t]*\n+")

# A chapter heading must be a paragraph of its own and short.
MAX_HEADING_CHARS = 100


def run(doc: Document) -> Document:
    if not doc.paragraphs:
        doc.paragraphs = find_paragraphs(doc.text)
    if not doc.scene_breaks:
        doc.scene_breaks = find_scene_breaks(doc.text, doc.paragraphs)
    if not doc.chapters:
        doc.chapters = find_chapters(doc.text, doc.paragraphs)
    return doc


def find_paragraphs(text: str) -> list[Paragraph]:
    """Paragraph spans, trimmed of surrounding whitespace, in text order."""
    uses_blank_lines = _PARAGRAPH_SPLIT_BLANK.search(text) is not None
    separator = _PARAGRAPH_SPLIT_BLANK if uses_blank_lines else re.compile(r"\n+")
    paragraphs: list[Paragraph] = []
    position = 0
    for match in separator.finditer(text):
        _append_trimmed(paragraphs, text, position, match.start())
        position = match.end()
    _append_trimmed(paragraphs, text, position, len(text))
    return paragraphs


def _append_trimmed(paragraphs: list[Paragraph], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        paragraphs.append(Paragraph(start, end))


def find_scene_breaks(text: str, paragraphs: list[Paragraph]) -> list[SceneBreak]:
    breaks = []
    for paragraph in paragraphs:
        chunk = text[paragraph.start:paragraph.end]
        if "\n" not in chunk and SCENE_BREAK.fullmatch(chunk):
            breaks.append(SceneBreak(paragraph.start, paragraph.end, chunk.strip()))
    return breaks


def is_chapter_heading(line: str) -> bool:
    return len(line) <= MAX_HEADING_CHARS and CHAPTER_HEADING.fullmatch(line) is not None


def find_chapters(text: str, paragraphs: list[Paragraph]) -> list[Chapter]:
    """Chapters from heading paragraphs; the whole text is one chapter when none is found.

    A heading's own paragraph is left out of the chapter's span, which starts at the
    paragraph after it. Text before the first heading (a title, a dedication) becomes
    an untitled chapter of its own when it is more than a line or two.
    """
    headings: list[tuple[int, int, str]] = []
    for paragraph in paragraphs:
        first_line = text[paragraph.start:paragraph.end].split("\n", 1)[0]
        if is_chapter_heading(first_line):
            heading_end = paragraph.start + len(first_line)
            headings.append((paragraph.start, heading_end, first_line.strip()))
    if not headings:
        return [Chapter(start=0, end=len(text), title=None)] if text else []
    chapters: list[Chapter] = []
    preface_end = headings[0][0]
    if len(text[:preface_end].split()) > 40:
        chapters.append(Chapter(start=0, end=preface_end, title=None))
    for index, (_, heading_end, title) in enumerate(headings):
        end = headings[index + 1][0] if index + 1 < len(headings) else len(text)
        start = heading_end
        while start < end and text[start].isspace():
            start += 1
        chapters.append(Chapter(start=start, end=end, title=title))
    return chapters
