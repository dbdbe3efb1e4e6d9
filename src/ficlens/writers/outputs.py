"""Which files an analysis produces, decided in one place for ``analyze``, ``demo`` and ``corpus``.

For a work called ``NAME`` (the input's stem) the files are::

    NAME.json                               always
    NAME.<table>.tsv, NAME.<table>.parquet  tables: characters, quotes, mentions, interactions
    NAME.report.html                        html: the interactive report
    NAME.graphml, NAME.gexf                 network: the whole-work character network

The report is ``.report.html`` so that analysing ``story.html`` into its own folder
never overwrites the story.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ficlens.model import Document
from ficlens.writers.json import write_json

REPORT_SUFFIX = ".report.html"


@dataclass
class OutputOptions:
    """What to write besides the JSON."""

    tables: bool = False
    html: bool = False
    network: bool = False


def report_path(output_dir: Path, name: str) -> Path:
    """Where :func:`write_outputs` puts the HTML report of work ``name``."""
    return output_dir / f"{name}{REPORT_SUFFIX}"


def write_outputs(doc: Document, output_dir: Path, name: str,
                  options: OutputOptions) -> list[Path]:
    """Write the analysis of ``doc`` under ``output_dir``; return the paths written."""
    output_dir.mkdir(parents=True, exist_ok=True)
    written = [write_json(doc, output_dir / f"{name}.json")]
    if options.tables:
        from ficlens.writers.tables import write_tables
        written += write_tables(doc, output_dir, name)
    if options.network:
        from ficlens.writers.network import write_network
        written += write_network(doc, output_dir, name)
    if options.html:
        from ficlens.writers.html_report import write_html_report
        written.append(write_html_report(doc, report_path(output_dir, name)))
    return written
