"""Fixtures of the reader tests: small EPUB and HTML files written to a temporary directory."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# pytest runs with --import-mode=importlib: make the builders importable by the tests.
sys.path.insert(0, str(Path(__file__).parent))
from epubkit import epub_members, write_zip  # noqa: E402


@pytest.fixture
def make_epub(tmp_path: Path) -> Callable[..., Path]:
    """``make_epub(documents, name="book.epub", **options)`` -> path of a new EPUB."""

    def build(documents: list[tuple[str, str]], name: str = "book.epub",
              **options: object) -> Path:
        return write_zip(tmp_path / name, epub_members(documents, **options))

    return build


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """``write_file(name, content)`` -> path of a new file in a temporary directory."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
