"""Readers turn a file (or a directory of files) into :class:`~ficlens.model.Document` objects.

One module per format; each exposes ``read(path, max_bytes=None) -> Document``.
:func:`read_path` picks the reader from the file's suffix. ``max_bytes`` caps the
input file's size (default ``$FICLENS_MAX_INPUT_BYTES``, else 100 MiB; see
:mod:`ficlens.readers.limits`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ficlens.errors import InputNotFoundError, UnsupportedFormatError
from ficlens.model import Document
from ficlens.readers import text

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".epub")


def reader_for(path: Path):
    """The reader module for ``path`` (by suffix)."""
    suffix = path.suffix.lower()
    if suffix == ".txt" or suffix == "":
        return text
    if suffix in (".html", ".htm", ".xhtml"):
        from ficlens.readers import html
        return html
    if suffix == ".epub":
        from ficlens.readers import epub
        return epub
    raise UnsupportedFormatError(
        f"{path.name}: unsupported file type {suffix!r} (ficlens reads .txt, .html, .epub)")


def iter_story_files(directory: Path) -> Iterator[Path]:
    """Every supported file under ``directory``, in sorted order (hidden files skipped)."""
    for path in sorted(directory.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def read_file(path: Path | str, max_bytes: int | None = None) -> Document:
    """Read one story file."""
    path = Path(path)
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file or directory")
    if path.is_dir():
        raise UnsupportedFormatError(f"{path}: is a directory; use read_path for directories")
    doc = reader_for(path).read(path, max_bytes=max_bytes)
    doc.metadata.source_path = str(path)
    return doc


def read_path(path: Path | str, max_bytes: int | None = None) -> Iterator[Document]:
    """Read a file, or every supported file of a directory, lazily."""
    path = Path(path)
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file or directory")
    if path.is_dir():
        for child in iter_story_files(path):
            yield read_file(child, max_bytes=max_bytes)
    else:
        yield read_file(path, max_bytes=max_bytes)
