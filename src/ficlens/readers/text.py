"""Plain-text reader.

The story text is the decoded file with ``\\r\\n`` (and lone ``\\r``) turned into ``\\n``;
every offset ficlens reports indexes that text. UTF-8 (with or without BOM) is
tried first; cp1252 is the fallback, with a warning.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ficlens.errors import EmptyStoryError, UnsupportedFormatError
from ficlens.model import Document, Metadata
from ficlens.readers.limits import read_limited

logger = logging.getLogger(__name__)

# Share of control characters (other than whitespace) above which a file is binary.
BINARY_CONTROL_SHARE = 0.01


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode ``data``; return the text and a warning message when a fallback was used."""
    if b"\x00" in data[:8192]:
        raise UnsupportedFormatError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        decoded = data.decode("cp1252")
        note = "not valid UTF-8; decoded as cp1252"
    except UnicodeDecodeError:
        decoded = data.decode("utf-8", errors="replace")
        note = "not valid UTF-8 or cp1252; undecodable bytes replaced"
    return decoded, note


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    return controls / len(sample) > BINARY_CONTROL_SHARE


def document_from_text(text: str, name: str = "<text>", title: str | None = None) -> Document:
    """A document from text already in memory (used by every reader of plain text)."""
    text = normalise_newlines(text)
    if looks_binary(text):
        raise UnsupportedFormatError(f"{name}: looks like a binary file, not text")
    if not text.strip():
        raise EmptyStoryError(f"{name}: the story is empty")
    return Document(text=text, metadata=Metadata(title=title, source_format="text"))


def read(path: Path, max_bytes: int | None = None) -> Document:
    data = read_limited(path, max_bytes)
    text, note = decode(data, path.name)
    doc = document_from_text(text, path.name, title=None)
    if note:
        logger.warning("%s: %s", path.name, note)
        doc.warn("encoding", note)
    return doc
