"""Time ficlens's whole analysis against spaCy's small pipeline alone, on the same text.

    python benchmarks/speed.py NOVEL.txt [--tokens 200000] [--repeat 1]

Both runs parse the same text in the same blocks (ficlens's paragraph blocks) in one
process, after one warm-up; the ratio is ficlens analyze / spaCy alone. The text is
cut at a paragraph end once it holds about ``--tokens`` spaCy tokens (whitespace words
x 1.2 as the estimate) and repeated when shorter.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ficlens.api import analyze_document
from ficlens.nlp import get_nlp
from ficlens.pipeline import StageTiming
from ficlens.readers.text import document_from_text
from ficlens.stages import parse, structure

TOKENS_PER_WORD = 1.2


def sized_text(path: Path, tokens: int) -> str:
    text = path.read_text(encoding="utf-8")
    words_wanted = int(tokens / TOKENS_PER_WORD)
    while len(text.split()) < words_wanted:
        text = text + "\n\n" + text
    paragraphs = text.split("\n\n")
    kept, words = [], 0
    for paragraph in paragraphs:
        kept.append(paragraph)
        words += len(paragraph.split())
        if words >= words_wanted:
            break
    return "\n\n".join(kept)


def time_spacy(text: str) -> tuple[float, int]:
    doc = structure.run(document_from_text(text))
    nlp = get_nlp()
    spans = list(parse.blocks(doc))
    began = time.perf_counter()
    count = sum(len(d) for d in nlp.pipe((text[s:e] for s, e in spans),
                                         batch_size=parse.BATCH_SIZE))
    return time.perf_counter() - began, count


def time_ficlens(text: str) -> tuple[float, list[StageTiming]]:
    timings: list[StageTiming] = []
    began = time.perf_counter()
    analyze_document(document_from_text(text), timings=timings)
    return time.perf_counter() - began, timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("novel", type=Path)
    parser.add_argument("--tokens", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    text = sized_text(args.novel, args.tokens)
    time_spacy(text[:20000])  # warm-up: load the pipeline and the ficlens models
    time_ficlens(text[:20000])
    spacy_seconds, ficlens_seconds, timings = [], [], []
    for _ in range(args.repeat):
        seconds, tokens = time_spacy(text)
        spacy_seconds.append(seconds)
        seconds, timings = time_ficlens(text)
        ficlens_seconds.append(seconds)
    spacy_best, ficlens_best = min(spacy_seconds), min(ficlens_seconds)
    print(f"text: {args.novel.name}, {len(text):,} chars, {tokens:,} spaCy tokens")
    print(f"spaCy small alone: {spacy_best:.1f} s ({tokens / spacy_best:,.0f} tokens/s)")
    print(f"ficlens analyze:   {ficlens_best:.1f} s ({tokens / ficlens_best:,.0f} tokens/s)")
    print(f"ratio ficlens / spaCy: {ficlens_best / spacy_best:.2f}")
    for timing in timings:
        print(f"  stage {timing.name:<13} {timing.seconds:7.2f} s")


if __name__ == "__main__":
    main()
