"""The demo story bundled with ficlens, and a one-call demo run."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ficlens.api import analyze_document
from ficlens.model import Document
from ficlens.readers.text import document_from_text

DEMO_FILE = "demo_story.txt"
DEMO_NAME = "demo_story"
DEMO_TITLE = "The Lighthouse Keeper's Ledger"


def demo_text() -> str:
    return resources.files("ficlens").joinpath("data", DEMO_FILE).read_text(encoding="utf-8")


def demo_document() -> Document:
    doc = document_from_text(demo_text(), DEMO_FILE, title=DEMO_TITLE)
    doc.metadata.source_path = DEMO_FILE
    return doc


def run_demo() -> Document:
    """Analyse the bundled demo story."""
    return analyze_document(demo_document())


def summary_lines(doc: Document, top: int = 8) -> list[str]:
    """A short human summary of an analysis."""
    from ficlens.serialize import document_to_dict

    data = document_to_dict(doc)
    title = doc.metadata.title or Path(doc.metadata.source_path or "story").stem
    quotes = data["quotes"]
    attributed = sum(1 for quote in quotes if quote["speaker"])
    lines = [
        f"{title}: {len(doc.text.split()):,} words, {len(doc.chapters)} chapters, "
        f"{len(data['characters'])} characters, {len(quotes)} quotes "
        f"({attributed} attributed)",
    ]
    cast = sorted(data["characters"], key=lambda c: (-c["quotes"], -c["mentions"], c["id"]))
    for character in cast[:top]:
        aliases = ", ".join(a for a in character["aliases"] if a != character["name"])
        lines.append(f"  {character['name']:<24} {character['quotes']:>4} lines "
                     f"{character['mentions']:>5} mentions"
                     + (f"  (also: {aliases})" if aliases else ""))
    return lines
