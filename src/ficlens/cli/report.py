"""``ficlens report``: turn an analysis (the JSON ``analyze`` wrote) into an HTML report."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ficlens.errors import CorruptInputError, InputNotFoundError
from ficlens.model import Document
from ficlens.writers.html_report import write_html_report
from ficlens.writers.json import read_json
from ficlens.writers.outputs import REPORT_SUFFIX


def load_analysis(path: Path) -> Document:
    """Read an analysis JSON, turning unreadable files into ficlens errors."""
    if not path.is_file():
        raise InputNotFoundError(f"{path}: no such file")
    try:
        return read_json(path)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CorruptInputError(
            f"{path}: not a ficlens analysis (invalid JSON: {error})") from error
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise CorruptInputError(
            f"{path}: not a ficlens analysis (unexpected content: {error!r})") from error


@click.command("report")
@click.argument("analysis", metavar="ANALYSIS.json", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None,
              help=f"HTML file to write [default: ANALYSIS with {REPORT_SUFFIX} for .json].")
def command(analysis: Path, output_path: Path | None) -> None:
    """Write the interactive HTML report of an analysis: the story with every quote
    coloured by speaker, the cast, the network and who speaks in each chapter.
    The file is self-contained and works offline."""
    doc = load_analysis(analysis)
    if output_path is None:
        output_path = analysis.with_name(analysis.stem + REPORT_SUFFIX)
    click.echo(str(write_html_report(doc, output_path)))
