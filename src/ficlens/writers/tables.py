"""Tables: characters, quotes, mentions and interactions as TSV and Parquet.

Rows come from :func:`ficlens.serialize.document_to_dict`, so a table holds the same
fields as the JSON, in the same order; quotes and mentions also get the index of
their ``chapter`` and mentions their ``text``. Column types come from the model's
dataclass annotations. Unknown values are real nulls: an empty TSV field, a
Parquet null. In TSV, list cells (aliases, addressees) are joined with
:data:`LIST_SEPARATOR`, and fields holding a tab, newline or double quote are
quoted the CSV way (``"..."`` with doubled inner quotes), which pandas and
spreadsheets read back as is.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import types
import typing
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ficlens.model import Character, Document, Interaction, Mention, Quote
from ficlens.serialize import document_to_dict
from ficlens.writers.json import atomic_write_text

TABLE_NAMES = ("characters", "quotes", "mentions", "interactions")
LIST_SEPARATOR = "|"

_MODEL_CLASSES: dict[str, type] = {
    "characters": Character,
    "quotes": Quote,
    "mentions": Mention,
    "interactions": Interaction,
}

#: Columns that document_to_dict (or this module) adds to a model record.
_EXTRA_COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "characters": [("mentions", pa.int64()), ("quotes", pa.int64())],
    "quotes": [("text", pa.string()), ("chapter", pa.int64())],
    "mentions": [("text", pa.string()), ("chapter", pa.int64())],
    "interactions": [],
}

_SCALAR_TYPES: dict[type, pa.DataType] = {
    str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
}


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a model annotation (``str | None`` -> string, ``list[str]`` ...)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        kept = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(kept) != 1:
            raise TypeError(f"no Arrow type for union {hint!r}")
        return arrow_type(kept[0])
    if origin is typing.Literal:
        return arrow_type(type(typing.get_args(hint)[0]))
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(hint)[0]))
    if hint in _SCALAR_TYPES:
        return _SCALAR_TYPES[hint]
    raise TypeError(f"no Arrow type for {hint!r}")


def table_schema(name: str) -> pa.Schema:
    """The schema of table ``name``: the model's fields, then the added columns."""
    model = _MODEL_CLASSES[name]
    hints = typing.get_type_hints(model)
    fields = [pa.field(f.name, arrow_type(hints[f.name])) for f in dataclasses.fields(model)]
    fields += [pa.field(column, kind) for column, kind in _EXTRA_COLUMNS[name]]
    return pa.schema(fields)


def document_tables(doc: Document) -> dict[str, pa.Table]:
    """The four tables of an analysed document, keyed by :data:`TABLE_NAMES`."""
    data = document_to_dict(doc)
    records: dict[str, list[dict[str, Any]]] = {
        name: [dict(record) for record in data[name]] for name in TABLE_NAMES}
    for name in ("quotes", "mentions"):
        for record in records[name]:
            record["chapter"] = doc.chapter_index(record["start"])
    for record in records["mentions"]:
        record["text"] = doc.text[record["start"]:record["end"]]
    return {name: _table(table_schema(name), records[name]) for name in TABLE_NAMES}


def _table(schema: pa.Schema, rows: list[dict[str, Any]]) -> pa.Table:
    """``rows`` as a table of ``schema``; fields the schema lacks (added to the JSON
    after this module was written) follow, with types Arrow infers."""
    table = pa.Table.from_pydict(
        {column: [row.get(column) for row in rows] for column in schema.names}, schema=schema)
    for column in dict.fromkeys(key for row in rows for key in row):
        if column not in schema.names:
            table = table.append_column(column, pa.array([row.get(column) for row in rows]))
    return table


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def tsv_text(table: pa.Table) -> str:
    """``table`` as TSV text: a header line, then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.schema.names)
    columns = [column.to_pylist() for column in table.columns]
    writer.writerows([_tsv_cell(value) for value in row] for row in zip(*columns, strict=True))
    return buffer.getvalue()


def write_tables(doc: Document, output_dir: Path, name: str) -> list[Path]:
    """Write ``<name>.<table>.tsv`` and ``<name>.<table>.parquet`` for each table."""
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table_name, table in document_tables(doc).items():
        tsv_path = output_dir / f"{name}.{table_name}.tsv"
        atomic_write_text(tsv_path, tsv_text(table))
        parquet_path = output_dir / f"{name}.{table_name}.parquet"
        temporary = parquet_path.with_name(f".{parquet_path.name}.tmp")
        pq.write_table(table, temporary)
        temporary.replace(parquet_path)
        written += [tsv_path, parquet_path]
    return written
