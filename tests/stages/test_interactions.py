"""Interactions stage: speaks_to and co_occurs edges on hand-built documents."""

from __future__ import annotations

import pytest

from ficlens.model import (
    Chapter,
    Character,
    Document,
    Interaction,
    Mention,
    Paragraph,
    Quote,
    SceneBreak,
)
from ficlens.stages import interactions

NAMES = {"A": "c0", "B": "c1", "C": "c2", "D": "c3"}


def build(paragraphs: list[str], chapter_starts: tuple[int, ...] = (0,),
          breaks: tuple[int, ...] = ()) -> Document:
    """A document whose paragraphs are given as strings; every capital letter A-D
    in a paragraph is a name mention of that character. ``chapter_starts`` and
    ``breaks`` are paragraph indices (a scene break sits just before its paragraph).
    """
    text, spans, mentions = "", [], []
    for paragraph in paragraphs:
        start = len(text)
        for offset, letter in enumerate(paragraph):
            if letter in NAMES:
                mentions.append(Mention(start + offset, start + offset + 1, "name",
                                        NAMES[letter]))
        text += paragraph
        spans.append(Paragraph(start, len(text)))
        text += "\n\n"
    chapters = [Chapter(spans[index].start, spans[nxt - 1].end if nxt else len(text))
                for index, nxt in zip(chapter_starts, (*chapter_starts[1:], None), strict=False)]
    return Document(
        text=text, chapters=chapters, paragraphs=spans,
        scene_breaks=[SceneBreak(spans[index].start, spans[index].start, "<hr>")
                      for index in breaks],
        characters=[Character(cid, letter) for letter, cid in NAMES.items()],
        mentions=mentions)


def edges(doc: Document, kind: str, chapter: int | None = None) -> dict[tuple[str, str], float]:
    return {(edge.source, edge.target): edge.weight for edge in doc.interactions
            if edge.kind == kind and edge.chapter == chapter}


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["A and B."], {("c0", "c1"): 1.0}),
    (["A.", "B."], {("c0", "c1"): 1.0}),
    (["A.", "x", "B."], {("c0", "c1"): 1.0}),
    (["A.", "x", "y", "B."], {}),
    (["A B.", "A B."], {("c0", "c1"): 2.0}),
    (["B.", "A.", "C."], {("c0", "c1"): 1.0, ("c0", "c2"): 1.0, ("c1", "c2"): 1.0}),
    (["A A A."], {}),
])
def test_interactions_co_occurs_window(paragraphs, expected):
    doc = interactions.run(build(paragraphs))
    assert edges(doc, "co_occurs") == expected


def test_interactions_co_occurs_stops_at_scene_breaks_and_chapters():
    scene = interactions.run(build(["A.", "B."], breaks=(1,)))
    assert edges(scene, "co_occurs") == {}
    chapters = interactions.run(build(["A.", "B.", "A B."], chapter_starts=(0, 1)))
    assert edges(chapters, "co_occurs", 0) == {}
    assert edges(chapters, "co_occurs", 1) == {("c0", "c1"): 1.0}
    assert edges(chapters, "co_occurs") == {("c0", "c1"): 1.0}


def test_interactions_source_follows_inventory_order():
    doc = interactions.run(build(["D and A."]))
    assert edges(doc, "co_occurs") == {("c0", "c3"): 1.0}


def quote_doc(quotes: list[Quote]) -> Document:
    doc = build(["one", "two", "three", "four"], chapter_starts=(0, 2))
    doc.quotes = quotes
    return doc


def test_interactions_speaks_to_counts_utterances_per_chapter():
    doc = quote_doc([
        Quote("q0", 0, 3, group="g0", speaker="c0", addressees=["c1"]),
        Quote("q1", 5, 8, group="g0", speaker="c0", addressees=["c1"]),  # same utterance
        Quote("q2", 10, 15, speaker="c0", addressees=["c1", "c2", "c1"]),
        Quote("q3", 17, 21, speaker="c1", addressees=["c0"]),
    ])
    interactions.run(doc)
    assert edges(doc, "speaks_to", 0) == {("c0", "c1"): 1.0}
    assert edges(doc, "speaks_to", 1) == {("c0", "c1"): 1.0, ("c0", "c2"): 1.0,
                                          ("c1", "c0"): 1.0}
    assert edges(doc, "speaks_to") == {("c0", "c1"): 2.0, ("c0", "c2"): 1.0, ("c1", "c0"): 1.0}


@pytest.mark.parametrize("quote", [
    Quote("q0", 0, 3, speaker=None, addressees=["c1"]),
    Quote("q0", 0, 3, speaker="c0", addressees=["c0"]),
    Quote("q0", 0, 3, speaker="c0", addressees=["c9"]),
    Quote("q0", 0, 3, speaker="c9", addressees=["c1"]),
    Quote("q0", 0, 3, speaker="c0", addressees=["c1"], nested_in="q7"),
])
def test_interactions_speaks_to_skips(quote):
    doc = interactions.run(quote_doc([quote]))
    assert edges(doc, "speaks_to") == {}


def test_interactions_without_chapters_only_whole_work():
    doc = build(["A B."], chapter_starts=())
    doc.quotes = [Quote("q0", 0, 3, speaker="c0", addressees=["c1"])]
    interactions.run(doc)
    assert doc.interactions == [Interaction("c0", "c1", "co_occurs", 1.0, None),
                                Interaction("c0", "c1", "speaks_to", 1.0, None)]


def test_interactions_order_is_deterministic():
    doc = build(["A B.", "C D.", "B.", "A C."], chapter_starts=(0, 2))
    doc.quotes = [Quote("q0", 0, 3, speaker="c1", addressees=["c0"])]
    first = [(e.chapter, e.kind, e.source, e.target, e.weight)
             for e in interactions.run(doc).interactions]
    doc.mentions.reverse()
    second = [(e.chapter, e.kind, e.source, e.target, e.weight)
              for e in interactions.run(doc).interactions]
    assert first == second
    chapters = [chapter for chapter, *_ in first]
    assert chapters == sorted(chapters, key=lambda c: -1 if c is None else c)
    assert first[0][0] is None
