"""JSON writer: one file per analysed work, written atomically and byte-for-byte stable.

:func:`write_json` streams the encoded JSON into the file: a novel's JSON text (and
the million small pieces it is joined from) is never held in memory whole.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from ficlens.model import Document
from ficlens.serialize import document_from_dict, document_to_dict

#: How every ficlens JSON file is encoded (what keeps it byte-for-byte stable).
JSON_OPTIONS: dict[str, Any] = {"ensure_ascii": False, "sort_keys": True, "indent": 1}


def dumps(doc: Document) -> str:
    return json.dumps(document_to_dict(doc), **JSON_OPTIONS)


@contextmanager
def atomic_open(path: Path) -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` only once the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename."""
    with atomic_open(path) as stream:
        stream.write(content)


def write_json(doc: Document, path: Path) -> Path:
    """Write :func:`dumps` of ``doc`` and a newline to ``path``, streamed."""
    with atomic_open(path) as stream:
        json.dump(document_to_dict(doc), stream, **JSON_OPTIONS)
        stream.write("\n")
    return path


def read_json(path: Path) -> Document:
    with open(path, encoding="utf-8") as stream:
        return document_from_dict(json.load(stream))
