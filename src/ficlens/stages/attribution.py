"""Attribution stage: who speaks each quote, to whom, and how sure ficlens is.

Reads ``doc.quotes`` (parts of one utterance share ``group``), ``doc.tokens``,
``doc.paragraphs``, ``doc.characters`` and ``doc.mentions``; fills each quote's
``speaker``, ``confidence``, ``type`` and ``addressees``. The method lives in
:mod:`ficlens.attribution` (speech tags, sieves, the learned ranker, addressees).
Quotes nested inside another quote are reported speech and get no speaker.
"""

from __future__ import annotations

from ficlens.attribution.ranker import shipped_ranker
from ficlens.attribution.sieves import attribute
from ficlens.model import Document


def run(doc: Document) -> Document:
    if not doc.quotes:
        return doc
    context = attribute(doc, shipped_ranker())
    for utterance in context.utterances:
        for quote in utterance.parts:
            quote.speaker = utterance.speaker
            quote.confidence = round(utterance.confidence, 4)
            quote.type = utterance.kind
            quote.addressees = list(utterance.addressees)
    return doc
