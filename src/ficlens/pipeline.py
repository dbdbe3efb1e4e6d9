"""The ordered list of pipeline stages and the runner that enforces their contract.

A stage is a module under :mod:`ficlens.stages` with one entry function
``run(doc: Document) -> Document``. :data:`STAGES` lists them in the order they run;
each may rely on every stage before it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from ficlens.errors import PipelineError
from ficlens.model import Document
from ficlens.stages import (
    attribution,
    characters,
    coref,
    interactions,
    language,
    parse,
    quotes,
    structure,
)

logger = logging.getLogger(__name__)

Stage = Callable[[Document], Document]

STAGES: list[ModuleType] = [
    structure,     # chapters, paragraphs, scene breaks
    language,      # refuse text that is not English
    parse,         # spaCy tokens, sentences, POS, dependencies, entities, person tags
    quotes,        # quotation spans
    characters,    # character inventory and name mentions
    coref,         # pronouns and nominals resolved to characters
    attribution,   # speaker, addressees, quote type, confidence
    interactions,  # speaks_to / co_occurs network
]


@dataclass
class StageTiming:
    name: str
    seconds: float


def stage_name(stage: ModuleType) -> str:
    return stage.__name__.rsplit(".", 1)[-1]


def run_pipeline(doc: Document, stages: Iterable[ModuleType] | None = None,
                 timings: list[StageTiming] | None = None) -> Document:
    """Run ``doc`` through ``stages`` (default: :data:`STAGES`) and return it."""
    for stage in STAGES if stages is None else stages:
        name = stage_name(stage)
        began = time.perf_counter()
        result = stage.run(doc)
        if not isinstance(result, Document):
            raise PipelineError(
                f"stage {name!r} returned {type(result).__name__} instead of a Document; "
                "a stage's run() must return the document it was given")
        doc = result
        elapsed = time.perf_counter() - began
        logger.debug("stage %s took %.3f s", name, elapsed)
        if timings is not None:
            timings.append(StageTiming(name, elapsed))
    return doc
