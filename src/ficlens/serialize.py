"""The analysis as plain data: the JSON layout (documented in docs/output.md) and back.

:func:`document_to_dict` is the single place that decides the output's field names;
tables, reports and the corpus dataset are all built from it or from the model.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

from ficlens.model import (
    Chapter,
    Character,
    Document,
    DocWarning,
    Interaction,
    Mention,
    Metadata,
    Paragraph,
    Quote,
    SceneBreak,
    Series,
)

FORMAT_VERSION = 1


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The JSON-ready form of an analysed document (deterministic for a given input)."""
    from ficlens import __version__

    mention_counts = Counter(m.character for m in doc.mentions if m.character)
    quote_counts = Counter(q.speaker for q in doc.quotes if q.speaker)
    return {
        "ficlens_version": __version__,
        "format_version": FORMAT_VERSION,
        "text": doc.text,
        "metadata": dataclasses.asdict(doc.metadata),
        "chapters": [dataclasses.asdict(chapter) for chapter in doc.chapters],
        "paragraphs": [[p.start, p.end] for p in doc.paragraphs],
        "scene_breaks": [dataclasses.asdict(b) for b in doc.scene_breaks],
        "characters": [
            {**dataclasses.asdict(character),
             "mentions": mention_counts.get(character.id, 0),
             "quotes": quote_counts.get(character.id, 0)}
            for character in doc.characters
        ],
        "mentions": [dataclasses.asdict(mention) for mention in doc.mentions],
        "quotes": [_quote_dict(doc, quote) for quote in doc.quotes],
        "interactions": [dataclasses.asdict(edge) for edge in doc.interactions],
        "warnings": [dataclasses.asdict(warning) for warning in doc.warnings],
    }


def _quote_dict(doc: Document, quote: Quote) -> dict[str, Any]:
    record = dataclasses.asdict(quote)
    record["text"] = doc.text[quote.start:quote.end]
    record["confidence"] = round(float(quote.confidence), 4)
    return record


def _build(cls, record: dict[str, Any]):
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{key: value for key, value in record.items() if key in names})


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a :class:`Document` (without tokens) from :func:`document_to_dict` output."""
    metadata = dict(data.get("metadata") or {})
    metadata["series"] = [_build(Series, s) for s in metadata.get("series") or []]
    return Document(
        text=data["text"],
        metadata=_build(Metadata, metadata),
        chapters=[_build(Chapter, c) for c in data.get("chapters", [])],
        paragraphs=[Paragraph(start, end) for start, end in data.get("paragraphs", [])],
        scene_breaks=[_build(SceneBreak, b) for b in data.get("scene_breaks", [])],
        characters=[_build(Character, c) for c in data.get("characters", [])],
        mentions=[_build(Mention, m) for m in data.get("mentions", [])],
        quotes=[_build(Quote, q) for q in data.get("quotes", [])],
        interactions=[_build(Interaction, i) for i in data.get("interactions", [])],
        warnings=[_build(DocWarning, w) for w in data.get("warnings", [])],
    )
