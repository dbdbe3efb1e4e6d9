"""Attribution stage: who speaks each quote.

First version: a speech tag next to the quote (in the same paragraph, between or
around its parts) whose subject is a resolved mention gives the speaker; the parts
of one group share it.
"""

from __future__ import annotations

import bisect

from ficlens.model import Document, Mention, Quote

SPEECH_VERBS = frozenset(
    "say ask reply answer shout cry whisper murmur mutter exclaim call continue add "
    "scold snap growl hiss rasp croon giggle laugh sigh yell scream demand explain "
    "insist protest respond retort tell begin repeat agree observe remark declare".split())


def run(doc: Document) -> Document:
    if doc.tokens is None:
        return doc
    mentions = sorted((m for m in doc.mentions if m.character), key=lambda m: m.start)
    starts = [m.start for m in mentions]
    for quote in doc.quotes:
        speaker, kind = tag_speaker(doc, quote, mentions, starts)
        quote.speaker = speaker
        quote.type = kind if speaker else None
        quote.confidence = 0.8 if speaker else 0.0
    _share_within_groups(doc.quotes)
    return doc


def tag_speaker(doc: Document, quote: Quote, mentions: list[Mention],
                starts: list[int]) -> tuple[str | None, str | None]:
    tokens = doc.tokens
    paragraph_end = _paragraph_end(doc, quote.end)
    window = tokens.rows_between(quote.end, min(paragraph_end, quote.end + 120))
    for row in window:
        if tokens.pos[row] == "VERB" and tokens.lemma[row] in SPEECH_VERBS:
            for other in window:
                if tokens.head[other] == row and tokens.dep[other] == "nsubj":
                    mention = _mention_at(mentions, starts, int(tokens.start[other]))
                    if mention is not None:
                        return mention.character, ("explicit" if mention.kind == "name"
                                                   else "anaphoric")
    return None, None


def _mention_at(mentions: list[Mention], starts: list[int], offset: int) -> Mention | None:
    index = bisect.bisect_right(starts, offset) - 1
    while index >= 0 and mentions[index].start <= offset:
        if mentions[index].end > offset:
            return mentions[index]
        index -= 1
    return None


def _paragraph_end(doc: Document, offset: int) -> int:
    starts = [p.start for p in doc.paragraphs]
    index = bisect.bisect_right(starts, offset) - 1
    return doc.paragraphs[index].end if index >= 0 else len(doc.text)


def _share_within_groups(quotes: list[Quote]) -> None:
    by_group: dict[str, Quote] = {}
    for quote in quotes:
        if quote.group and quote.speaker:
            by_group.setdefault(quote.group, quote)
    for quote in quotes:
        if quote.group in by_group and quote.speaker is None:
            source = by_group[quote.group]
            quote.speaker, quote.type, quote.confidence = (
                source.speaker, source.type, source.confidence)
