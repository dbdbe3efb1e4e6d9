"""Tables: TSV and Parquet read back with pandas match the JSON."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from ficlens.model import Document
from ficlens.serialize import document_to_dict
from ficlens.writers.tables import (
    TABLE_NAMES,
    arrow_type,
    document_tables,
    table_schema,
    tsv_text,
    write_tables,
)


def test_tables_document_tables_match_json(hand_built_doc):
    data = document_to_dict(hand_built_doc)
    tables = document_tables(hand_built_doc)
    assert list(tables) == list(TABLE_NAMES)
    for name, table in tables.items():
        assert isinstance(table, pa.Table)
        assert table.num_rows == len(data[name])
        assert set(data[name][0]) <= set(table.column_names), name
        assert table.to_pylist()[0].items() >= data[name][0].items()


def test_tables_unknowns_are_nulls(hand_built_doc):
    tables = document_tables(hand_built_doc)
    genders = tables["characters"].column("gender").to_pylist()
    assert genders == ["she/her", "he/him", None]
    speakers = tables["quotes"].column("speaker").to_pylist()
    assert speakers[-1] is None
    assert tables["interactions"].column("chapter").to_pylist()[0] is None


def test_tables_chapter_and_text_columns(hand_built_doc):
    tables = document_tables(hand_built_doc)
    assert tables["quotes"].column("chapter").to_pylist() == [0, 0, 0, 1, 1, 1]
    mentions = tables["mentions"].to_pylist()
    assert all(row["text"] == hand_built_doc.text[row["start"]:row["end"]] for row in mentions)


def test_tables_round_trip_tsv_and_parquet(hand_built_doc, tmp_path):
    data = document_to_dict(hand_built_doc)
    written = write_tables(hand_built_doc, tmp_path, "tides")
    assert sorted(path.name for path in written) == sorted(
        f"tides.{name}.{suffix}" for name in TABLE_NAMES for suffix in ("tsv", "parquet"))
    for name in TABLE_NAMES:
        tsv = pd.read_csv(tmp_path / f"tides.{name}.tsv", sep="\t")
        parquet = pd.read_parquet(tmp_path / f"tides.{name}.parquet")
        assert len(tsv) == len(parquet) == len(data[name]), name
        assert list(tsv.columns) == list(parquet.columns)
    quotes = pd.read_csv(tmp_path / "tides.quotes.tsv", sep="\t", keep_default_na=False)
    assert list(quotes["text"]) == [quote["text"] for quote in data["quotes"]]
    assert quotes.loc[5, "speaker"] == ""
    assert list(quotes["addressees"])[:3] == ["c1", "c1", "c0"]
    characters = pd.read_parquet(tmp_path / "tides.characters.parquet")
    assert list(characters.loc[0, "aliases"]) == ["Ada", "Ada Lovett"]
    assert pd.isna(characters.loc[2, "gender"])
    characters_tsv = pd.read_csv(tmp_path / "tides.characters.tsv", sep="\t")
    assert characters_tsv.loc[0, "aliases"] == "Ada|Ada Lovett"
    assert pd.isna(characters_tsv.loc[2, "gender"])
    assert list(characters_tsv["quotes"]) == [c["quotes"] for c in data["characters"]]


def test_tables_empty_document_keeps_columns(tmp_path):
    tables = document_tables(Document(text="Nothing happens."))
    for name, table in tables.items():
        assert table.num_rows == 0
        assert table.schema == table_schema(name)
    write_tables(Document(text="Nothing happens."), tmp_path, "empty")
    assert pd.read_csv(tmp_path / "empty.quotes.tsv", sep="\t").empty
    assert list(pd.read_parquet(tmp_path / "empty.quotes.parquet").columns) == \
        table_schema("quotes").names


def test_tables_tsv_quotes_only_awkward_fields():
    table = pa.table({"a": ["plain", "tab\there", None], "b": [1.5, None, 2.0]})
    assert tsv_text(table) == 'a\tb\nplain\t1.5\n"tab\there"\t\n\t2.0\n'


@pytest.mark.parametrize(("hint", "expected"), [
    (str, pa.string()),
    (int | None, pa.int64()),
    (float, pa.float64()),
    (list[str], pa.list_(pa.string())),
])
def test_tables_arrow_type(hint, expected):
    assert arrow_type(hint) == expected


def test_tables_arrow_type_refuses_unknown():
    with pytest.raises(TypeError):
        arrow_type(dict)
