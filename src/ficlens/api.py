"""The public Python API; the CLI is a thin layer over these functions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ficlens.model import Document
from ficlens.pipeline import StageTiming, run_pipeline
from ficlens.readers import read_path
from ficlens.readers.text import document_from_text

__all__ = ["analyze_document", "analyze_path", "analyze_text", "read_path"]


def analyze_document(doc: Document, timings: list[StageTiming] | None = None) -> Document:
    """Run the full pipeline on a document a reader produced."""
    return run_pipeline(doc, timings=timings)


def analyze_text(text: str, title: str | None = None) -> Document:
    """Analyse a story given as a string (offsets index ``text`` with newlines normalised)."""
    return analyze_document(document_from_text(text, title=title))


def analyze_path(path: Path | str) -> Iterator[Document]:
    """Analyse a file, or each supported file of a directory, one document at a time."""
    for doc in read_path(path):
        yield analyze_document(doc)
