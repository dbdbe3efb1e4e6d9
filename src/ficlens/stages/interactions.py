"""Interactions stage: the character network.

``speaks_to`` edges run from a quote's speaker to each addressee (weight: quotes);
``co_occurs`` edges join characters mentioned in the same paragraph (weight:
paragraphs). Edges are given per chapter and, with ``chapter`` None, for the work.
"""

from __future__ import annotations

import bisect
from collections import Counter
from itertools import combinations

from ficlens.model import Document, Interaction


def run(doc: Document) -> Document:
    weights: Counter[tuple[str, str, str, int | None]] = Counter()
    for quote in doc.quotes:
        if quote.speaker is None:
            continue
        chapter = doc.chapter_index(quote.start)
        for addressee in quote.addressees:
            if addressee != quote.speaker:
                weights[(quote.speaker, addressee, "speaks_to", chapter)] += 1
    for chapter, members in _paragraph_casts(doc):
        for source, target in combinations(sorted(members), 2):
            weights[(source, target, "co_occurs", chapter)] += 1
    whole: Counter[tuple[str, str, str, int | None]] = Counter()
    for (source, target, kind, _), weight in weights.items():
        whole[(source, target, kind, None)] += weight
    weights.update(whole)
    doc.interactions = [
        Interaction(source, target, kind, float(weight), chapter)
        for (source, target, kind, chapter), weight in sorted(
            weights.items(), key=lambda item: (_chapter_key(item[0][3]), item[0][:3]))
    ]
    return doc


def _chapter_key(chapter: int | None) -> int:
    return -1 if chapter is None else chapter


def _paragraph_casts(doc: Document):
    starts = [paragraph.start for paragraph in doc.paragraphs]
    casts: dict[int, set[str]] = {}
    for mention in doc.mentions:
        if mention.character is None:
            continue
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0:
            casts.setdefault(index, set()).add(mention.character)
    for index in sorted(casts):
        if len(casts[index]) > 1:
            yield doc.chapter_index(doc.paragraphs[index].start), casts[index]
