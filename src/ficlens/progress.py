"""Progress reporting hooks: the library reports, the CLI decides how to show it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

ProgressCallback = Callable[[str, int, int], None]

_callback: ContextVar[ProgressCallback | None] = ContextVar("ficlens_progress", default=None)


def report_progress(stage: str, done: int, total: int) -> None:
    """Tell the active listener (if any) that ``done`` of ``total`` units of ``stage`` are done."""
    callback = _callback.get()
    if callback is not None:
        callback(stage, done, total)


@contextmanager
def progress_listener(callback: ProgressCallback | None) -> Iterator[None]:
    """Route :func:`report_progress` calls to ``callback`` within the block."""
    token = _callback.set(callback)
    try:
        yield
    finally:
        _callback.reset(token)
