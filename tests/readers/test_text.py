"""Plain-text reader (readers.text)."""

from __future__ import annotations

import pytest

from ficlens.errors import EmptyStoryError, UnsupportedFormatError
from ficlens.readers import read_file
from ficlens.readers.text import looks_binary


@pytest.mark.parametrize("content, expected", [
    ("Ina sang.\n\nBo listened.", "Ina sang.\n\nBo listened."),
    ("Ina sang.\r\n\r\nBo listened.\r", "Ina sang.\n\nBo listened.\n"),
    ("\ufeffWith a BOM.", "With a BOM."),
])
def test_text_reads_utf8(write_file, content, expected):
    doc = read_file(write_file("story.txt", content.encode("utf-8")))
    assert doc.text == expected
    assert doc.metadata.source_format == "text" and doc.warnings == []


def test_text_cp1252_fallback_warns(write_file):
    doc = read_file(write_file("old.txt", "caf\xe9 \u201chi\u201d".encode("cp1252")))
    assert doc.text == "café “hi”"
    assert [w.code for w in doc.warnings] == ["encoding"]


@pytest.mark.parametrize("content, error, fragment", [
    (b"", EmptyStoryError, "empty"),
    (b" \n\n \t", EmptyStoryError, "empty"),
    (b"\x00\x01\x02binary\x00", UnsupportedFormatError, "binary"),
    (bytes(range(1, 32)) * 100, UnsupportedFormatError, "binary"),
])
def test_text_errors(write_file, content, error, fragment):
    with pytest.raises(error, match=fragment):
        read_file(write_file("bad.txt", content))


def test_text_file_without_suffix_is_text(write_file):
    assert read_file(write_file("README", "Just a story.")).text == "Just a story."


@pytest.mark.parametrize("value, expected", [
    ("", False), ("ordinary words\n\tand tabs", False), ("\x01\x02\x03" * 10, True),
])
def test_text_looks_binary(value, expected):
    assert looks_binary(value) is expected
