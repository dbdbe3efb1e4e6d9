"""Output layout and the corpus tables of one work (hand-built documents, no spaCy)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ficlens.corpus import dataset
from ficlens.model import Character, Document, Interaction, Mention, Metadata, Quote


def tiny_document() -> Document:
    text = '"Hello," said Ann to Bo.'
    return Document(
        text=text,
        metadata=Metadata(title="Tiny", authors=["Someone"], fandoms=["Made Up"],
                          source_path="/in/tiny.txt", source_format="text"),
        characters=[Character("c0", "Ann", ["Ann"], "she/her"), Character("c1", "Bo", ["Bo"])],
        mentions=[Mention(13, 16, "name", "c0"), Mention(20, 22, "name", "c1")],
        quotes=[Quote("q0", 1, 6, speaker="c0", addressees=["c1"], confidence=0.9)],
        interactions=[Interaction("c0", "c1", "speaks_to", 1.0)],
    )


@pytest.mark.parametrize("work_id", ["a.txt", "sub/dir/a.txt", "sub dir/ü ñ.epub", "....txt"])
def test_dataset_part_key_is_safe_and_stable(work_id):
    key = dataset.part_key(work_id)
    assert key == dataset.part_key(work_id)
    assert "/" not in key and " " not in key and not key.startswith(".")


def test_dataset_part_key_differs_for_similar_paths():
    assert dataset.part_key("a/b.txt") != dataset.part_key("a_b.txt")
    assert dataset.part_key("a.txt") != dataset.part_key("a.epub")


@pytest.mark.parametrize("work_id, shared, expected", [
    ("a.txt", False, "a.json"),
    ("sub/dir/a.epub", False, "sub/dir/a.json"),
    ("sub/a.epub", True, "sub/a.epub.json"),
])
def test_dataset_json_name(work_id, shared, expected):
    assert dataset.json_name(work_id, stem_shared=shared) == expected


def test_dataset_corpus_tables_have_work_id_and_rows():
    tables = dataset.corpus_tables(tiny_document(), "sub/tiny.txt", "sub/tiny.json")
    assert set(tables) == set(dataset.TABLES)
    expected_rows = {"works": 1, "characters": 2, "quotes": 1, "mentions": 2, "interactions": 1}
    for name, table in tables.items():
        assert table.column_names[0] == "work_id"
        assert table.num_rows == expected_rows[name]
        assert set(table.column("work_id").to_pylist()) == {"sub/tiny.txt"}
    works = tables["works"].to_pylist()[0]
    assert works["title"] == "Tiny" and works["fandoms"] == ["Made Up"]
    assert works["json_path"] == "sub/tiny.json" and works["quotes"] == 1


def test_dataset_empty_document_gives_typed_empty_tables():
    doc = Document(text="Nothing happens.")
    tables = dataset.corpus_tables(doc, "empty.txt", "empty.json")
    assert tables["quotes"].num_rows == 0
    assert not any(pa.types.is_null(field.type) for field in tables["works"].schema)


def test_dataset_write_parts_atomically_and_remove(tmp_path):
    tables = dataset.corpus_tables(tiny_document(), "tiny.txt", "tiny.json")
    written = dataset.write_parts(tables, tmp_path, "tiny-key")
    assert [p.parent.name for p in written] == list(dataset.TABLES)
    assert pq.read_table(written[0]).num_rows == 1
    assert not list(tmp_path.rglob("*.tmp"))
    (tmp_path / "tiny.json").write_text("{}")
    assert dataset.outputs_exist(tmp_path, "tiny.json", "tiny-key")
    dataset.remove_outputs(tmp_path, "tiny.json", "tiny-key")
    assert not dataset.outputs_exist(tmp_path, "tiny.json", "tiny-key")
    assert not list(tmp_path.rglob("*.parquet"))


def test_dataset_failed_write_leaves_no_temporary(tmp_path, monkeypatch):
    def broken(table, where):
        Path(where).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(dataset.pq, "write_table", broken)
    with pytest.raises(OSError):
        dataset.atomic_write_parquet(pa.table({"x": [1]}), tmp_path / "t" / "part-a.parquet")
    assert list((tmp_path / "t").iterdir()) == []


def test_dataset_remove_temporaries_only_touches_hidden_tmp_files(tmp_path):
    keep = [tmp_path / "a.json", tmp_path / "tables" / "works" / "part-a.parquet"]
    drop = [tmp_path / ".a.json.x1.tmp", tmp_path / "tables" / "works" / ".part-a.parquet.y.tmp"]
    for path in keep + drop:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    assert dataset.remove_temporaries(tmp_path) == 2
    assert all(p.exists() for p in keep) and not any(p.exists() for p in drop)
