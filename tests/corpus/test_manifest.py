"""The corpus manifest: discovery, sync, state changes, resumption."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from ficlens.corpus.manifest import Manifest, SourceFile, discover
from ficlens.errors import ConfigError


def source(work_id: str, size: int = 10, mtime_ns: int = 1) -> SourceFile:
    return SourceFile(work_id, f"/in/{work_id}", size, mtime_ns,
                      work_id.rsplit(".", 1)[0] + ".json")


def always(_name: str, _key: str) -> bool:
    return True


@pytest.fixture
def manifest(tmp_path: Path):
    with Manifest(tmp_path / "manifest.sqlite") as opened:
        yield opened


def test_manifest_uses_wal_mode(manifest):
    assert manifest.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_manifest_sync_records_new_works_as_pending(manifest):
    counts = manifest.sync([source("a.txt"), source("sub/b.txt")], always)
    assert counts.new == 2
    assert manifest.counts() == {"pending": 2, "running": 0, "done": 0, "failed": 0}
    assert [item.work_id for item in manifest.todo()] == ["a.txt", "sub/b.txt"]


def test_manifest_todo_pages_through_many_works(manifest):
    manifest.sync([source(f"w{index:04d}.txt") for index in range(1234)], always)
    seen = []
    for item in manifest.todo():
        manifest.mark_running(item.work_id)  # the runner marks each one as it submits
        seen.append(item.work_id)
    assert len(seen) == len(set(seen)) == 1234


def test_manifest_todo_gives_largest_works_first(manifest):
    sizes = [7, 900, 7, 55, 900, 3] * 200  # many equal sizes across page boundaries
    manifest.sync([source(f"w{index:04d}.txt", size=size) for index, size in enumerate(sizes)],
                  always)
    order = []
    for item in manifest.todo():
        manifest.mark_running(item.work_id)
        order.append(item.work_id)
    assert len(order) == len(set(order)) == len(sizes)
    by_size = [sizes[int(work_id[1:5])] for work_id in order]
    assert by_size == sorted(sizes, reverse=True)
    assert order[:2] == ["w0001.txt", "w0004.txt"]  # ties keep discovery order


@pytest.mark.parametrize("state, retry, expected", [
    ("done", False, []),
    ("failed", False, []),
    ("failed", True, ["a.txt"]),
    ("pending", False, ["a.txt"]),
])
def test_manifest_todo_depends_on_state(manifest, state, retry, expected):
    manifest.sync([source("a.txt")], always)
    if state == "done":
        manifest.mark_done("a.txt", sha256="x", seconds=1.0, tokens=5, words=4, worker="w")
    elif state == "failed":
        manifest.mark_failed("a.txt", "CorruptInputError: broken")
    assert [item.work_id for item in manifest.todo(retry_failed=retry)] == expected
    assert manifest.count_todo(retry_failed=retry) == len(expected)


def test_manifest_done_records_result(manifest):
    manifest.sync([source("a.txt")], always)
    manifest.mark_running("a.txt")
    manifest.mark_done("a.txt", sha256="abc", seconds=2.5, tokens=100, words=80, worker="h:1")
    row = manifest.row("a.txt")
    assert row["state"] == "done" and row["tokens"] == 100 and row["sha256"] == "abc"
    assert row["attempts"] == 1 and row["finished_at"] >= row["submitted_at"]


def test_manifest_failed_keeps_error(manifest):
    manifest.sync([source("a.txt")], always)
    manifest.mark_running("a.txt")
    manifest.mark_failed("a.txt", "KilledWorker: worker died", seconds=1.0)
    row = manifest.row("a.txt")
    assert row["state"] == "failed" and row["error"].startswith("KilledWorker")


def test_manifest_reset_running_returns_works_to_pending(manifest):
    manifest.sync([source("a.txt"), source("b.txt")], always)
    manifest.mark_running("a.txt")
    assert manifest.reset_running() == 1
    assert manifest.counts()["pending"] == 2


@pytest.mark.parametrize("change, outputs, expected_state, counter", [
    ({}, True, "done", "unchanged"),
    ({"size": 11}, True, "pending", "changed"),
    ({"mtime_ns": 2}, True, "pending", "changed"),
    ({}, False, "pending", "missing_outputs"),
])
def test_manifest_resync_redoes_changed_or_incomplete_works(
        manifest, change, outputs, expected_state, counter):
    manifest.sync([source("a.txt")], always)
    manifest.mark_done("a.txt", sha256="x", seconds=1.0, tokens=5, words=4, worker="w")
    counts = manifest.sync([source("a.txt", **change)], lambda _n, _k: outputs)
    assert manifest.row("a.txt")["state"] == expected_state
    assert getattr(counts, counter) == 1


def test_manifest_failed_work_stays_failed_on_resync(manifest):
    manifest.sync([source("a.txt")], always)
    manifest.mark_failed("a.txt", "boom")
    manifest.sync([source("a.txt")], always)
    assert manifest.row("a.txt")["state"] == "failed"


def test_manifest_survives_reopen(tmp_path):
    path = tmp_path / "manifest.sqlite"
    with Manifest(path) as first:
        first.sync([source("a.txt")], always)
        first.mark_running("a.txt")
    with Manifest(path) as second:
        assert second.row("a.txt")["state"] == "running"
        second.reset_running()
        assert second.row("a.txt")["state"] == "pending"


def test_manifest_interrupted_transaction_rolls_back(manifest):
    manifest.sync([source("a.txt")], always)
    with pytest.raises(KeyboardInterrupt), manifest.transaction():
        manifest.mark_running("a.txt")
        raise KeyboardInterrupt
    assert manifest.row("a.txt")["state"] == "pending"


def test_manifest_rejects_state_outside_the_list(manifest):
    manifest.sync([source("a.txt")], always)
    with pytest.raises(sqlite3.IntegrityError):
        manifest.db.execute("UPDATE works SET state = 'lost' WHERE work_id = 'a.txt'")


def test_manifest_bind_input_refuses_another_corpus(manifest):
    manifest.bind_input("/corpus/one")
    manifest.bind_input("/corpus/one")
    with pytest.raises(ConfigError, match="another output directory"):
        manifest.bind_input("/corpus/two")


def test_manifest_discover_finds_supported_files_in_order(tmp_path):
    for name in ["b.txt", "a.epub", "a.txt", "sub/c.html", ".hidden.txt", ".git/x.txt",
                 "notes.docx", "sub/deeper/d.TXT"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = list(discover(tmp_path))
    assert [f.work_id for f in found] == ["a.epub", "a.txt", "b.txt", "sub/c.html",
                                          "sub/deeper/d.TXT"]
    names = {f.work_id: f.json_name for f in found}
    assert names["a.epub"] == "a.epub.json" and names["a.txt"] == "a.txt.json"
    assert names["b.txt"] == "b.json" and names["sub/deeper/d.TXT"] == "sub/deeper/d.json"
    assert all(os.path.isabs(f.path) and f.size == 1 for f in found)


def test_manifest_vanished_works_are_left_out(manifest):
    manifest.sync([source("a.txt"), source("b.txt")], always)
    manifest.mark_failed("b.txt", "boom")
    counts = manifest.sync([source("a.txt")], always)
    assert counts.vanished == 1
    assert [item.work_id for item in manifest.todo(retry_failed=True)] == ["a.txt"]
    assert manifest.counts()["failed"] == 0
    manifest.sync([source("a.txt"), source("b.txt")], always)
    assert manifest.counts()["failed"] == 1
