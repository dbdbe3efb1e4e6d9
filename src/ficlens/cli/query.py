"""``ficlens query``: DuckDB SQL over the tables of a corpus run."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ficlens.corpus.query import QueryResult

MAX_CELL_CHARS = 40


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS - 1] + "…"


def format_table(result: QueryResult) -> str:
    """An aligned text table (long cells shortened), numbers right-aligned."""
    cells = [[_cell(value) for value in row] for row in result.rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells])
              for i, name in enumerate(result.columns)]
    numeric = [bool(result.rows) and all(isinstance(row[i], int | float) or row[i] is None
                                         for row in result.rows)
               for i in range(len(result.columns))]

    def line(values: list[str]) -> str:
        return "  ".join(value.rjust(width) if right else value.ljust(width)
                         for value, width, right in zip(values, widths, numeric, strict=True))

    rule = "  ".join("-" * width for width in widths)
    body = [line(row).rstrip() for row in cells]
    return "\n".join([line(list(result.columns)).rstrip(), rule, *body, f"({len(cells)} rows)"])


def _json_ready(value: object) -> object:
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_json_ready(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    return str(value)


@click.command("query")
@click.argument("output_dir", metavar="OUT_DIR", type=click.Path(path_type=Path))
@click.argument("sql")
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True, help="How to print the result.")
def command(output_dir: Path, sql: str, output_format: str) -> None:
    """Run SQL on the corpus in OUT_DIR (written by 'ficlens corpus').

    Tables: works, characters, quotes, interactions, mentions (each row has a
    work_id), and manifest (one row per work with its state and error).
    """
    from ficlens.corpus.query import run_query  # imports DuckDB: only here

    result = run_query(output_dir, sql)
    if output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
    elif output_format == "json":
        records = [dict(zip(result.columns, map(_json_ready, row), strict=True))
                   for row in result.rows]
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        click.echo(format_table(result))
