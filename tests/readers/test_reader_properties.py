"""Property tests: any input to any reader gives a valid document or a ficlens error."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficlens.errors import FicLensError
from ficlens.readers import read_file

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
STORY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


def read_or_refuse(path: Path) -> None:
    try:
        doc = read_file(path)
    except FicLensError as error:
        assert "\n" not in str(error)
        return
    size = len(doc.text)
    assert doc.text.strip()
    for item in [*doc.chapters, *doc.paragraphs, *doc.scene_breaks]:
        assert 0 <= item.start <= item.end <= size


@pytest.mark.parametrize("suffix", [".txt", ".html"])
@SETTINGS
@given(data=st.binary(max_size=600))
def test_reader_properties_reader_takes_any_bytes(tmp_path, suffix, data):
    path = tmp_path / f"story{suffix}"
    path.write_bytes(data)
    read_or_refuse(path)


@SETTINGS
@given(body=STORY_TEXT, title=STORY_TEXT)
def test_reader_properties_html_reader_takes_any_page(tmp_path, body, title):
    path = tmp_path / "story.html"
    path.write_text(f"<html><head><title>{title}</title></head><body><p>{body}</p>"
                    f"<hr/><p>{body[::-1]}</p></body></html>", encoding="utf-8")
    read_or_refuse(path)


CONTAINER = ('<?xml version="1.0"?><container version="1.0" '
             'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
             '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
             '</rootfiles></container>')
PACKAGE = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title>'
           '</metadata><manifest><item id="c1" href="c1.xhtml" '
           'media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/>'
           '</spine></package>')


@SETTINGS
@given(body=STORY_TEXT, well_formed=st.booleans())
def test_reader_properties_epub_reader_takes_any_chapter(tmp_path, body, well_formed):
    chapter = (f"<html xmlns='http://www.w3.org/1999/xhtml'><body><p>{body}</p></body></html>"
               if well_formed else body)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("content.opf", PACKAGE)
        archive.writestr("c1.xhtml", chapter.encode("utf-8"))
    path = tmp_path / "story.epub"
    path.write_bytes(buffer.getvalue())
    read_or_refuse(path)
