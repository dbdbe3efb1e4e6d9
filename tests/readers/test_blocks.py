"""Markup to blocks to story text (readers.blocks), on tiny hand-written fragments."""

from __future__ import annotations

import time

import lxml.html
import pytest

from ficlens.errors import EmptyStoryError
from ficlens.model import Metadata
from ficlens.readers.blocks import (
    Block,
    ChapterDraft,
    assemble,
    blank_run_threshold,
    flatten,
    is_scene_marker,
    split_by_headings,
    strip_leading_headings,
)


def blocks_of(markup: str) -> list[tuple[str, str]]:
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    return [(block.kind, block.text) for block in flatten(root)]


def text(value: str) -> Block:
    return Block("text", value)


BLANK = Block("blank")
RULE = Block("rule")


@pytest.mark.parametrize("markup, expected", [
    ("<p>One  <i>two</i>\n three</p>", [("text", "One two three")]),
    ("<p>A<br>B</p>", [("text", "A\nB")]),
    ("<p>A<br><br>B</p>", [("text", "A"), ("text", "B")]),
    ("<p>A<br><br><br><br>B</p>", [("text", "A"), ("blank", ""), ("blank", ""), ("text", "B")]),
    ("<p><br>A<br><br></p>", [("text", "A")]),
    ("<p>&nbsp;</p><p></p><div> </div>", [("blank", "")]),
    ("<p> </p>", [("blank", "")]),
    ("<div>Loose text<p>Inner</p>tail</div>",
     [("text", "Loose text"), ("text", "Inner"), ("text", "tail")]),
    ("<p>A</p><hr><p>* * *</p>", [("text", "A"), ("rule", ""), ("marker", "* * *")]),
    ("<h2>Title</h2><p>Body<script>bad()</script> text</p><style>p{}</style>",
     [("heading", "Title"), ("text", "Body text")]),
    ("<p>Keep</p><nav>Menu</nav><p>Also</p>", [("text", "Keep"), ("text", "Also")]),
    ("<p><span></span></p><p><img src='x.png'></p>", [("blank", ""), ("blank", "")]),
    ("<pre>line one\n  line two</pre>", [("text", "line one\nline two")]),
    ("<p><ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>です</p>", [("text", "漢字です")]),
    ("<blockquote><p>Quoted</p></blockquote><ul><li>One</li><li>Two</li></ul>",
     [("text", "Quoted"), ("text", "One"), ("text", "Two")]),
])
def test_blocks_flatten(markup, expected):
    assert blocks_of(markup) == expected


def test_blocks_flatten_records_anchors():
    root = lxml.html.fragment_fromstring(
        '<div><a id="top"></a><h2 id="c2">Two</h2><p>Text</p></div>')
    assert [block.anchors for block in flatten(root)] == [("top", "c2"), ()]


@pytest.mark.parametrize("value, expected", [
    ("***", True), ("* * *", True), ("~~~", True), ("o0o", True), ("oOo", True),
    ("xxx", True), ("X X X", True), ("-----", True), ("~*~*~", True), ("◇◆◇", True),
    ("§", True), ("[scene break]", True),
    ("ooo", False), ("...", False), ("…", False), ("?!", False), ('"..."', False),
    ("Xavier", False), ("Oh.", False), ("😂😂", False), ("", False), ("*" * 41, False),
])
def test_blocks_is_scene_marker(value, expected):
    assert is_scene_marker(value) is expected


@pytest.mark.parametrize("blocks, expected", [
    # a rare blank paragraph is a break
    ([text("a"), BLANK, text("b"), text("c")], 0),
    # blank paragraphs between most paragraphs are spacing; only longer runs are breaks
    ([text("a"), BLANK, text("b"), BLANK, text("c"), BLANK, text("d")], 1),
    # the work marks its breaks with rules: a lone blank paragraph is layout
    ([text("a"), RULE, text("b"), RULE, text("c"), BLANK, text("d")], 2),
    # the work marks its breaks with long runs of blank lines: likewise
    ([text("a"), *[BLANK] * 6, text("b"), text("c"), *[BLANK] * 6, text("d"), BLANK, text("e"),
      text("f"), text("g"), text("h")], 2),
])
def test_blocks_blank_run_threshold(blocks, expected):
    assert blank_run_threshold([ChapterDraft(blocks=blocks)]) == expected


def test_blocks_assemble_lays_out_text_and_breaks():
    drafts = [ChapterDraft(title="One", blocks=[RULE, text("a"), BLANK, BLANK, BLANK, text("b"),
                                                Block("marker", "***"), text("c"), RULE]),
              ChapterDraft(title="Empty", blocks=[BLANK]),
              ChapterDraft(title="Two", blocks=[text("d")])]
    doc = assemble(drafts, Metadata(), "x")
    assert doc.text == "a\n\nb\n\nc\n\nd"
    assert [(c.title, c.start, c.end) for c in doc.chapters] == [("One", 0, 7), ("Two", 9, 10)]
    assert [(b.start, b.end, b.marker) for b in doc.scene_breaks] == [
        (3, 3, "blank lines"), (6, 6, "***")]
    assert [w.code for w in doc.warnings] == ["empty_chapter"]


def test_blocks_assemble_without_chapters_and_empty():
    doc = assemble([ChapterDraft(blocks=[text("a")])], Metadata(), "x", keep_chapters=False)
    assert doc.chapters == [] and doc.text == "a"
    with pytest.raises(EmptyStoryError, match="x: no story text"):
        assemble([ChapterDraft(blocks=[BLANK, RULE])], Metadata(), "x")


def test_blocks_split_by_headings():
    blocks = [Block("heading", "Book", 1), text("foreword"), Block("heading", "I", 2),
              text("a"), Block("heading", "aside", 3), Block("heading", "II", 2), text("b")]
    drafts = split_by_headings(blocks)
    assert [(d.title, [b.text for b in d.blocks]) for d in drafts] == [
        (None, ["foreword"]), ("I", ["a", "aside"]), ("II", ["b"])]
    assert split_by_headings([Block("heading", "Only", 1), text("a")]) is None


def test_blocks_strip_leading_headings():
    draft = ChapterDraft(blocks=[Block("heading", "Chapter 1", 2), BLANK,
                                 Block("heading", "Sub", 3), text("a")])
    strip_leading_headings(draft)
    assert draft.title == "Chapter 1" and [b.text for b in draft.blocks] == ["a"]


def test_blocks_is_scene_marker_is_linear_on_long_symbol_runs():
    began = time.perf_counter()
    for length in range(10, 41):
        assert not is_scene_marker("*" * length + "a")
        assert not is_scene_marker("~ " * (length // 2) + "x")
    assert time.perf_counter() - began < 0.5
