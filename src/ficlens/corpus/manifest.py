"""The corpus manifest: one SQLite row per work, written by the driver only.

A work is ``pending`` until it is submitted, ``running`` while a worker has it, then
``done`` (its JSON and every Parquet part are in place) or ``failed`` (with the
error). Each state change is its own transaction in WAL mode, so a driver killed at
any moment leaves a consistent file; on the next run ``running`` works go back to
``pending``, and ``done`` works whose source changed or whose outputs are missing
are redone.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ficlens.corpus.dataset import json_name, part_key
from ficlens.errors import ConfigError
from ficlens.readers import SUPPORTED_SUFFIXES

MANIFEST_NAME = "manifest.sqlite"
SCHEMA_VERSION = "1"
STATES = ("pending", "running", "done", "failed")
_BATCH = 500
#: Above any file size SQLite can hold (the largest 64-bit integer).
_LARGEST_SIZE = 2**63 - 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS works (
    work_id      TEXT PRIMARY KEY,
    path         TEXT NOT NULL,
    size         INTEGER NOT NULL,
    mtime_ns     INTEGER NOT NULL,
    sha256       TEXT,
    json_name    TEXT NOT NULL,
    part_key     TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
    error        TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    submitted_at REAL,
    finished_at  REAL,
    seconds      REAL,
    cpu_seconds  REAL,
    tokens       INTEGER,
    words        INTEGER,
    worker       TEXT,
    seen         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS works_state ON works (state);
CREATE INDEX IF NOT EXISTS works_size ON works (size DESC);
"""


@dataclass(frozen=True)
class SourceFile:
    """A story file found under the input directory."""

    work_id: str   # path relative to the input directory, with '/' separators
    path: str      # absolute path
    size: int
    mtime_ns: int
    json_name: str


@dataclass(frozen=True)
class WorkItem:
    """What the driver submits for one work: paths and names, never a document."""

    work_id: str
    path: str
    json_name: str
    part_key: str


@dataclass
class SyncCounts:
    new: int = 0
    changed: int = 0
    missing_outputs: int = 0
    unchanged: int = 0
    vanished: int = 0  # in the manifest but no longer under the input directory


def discover(input_dir: Path) -> Iterator[SourceFile]:
    """Every supported, non-hidden file under ``input_dir`` in sorted order, streamed."""
    root = input_dir.resolve()
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        names = sorted(name for name in files if not name.startswith(".")
                       and Path(name).suffix.lower() in SUPPORTED_SUFFIXES)
        stems = [Path(name).stem for name in names]
        for name, stem in zip(names, stems, strict=True):
            path = Path(folder, name)
            stat = path.stat()
            work_id = path.relative_to(root).as_posix()
            yield SourceFile(work_id, str(path), stat.st_size, stat.st_mtime_ns,
                             json_name(work_id, stem_shared=stems.count(stem) > 1))


class Manifest:
    """The SQLite manifest at ``path`` (created when missing)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                        (SCHEMA_VERSION,))

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def bind_input(self, input_dir: str) -> None:
        """Remember the input directory; refuse to mix two corpora in one output."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'input_dir'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('input_dir', ?)", (input_dir,))
        elif row[0] != input_dir:
            raise ConfigError(f"{self.path.parent} holds the corpus of {row[0]}, not "
                              f"{input_dir}; choose another output directory")

    def reset_running(self) -> int:
        """Put works left ``running`` (by a driver that stopped) back to ``pending``."""
        cursor = self.db.execute(
            "UPDATE works SET state = 'pending', submitted_at = NULL WHERE state = 'running'")
        return cursor.rowcount

    def sync(self, files: Iterable[SourceFile],
             outputs_exist: Callable[[str, str], bool]) -> SyncCounts:
        """Record ``files``: new ones and changed ones become ``pending``; ``done`` ones
        whose outputs are gone (``outputs_exist(json_name, part_key)`` false) too.
        Works not among ``files`` are kept but left out of :meth:`todo` and :meth:`counts`."""
        counts = SyncCounts()
        self.db.execute("UPDATE works SET seen = 0")
        iterator = iter(files)
        while batch := list(islice(iterator, _BATCH)):
            with self.transaction():
                self._sync_batch(batch, outputs_exist, counts)
        counts.vanished = self.db.execute(
            "SELECT count(*) FROM works WHERE seen = 0").fetchone()[0]
        return counts

    def _sync_batch(self, batch: list[SourceFile], outputs_exist: Callable[[str, str], bool],
                    counts: SyncCounts) -> None:
        marks = ",".join("?" * len(batch))
        known = {row[0]: row[1:] for row in self.db.execute(
            f"SELECT work_id, size, mtime_ns, state, json_name, part_key FROM works "
            f"WHERE work_id IN ({marks})", [f.work_id for f in batch])}
        for source in batch:
            row = known.get(source.work_id)
            if row is None:
                counts.new += 1
                self.db.execute(
                    "INSERT INTO works (work_id, path, size, mtime_ns, json_name, part_key, "
                    "state) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
                    (source.work_id, source.path, source.size, source.mtime_ns,
                     source.json_name, part_key(source.work_id)))
            elif (row[0], row[1]) != (source.size, source.mtime_ns):
                counts.changed += 1
                self.db.execute(
                    "UPDATE works SET path = ?, size = ?, mtime_ns = ?, sha256 = NULL, "
                    "state = 'pending', error = NULL, seen = 1 WHERE work_id = ?",
                    (source.path, source.size, source.mtime_ns, source.work_id))
            elif row[2] == "done" and not outputs_exist(row[3], row[4]):
                counts.missing_outputs += 1
                self._set_state(source.work_id, "pending")
            else:
                counts.unchanged += 1
                self.db.execute("UPDATE works SET seen = 1 WHERE work_id = ?",
                                (source.work_id,))

    def _set_state(self, work_id: str, state: str) -> None:
        self.db.execute("UPDATE works SET state = ?, seen = 1 WHERE work_id = ?",
                        (state, work_id))

    def todo(self, retry_failed: bool = False) -> Iterator[WorkItem]:
        """The works to run, largest file first, read page by page (bounded memory).

        Largest first keeps the cluster busy to the end: a long novel started last would
        otherwise run alone while the other workers wait. Mark each one running before
        asking for the next page (pages follow ``(size, rowid)``, not the state)."""
        states = ("pending", "failed") if retry_failed else ("pending",)
        marks = ",".join("?" * len(states))
        size, last = _LARGEST_SIZE, 0  # the page key: everything comes after it
        while True:
            rows = self.db.execute(
                f"SELECT rowid, size, work_id, path, json_name, part_key FROM works "
                f"WHERE state IN ({marks}) AND seen = 1 "
                f"AND (size < ? OR (size = ? AND rowid > ?)) "
                f"ORDER BY size DESC, rowid LIMIT ?",
                (*states, size, size, last, _BATCH)).fetchall()
            if not rows:
                return
            for row in rows:
                last, size = row[0], row[1]
                yield WorkItem(*row[2:])

    def count_todo(self, retry_failed: bool = False) -> int:
        states = ("pending", "failed") if retry_failed else ("pending",)
        marks = ",".join("?" * len(states))
        return self.db.execute(f"SELECT count(*) FROM works WHERE state IN ({marks}) "
                               "AND seen = 1", states).fetchone()[0]

    def mark_running(self, work_id: str) -> None:
        self.db.execute(
            "UPDATE works SET state = 'running', attempts = attempts + 1, submitted_at = ?, "
            "error = NULL WHERE work_id = ?", (time.time(), work_id))

    def mark_done(self, work_id: str, *, sha256: str | None, seconds: float, tokens: int,
                  words: int, worker: str, cpu_seconds: float | None = None) -> None:
        self.db.execute(
            "UPDATE works SET state = 'done', error = NULL, finished_at = ?, sha256 = ?, "
            "seconds = ?, cpu_seconds = ?, tokens = ?, words = ?, worker = ? "
            "WHERE work_id = ?",
            (time.time(), sha256, seconds, cpu_seconds, tokens, words, worker, work_id))

    def mark_failed(self, work_id: str, error: str, *, seconds: float | None = None,
                    worker: str | None = None) -> None:
        self.db.execute(
            "UPDATE works SET state = 'failed', error = ?, finished_at = ?, seconds = ?, "
            "tokens = NULL, words = NULL, worker = ? WHERE work_id = ?",
            (error, time.time(), seconds, worker, work_id))

    def mark_pending(self, work_id: str) -> None:
        self._set_state(work_id, "pending")

    def counts(self) -> dict[str, int]:
        """Number of works in each state (of those found by the last :meth:`sync`)."""
        found = dict(self.db.execute(
            "SELECT state, count(*) FROM works WHERE seen = 1 GROUP BY state"))
        return {state: found.get(state, 0) for state in STATES}

    def row(self, work_id: str) -> dict[str, object] | None:
        cursor = self.db.execute("SELECT * FROM works WHERE work_id = ?", (work_id,))
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([column[0] for column in cursor.description], values, strict=True))
