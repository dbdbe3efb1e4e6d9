"""Ids and groups: which quotation parts make one utterance.

Parts of one multi-paragraph quotation share a group, and so do the parts of a
quotation split by a speech tag within a paragraph ("Now," she said, "go."). Two
quotations in one paragraph count as one utterance when what stands between them is
a short stretch of narration (a speech tag or a gesture), not a second turn, and they
do not each carry a tag of their own ('"Quite," said Isabella. "Indeed," said Mrs.
Thorpe.': see :func:`tagged_apart`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
#: Where a sentence of narration hands over to another clause: a semicolon, or a comma
#: before a linking word.
_CLAUSE_BREAK = re.compile(r";|,(?=\s+(?:and|while|but|whereupon|when)\b)")
_LINKS = frozenset({"and", "while", "but", "whereupon", "when"})
_CLOSING = ".,;:!?\u2026'\"\u2019\u201d\u00bb) \n\t"
#: The mark that ends a quotation before the narration: straight or curly.
_QUOTE_END = re.compile("[\"\u201d]")
_OPENING = " \n\t\"'\u2018\u201c\u00ab"
_SENTENCE_ENDS = (".", "!", "?", "\u2026")
_JOINS = (",", ":", "-", "\u2014")
#: Words after a quotation within which its own tag's speech verb stands.
OWN_TAG_WORDS = 4
_TAG_VERBS = SPEECH_WORDS - {"like", "with", "go", "goes", "went", "thought", "think",
                             "thinking", "began", "begin", "begins"}

#: Verbs that make a sentence beside a quotation its own tag ("thought" too: '"Odd!"
#: thought Alice').
_OWN_TAG_VERBS = _TAG_VERBS | {"thought"}


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


def tagged_apart(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two quotations (content spans) of one paragraph each carry a speech tag of
    their own, in different sentences ('"Quite," said Isabella. "Indeed," said Mrs.
    Thorpe.' / 'Alice thought, "Odd!" Then she heard the Rabbit say, "Hurry."'). Each is
    then a turn of its own, whoever speaks it."""
    narration = text[first[1]:second[0]].lstrip(_CLOSING).rstrip(_OPENING)
    sentences = _sentences(narration)
    if text[first[1] - 1:first[1]] in _SENTENCE_ENDS and narration[:1].isupper():
        sentences.insert(0, "")  # the first quotation closed its sentence with no tag
    closed = narration.endswith(_SENTENCE_ENDS)
    own_before = _joined_tag((_sentences(_before(text, first[0])) or [""])[-1])
    clauses = _clauses(sentences[-1]) if sentences else []
    handed_on = len(clauses) > 1 and _names_new_speaker(clauses[-1])
    ends_in_conjunction = (len(clauses) > 1 or len(sentences) > 1) and (
        clauses[-1].strip(" ,;").lower() in _LINKS)
    first_tagged = own_before or (bool(sentences) and _tag_verb(sentences[0]) and (
        len(sentences) > 1 or closed or handed_on or ends_in_conjunction))
    second_tagged = (len(sentences) > 1 and _joined_tag(sentences[-1])) or handed_on or (
        (closed or not narration or ends_in_conjunction) and _opens_with_tag(text, second[1]))
    return first_tagged and second_tagged and (
        own_before or len(sentences) > 1 or closed or handed_on or ends_in_conjunction)


def _sentences(narration: str) -> list[str]:
    if not narration:
        return []
    return _pieces(narration, (match.end() - 1 for match in _SENTENCE_BREAK.finditer(narration)))


def _clauses(sentence: str) -> list[str]:
    """A sentence cut before each clause that a semicolon or a linking word opens
    ('said Mrs. Archer; and Janey murmured:' -> 'said Mrs. Archer', '; and Janey
    murmured:')."""
    return _pieces(sentence, (match.start() for match in _CLAUSE_BREAK.finditer(sentence)))


def _pieces(text: str, cuts: Iterable[int]) -> list[str]:
    """``text`` cut at each offset of ``cuts``, in order."""
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _names_new_speaker(clause: str) -> bool:
    """A clause that names someone as it runs into the next quotation with a speech
    verb ('; and Mrs. Archer murmured:', ', while Margaret, thoughtful again, said:')."""
    return _joined_tag(clause) and any(
        word not in _NOT_NAMES for word in _CAPITALISED.findall(clause))


def _before(text: str, start: int) -> str:
    """The narration right before a quotation, back to a blank line or another quotation."""
    window = text[max(0, start - 200):start].rstrip(_OPENING).rsplit("\n\n", 1)[-1]
    return _QUOTE_END.split(window)[-1]


def _tag_verb(sentence: str) -> bool:
    return any(word in _OWN_TAG_VERBS for word in _WORD.findall(sentence.lower()))


def _joined_tag(sentence: str) -> bool:
    """A sentence that holds a speech verb and runs into the quotation ('Then Y said,')."""
    return sentence.rstrip().endswith(_JOINS) and _tag_verb(sentence)


def _opens_with_tag(text: str, end: int) -> bool:
    """Narration after a quotation (ending at ``end``) that opens with its tag: '," said
    Mrs. Thorpe', '?" she asked', or after a comma '," Mrs. Thorpe said'."""
    after = text[end:end + 80]
    opening = after.lstrip(_CLOSING).split("\n\n", 1)[0].split()[:OWN_TAG_WORDS]
    if not opening or not (opening[0][:1].islower() or text[end - 1:end] == ","):
        return False
    return any(word.strip(",;:.!?") in _OWN_TAG_VERBS for word in opening)


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
            if quote.continues or (
                    before.paragraph == quote.paragraph and same_utterance(text, before, quote)
                    and not tagged_apart(text, (before.start, before.end),
                                         (quote.start, quote.end))):
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
