"""What a Dask worker runs for one work.

The driver submits :func:`analyze_work` with a :class:`~ficlens.corpus.manifest.WorkItem`
(paths and names only). The worker reads the file itself, analyses it with the spaCy
pipeline it loaded once (:func:`ficlens.nlp.get_nlp` caches it per process), writes
the Parquet parts and the JSON atomically, and sends back a small
:class:`WorkResult`. Failures come back as results too, so one bad file never
reaches the driver as an exception.
"""

from __future__ import annotations

import hashlib
import logging
import os
import resource
import socket
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from ficlens.api import analyze_document
from ficlens.corpus.dataset import corpus_tables, remove_outputs, word_count, write_parts
from ficlens.corpus.manifest import WorkItem
from ficlens.errors import FicLensError
from ficlens.readers import read_file
from ficlens.writers.json import write_json

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkResult:
    """The outcome of one work, as sent back to the driver."""

    work_id: str
    ok: bool
    error: str | None = None
    seconds: float = 0.0       # wall time on the worker
    cpu_seconds: float = 0.0   # CPU time of the worker process for this work
    tokens: int = 0
    words: int = 0
    sha256: str | None = None
    worker: str = ""
    peak_rss_bytes: int = 0


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def peak_rss_bytes() -> int:
    """This process's peak resident set size (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def describe_error(error: BaseException) -> str:
    """One line: a ficlens error's own message, or the type and message of anything else."""
    if isinstance(error, FicLensError):
        return f"{type(error).__name__}: {error}"
    message = " ".join(str(error).split())
    text = f"{type(error).__name__}: {message}" if message else type(error).__name__
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        where = frames[-1]
        text += f" (at {Path(where.filename).name}:{where.lineno} in {where.name})"
    return text


def analyze_work(item: WorkItem, output_dir: str) -> WorkResult:
    """Analyse ``item``'s file and write its outputs under ``output_dir``."""
    began, cpu_began = time.perf_counter(), time.process_time()
    out = Path(output_dir)
    try:
        digest = file_sha256(Path(item.path))
        doc = analyze_document(read_file(item.path))
        write_parts(corpus_tables(doc, item.work_id, item.json_name), out, item.part_key)
        write_json(doc, out / item.json_name)
        tokens = len(doc.tokens) if doc.tokens is not None else 0
        words = word_count(doc)
    except Exception as error:  # any failure of one work is that work's result
        logger.warning("%s failed", item.work_id, exc_info=not isinstance(error, FicLensError))
        remove_outputs(out, item.json_name, item.part_key)
        return WorkResult(item.work_id, False, describe_error(error),
                          time.perf_counter() - began, time.process_time() - cpu_began,
                          worker=worker_name(), peak_rss_bytes=peak_rss_bytes())
    return WorkResult(item.work_id, True, None, time.perf_counter() - began,
                      time.process_time() - cpu_began, tokens, words, digest, worker_name(),
                      peak_rss_bytes())
