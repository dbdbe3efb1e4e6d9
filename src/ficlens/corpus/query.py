"""DuckDB SQL over a corpus output directory.

Each corpus table is a view over its Parquet parts
(``read_parquet('<out>/tables/<table>/*.parquet', union_by_name=true)``); the
manifest is available as the table ``manifest`` when a query names it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ficlens.corpus.dataset import TABLES, TABLES_DIR
from ficlens.corpus.manifest import MANIFEST_NAME
from ficlens.errors import ConfigError, InputNotFoundError


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(output_dir: Path, with_manifest: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per corpus table found."""
    tables_dir = output_dir / TABLES_DIR
    if not tables_dir.is_dir():
        raise InputNotFoundError(f"{output_dir}: no corpus dataset here "
                                 "(run 'ficlens corpus INPUT_DIR -o OUT_DIR' first)")
    connection = duckdb.connect()
    for table in TABLES:
        folder = tables_dir / table
        if next(folder.glob("*.parquet"), None) is None:
            continue
        pattern = _literal(str(folder.resolve() / "*.parquet"))
        connection.execute(f"CREATE VIEW {table} AS SELECT * FROM "
                           f"read_parquet({pattern}, union_by_name = true)")
    if with_manifest and (output_dir / MANIFEST_NAME).is_file():
        _load_manifest(connection, output_dir / MANIFEST_NAME)
    return connection


def _load_manifest(connection: duckdb.DuckDBPyConnection, path: Path) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cursor = source.execute("SELECT * FROM works")
        names = [column[0] for column in cursor.description]
        frame = {name: [] for name in names}
        for row in cursor:
            for name, value in zip(names, row, strict=True):
                frame[name].append(value)
    finally:
        source.close()
    connection.register("manifest", pa.table(frame))


def run_query(output_dir: Path, sql: str) -> QueryResult:
    """Run ``sql`` against the corpus under ``output_dir``; SQL errors become ConfigError."""
    wants_manifest = re.search(r"\bmanifest\b", sql, re.IGNORECASE) is not None
    connection = connect(output_dir, with_manifest=wants_manifest)
    try:
        cursor = connection.execute(sql)
        columns = [column[0] for column in cursor.description or []]
        rows = cursor.fetchall() if columns else []
    except duckdb.Error as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise ConfigError(f"query failed: {first_line}") from None
    finally:
        connection.close()
    return QueryResult(columns, rows)
