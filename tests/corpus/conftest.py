"""Fixtures of the corpus tests: invented stories, a real Dask cluster, the CLI in a subprocess."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Invented names and lines for the test stories (nothing here comes from a real book).
_PEOPLE = [("Marla Quent", "she"), ("Tobias Wren", "he"), ("Edda Sorn", "she"),
           ("Pell Harrow", "he"), ("Ivo Lask", "he"), ("Nessa Brae", "she")]
_PLACES = ["the bakery", "the lighthouse", "the orchard", "the tram depot", "the mill"]
_LINES = ["You are late again", "The tram broke down near the river", "Is the lamp lit",
          "Fetch the oil before dark", "I counted the loaves twice", "Nobody saw the fox",
          "We should leave before the tide turns", "Where did you hide the ledger"]


def invented_story(seed: int, scenes: int) -> str:
    """A small story of ``scenes`` scenes of dialogue between invented characters."""
    rng = random.Random(seed)
    cast = rng.sample(_PEOPLE, 3)
    paragraphs = [f"Chapter {seed + 1}"]
    for _ in range(scenes):
        (a, pronoun_a), (b, _) = rng.sample(cast, 2)
        place = rng.choice(_PLACES)
        paragraphs.append(f"{a} walked into {place} and found {b} by the window.")
        first = b.split()[0]
        paragraphs.append(f'"{rng.choice(_LINES)}," said {a}. "{rng.choice(_LINES)}, {first}."')
        paragraphs.append(f'{first} looked up. "{rng.choice(_LINES)}?"')
        paragraphs.append(f'"{rng.choice(_LINES)}," {pronoun_a} answered, and left.')
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def make_corpus() -> Callable[..., Path]:
    """``make_corpus(root, count, scenes=3, corrupt=False)`` writes invented stories
    (half of them in a subfolder) and optionally a corrupt EPUB; returns ``root``."""

    def build(root: Path, count: int, scenes: int = 3, corrupt: bool = False) -> Path:
        for index in range(count):
            folder = root / "sub" if index % 2 else root
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"story{index:02d}.txt").write_text(invented_story(index, scenes),
                                                          encoding="utf-8")
        if corrupt:
            (root / "broken.epub").write_bytes(b"PK\x03\x04 this is not really a zip file")
        return root

    return build


def _stop(process: subprocess.Popen) -> None:
    """Stop a process we started (and its own process group) by its id."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


def _scheduler_address(scheduler_file: Path, timeout: float = 60) -> str:
    """The address in the scheduler's file, once the file is complete."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return json.loads(scheduler_file.read_text())["address"]
        except (OSError, ValueError, KeyError):
            time.sleep(0.1)
    raise TimeoutError(f"the Dask scheduler wrote no {scheduler_file} in {timeout} s")


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``dask scheduler`` and two ``dask worker`` processes (1 thread each) on
    127.0.0.1 with random free ports; yields the scheduler address. The workers preload
    poison_preload.py: a work named 'poison' kills its worker."""
    from distributed import Client

    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    processes: list[subprocess.Popen] = []

    # A work that kills its worker fails after one retry instead of three; a worker
    # holds one task at a time, so no innocent work shares a dying worker.
    environment = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1",
                   "DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION": "1.0"}

    def start(args: list[str], log: str) -> None:
        with open(folder / log, "wb") as stream:
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "dask", *args], stdout=stream,
                stderr=subprocess.STDOUT, cwd=REPO, env=environment, start_new_session=True))

    try:
        start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
               "--dashboard-address", "127.0.0.1:0", "--scheduler-file",
               str(scheduler_file)], "scheduler.log")
        address = _scheduler_address(scheduler_file)
        for index in range(2):
            start(["worker", address, "--nthreads", "1", "--nworkers", "1", "--host",
                   "127.0.0.1", "--no-dashboard", "--name", f"test-worker-{index}",
                   "--preload", str(Path(__file__).with_name("poison_preload.py")),
                   "--local-directory", str(folder / f"worker{index}")],
                  f"worker{index}.log")
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)


@pytest.fixture
def run_cli() -> Iterator[Callable[..., subprocess.Popen]]:
    """``run_cli(*args)`` starts ``ficlens ARGS`` in a subprocess of its own process
    group; every process started this way is stopped when the test ends."""
    started: list[subprocess.Popen] = []

    def start(*args: str) -> subprocess.Popen:
        code = "import sys; from ficlens.cli import main; sys.exit(main(sys.argv[1:]))"
        process = subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
        started.append(process)
        return process

    yield start
    for process in started:
        _stop(process)
