"""HTML report: story strings never escape their context; the data block round-trips."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from ficlens.model import (
    Chapter,
    Character,
    Document,
    Mention,
    Metadata,
    Paragraph,
    Quote,
)
from ficlens.stages import interactions
from ficlens.writers.html_report import (
    NETWORK_MAX_NODES,
    report_data,
    report_html,
    safe_url,
    script_json,
    speaker_colours,
    write_html_report,
)

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"
PAYLOADS = (SCRIPT, IMAGE, JS_URL)
HOSTILE = f"{SCRIPT} {IMAGE} {JS_URL}"


def hostile_document() -> Document:
    """Every story-derived string carries the payloads (and a line separator)."""
    said = f'"{HOSTILE}\u2028</script><!--" {HOSTILE} said.'
    paragraphs = [said, f'"{JS_URL}" she asked.', "plain"]
    text, spans = "", []
    for paragraph in paragraphs:
        spans.append(Paragraph(len(text), len(text) + len(paragraph)))
        text += paragraph + "\n\n"
    first_quote_end = text.index('" ')
    second_start = spans[1].start + 1
    return interactions.run(Document(
        text=text,
        metadata=Metadata(title=HOSTILE, authors=[HOSTILE], fandoms=[HOSTILE], rating=HOSTILE,
                          relationships=[HOSTILE], tags=[HOSTILE, SCRIPT], summary=HOSTILE,
                          url=JS_URL),
        chapters=[Chapter(0, spans[1].end, HOSTILE), Chapter(spans[2].start, len(text), SCRIPT)],
        paragraphs=spans,
        characters=[Character("c0", HOSTILE, [IMAGE, JS_URL], "she/her"),
                    Character("c1", IMAGE)],
        mentions=[Mention(first_quote_end + 2, first_quote_end + 2 + len(SCRIPT), "name", "c0"),
                  Mention(spans[1].end - 11, spans[1].end - 8, "pronoun", "c1")],
        quotes=[Quote("q0", 1, first_quote_end, speaker="c0", confidence=0.9,
                      addressees=["c1"], type="explicit"),
                Quote("q1", second_start, second_start + len(JS_URL), speaker="c1",
                      confidence=0.2, type="implicit")],
    ))


class _Collector(HTMLParser):
    """Tags, attributes, script bodies and visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_html_report_payloads_appear_only_escaped():
    page = report_html(hostile_document())
    assert SCRIPT not in page
    assert IMAGE not in page
    assert "\u2028" not in page
    assert page.lower().count("<script") == 2
    assert page.lower().count("</script") == 2
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    parsed = parse(page)
    assert [tag for tag, _ in parsed.tags].count("img") == 0
    for tag, attributes in parsed.tags:
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name, value)
    assert SCRIPT in "".join(parsed.text)


def test_html_report_data_block_round_trips():
    doc = hostile_document()
    parsed = parse(report_html(doc))
    assert json.loads(parsed.scripts[0]) == report_data(doc)
    assert json.loads(parsed.scripts[0])["characters"][0]["name"] == HOSTILE


def test_html_report_scripts_and_styles_pinned_by_csp():
    page = report_html(hostile_document())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy
    parsed = parse(page)
    script_body = parsed.scripts[1]
    style_body = page.split("<style>", 1)[1].split("</style>", 1)[0]
    for body in (script_body, style_body):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


@pytest.mark.parametrize(("value", "expected"), [
    ("</script>", '"\\u003c/script\\u003e"'),
    ("a & b", '"a \\u0026 b"'),
    ("\u2028\u2029", '"\\u2028\\u2029"'),
    ("<!--", '"\\u003c!--"'),
])
def test_html_report_script_json_escapes(value, expected):
    assert str(script_json(value)) == expected
    assert json.loads(str(script_json(value))) == value


@pytest.mark.parametrize(("url", "expected"), [
    ("https://archiveofourown.org/works/1", "https://archiveofourown.org/works/1"),
    ("http://example.org/a?b=c", "http://example.org/a?b=c"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//example.org", None),
    ("https:", None),
    (None, None),
])
def test_html_report_safe_url(url, expected):
    assert safe_url(url) == expected


def test_html_report_data_summarises_the_story(hand_built_doc):
    data = report_data(hand_built_doc)
    assert [c["name"] for c in data["characters"]] == ["Ada Lovett", "Ben", "Cole"]
    assert sum(c["share"] for c in data["characters"]) == pytest.approx(1.0)
    assert [c["lines"] for c in data["characters"]] == [3, 2, 0]
    assert len({c["color"] for c in data["characters"]}) == 3
    assert data["quotes"]["chapter"] == [0, 0, 0, 1, 1, 1]
    assert data["quotes"]["speaker"] == [0, 0, 1, 1, 0, None]
    assert data["quotes"]["addressees"][2] == [0]
    rows = data["chapterLines"]["rows"]
    assert sum(sum(row.values()) for row in rows) == len(hand_built_doc.quotes)
    assert rows[1]["none"] == 1
    assert data["network"]["nodes"] == [0, 1, 2]
    assert {e["kind"] for e in data["network"]["edges"]} == {"speaks_to", "co_occurs"}
    assert data["chapters"][1]["title"] == "Two"
    assert data["meta"]["url"] is None and data["meta"]["title"] == "Tides"


def test_html_report_network_is_capped():
    characters = [Character(f"c{i}", f"Name {i}") for i in range(NETWORK_MAX_NODES + 10)]
    mentions = [Mention(0, 4, "name", c.id) for c in characters]
    doc = Document(text="Name", characters=characters, mentions=mentions)
    assert len(report_data(doc)["network"]["nodes"]) == NETWORK_MAX_NODES


def test_html_report_without_chapters_or_paragraphs(tmp_path):
    doc = Document(text='"Hello," she said.\n\nNothing else.',
                   quotes=[Quote("q0", 1, 7)])
    data = report_data(doc)
    assert len(data["chapters"]) == 1
    assert data["chapters"][0]["paragraphs"] == [[0, 18], [20, 33]]
    path = write_html_report(doc, tmp_path / "r.report.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_html_report_colours_are_distinct_and_valid():
    colours = speaker_colours(40)
    assert len({strong for strong, _ in colours}) == 40
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for pair in colours for c in pair)
