"""Finding quotations in raw text (no parser needed).

:func:`find_quotes` is the whole job: pick the work's speech-mark convention, pair
the marks paragraph by paragraph (:mod:`ficlens.quotes.scanner`), then number and
group the quotations (:mod:`ficlens.quotes.grouping`).
"""

from __future__ import annotations

from ficlens.model import Document, Paragraph, Quote
from ficlens.quotes.dashes import uses_dash_dialogue
from ficlens.quotes.grouping import build_quotes
from ficlens.quotes.letters import letter_quotes
from ficlens.quotes.marks import primary_kind
from ficlens.quotes.scanner import Scanner
from ficlens.quotes.speech import mentions, without


def find_quotes(doc: Document, paragraphs: list[Paragraph] | None = None) -> list[Quote]:
    """Every quotation of ``doc`` (warnings for unbalanced marks go to ``doc.warn``)."""
    text = doc.text
    if paragraphs is None:
        paragraphs = doc.paragraphs or [Paragraph(0, len(text))]
    paragraphs = [p for p in paragraphs if 0 <= p.start < p.end <= len(text)]
    scanner = Scanner(text, primary_kind(text), doc.warn,
                      dashes=uses_dash_dialogue(text, paragraphs))
    raw = scanner.scan(paragraphs)
    raw = without(raw, mentions(text, raw, paragraphs) | letter_quotes(text, raw, paragraphs))
    return build_quotes(text, raw)
