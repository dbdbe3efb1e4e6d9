"""Ids and groups: which quotation parts make one utterance.

Parts of one multi-paragraph quotation share a group, and so do the parts of a
quotation split by a speech tag within a paragraph ("Now," she said, "go."). Two
quotations in one paragraph count as one utterance when what stands between them is
a short stretch of narration (a speech tag or a gesture), not a second turn.
"""

from __future__ import annotations

import re

from ficlens.model import Quote
from ficlens.quotes.scanner import RawQuote
from ficlens.quotes.speech import SPEECH_WORDS

# Longest narration (in characters) between two parts of one utterance.
MAX_TAG_CHARS = 150
# A sentence ending inside the narration, unless it is an abbreviation ("Mr. Bunting").
_SENTENCE_BREAK = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMme)(?<!\bRev)(?<!\bCol)"
    r"(?<!\bCapt)(?<!\bProf)(?<!\bGen)(?<!\bLt)(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])"
    r"[.!?\u2026]['\"\u2019\u201d)]*\s+[A-Z]")
_WORD = re.compile(r"[a-z]+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
#: Capitalised words that do not name a speaker (pronouns, sentence openers).
_NOT_NAMES = frozenset("I He She They We You It Then After But And So Now At When As The A "
                       "An This That With Without For In On Here There His Her Their "
                       "Presently Again Still Yet".split())
_CLOSING = ".,;:!?\u2026'\"\u2019\u201d\u00bb) \n\t"
_TAG_VERBS = SPEECH_WORDS - {"like", "with", "go", "goes", "went", "thought", "think",
                             "thinking", "began", "begin", "begins"}


class _Groups:
    """Union-find over quotation indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        self.parent[self.find(second)] = self.find(first)


def same_utterance(text: str, first: RawQuote, second: RawQuote) -> bool:
    """Whether two consecutive quotations of one paragraph are one speaker's utterance."""
    between = text[first.outer_end:second.outer_start].strip()
    if len(between) > MAX_TAG_CHARS or not between:
        return False
    if _SENTENCE_BREAK.search(between) is not None:
        return False          # two sentences of narration: a new turn
    verbs = sum(1 for word in _WORD.findall(between) if word in _TAG_VERBS)
    return verbs < 2          # "she asked, and he answered": two speakers


def introduces_new_turn(between: str) -> bool:
    """Whether the narration between two quotations of one paragraph ends in a sentence
    of its own in which someone named speaks ('…," said Lady Bertram. After a pause Sir
    Thomas added, "…'): the second quotation then has its own tag and maybe its own
    speaker. A pronoun there ('She laughed. "…') keeps the paragraph one turn."""
    narration = between.lstrip(_CLOSING)  # the first quotation's own end is not narration
    breaks = list(_SENTENCE_BREAK.finditer(narration))
    if not breaks:
        return False
    last_sentence = narration[breaks[-1].end() - 1:]
    if not any(word in _TAG_VERBS for word in _WORD.findall(last_sentence.lower())):
        return False
    return any(word not in _NOT_NAMES for word in _CAPITALISED.findall(last_sentence))


def build_quotes(text: str, raw: list[RawQuote]) -> list[Quote]:
    """Number the quotations in text order ("q0"…), link nested ones to their outer
    quotation and give the parts of one utterance a shared group ("g0"…)."""
    order = sorted(range(len(raw)), key=lambda i: (raw[i].start, -raw[i].end))
    rank = {index: position for position, index in enumerate(order)}
    groups = _Groups(len(raw))
    previous: int | None = None
    for index in order:
        quote = raw[index]
        if quote.nested_in is not None:
            continue
        if previous is not None:
            before = raw[previous]
            if quote.continues or (before.paragraph == quote.paragraph
                                   and same_utterance(text, before, quote)):
                groups.union(previous, index)
        previous = index
    return _numbered(raw, order, rank, groups)


def _numbered(raw: list[RawQuote], order: list[int], rank: dict[int, int],
              groups: _Groups) -> list[Quote]:
    members: dict[int, int] = {}
    for index in order:
        if raw[index].nested_in is None:
            root = groups.find(index)
            members[root] = members.get(root, 0) + 1
    names: dict[int, str] = {}
    quotes: list[Quote] = []
    for index in order:
        item = raw[index]
        group = None
        if item.nested_in is None:
            root = groups.find(index)
            if members[root] > 1:
                group = names.setdefault(root, f"g{len(names)}")
        nested_in = f"q{rank[item.nested_in]}" if item.nested_in is not None else None
        quotes.append(Quote(id=f"q{rank[index]}", start=item.start, end=item.end, group=group,
                            nested_in=nested_in, open_mark=item.open_mark))
    return quotes
