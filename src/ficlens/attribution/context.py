"""Indexes over a document that every attribution step reads.

An :class:`Utterance` is one turn of speech: the quotes sharing a ``group`` (the parts
of a quotation interrupted by a tag) and, by fiction's convention of one speaker per
paragraph, the other quotes of the same paragraph, unless a later quote is introduced
by a tag sentence of its own or each quote has its own tag ('"Quite," said Isabella.
"Indeed," said Mrs. Thorpe.'). Nested quotes (quotes within quotes) are reported speech
and are not utterances.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ficlens.model import Document, Mention, Quote, TokenTable
from ficlens.quotes.grouping import introduces_new_turn, tagged_apart

NAME_STOPWORDS = frozenset("the mr mrs miss ms dr sir lady lord madame monsieur".split())
#: Quotes sharing a paragraph are one utterance: in fiction a paragraph holds one
#: speaker's turn, whether or not the quote stage linked its parts as a group, unless
#: a sentence of narration with a speech verb introduces the later quote or the two
#: quotes carry tags of their own.
MERGE_PARAGRAPH_QUOTES = True
CLOSE_MARKS = frozenset('"\u201d\u00bb\u2019\'')


@dataclass
class Utterance:
    index: int
    parts: list[Quote]
    paragraph: int
    #: Set when this utterance carries on a quotation left open in the paragraph before.
    continues: bool = False
    speaker: str | None = None
    confidence: float = 0.0
    sieve: str | None = None
    kind: str | None = None
    addressees: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


class Context:
    """Paragraph, sentence, mention and utterance lookups for one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        # Without a parse there are no tags to read; every lookup sees no tokens.
        self.tokens = doc.tokens if doc.tokens is not None else TokenTable.empty()
        self.paragraph_starts = [p.start for p in doc.paragraphs]
        self.mentions = sorted((m for m in doc.mentions), key=lambda m: (m.start, m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.quote_spans = sorted((q.start, q.end) for q in doc.quotes if q.nested_in is None)
        self.quote_starts = [start for start, _ in self.quote_spans]
        self.utterances = build_utterances(doc, self.paragraph_of)
        self.by_paragraph: dict[int, list[Utterance]] = {}
        for utterance in self.utterances:
            self.by_paragraph.setdefault(utterance.paragraph, []).append(utterance)
        self.known = {c.id for c in doc.characters}
        self.name_words = name_words(doc)
        #: Every name a character is listed under, lower-case ("the dodger" for a
        #: character the story knows only by that description).
        self.listed_names = {" ".join(name.lower().split()): c.id for c in doc.characters
                             for name in (c.name, *c.aliases)}
        self.scene_starts = sorted(b.start for b in doc.scene_breaks)
        self.mention_counts: dict[str, int] = {}
        #: Filled by :func:`ficlens.attribution.sieves.attribute` for inspection and training.
        self.evidence: list = []
        self.features = None
        for mention in self.mentions:
            if mention.character:
                self.mention_counts[mention.character] = (
                    self.mention_counts.get(mention.character, 0) + 1)

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, offset) - 1)

    def paragraph_span(self, index: int) -> tuple[int, int]:
        if not self.doc.paragraphs:
            return 0, len(self.doc.text)
        if not 0 <= index < len(self.doc.paragraphs):
            return 0, 0
        paragraph = self.doc.paragraphs[index]
        return paragraph.start, paragraph.end

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self.mention_starts, start)
        last = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def mention_at(self, offset: int) -> Mention | None:
        """The resolved mention covering ``offset`` (the shortest one when nested)."""
        last = bisect.bisect_right(self.mention_starts, offset) - 1
        best = None
        for index in range(last, max(-1, last - 8), -1):
            mention = self.mentions[index]
            if mention.start <= offset < mention.end and (
                    best is None or mention.end - mention.start < best.end - best.start):
                best = mention
        return best

    def narration_character(self, row: int) -> str | None:
        """The character whose resolved mention the token on ``row`` starts or lies in,
        when that token is narration (outside every quote)."""
        offset = int(self.tokens.start[row])
        mention = self.mention_at(offset)
        if mention is None or not mention.character or self.inside_quote(offset):
            return None
        return mention.character

    def quotes_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of the (outermost) quotes starting inside ``[start, end)``."""
        first = bisect.bisect_left(self.quote_starts, start)
        last = bisect.bisect_left(self.quote_starts, end)
        return self.quote_spans[first:last]

    def inside_quote(self, offset: int) -> bool:
        index = bisect.bisect_right(self.quote_starts, offset) - 1
        return index >= 0 and offset < self.quote_spans[index][1] + 1 and (
            offset >= self.quote_spans[index][0] - 1)

    def scene_of(self, offset: int) -> int:
        return bisect.bisect_right(self.scene_starts, offset)


def name_words(doc: Document) -> dict[str, set[str]]:
    """Lower-cased words of character names and aliases -> the characters holding them."""
    found: dict[str, set[str]] = {}
    for character in doc.characters:
        for name in {character.name, *character.aliases}:
            for word in name.lower().replace(".", " ").split():
                if len(word) > 2 and word not in NAME_STOPWORDS:
                    found.setdefault(word, set()).add(character.id)
    return found


def build_utterances(doc: Document, paragraph_of) -> list[Utterance]:
    """Group quotes into utterances in text order and mark paragraph continuations."""
    quotes = sorted((q for q in doc.quotes if q.nested_in is None), key=lambda q: q.start)
    utterances: list[Utterance] = []
    by_group: dict[str, Utterance] = {}
    for quote in quotes:
        if quote.group and quote.group in by_group:
            by_group[quote.group].parts.append(quote)
            continue
        paragraph = paragraph_of(quote.start)
        if (MERGE_PARAGRAPH_QUOTES and utterances and utterances[-1].paragraph == paragraph
                and not introduces_new_turn(doc.text[utterances[-1].end:quote.start])
                and not tagged_apart(doc.text, _span(utterances[-1].parts[-1]), _span(quote))):
            utterances[-1].parts.append(quote)
            if quote.group:
                by_group[quote.group] = utterances[-1]
            continue
        utterance = Utterance(len(utterances), [quote], paragraph)
        utterances.append(utterance)
        if quote.group:
            by_group[quote.group] = utterance
    for previous, current in zip(utterances, utterances[1:], strict=False):
        paragraph_end = (doc.paragraphs[previous.paragraph].end if doc.paragraphs
                         else len(doc.text))
        current.continues = (current.paragraph == previous.paragraph + 1
                             and _left_open(doc, previous.parts[-1], paragraph_end)
                             and _opens_paragraph(doc, current.parts[0]))
    return utterances


def _span(quote: Quote) -> tuple[int, int]:
    return quote.start, quote.end


def _left_open(doc: Document, quote: Quote, paragraph_end: int) -> bool:
    """Whether ``quote`` runs to its paragraph's end without a closing mark."""
    rest = doc.text[quote.end:paragraph_end]
    return rest.strip() == "" and not any(mark in rest for mark in CLOSE_MARKS)


def _opens_paragraph(doc: Document, quote: Quote) -> bool:
    before = doc.text[max(0, quote.start - 4):quote.start]
    return "\n" in before or quote.start <= 2
