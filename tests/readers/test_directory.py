"""Reading directories and dispatching by suffix (readers/__init__)."""

from __future__ import annotations

import pytest
from epubkit import epub_members, write_zip, xhtml

from ficlens.errors import InputNotFoundError, UnsupportedFormatError
from ficlens.readers import iter_story_files, read_file, read_path


@pytest.fixture
def story_dir(tmp_path):
    (tmp_path / "a-story.txt").write_text("Ina sang by the river.", encoding="utf-8")
    (tmp_path / "b-page.html").write_text(
        "<html><head><title>Page</title></head><body><p>Bo listened.</p></body></html>",
        encoding="utf-8")
    nested = tmp_path / "more"
    nested.mkdir()
    write_zip(nested / "c-book.epub",
              epub_members([("c1.xhtml", xhtml("<p>The river rose.</p>"))], toc=None))
    (tmp_path / "d-notes.pdf").write_bytes(b"%PDF-1.4 not a story")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    return tmp_path


def test_directory_reads_supported_files_in_order(story_dir):
    docs = list(read_path(story_dir))
    assert [doc.text for doc in docs] == [
        "Ina sang by the river.", "Bo listened.", "The river rose."]
    assert [doc.metadata.source_format for doc in docs] == ["text", "html", "epub"]
    assert docs[2].metadata.source_path == str(story_dir / "more" / "c-book.epub")


def test_directory_skips_unsupported_and_hidden_files(story_dir):
    names = [path.name for path in iter_story_files(story_dir)]
    assert names == ["a-story.txt", "b-page.html", "c-book.epub"]


def test_directory_max_bytes_applies_to_every_file(story_dir):
    docs = list(read_path(story_dir, max_bytes=10_000))
    assert len(docs) == 3


@pytest.mark.parametrize("name, error, fragment", [
    ("d-notes.pdf", UnsupportedFormatError, "unsupported file type '.pdf'"),
    ("missing.txt", InputNotFoundError, "no such file"),
    ("more", UnsupportedFormatError, "is a directory"),
])
def test_directory_read_file_errors(story_dir, name, error, fragment):
    with pytest.raises(error, match=fragment):
        read_file(story_dir / name)


def test_directory_missing_path(tmp_path):
    with pytest.raises(InputNotFoundError, match="no such file"):
        list(read_path(tmp_path / "nowhere"))
