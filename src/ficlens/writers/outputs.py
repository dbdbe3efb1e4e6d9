"""Which files an analysis produces, decided in one place for ``analyze``, ``demo`` and ``corpus``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ficlens.model import Document
from ficlens.writers.json import write_json


@dataclass
class OutputOptions:
    """What to write besides the JSON."""

    tables: bool = False
    html: bool = False
    network: bool = False


def write_outputs(doc: Document, output_dir: Path, name: str,
                  options: OutputOptions) -> list[Path]:
    """Write the analysis of ``doc`` under ``output_dir``; return the paths written."""
    output_dir.mkdir(parents=True, exist_ok=True)
    return [write_json(doc, output_dir / f"{name}.json")]
