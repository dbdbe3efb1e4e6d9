"""The ficlens document model.

One :class:`Document` travels through every pipeline stage; each stage reads what
earlier stages filled in and adds its own layer. Every span is a pair of character
offsets ``start``/``end`` (end exclusive) into :attr:`Document.text`; text is never
copied into the model, it is sliced out when needed (:meth:`Document.span_text`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

Gender = Literal["he/him", "she/her", "they/them"]
MentionKind = Literal["name", "pronoun", "nominal"]
QuoteType = Literal["explicit", "anaphoric", "implicit"]
InteractionKind = Literal["speaks_to", "co_occurs"]


@dataclass
class Series:
    """A series the work belongs to, with the work's part number when known."""

    name: str
    part: int | None = None


@dataclass
class Metadata:
    """What the source says about the work (all optional: plain text knows little)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    rating: str | None = None
    warnings: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    series: list[Series] = field(default_factory=list)
    summary: str | None = None
    notes: list[str] = field(default_factory=list)
    url: str | None = None
    source_path: str | None = None
    source_format: str | None = None
    published: str | None = None
    updated: str | None = None


@dataclass
class Chapter:
    """A chapter: its title and span; its author's notes are metadata, not story text."""

    start: int
    end: int
    title: str | None = None
    summary: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Paragraph:
    start: int
    end: int


@dataclass
class SceneBreak:
    """A scene break. ``start``/``end`` cover its marker line when the marker is in the
    text (``* * *`` in plain text); the span is empty where the marker was markup
    (``<hr>``, runs of blank HTML paragraphs), which readers leave out of the text.
    ``marker`` is the marker as found (``"* * *"``, ``"<hr>"``, ``"blank lines"``).
    """

    start: int
    end: int
    marker: str


@dataclass
class Character:
    """A character. ``id`` is stable for a given input (``"c0"``, ``"c1"``…)."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    gender: Gender | None = None
    source: Literal["text", "metadata", "user"] = "text"


@dataclass
class Mention:
    """A stretch of text that refers to a character (``character`` is None when unresolved)."""

    start: int
    end: int
    kind: MentionKind
    character: str | None = None


@dataclass
class Quote:
    """One contiguous stretch of quoted speech, without its quotation marks.

    The parts of a quotation interrupted by a speech tag share ``group``.
    ``nested_in`` names the quote this one sits inside (a quote within a quote).
    """

    id: str
    start: int
    end: int
    group: str | None = None
    speaker: str | None = None
    confidence: float = 0.0
    addressees: list[str] = field(default_factory=list)
    type: QuoteType | None = None
    nested_in: str | None = None
    open_mark: str = '"'


@dataclass
class Interaction:
    """A weighted edge between two characters, for one chapter or (chapter None) the work."""

    source: str
    target: str
    kind: InteractionKind
    weight: float
    chapter: int | None = None


@dataclass
class DocWarning:
    """Something odd in the text that ficlens worked around (never an exception)."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass
class TokenTable:
    """spaCy's analysis of the whole text, kept as columns (compact for huge works).

    Row ``i`` is one token. ``head`` holds row indices into this same table;
    ``sent_start`` marks the first token of each sentence. String-valued
    columns (``pos``, ``dep``, ``ent``, ``lemma``, ``lower``) are lists of interned strings.
    ``person`` is ficlens's own person-mention tagging: 0 outside, 1 begin, 2 inside.
    """

    start: np.ndarray
    end: np.ndarray
    head: np.ndarray
    sent_start: np.ndarray
    person: np.ndarray
    pos: list[str]
    tag: list[str]
    dep: list[str]
    ent: list[str]
    lemma: list[str]
    lower: list[str]

    def __len__(self) -> int:
        return int(self.start.shape[0])

    @classmethod
    def empty(cls) -> TokenTable:
        ints = np.zeros(0, dtype=np.int64)
        return cls(ints, ints.copy(), ints.copy(), np.zeros(0, dtype=bool),
                   np.zeros(0, dtype=np.int8), [], [], [], [], [], [])

    def index_at(self, offset: int) -> int:
        """Row of the token that starts at or covers ``offset`` (or the next one)."""
        return int(np.searchsorted(self.end, offset, side="right"))

    def rows_between(self, start: int, end: int) -> range:
        """Rows of the tokens lying inside ``[start, end)``."""
        first = int(np.searchsorted(self.start, start, side="left"))
        last = int(np.searchsorted(self.start, end, side="left"))
        return range(first, last)


@dataclass
class Document:
    """A story and everything ficlens has learnt about it."""

    text: str
    metadata: Metadata = field(default_factory=Metadata)
    chapters: list[Chapter] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    scene_breaks: list[SceneBreak] = field(default_factory=list)
    tokens: TokenTable | None = None
    characters: list[Character] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    warnings: list[DocWarning] = field(default_factory=list)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def warn(self, code: str, message: str, start: int | None = None,
             end: int | None = None) -> None:
        self.warnings.append(DocWarning(code, message, start, end))

    def chapter_index(self, offset: int) -> int | None:
        """Index of the chapter holding ``offset`` (None when there are no chapters)."""
        if not self.chapters:
            return None
        starts = [chapter.start for chapter in self.chapters]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def character_by_id(self) -> dict[str, Character]:
        return {character.id: character for character in self.characters}
