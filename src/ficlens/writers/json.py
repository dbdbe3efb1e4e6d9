"""JSON writer: one file per analysed work, written atomically and byte-for-byte stable."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ficlens.model import Document
from ficlens.serialize import document_from_dict, document_to_dict


def dumps(doc: Document) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, sort_keys=True, indent=1)


def atomic_write_text(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_json(doc: Document, path: Path) -> Path:
    atomic_write_text(path, dumps(doc) + "\n")
    return path


def read_json(path: Path) -> Document:
    with open(path, encoding="utf-8") as stream:
        return document_from_dict(json.load(stream))
