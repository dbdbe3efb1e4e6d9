"""The corpus driver.

Unit tests run a stand-in task on an in-process Dask cluster (no spaCy); the
integration tests run the real CLI against real ``dask scheduler``/``dask worker``
processes and a killed-then-resumed run.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import KilledWorker, LocalCluster
from tqdm import tqdm

from ficlens.corpus import dataset, runner
from ficlens.corpus.manifest import Manifest, WorkItem
from ficlens.corpus.runner import CorpusOptions, CorpusSummary, output_lock, run_corpus
from ficlens.corpus.task import WorkResult
from ficlens.errors import ConfigError, InputNotFoundError
from ficlens.model import Document, Metadata
from ficlens.writers.json import write_json


def fake_analyze(item: WorkItem, output_dir: str) -> WorkResult:
    """Stands in for the real task: writes the same kinds of outputs without spaCy."""
    text = Path(item.path).read_text(encoding="utf-8")
    if "bad" in item.work_id:
        return WorkResult(item.work_id, False, "CorruptInputError: bad file", worker="fake")
    out = Path(output_dir)
    doc = Document(text=text, metadata=Metadata(source_path=item.path))
    tables = dataset.corpus_tables(doc, item.work_id, item.json_name)
    dataset.write_parts(tables, out, item.part_key)
    write_json(doc, out / item.json_name)
    return WorkResult(item.work_id, True, seconds=0.01, tokens=len(text.split()),
                      worker="fake", peak_rss_bytes=1)


@pytest.fixture(scope="module")
def local_scheduler():
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def corpus(tmp_path, monkeypatch, local_scheduler):
    """Five small text files (one named 'bad'), the stand-in task, and run options."""
    monkeypatch.setattr(runner, "analyze_work", fake_analyze)
    source = tmp_path / "in"
    for name in ["a.txt", "b.txt", "sub/c.txt", "sub/bad.txt", "sub/deep/d.txt"]:
        path = source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"words of {name} here\n", encoding="utf-8")
    return CorpusOptions(source, tmp_path / "out", scheduler=local_scheduler, progress=False)


def states(out: Path) -> dict[str, str]:
    with sqlite3.connect(out / "manifest.sqlite") as db:
        return dict(db.execute("SELECT work_id, state FROM works"))


def test_runner_runs_every_work_then_skips_them(corpus):
    first = run_corpus(corpus)
    assert (first.done, first.failed, first.skipped) == (4, 1, 0)
    assert first.tokens == 16 and first.worker_peak_rss == {"fake": 1}
    assert states(corpus.output_dir)["sub/bad.txt"] == "failed"
    assert (corpus.output_dir / "sub/deep/d.json").is_file()
    assert len(list((corpus.output_dir / "tables/quotes").glob("*.parquet"))) == 4
    second = run_corpus(corpus)
    assert (second.done, second.failed, second.skipped, second.failed_earlier) == (0, 0, 4, 1)
    assert "1 failed earlier" in second.line()


def test_runner_retry_failed_runs_only_failed_works(corpus):
    run_corpus(corpus)
    (corpus.input_dir / "sub/bad.txt").rename(corpus.input_dir / "sub/bad.txt.old")
    corpus.retry_failed = True
    summary = run_corpus(corpus)  # the file is gone: nothing to retry, nothing else redone
    assert (summary.done, summary.failed) == (0, 0)
    (corpus.input_dir / "sub/bad.txt.old").rename(corpus.input_dir / "sub/bad.txt")
    summary = run_corpus(corpus)
    assert (summary.done, summary.failed, summary.skipped) == (0, 1, 4)


def test_runner_redoes_changed_or_incomplete_works(corpus):
    run_corpus(corpus)
    (corpus.output_dir / "tables/works" / f"part-{dataset.part_key('a.txt')}.parquet").unlink()
    (corpus.input_dir / "b.txt").write_text("now a longer text than before\n")
    summary = run_corpus(corpus)
    assert (summary.done, summary.skipped) == (2, 2)
    assert set(states(corpus.output_dir).values()) == {"done", "failed"}


def test_runner_keeps_in_flight_futures_bounded(corpus, monkeypatch):
    for index in range(12):
        (corpus.input_dir / f"extra{index}.txt").write_text("more words\n")
    seen: list[int] = []
    original = runner._Driver._submit_next

    def counting(self, items, queue):
        submitted = original(self, items, queue)
        seen.append(len(self.in_flight))
        return submitted

    monkeypatch.setattr(runner._Driver, "_submit_next", counting)
    corpus.max_in_flight = 3
    summary = run_corpus(corpus)
    assert summary.done == 16 and max(seen) == 3


def test_runner_interrupt_leaves_manifest_consistent(corpus, monkeypatch):
    calls = []

    def interrupted(self, work_id, **_):
        calls.append(work_id)
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(Manifest, "mark_done", interrupted)
        with pytest.raises(KeyboardInterrupt):
            run_corpus(corpus)
    assert len(calls) == 1
    assert "running" not in states(corpus.output_dir).values()
    summary = run_corpus(corpus)
    assert summary.done + summary.skipped == 4
    assert set(states(corpus.output_dir).values()) == {"done", "failed"}


class DeadFuture:
    def result(self):
        raise KilledWorker("analyze_work-1", "tcp://127.0.0.1:1")

    def release(self):
        pass


def test_runner_killed_worker_marks_work_failed(tmp_path):
    with Manifest(tmp_path / "manifest.sqlite") as manifest:
        from ficlens.corpus.manifest import SourceFile
        manifest.sync([SourceFile("a.txt", "/in/a.txt", 1, 1, "a.json")], lambda *_: True)
        manifest.mark_running("a.txt")
        driver = runner._Driver(None, manifest, tmp_path, CorpusSummary())
        driver.bar = tqdm(disable=True)
        item = WorkItem("a.txt", "/in/a.txt", "a.json", dataset.part_key("a.txt"))
        driver._settle(DeadFuture(), item)
        row = manifest.row("a.txt")
    assert row["state"] == "failed" and "KilledWorker" in row["error"]
    assert driver.summary.failed == 1


def test_runner_refuses_a_second_run_on_the_same_output(corpus):
    corpus.output_dir.mkdir()
    with output_lock(corpus.output_dir), pytest.raises(ConfigError, match="another"):
        run_corpus(corpus)


def test_runner_missing_input(tmp_path):
    with pytest.raises(InputNotFoundError):
        run_corpus(CorpusOptions(tmp_path / "nope", tmp_path / "out"))


@pytest.mark.parametrize("workers, scheduler", [(0, None), (2, "tcp://127.0.0.1:1")])
def test_runner_rejects_bad_worker_options(tmp_path, workers, scheduler):
    with pytest.raises(ConfigError, match="--workers"):
        run_corpus(CorpusOptions(tmp_path, tmp_path / "out", workers=workers,
                                 scheduler=scheduler))


# --- integration: the real CLI, real spaCy, real dask scheduler and workers ----------------


def outputs_of(out: Path) -> tuple[dict[str, bytes], dict[str, int]]:
    """JSON files (relative path -> bytes) and parquet row count per table."""
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.json")}
    rows = {table: sum(pq.read_metadata(p).num_rows
                       for p in (out / "tables" / table).glob("*.parquet"))
            for table in dataset.TABLES}
    return files, rows


def finish(process, timeout: float = 120) -> str:
    _, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return err


@pytest.mark.integration
def test_runner_real_cluster_survives_corrupt_file_and_dead_worker(tmp_path, make_corpus,
                                                                   dask_cluster, run_cli):
    source = make_corpus(tmp_path / "in", 4, corrupt=True)
    (source / "sub" / "poison.txt").write_text("This story kills its worker.\n")
    out = tmp_path / "out"
    err = finish(run_cli("corpus", str(source), "-o", str(out), "--scheduler", dask_cluster))
    assert "4 works done, 2 failed, 0 skipped" in err
    result = states(out)
    assert result.pop("broken.epub") == result.pop("sub/poison.txt") == "failed"
    assert set(result.values()) == {"done"}
    files, rows = outputs_of(out)
    assert sorted(files) == ["story00.json", "story02.json", "sub/story01.json",
                             "sub/story03.json"]
    quotes = sum(len(json.loads(data)["quotes"]) for data in files.values())
    assert rows["works"] == 4 and rows["quotes"] == quotes > 0
    with sqlite3.connect(out / "manifest.sqlite") as db:
        workers = {row[0] for row in db.execute("SELECT worker FROM works WHERE state='done'")}
        errors = dict(db.execute("SELECT work_id, error FROM works WHERE state = 'failed'"))
    assert errors["broken.epub"] and "KilledWorker" in errors["sub/poison.txt"]
    assert len(workers) >= 1
    query = run_cli("query", str(out), "SELECT count(*) AS n FROM quotes", "--format", "csv")
    assert query.communicate(timeout=60)[0].split() == ["n", str(quotes)]


@pytest.mark.integration
def test_runner_killed_run_resumes_to_identical_outputs(tmp_path, make_corpus, dask_cluster,
                                                        run_cli):
    source = make_corpus(tmp_path / "in", 6, scenes=20)
    reference, resumed = tmp_path / "reference", tmp_path / "resumed"
    finish(run_cli("corpus", str(source), "-o", str(reference), "--workers", "1"))
    assert set(states(reference).values()) == {"done"}

    args = ("corpus", str(source), "-o", str(resumed), "--scheduler", dask_cluster)
    victim = run_cli(*args)
    done_at_kill = _wait_for_first_done(resumed / "manifest.sqlite", victim)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert 1 <= done_at_kill < 6, "the run finished before it could be killed"

    err = finish(run_cli(*args))
    assert "6 works done" not in err  # the finished works were skipped, not redone
    assert set(states(resumed).values()) == {"done"}
    assert outputs_of(resumed) == outputs_of(reference)
    assert not [p for p in resumed.rglob("*.tmp")]


def _wait_for_first_done(manifest_path: Path, process, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if manifest_path.exists():
            try:
                with sqlite3.connect(f"file:{manifest_path}?mode=ro", uri=True) as db:
                    done = db.execute("SELECT count(*) FROM works WHERE state='done'")
                    count = done.fetchone()[0]
            except sqlite3.OperationalError:  # schema not created yet
                count = 0
            if count:
                return count
        time.sleep(0.05)
    raise AssertionError("no work was done in time")
