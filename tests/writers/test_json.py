import json

import pytest

from ficlens.writers.json import atomic_open, dumps, read_json, write_json


def test_json_write_streams_the_same_bytes_as_dumps(tmp_path, hand_built_doc):
    doc = hand_built_doc
    path = write_json(doc, tmp_path / "work.json")
    assert path.read_text(encoding="utf-8") == dumps(doc) + "\n"
    assert json.loads(path.read_text(encoding="utf-8"))["text"] == doc.text


def test_json_write_round_trips(tmp_path, hand_built_doc):
    doc = hand_built_doc
    again = read_json(write_json(doc, tmp_path / "work.json"))
    assert dumps(again) == dumps(doc)


def test_json_atomic_open_keeps_the_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "work.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_open(path) as stream:
        stream.write("half")
        raise RuntimeError("disk full")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["work.json"]
