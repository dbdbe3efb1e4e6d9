"""The interactive HTML report: one self-contained, offline file per work.

Python decides *what* the report shows (:func:`report_data`: colours, the cast,
per-chapter dialogue counts, the network's nodes and edges); the bundled scripts
``static/charts.js`` and ``static/report.js`` draw it in the browser. The page is rendered from
``templates/report.html.j2`` by Jinja2 with autoescaping on; the data travels as
JSON in a ``<script type="application/json">`` block with ``<``, ``>``, ``&`` and
U+2028/U+2029 escaped (:func:`script_json`), so no story text can close the block,
and the script builds the page with ``textContent`` only. A Content-Security-Policy
allows exactly the bundled script and style (by hash) and nothing else: no network,
no other scripts, no inline event handlers.
"""

from __future__ import annotations

import base64
import bisect
import colorsys
import hashlib
import json
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ficlens.model import Document
from ficlens.serialize import document_to_dict
from ficlens.stages.structure import find_paragraphs
from ficlens.writers.json import atomic_write_text

#: Quotes whose attribution confidence is below this are marked as uncertain.
LOW_CONFIDENCE = 0.5
#: At most this many characters (by lines, then mentions) are drawn in the network.
NETWORK_MAX_NODES = 25
#: Of each kind of tie, the network draws the strongest ``this x nodes`` (a readable
#: picture rather than a hairball; the GraphML/GEXF export has every edge).
NETWORK_EDGES_PER_NODE = 3
#: The chapter chart shows this many speakers; the rest are summed as "others".
CHART_MAX_SPEAKERS = 8
#: Distinct speaker colours (Tableau-like, readable on white), most talkative first.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
           "#e377c2", "#8c564b", "#bcbd22", "#393b79", "#637939", "#843c39")

#: The bundled scripts, inlined in this order into the report's one script element.
SCRIPTS = ("charts.js", "report.js")

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(data: Any) -> Markup:
    """``data`` as JSON that is safe inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.translate(_JSON_ESCAPES))


def report_html(doc: Document) -> str:
    """The full report page for ``doc``."""
    data = report_data(doc)
    script = "\n".join(_static_text(name) for name in SCRIPTS)
    style = _static_text("report.css")
    return _environment().get_template("report.html.j2").render(
        title=data["meta"]["title"],
        meta=data["meta"],
        data_json=script_json(data),
        script=Markup(script),
        style=Markup(style),
        script_hash=_csp_hash(script),
        style_hash=_csp_hash(style),
    )


def write_html_report(doc: Document, path: Path) -> Path:
    atomic_write_text(path, report_html(doc))
    return path


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("ficlens", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def render_template(name: str, **context: Any) -> str:
    """Render one of ficlens's own templates (autoescaped)."""
    return _environment().get_template(name).render(**context)


@cache
def _static_text(name: str) -> str:
    text = resources.files("ficlens").joinpath("static", name).read_text(encoding="utf-8")
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
        raise ValueError(f"static/{name} must not contain '</script', '</style' or '<!--'")
    return text


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def speaker_colours(count: int) -> list[tuple[str, str]]:
    """``count`` (strong, light tint) colour pairs: the palette, then spread hues."""
    colours = []
    for rank in range(count):
        if rank < len(PALETTE):
            strong = PALETTE[rank]
        else:
            hue = (rank * 0.618033988749895) % 1.0
            red, green, blue = colorsys.hls_to_rgb(hue, 0.42, 0.55)
            strong = _hex_colour([red * 255, green * 255, blue * 255])
        colours.append((strong, _tint(strong)))
    return colours


def _tint(colour: str, amount: float = 0.82) -> str:
    channels = [int(colour[index:index + 2], 16) for index in (1, 3, 5)]
    return _hex_colour([channel + (255 - channel) * amount for channel in channels])


def _hex_colour(channels: list[float]) -> str:
    return "#" + "".join(f"{round(channel):02x}" for channel in channels)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a plain http(s) link, else None (no ``javascript:`` and co.)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return parts.geturl()


def report_data(doc: Document) -> dict[str, Any]:
    """Everything the report's script needs, as plain JSON-ready data."""
    data = document_to_dict(doc)
    characters = _cast(data["characters"])
    index_of = {character["id"]: index for index, character in enumerate(characters)}
    chapters = _chapters(doc)
    quotes = _quotes(data["quotes"], index_of, chapters)
    return {
        "meta": _meta(doc, data, len(doc.quotes)),
        "text": doc.text,
        "characters": characters,
        "chapters": chapters,
        "quotes": quotes,
        "chapterLines": _chapter_lines(quotes, len(chapters), characters),
        "network": _network(data["interactions"], characters, index_of),
        "lowConfidence": LOW_CONFIDENCE,
    }


def _meta(doc: Document, data: dict[str, Any], quote_count: int) -> dict[str, Any]:
    metadata = data["metadata"]
    title = metadata["title"] or Path(metadata["source_path"] or "story").stem
    attributed = sum(1 for quote in doc.quotes if quote.speaker)
    return {
        "title": title,
        "authors": metadata["authors"],
        "fandoms": metadata["fandoms"],
        "rating": metadata["rating"],
        "relationships": metadata["relationships"],
        "tags": metadata["tags"],
        "summary": metadata["summary"],
        "url": safe_url(metadata["url"]),
        "words": len(doc.text.split()),
        "chapters": max(1, len(doc.chapters)),
        "characters": len(data["characters"]),
        "quotes": quote_count,
        "attributed": attributed,
        "ficlensVersion": data["ficlens_version"],
    }


def _cast(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The characters in inventory order, with colour and share of dialogue."""
    total_lines = sum(record["quotes"] for record in records) or 1
    ranked = sorted(range(len(records)),
                    key=lambda i: (-records[i]["quotes"], -records[i]["mentions"], i))
    colours = speaker_colours(len(records))
    colour_of = {index: colours[rank] for rank, index in enumerate(ranked)}
    return [{
        "id": record["id"],
        "name": record["name"],
        "aliases": [alias for alias in record["aliases"] if alias != record["name"]],
        "gender": record["gender"],
        "mentions": record["mentions"],
        "lines": record["quotes"],
        "share": round(record["quotes"] / total_lines, 4),
        "color": colour_of[index][0],
        "tint": colour_of[index][1],
    } for index, record in enumerate(records)]


def _chapters(doc: Document) -> list[dict[str, Any]]:
    """Display ranges of the chapters with their paragraphs (one chapter if none)."""
    paragraphs = doc.paragraphs or find_paragraphs(doc.text)
    spans = [(chapter.start, chapter.end, chapter.title) for chapter in doc.chapters]
    if not spans:
        spans = [(0, len(doc.text), None)]
    breaks = sorted(b.start for b in doc.scene_breaks if b.start == b.end)
    chapters = []
    for start, end, title in spans:
        inside = [[p.start, p.end] for p in paragraphs if start <= p.start < end]
        chapters.append({"title": title, "start": start, "end": end, "paragraphs": inside,
                         "breaks": [offset for offset in breaks if start <= offset < end]})
    return chapters


def _quotes(records: list[dict[str, Any]], index_of: dict[str, int],
            chapters: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The quotes as columns (one list per field: a big work has thousands of quotes,
    and column lists keep the page small). Characters are indices into the cast."""
    starts = [chapter["start"] for chapter in chapters]
    columns: dict[str, list[Any]] = {name: [] for name in (
        "id", "start", "end", "chapter", "speaker", "addressees", "type", "confidence",
        "nested")}
    for record in records:
        columns["id"].append(record["id"])
        columns["start"].append(record["start"])
        columns["end"].append(record["end"])
        columns["chapter"].append(max(0, bisect.bisect_right(starts, record["start"]) - 1))
        columns["speaker"].append(index_of.get(record["speaker"]) if record["speaker"] else None)
        columns["addressees"].append([index_of[a] for a in record["addressees"] if a in index_of])
        columns["type"].append(record["type"])
        columns["confidence"].append(round(record["confidence"], 3))
        columns["nested"].append(record["nested_in"] is not None)
    return columns


def _chapter_lines(quotes: dict[str, list[Any]], chapter_count: int,
                   characters: list[dict[str, Any]]) -> dict[str, Any]:
    """Lines per chapter for the chart: the top speakers, everyone else, and nobody."""
    top = sorted((i for i, c in enumerate(characters) if c["lines"]),
                 key=lambda i: (-characters[i]["lines"], i))[:CHART_MAX_SPEAKERS]
    shown = set(top)
    rows = [Counter() for _ in range(chapter_count)]
    for speaker, chapter in zip(quotes["speaker"], quotes["chapter"], strict=True):
        key = "none" if speaker is None else (str(speaker) if speaker in shown else "other")
        rows[chapter][key] += 1
    return {"speakers": top, "rows": [dict(row) for row in rows]}


def _network(interactions: list[dict[str, Any]], characters: list[dict[str, Any]],
             index_of: dict[str, int]) -> dict[str, Any]:
    edges = [edge for edge in interactions if edge["chapter"] is None
             and edge["source"] in index_of and edge["target"] in index_of]
    linked = Counter()
    for edge in edges:
        linked[index_of[edge["source"]]] += 1
        linked[index_of[edge["target"]]] += 1
    candidates = [i for i, c in enumerate(characters) if c["lines"] or c["mentions"] or linked[i]]
    nodes = sorted(candidates, key=lambda i: (-characters[i]["lines"],
                                              -characters[i]["mentions"], i))[:NETWORK_MAX_NODES]
    kept = set(nodes)
    shown = []
    for kind in ("speaks_to", "co_occurs"):
        among = [edge for edge in edges if edge["kind"] == kind
                 and index_of[edge["source"]] in kept and index_of[edge["target"]] in kept]
        among.sort(key=lambda edge: -edge["weight"])  # stable: ties keep the stage's order
        shown += among[:NETWORK_EDGES_PER_NODE * len(nodes)]
    return {
        "nodes": sorted(nodes),
        "edges": [{"source": index_of[edge["source"]], "target": index_of[edge["target"]],
                   "kind": edge["kind"], "weight": edge["weight"]} for edge in shown],
        "hiddenEdges": len(edges) - len(shown),
    }
