"""The corpus driver: find the works, keep the manifest, feed a Dask cluster.

Works are submitted by path with a sliding window of in-flight futures, so the
driver's memory does not grow with the corpus. A work is marked done only when its
worker reports success and its outputs are on disk; any failure (a ficlens error,
an unexpected exception, a worker that died) marks that work failed and the run goes
on. On Ctrl-C the in-flight works go back to pending and the cluster is shut down.
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import dask
from distributed import CancelledError, Client, Future, KilledWorker, LocalCluster, as_completed
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from ficlens.corpus.dataset import outputs_exist, remove_outputs, remove_temporaries
from ficlens.corpus.manifest import MANIFEST_NAME, Manifest, WorkItem, discover
from ficlens.corpus.task import WorkResult, analyze_work, describe_error, peak_rss_bytes
from ficlens.errors import ConfigError, InputNotFoundError

logger = logging.getLogger(__name__)

LOCK_NAME = ".ficlens-corpus.lock"
FUTURES_PER_THREAD = 2


@dataclass
class CorpusOptions:
    input_dir: Path
    output_dir: Path
    workers: int | None = None       # LocalCluster worker processes (default: all cores)
    scheduler: str | None = None     # address of an existing scheduler
    retry_failed: bool = False
    max_in_flight: int | None = None  # default: FUTURES_PER_THREAD x worker threads
    progress: bool | None = None     # default: when stderr is a terminal


@dataclass
class CorpusSummary:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    failed_earlier: int = 0
    tokens: int = 0
    elapsed_seconds: float = 0.0
    worker_peak_rss: dict[str, int] = field(default_factory=dict)
    driver_peak_rss: int = 0

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.elapsed_seconds if self.elapsed_seconds > 0 else 0.0

    def line(self) -> str:
        text = (f"{self.done} works done, {self.failed} failed, {self.skipped} skipped, "
                f"{self.tokens:,} tokens, {self.tokens_per_second:,.0f} tokens/s, "
                f"{_clock(self.elapsed_seconds)} elapsed")
        if self.failed_earlier:
            text += f" ({self.failed_earlier} failed earlier: --retry-failed to retry)"
        return text


def _clock(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 3600:d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


@contextmanager
def output_lock(output_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``output_dir`` (released by the OS if we are killed)."""
    with open(output_dir / LOCK_NAME, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConfigError(f"another 'ficlens corpus' run is writing to {output_dir}") from None
        yield


@contextmanager
def quiet_dask() -> Iterator[None]:
    """Keep Dask's own info logs out of the way unless ficlens logs at debug level."""
    dask_logger = logging.getLogger("distributed")
    previous = dask_logger.level
    if logging.getLogger("ficlens").getEffectiveLevel() > logging.DEBUG:
        dask_logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        dask_logger.setLevel(previous)


@contextmanager
def open_client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new local one (1 thread/worker)."""
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as error:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        with client:
            yield client
        return
    count = workers or os.cpu_count() or 1
    # One task per worker at a time: works take seconds, and a work that kills its
    # worker then takes no other work down with it.
    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
        with _children_ignore_interrupts():
            cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                                   dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
        with cluster, Client(cluster) as client:
            yield client


@contextmanager
def _children_ignore_interrupts() -> Iterator[None]:
    """Start worker processes with SIGINT ignored: on Ctrl-C the driver alone stops the
    run and shuts the cluster down, instead of every worker printing a traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_corpus(options: CorpusOptions) -> CorpusSummary:
    """Analyse every supported file under ``options.input_dir`` (see the module doc)."""
    input_dir = options.input_dir
    if not input_dir.exists():
        raise InputNotFoundError(f"{input_dir}: no such directory")
    if not input_dir.is_dir():
        raise ConfigError(f"{input_dir}: not a directory ('ficlens analyze' reads one file)")
    if options.workers is not None and options.workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {options.workers}")
    if options.workers is not None and options.scheduler:
        raise ConfigError("--workers sets up a local cluster; with --scheduler the "
                          "cluster's own workers are used")
    out = options.output_dir
    out.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    with output_lock(out), Manifest(out / MANIFEST_NAME) as manifest:
        manifest.bind_input(str(input_dir.resolve()))
        manifest.reset_running()
        remove_temporaries(out)
        synced = manifest.sync(discover(input_dir),
                               lambda name, key: outputs_exist(out, name, key))
        logger.info("manifest: %s", synced)
        if synced.vanished:
            logger.warning("%d works of the manifest are no longer under %s; their outputs "
                           "are kept", synced.vanished, input_dir)
        total = manifest.count_todo(options.retry_failed)
        counts = manifest.counts()
        summary = CorpusSummary(skipped=counts["done"])
        if not options.retry_failed:
            summary.failed_earlier = counts["failed"]
        if total:
            with quiet_dask(), open_client(options.scheduler, options.workers) as client:
                _Driver(client, manifest, out, summary).run(
                    manifest.todo(options.retry_failed), total, options)
    summary.elapsed_seconds = time.perf_counter() - began
    summary.driver_peak_rss = peak_rss_bytes()
    return summary


class _Driver:
    """Submits works with a bounded window and settles each result in the manifest."""

    def __init__(self, client: Client, manifest: Manifest, output_dir: Path,
                 summary: CorpusSummary) -> None:
        self.client = client
        self.manifest = manifest
        self.output_dir = output_dir
        self.summary = summary
        self.in_flight: dict[Future, WorkItem] = {}
        self.bar: tqdm | None = None
        self.began = time.perf_counter()

    def run(self, items: Iterator[WorkItem], total: int, options: CorpusOptions) -> None:
        show = sys.stderr.isatty() if options.progress is None else options.progress
        self.bar = tqdm(total=total, desc="corpus", unit="work", file=sys.stderr,
                        disable=not show, dynamic_ncols=True)
        queue = as_completed()
        redirect = logging_redirect_tqdm() if show else nullcontext()
        try:
            with redirect:
                self._fill(items, queue, options.max_in_flight)
                for future in queue:
                    self._settle(future, self.in_flight.pop(future))
                    self._fill(items, queue, options.max_in_flight)
        finally:
            self.bar.close()
            if self.in_flight:  # interrupted: stop what is still queued or running
                self.client.cancel(list(self.in_flight))
            self.manifest.reset_running()  # unsettled works go back to pending

    def _fill(self, items: Iterator[WorkItem], queue: as_completed,
              max_in_flight: int | None) -> None:
        """Submit works until the window is full; the window follows the cluster's size."""
        window = max_in_flight or FUTURES_PER_THREAD * max(
            1, sum(self.client.nthreads().values()))
        while len(self.in_flight) < window and self._submit_next(items, queue):
            pass

    def _submit_next(self, items: Iterator[WorkItem], queue: as_completed) -> bool:
        item = next(items, None)
        if item is None:
            return False
        self.manifest.mark_running(item.work_id)
        future = self.client.submit(analyze_work, item, str(self.output_dir), pure=False,
                                    retries=0)
        self.in_flight[future] = item
        queue.add(future)
        return True

    def _settle(self, future: Future, item: WorkItem) -> None:
        try:
            result: WorkResult = future.result()
        except KilledWorker:
            self._fail(item, "worker died while analysing this work (KilledWorker); "
                             "the file may be too large for a worker's memory")
            return
        except CancelledError:
            logger.warning("%s: cancelled by the cluster; left pending", item.work_id)
            self.manifest.mark_pending(item.work_id)
            return
        except Exception as error:  # the task itself never raises; this is the cluster
            self._fail(item, describe_error(error))
            return
        finally:
            future.release()
        self._record_worker(result)
        if result.ok and not outputs_exist(self.output_dir, item.json_name, item.part_key):
            self._fail(item, "the worker reported success but its outputs are missing "
                             "(is the output directory shared with the workers?)")
        elif result.ok:
            self.manifest.mark_done(item.work_id, sha256=result.sha256, seconds=result.seconds,
                                    cpu_seconds=result.cpu_seconds, tokens=result.tokens,
                                    words=result.words, worker=result.worker)
            self.summary.done += 1
            self.summary.tokens += result.tokens
            self._advance()
        else:
            self._fail(item, result.error or "unknown error", result)

    def _fail(self, item: WorkItem, error: str, result: WorkResult | None = None) -> None:
        logger.warning("%s: %s", item.work_id, error)
        remove_outputs(self.output_dir, item.json_name, item.part_key)
        self.manifest.mark_failed(item.work_id, error,
                                  seconds=result.seconds if result else None,
                                  worker=result.worker if result else None)
        self.summary.failed += 1
        self._advance()

    def _record_worker(self, result: WorkResult) -> None:
        peaks = self.summary.worker_peak_rss
        peaks[result.worker] = max(peaks.get(result.worker, 0), result.peak_rss_bytes)

    def _advance(self) -> None:
        assert self.bar is not None
        seconds = time.perf_counter() - self.began
        rate = self.summary.tokens / seconds if seconds > 0 else 0.0
        self.bar.set_postfix_str(f"failed={self.summary.failed} tokens/s={rate:,.0f}",
                                 refresh=False)
        self.bar.update(1)
