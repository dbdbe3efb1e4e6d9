"""The corpus output layout and the Parquet dataset of corpus tables.

Under the output directory each work has one JSON file (its relative path with
``.json`` for the suffix) and one part file per table,
``tables/<table>/part-<part key>.parquet``. A work's part key is derived from its
``work_id`` (the source path relative to the input directory) alone, so rerunning a
work replaces its parts instead of adding rows: no part is ever duplicated. Every
file is written to a hidden temporary name and renamed into place.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ficlens.model import Document
from ficlens.writers.tables import document_tables

TABLES = ("works", "characters", "quotes", "interactions", "mentions")
TABLES_DIR = "tables"
TEMPORARY_SUFFIX = ".tmp"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

_STRINGS = pa.list_(pa.string())
WORKS_SCHEMA = pa.schema([
    ("work_id", pa.string()), ("title", pa.string()), ("authors", _STRINGS),
    ("fandoms", _STRINGS), ("rating", pa.string()), ("language", pa.string()),
    ("words", pa.int64()), ("tokens", pa.int64()), ("chapters", pa.int64()),
    ("characters", pa.int64()), ("quotes", pa.int64()), ("source_path", pa.string()),
    ("source_format", pa.string()), ("json_path", pa.string()),
])


def part_key(work_id: str) -> str:
    """A flat, file-name-safe key that is unique per ``work_id`` (readable prefix + hash)."""
    digest = hashlib.sha1(work_id.encode("utf-8")).hexdigest()[:12]
    slug = _UNSAFE.sub("_", work_id.rsplit(".", 1)[0]).strip("._")[:60]
    return f"{slug}-{digest}" if slug else digest


def json_name(work_id: str, stem_shared: bool = False) -> str:
    """Relative JSON path of a work: ``sub/dir/name.json``, or ``sub/dir/name.epub.json``
    when another supported file in the same folder has the same stem."""
    path = Path(work_id)
    return (path.with_name(path.name + ".json") if stem_shared
            else path.with_suffix(".json")).as_posix()


def part_path(output_dir: Path, table: str, key: str) -> Path:
    return output_dir / TABLES_DIR / table / f"part-{key}.parquet"


def output_paths(output_dir: Path, json_relative: str, key: str) -> list[Path]:
    """Every file a finished work has under ``output_dir``: its JSON and its parts."""
    return [output_dir / json_relative] + [part_path(output_dir, table, key) for table in TABLES]


def outputs_exist(output_dir: Path, json_relative: str, key: str) -> bool:
    return all(path.is_file() for path in output_paths(output_dir, json_relative, key))


def remove_outputs(output_dir: Path, json_relative: str, key: str) -> None:
    for path in output_paths(output_dir, json_relative, key):
        path.unlink(missing_ok=True)


def remove_temporaries(output_dir: Path) -> int:
    """Delete hidden ``.*.tmp`` files that a killed writer left behind; return how many."""
    removed = 0
    for folder, _, files in os.walk(output_dir):
        for name in files:
            if name.startswith(".") and name.endswith(TEMPORARY_SUFFIX):
                Path(folder, name).unlink(missing_ok=True)
                removed += 1
    return removed


def atomic_write_parquet(table: pa.Table, path: Path) -> Path:
    """Write ``table`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=TEMPORARY_SUFFIX)
    os.close(handle)
    try:
        pq.write_table(table, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def works_table(doc: Document, work_id: str, json_relative: str) -> pa.Table:
    """The one-row ``works`` table of an analysed document."""
    meta = doc.metadata
    row = {
        "work_id": work_id, "title": meta.title, "authors": list(meta.authors),
        "fandoms": list(meta.fandoms), "rating": meta.rating, "language": meta.language,
        "words": word_count(doc), "tokens": len(doc.tokens) if doc.tokens is not None else 0,
        "chapters": len(doc.chapters), "characters": len(doc.characters),
        "quotes": len(doc.quotes), "source_path": meta.source_path,
        "source_format": meta.source_format, "json_path": json_relative,
    }
    return pa.Table.from_pylist([row], schema=WORKS_SCHEMA)


def word_count(doc: Document) -> int:
    """Tokens that are words (not punctuation, symbols or whitespace)."""
    if doc.tokens is None:
        return len(doc.text.split())
    return sum(1 for pos in doc.tokens.pos if pos not in ("PUNCT", "SYM", "SPACE", "X"))


def corpus_tables(doc: Document, work_id: str, json_relative: str) -> dict[str, pa.Table]:
    """Every corpus table of one work, each with ``work_id`` as its first column."""
    tables = {name: with_work_id(table, work_id)
              for name, table in document_tables(doc).items() if name in TABLES}
    # ficlens.writers.tables builds the four per-document tables; works is ours.
    tables["works"] = works_table(doc, work_id, json_relative)
    missing = set(TABLES) - set(tables)
    if missing:
        raise ValueError(f"document_tables() gave no table for {sorted(missing)}")
    return tables


def with_work_id(table: pa.Table, work_id: str) -> pa.Table:
    if "work_id" in table.column_names:
        table = table.drop_columns(["work_id"])
    return table.add_column(0, pa.field("work_id", pa.string()),
                            pa.array([work_id] * table.num_rows, type=pa.string()))


def write_parts(tables: dict[str, pa.Table], output_dir: Path, key: str) -> list[Path]:
    return [atomic_write_parquet(tables[name], part_path(output_dir, name, key))
            for name in TABLES]
