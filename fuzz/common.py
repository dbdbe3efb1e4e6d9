"""What every fuzz target checks: a reader given any bytes either returns a valid
document or raises a ficlens error; anything else is a crash."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ficlens.errors import FicLensError
from ficlens.readers import read_file
from ficlens.stages import quotes, structure


def check_reader(data: bytes, suffix: str) -> None:
    handle, name = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        try:
            doc = read_file(Path(name))
        except FicLensError:
            return
        check_document(doc)
    finally:
        os.unlink(name)


def check_document(doc) -> None:
    """Spans valid and inside the text after the model-free stages."""
    doc = quotes.run(structure.run(doc))
    size = len(doc.text)
    for item in [*doc.chapters, *doc.paragraphs, *doc.scene_breaks, *doc.quotes]:
        assert 0 <= item.start <= item.end <= size, (type(item).__name__, item)


def fuzz_reader(suffix: str) -> None:
    """Fuzz the reader of ``suffix`` files with raw bytes (libFuzzer flags from argv)."""
    import sys

    import atheris

    atheris.Setup(sys.argv, lambda data: check_reader(data, suffix))
    atheris.Fuzz()
