"""Dask worker preload of the corpus tests: a work whose file name holds 'poison' kills
its worker process outright, as a segfault or the kernel's OOM killer would.

The driver submits :func:`ficlens.corpus.task.analyze_work` by reference, so the
worker runs whatever that name means in its own process: this wrapper.
"""

from __future__ import annotations

import os

from ficlens.corpus import task

# Dask may run a preload twice in the same module object: keep the real task once.
if not hasattr(task, "unpoisoned_analyze_work"):
    task.unpoisoned_analyze_work = task.analyze_work


def analyze_work(item, output_dir):
    if "poison" in item.work_id:
        os._exit(1)
    return task.unpoisoned_analyze_work(item, output_dir)


task.analyze_work = analyze_work
