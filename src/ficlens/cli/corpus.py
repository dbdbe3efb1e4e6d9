"""``ficlens corpus``: analyse every story under a directory on a Dask cluster."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Stop on SIGTERM as cleanly as on Ctrl-C."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.command("corpus")
@click.argument("input_dir", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Directory for the JSON files, tables/ and manifest.sqlite.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Local worker processes, one thread each  [default: all cores].")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Use the Dask cluster at ADDRESS (tcp://host:8786) instead of a local "
                   "one; INPUT_DIR and OUT_DIR must be at the same paths on its workers.")
@click.option("--retry-failed", is_flag=True, help="Run the works that failed before again.")
def command(input_dir: Path, output_dir: Path, workers: int | None, scheduler: str | None,
            retry_failed: bool) -> None:
    """Analyse every supported file under INPUT_DIR with Dask, resumably.

    Writes OUT_DIR/<relative path>.json per work, a Parquet dataset under
    OUT_DIR/tables/ (query it with 'ficlens query') and OUT_DIR/manifest.sqlite.
    Rerunning the command skips finished works and redoes unfinished ones.
    """
    from ficlens.corpus.runner import CorpusOptions, run_corpus  # imports Dask: only here

    options = CorpusOptions(input_dir=input_dir, output_dir=output_dir, workers=workers,
                            scheduler=scheduler, retry_failed=retry_failed)
    with _terminate_as_interrupt():
        summary = run_corpus(options)
    click.echo(f"corpus: {summary.line()}", err=True)
