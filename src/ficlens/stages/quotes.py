"""Quotation stage: find every stretch of quoted speech the way a careful reader would.

The work lives in :mod:`ficlens.quotes`; this stage runs it on the raw text and the
paragraphs from the structure stage (it needs no parse).
"""

from __future__ import annotations

from ficlens.model import Document
from ficlens.quotes import find_quotes
from ficlens.stages.structure import find_paragraphs


def run(doc: Document) -> Document:
    if not doc.paragraphs:
        doc.paragraphs = find_paragraphs(doc.text)
    doc.quotes = find_quotes(doc)
    return doc
