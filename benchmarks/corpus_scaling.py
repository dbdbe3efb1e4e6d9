"""How ``ficlens corpus`` scales with local Dask workers.

    python benchmarks/corpus_scaling.py ../shared/data/litbank/original \\
        [--limit 8] [--max-chars 200000] [--workers 1,2] [--json results.json]

Copies the first ``--limit`` novels (sorted by name), each cut at a paragraph end
after ``--max-chars`` characters, into a temporary corpus, then runs the corpus
driver once per worker count, each in a fresh process (so the driver's peak memory
is its own). Reports wall time (cluster start and model loading included), speedup
over the first worker count, tokens per second per core (wall), per busy core (sum
of the workers' per-work seconds) and per CPU second (the workers' own CPU time: the
figure that holds on a machine busy with other work), the peak RSS of each worker as
the worker itself measured it (``getrusage``), the peak RSS of the whole process tree
sampled with psutil, and the driver's peak RSS. Ends with a capacity plan for 10 billion
words. Nothing is written outside the temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

WORDS_TO_PLAN = 10_000_000_000
PLAN_CORES = (2, 16, 64, 256, 1024)


def prepare_corpus(source: Path, target: Path, limit: int | None, max_chars: int | None) -> int:
    """Copy (cut) novels into ``target``; return the number of characters written."""
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    for path in sorted(source.glob("*.txt"))[:limit]:
        text = path.read_text(encoding="utf-8", errors="replace")
        if max_chars and len(text) > max_chars:
            cut = text.rfind("\n\n", 0, max_chars)
            text = text[:cut if cut > max_chars // 2 else max_chars]
        (target / path.name).write_text(text, encoding="utf-8")
        written += len(text)
    return written


def run_one(input_dir: Path, output_dir: Path, workers: int) -> dict:
    """One corpus run in this process; returns its measurements."""
    from ficlens.corpus.runner import CorpusOptions, run_corpus

    began = time.perf_counter()
    summary = run_corpus(CorpusOptions(input_dir, output_dir, workers=workers, progress=False))
    wall = time.perf_counter() - began
    with sqlite3.connect(output_dir / "manifest.sqlite") as db:
        busy, cpu, words = db.execute(
            "SELECT sum(seconds), sum(cpu_seconds), sum(words) FROM works "
            "WHERE state = 'done'").fetchone()
    return {"workers": workers, "wall_seconds": wall, "done": summary.done,
            "failed": summary.failed, "tokens": summary.tokens, "words": words or 0,
            "busy_seconds": busy or 0.0, "cpu_seconds": cpu or 0.0,
            "worker_peak_rss": summary.worker_peak_rss,
            "driver_peak_rss": summary.driver_peak_rss}


def sampled_run(input_dir: Path, output_dir: Path, workers: int) -> dict:
    """:func:`run_one` in a child process, sampling its process tree's memory."""
    command = [sys.executable, __file__, "--one", str(workers), str(input_dir), str(output_dir)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    root = psutil.Process(child.pid)
    peaks: dict[int, int] = {}
    while child.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for process in tree:
            try:
                peaks[process.pid] = max(peaks.get(process.pid, 0), process.memory_info().rss)
            except psutil.NoSuchProcess:
                pass
        time.sleep(0.25)
    output, _ = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"corpus run with {workers} workers failed ({child.returncode})")
    result = json.loads(output.strip().splitlines()[-1])
    result["sampled_tree_peak_rss"] = {str(pid): rss for pid, rss in peaks.items()}
    return result


def mib(value: float) -> str:
    return f"{value / 2**20:,.0f} MiB"


def report(results: list[dict], load_before: tuple[float, float, float]) -> list[str]:
    base = results[0]
    lines = [f"machine: {os.cpu_count()} cores, load average before the runs "
             f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}"]
    for result in results:
        workers = result["workers"]
        per_core = result["tokens"] / result["wall_seconds"] / workers
        per_busy = result["tokens"] / result["busy_seconds"] if result["busy_seconds"] else 0.0
        per_cpu = result["tokens"] / result["cpu_seconds"] if result["cpu_seconds"] else 0.0
        lines.append(
            f"{workers} worker(s): {result['done']} works, {result['failed']} failed, "
            f"{result['tokens']:,} tokens in {result['wall_seconds']:.1f} s wall; speedup "
            f"{base['wall_seconds'] / result['wall_seconds']:.2f}x; {per_core:,.0f} tokens/s "
            f"per core (wall), {per_busy:,.0f} tokens/s per busy core, {per_cpu:,.0f} tokens "
            f"per CPU second")
        workers_rss = ", ".join(mib(v) for v in result["worker_peak_rss"].values())
        lines.append(f"  worker peak RSS (getrusage): {workers_rss}; driver peak RSS "
                     f"{mib(result['driver_peak_rss'])}; sampled tree peaks: "
                     + ", ".join(mib(v) for v in result["sampled_tree_peak_rss"].values()))
    lines += capacity_plan(results[-1])
    return lines


def capacity_plan(result: dict) -> list[str]:
    if not result["cpu_seconds"] or not result["words"]:
        return ["capacity plan: nothing was measured"]
    per_core = result["tokens"] / result["cpu_seconds"]  # what a core does when it is ours
    tokens_per_word = result["tokens"] / result["words"]
    tokens = WORDS_TO_PLAN * tokens_per_word
    lines = [f"capacity plan for {WORDS_TO_PLAN:,} words (~{tokens:,.0f} tokens at "
             f"{tokens_per_word:.2f} tokens/word, {per_core:,.0f} tokens per CPU second; "
             "one worker per core, no other load):"]
    for cores in PLAN_CORES:
        hours = tokens / (per_core * cores) / 3600
        lines.append(f"  {cores:5d} cores: {hours:10,.1f} h ({hours / 24:,.1f} days)")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="folder of .txt novels")
    parser.add_argument("--limit", type=int, default=None, help="use the first N novels")
    parser.add_argument("--max-chars", type=int, default=None, help="cut each novel here")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    results = []
    with tempfile.TemporaryDirectory(prefix="ficlens-corpus-bench-") as folder:
        corpus = Path(folder, "input")
        chars = prepare_corpus(args.source, corpus, args.limit, args.max_chars)
        print(f"corpus: {len(list(corpus.iterdir()))} files, {chars:,} characters", flush=True)
        for count in (int(value) for value in args.workers.split(",")):
            results.append(sampled_run(corpus, Path(folder, f"out-{count}"), count))
            print(f"ran with {count} worker(s): {results[-1]['wall_seconds']:.1f} s",
                  flush=True)
    for line in report(results, load_before):
        print(line)
    print(f"load average after the runs: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--one":
        print(json.dumps(run_one(Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[2]))))
    else:
        main()
