"""Time the person tagger against spaCy's own parse on the same text.

    python -m ficlens.ner.speed /work/shared/data/litbank/original/1342_pride_and_prejudice.txt

The text is cut into blocks exactly as the parse stage cuts a story (structure stage
paragraphs, :func:`ficlens.stages.parse.blocks`), taking blocks from the start until
``--tokens`` tokens. Every block is parsed by spaCy (timed), then tagged (timed separately);
the report gives both totals and the tagger's share of spaCy's time.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ficlens.model import Document
from ficlens.stages import parse, structure

logger = logging.getLogger(__name__)

DEFAULT_TOKENS = 50_000
# Rough characters per spaCy token in English prose, to cut the text before parsing.
CHARS_PER_TOKEN = 4.5


@dataclass
class Timing:
    tokens: int
    blocks: int
    spacy_seconds: float
    tagger_seconds: float

    @property
    def overhead(self) -> float:
        return self.tagger_seconds / self.spacy_seconds if self.spacy_seconds else 0.0


def time_tagger(text: str, nlp, tag, max_tokens: int = DEFAULT_TOKENS) -> Timing:
    """Parse ``text`` block by block with ``nlp`` and tag each ``Doc`` with ``tag``."""
    doc = structure.run(Document(text=text[:int(max_tokens * CHARS_PER_TOKEN * 2)]))
    spans = list(parse.blocks(doc))
    texts = []
    tokens = 0
    for start, end in spans:
        if tokens >= max_tokens:
            break
        texts.append(doc.text[start:end])
        tokens += len(nlp.tokenizer(texts[-1]))
    began = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=parse.BATCH_SIZE))
    spacy_seconds = time.perf_counter() - began
    began = time.perf_counter()
    for spacy_doc in parsed:
        tag(spacy_doc)
    tagger_seconds = time.perf_counter() - began
    return Timing(sum(len(item) for item in parsed), len(parsed), spacy_seconds, tagger_seconds)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ficlens.ner.speed",
                                     description="Time the person tagger against spaCy.")
    parser.add_argument("text", type=Path, help="a plain-text story")
    parser.add_argument("--tokens", type=int, default=DEFAULT_TOKENS, help="tokens to parse")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from ficlens.nlp import get_nlp
    from ficlens.stages.persons import person_tags

    nlp = get_nlp()
    nlp("Warm up.")
    person_tags(nlp("Warm up, Buffy."))
    timing = time_tagger(args.text.read_text(encoding="utf-8"), nlp, person_tags, args.tokens)
    sys.stdout.write(
        f"{timing.tokens} tokens in {timing.blocks} blocks\n"
        f"spaCy parse:   {timing.spacy_seconds:8.2f} s "
        f"({timing.tokens / timing.spacy_seconds:,.0f} tokens/s)\n"
        f"person tagger: {timing.tagger_seconds:8.2f} s "
        f"({timing.tokens / timing.tagger_seconds:,.0f} tokens/s)\n"
        f"tagger / spaCy: {100 * timing.overhead:.1f} %\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
