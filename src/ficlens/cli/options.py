"""Option decorators shared by several commands, and the progress bar."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click
from tqdm import tqdm


def output_dir_option(function: Callable) -> Callable:
    return click.option(
        "-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
        default=Path("."), show_default=True,
        help="Directory to write results into (created when missing).")(function)


class ProgressBar:
    """A tqdm bar on stderr fed by :func:`ficlens.progress.report_progress`.

    Shown only on a terminal and for inputs of at least ``min_total`` characters.
    """

    def __init__(self, label: str, min_total: int = 50_000, enabled: bool | None = None):
        self.label = label
        self.min_total = min_total
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.bar: tqdm | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total < self.min_total:
            return
        if self.bar is None:
            self.bar = tqdm(total=total, desc=f"{self.label} {stage}", unit="char",
                            unit_scale=True, file=sys.stderr, leave=False)
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
