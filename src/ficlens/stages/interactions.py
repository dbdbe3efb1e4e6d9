"""Interactions stage: the character network.

Two kinds of edge, both between characters of the inventory (ids that name no
character are ignored):

``speaks_to``
    From a quote's speaker to each of its addressees. The weight counts
    utterances: the parts of one quotation interrupted by a speech tag (one
    ``group``) count once. Quotes nested inside another quote are reported speech,
    not part of the scene, and are left out.

``co_occurs``
    Characters "on stage" together. A scene is a stretch of paragraphs inside one
    chapter between two scene breaks. For each paragraph, the characters
    mentioned in it are linked with every character mentioned in it or in the
    :data:`WINDOW_PARAGRAPHS` paragraphs before it in the same scene. A pair is
    counted at most once per paragraph, so the weight is the number of
    paragraphs at which the two meet. The edge is symmetric; ``source`` is the
    character listed first in the inventory.

Edges are given for each chapter and, with ``chapter`` None, for the whole work
(the sum over chapters). A work without chapters gets the whole-work edges only.
Order: whole work first, then chapter by chapter; within that by kind, then
source and target in inventory order.
"""

from __future__ import annotations

import bisect
from collections import Counter, deque
from collections.abc import Iterator
from itertools import combinations

from ficlens.model import Document, Interaction, Quote

#: How many earlier paragraphs of the same scene still count as "together".
WINDOW_PARAGRAPHS = 2

EdgeKey = tuple[str, str, str, int | None]


def run(doc: Document) -> Document:
    order = {character.id: index for index, character in enumerate(doc.characters)}
    weights: Counter[EdgeKey] = Counter()
    weights.update(speaks_to_counts(doc, order))
    weights.update(co_occurrence_counts(doc, order))
    doc.interactions = build_interactions(weights, order, has_chapters=bool(doc.chapters))
    return doc


def speaks_to_counts(doc: Document, order: dict[str, int]) -> Counter[EdgeKey]:
    """``(speaker, addressee, "speaks_to", chapter)`` -> utterances."""
    seen: set[tuple[str, str, str]] = set()
    counts: Counter[EdgeKey] = Counter()
    for quote in doc.quotes:
        if quote.nested_in is not None or quote.speaker not in order:
            continue
        utterance = _utterance_id(quote)
        for addressee in dict.fromkeys(quote.addressees):
            if addressee == quote.speaker or addressee not in order:
                continue
            if (utterance, quote.speaker, addressee) in seen:
                continue
            seen.add((utterance, quote.speaker, addressee))
            counts[(quote.speaker, addressee, "speaks_to", doc.chapter_index(quote.start))] += 1
    return counts


def _utterance_id(quote: Quote) -> str:
    return f"g:{quote.group}" if quote.group is not None else f"q:{quote.id}"


def co_occurrence_counts(doc: Document, order: dict[str, int],
                         window: int = WINDOW_PARAGRAPHS) -> Counter[EdgeKey]:
    """``(first, second, "co_occurs", chapter)`` -> paragraphs at which the two meet."""
    casts = paragraph_casts(doc, order)
    break_starts = sorted(scene_break.start for scene_break in doc.scene_breaks)
    counts: Counter[EdgeKey] = Counter()
    recent: deque[frozenset[str]] = deque(maxlen=window + 1)
    previous_scene: tuple[int | None, int] | None = None
    for index, paragraph in enumerate(doc.paragraphs):
        scene = scene_key(doc, break_starts, paragraph.start)
        if scene != previous_scene:
            recent.clear()
            previous_scene = scene
        present = casts.get(index, frozenset())
        recent.append(present)
        if not present:
            continue
        together = frozenset().union(*recent)
        for first, second in _pairs(together, order):
            if first in present or second in present:
                counts[(first, second, "co_occurs", scene[0])] += 1
    return counts


def _pairs(members: frozenset[str], order: dict[str, int]) -> Iterator[tuple[str, str]]:
    return combinations(sorted(members, key=order.__getitem__), 2)


def paragraph_casts(doc: Document, order: dict[str, int]) -> dict[int, frozenset[str]]:
    """Paragraph index -> characters mentioned inside that paragraph."""
    starts = [paragraph.start for paragraph in doc.paragraphs]
    casts: dict[int, set[str]] = {}
    for mention in doc.mentions:
        if mention.character not in order:
            continue
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.end <= doc.paragraphs[index].end:
            casts.setdefault(index, set()).add(mention.character)
    return {index: frozenset(members) for index, members in casts.items()}


def scene_key(doc: Document, break_starts: list[int], offset: int) -> tuple[int | None, int]:
    """(chapter index, scene breaks at or before ``offset``): equal keys mean the same scene.

    ``break_starts`` are the sorted start offsets of ``doc.scene_breaks``.
    """
    return doc.chapter_index(offset), bisect.bisect_right(break_starts, offset)


def build_interactions(weights: Counter[EdgeKey], order: dict[str, int],
                       has_chapters: bool) -> list[Interaction]:
    """Per-chapter counts plus their whole-work sums, as sorted :class:`Interaction` s."""
    whole: Counter[EdgeKey] = Counter()
    for (source, target, kind, _chapter), weight in weights.items():
        whole[(source, target, kind, None)] += weight
    per_chapter = weights if has_chapters else Counter()
    edges = list(whole.items()) + list(per_chapter.items())

    def sort_key(item: tuple[EdgeKey, int]) -> tuple[int, str, int, int]:
        source, target, kind, chapter = item[0]
        return (-1 if chapter is None else chapter, kind, order[source], order[target])

    return [Interaction(source, target, kind, float(weight), chapter)
            for (source, target, kind, chapter), weight in sorted(edges, key=sort_key)]
