"""Peak memory and speed of ``ficlens analyze`` on a one-million-word input.

    python benchmarks/memory_1m.py ../shared/data/litbank/original [--words 1000000]

Builds the input by joining the development texts (each under a ``Chapter N`` heading)
until it holds ``--words`` words, runs ``ficlens analyze`` on it under
``/usr/bin/time -v`` and prints the peak resident memory and tokens per second.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build_input(source_dir: Path, words: int, target: Path) -> int:
    written = 0
    chapter = 0
    with open(target, "w", encoding="utf-8") as out:
        for path in sorted(source_dir.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            chapter += 1
            out.write(f"\n\nChapter {chapter}\n\n{text.strip()}\n")
            written += len(text.split())
            if written >= words:
                break
    return written


def peak_rss_kb(time_output: str) -> int:
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_output)
    return int(match.group(1)) if match else -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source_dir", type=Path)
    parser.add_argument("--words", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        story = Path(scratch) / "one_million_words.txt"
        words = build_input(args.source_dir, args.words, story)
        command = ["/usr/bin/time", "-v", sys.executable, "-m", "ficlens", "-q", "analyze",
                   str(story), "-o", scratch]
        began = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - began
        if result.returncode != 0:
            sys.exit(f"ficlens failed ({result.returncode}): {result.stderr[-2000:]}")
        output = json.loads((Path(scratch) / "one_million_words.json").read_text())
    peak_mb = peak_rss_kb(result.stderr) / 1024
    tokens_estimate = int(words * 1.2)
    print(f"input: {words:,} words, {len(output['chapters'])} chapters")
    print(f"wall time: {seconds:.0f} s, about {tokens_estimate / seconds:,.0f} tokens/s")
    print(f"peak resident memory: {peak_mb:,.0f} MB")
    print(f"quotes: {len(output['quotes']):,}, characters: {len(output['characters']):,}, "
          f"mentions: {len(output['mentions']):,}")


if __name__ == "__main__":
    main()
