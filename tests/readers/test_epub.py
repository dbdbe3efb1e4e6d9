"""EPUB reader: AO3 EPUBs against their HTML twins, generic EPUB 2/3, hostile archives."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from epubkit import epub_members, write_zip, xhtml

from ficlens.errors import CorruptInputError, EmptyStoryError, UnsafeInputError
from ficlens.readers import epub, read_file

AO3_PAIRS = [
    ("218676-incompleteWork.html", "218676-incompleteWork.epub"),
    ("23009290-htmlTest.html", "23009290-epubTest.epub"),
    ("334557-workInSeries.html", "334557-workInSeries.epub"),
]

CHAPTER_ONE = xhtml("<h1>The Ford</h1><p>Mara waded into the cold river.</p>"
                    "<p>Tobin followed, grumbling about his boots.</p>")
CHAPTER_TWO = xhtml("<h1>The Far Bank</h1><p>On the far bank a fire was burning.</p>"
                    "<p>Nobody tended it.</p>")
TITLE_PAGE = xhtml("<h1>River Book</h1><p>by Wren Halloway</p>")
TOC_PAGE = xhtml('<h2>Contents</h2><p><a href="c1.xhtml">The Ford</a></p>'
                 '<p><a href="c2.xhtml">The Far Bank</a></p><p><a href="c3.xhtml">End</a></p>')


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- AO3 EPUBs -------------------------------------------------------------------------


@pytest.mark.parametrize("html_name, epub_name", AO3_PAIRS)
def test_epub_ao3_matches_html_download(ao3_dir, html_name, epub_name):
    from_html = read_file(ao3_dir / html_name)
    from_epub = read_file(ao3_dir / epub_name)
    assert [c.title for c in from_epub.chapters] == [c.title for c in from_html.chapters]
    assert squash(from_epub.text) == squash(from_html.text)
    assert [c.notes for c in from_epub.chapters] == [c.notes for c in from_html.chapters]
    assert from_epub.metadata.source_format == "ao3-epub"
    for note in [*from_epub.metadata.notes, *(n for c in from_epub.chapters for n in c.notes)]:
        assert squash(note)[:60] not in squash(from_epub.text)


def test_epub_ao3_metadata_comes_from_the_preface(ao3_dir):
    doc = read_file(ao3_dir / "334557-workInSeries.epub")
    meta = doc.metadata
    assert meta.title == "The World on His Wrist"
    assert meta.authors == ["bendingsignpost"]
    assert meta.rating == "Teen And Up Audiences"
    assert meta.fandoms == ["Sherlock (TV)"]
    assert len(meta.relationships) == 2
    assert meta.series[0].part == 1
    assert meta.language == "en"
    assert meta.url == "https://archiveofourown.org/works/334557"
    assert meta.summary and "Afghanistan" in meta.summary
    assert "Sherlock (TV)" not in meta.tags  # OPF subjects mix every kind of tag


def test_epub_ao3_chapter_titles(ao3_dir):
    doc = read_file(ao3_dir / "334557-workInSeries.epub")
    assert [c.title for c in doc.chapters] == [
        "Prologue", "Chapter 2", "Part 2", "Part 3", "Part 4", "Part 5", "Part 6", "Epilogue"]


# --- generic EPUB ------------------------------------------------------------------------


def test_epub_generic_ncx_chapters_in_spine_order(make_epub):
    path = make_epub(
        [("c2.xhtml", CHAPTER_TWO), ("title_page.xhtml", TITLE_PAGE),
         ("toc_page.xhtml", TOC_PAGE), ("c1.xhtml", CHAPTER_ONE)],
        toc_entries=[("One: The Ford", "c1.xhtml"), ("Two: The Far Bank", "c2.xhtml")],
        spine_order=["d1", "d2", "d3", "d0"])
    doc = read_file(path)
    assert [c.title for c in doc.chapters] == ["One: The Ford", "Two: The Far Bank"]
    assert doc.text.startswith("Mara waded into the cold river.")
    assert "Wren Halloway" not in doc.text and "Contents" not in doc.text
    assert "The Ford" not in doc.text  # the heading is the title, not text
    for chapter in doc.chapters:
        assert doc.text[chapter.start:chapter.end].strip() == doc.text[chapter.start:chapter.end]


def test_epub_generic_metadata_from_opf(make_epub):
    doc = read_file(make_epub([("c1.xhtml", CHAPTER_ONE)], toc=None))
    meta = doc.metadata
    assert meta.title == "River Book"
    assert meta.authors == ["Wren Halloway"]
    assert meta.language == "en"
    assert meta.tags == ["Adventure", "Found Family"]
    assert meta.summary == "Two friends cross a river."
    assert meta.url == "https://example.org/stories/42"
    assert meta.published == "2021-05-04"
    assert (meta.series[0].name, meta.series[0].part) == ("River Tales", 2)
    assert meta.source_format == "epub"


def test_epub_generic_without_toc_one_chapter_per_document(make_epub):
    doc = read_file(make_epub([("a.xhtml", CHAPTER_ONE), ("b.xhtml", CHAPTER_TWO)], toc=None))
    assert [c.title for c in doc.chapters] == ["The Ford", "The Far Bank"]
    assert doc.text == ("Mara waded into the cold river.\n\nTobin followed, grumbling about "
                        "his boots.\n\nOn the far bank a fire was burning.\n\nNobody tended it.")
    assert [doc.text[p.start:p.end] for p in doc.paragraphs][-1] == "Nobody tended it."


def test_epub3_nav_document_is_toc_not_text(make_epub):
    path = make_epub([("c1.xhtml", CHAPTER_ONE), ("c2.xhtml", CHAPTER_TWO)], toc="nav",
                     version="3.0", toc_entries=[("First", "c1.xhtml"), ("Second", "c2.xhtml")])
    doc = read_file(path)
    assert [c.title for c in doc.chapters] == ["First", "Second"]
    assert "First" not in doc.text


def test_epub_toc_fragments_split_one_document(make_epub):
    body = ('<h2 id="one">Dawn</h2><p>The birds woke first.</p>'
            '<h2 id="two">Dusk</h2><p>The bats woke last.</p>')
    path = make_epub([("all.xhtml", xhtml(body))],
                     toc_entries=[("Dawn", "all.xhtml#one"), ("Dusk", "all.xhtml#two")])
    doc = read_file(path)
    assert [c.title for c in doc.chapters] == ["Dawn", "Dusk"]
    assert [doc.text[c.start:c.end] for c in doc.chapters] == [
        "The birds woke first.", "The bats woke last."]


def test_epub_split_file_continues_previous_chapter(make_epub):
    part_two = xhtml("<p>Still in the river, Mara laughed.</p>")
    path = make_epub([("c1.xhtml", CHAPTER_ONE), ("c1_split.xhtml", part_two),
                      ("c2.xhtml", CHAPTER_TWO)],
                     toc_entries=[("The Ford", "c1.xhtml"), ("The Far Bank", "c2.xhtml")])
    doc = read_file(path)
    assert len(doc.chapters) == 2
    first = doc.text[doc.chapters[0].start:doc.chapters[0].end]
    assert first.endswith("Still in the river, Mara laughed.")


def test_epub_named_entities_and_bad_xml_still_read(make_epub):
    with_entity = xhtml("<p>Mara&nbsp;waited &mdash; then ran.</p>")
    broken = "<html><body><p>Unclosed paragraph<p>Another one &amp; more</body>"
    doc = read_file(make_epub([("a.xhtml", with_entity), ("b.xhtml", broken)], toc=None))
    assert doc.text.startswith("Mara waited — then ran.")
    assert "Another one & more" in doc.text


def test_epub_linear_no_items_are_left_out(make_epub, tmp_path):
    members = epub_members([("a.xhtml", CHAPTER_ONE), ("notes.xhtml", xhtml("<p>Endnote.</p>"))],
                           toc=None)
    members["OEBPS/content.opf"] = members["OEBPS/content.opf"].replace(
        '<itemref idref="d1"/>', '<itemref idref="d1" linear="no"/>')
    doc = read_file(write_zip(tmp_path / "linear.epub", members))
    assert "Endnote" not in doc.text


def test_epub_control_characters_are_stripped(make_epub):
    doc = read_file(make_epub([("a.xhtml", xhtml("<p>Mara\u0007 ran\u200b home.</p>"))],
                              toc=None))
    assert doc.text == "Mara ran home."


# --- errors -------------------------------------------------------------------------------


def test_epub_truncated_archive_is_corrupt(make_epub, tmp_path):
    data = make_epub([("c1.xhtml", CHAPTER_ONE)]).read_bytes()
    truncated = tmp_path / "truncated.epub"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptInputError, match="truncated or corrupt"):
        read_file(truncated)


def test_epub_damaged_member_is_corrupt(make_epub, tmp_path):
    data = bytearray(make_epub([("c1.xhtml", CHAPTER_ONE * 20)]).read_bytes())
    start = data.find(b"c1.xhtml") + 40  # inside the member's compressed bytes
    data[start:start + 30] = bytes(30)
    damaged = tmp_path / "damaged.epub"
    damaged.write_bytes(bytes(data))
    with pytest.raises(CorruptInputError):
        read_file(damaged)


@pytest.mark.parametrize("content, error, fragment", [
    (b"", EmptyStoryError, "empty"),
    (bytes(range(256)) * 40, CorruptInputError, "not a zip archive"),
    (b"PK\x03\x04garbage", CorruptInputError, "truncated or corrupt"),
])
def test_epub_garbage_gives_clear_errors(write_file, content, error, fragment):
    with pytest.raises(error, match=fragment):
        read_file(write_file("garbage.epub", content))


def test_epub_without_package_is_corrupt(tmp_path):
    path = write_zip(tmp_path / "nopackage.epub", {"readme.txt": "hello"})
    with pytest.raises(CorruptInputError, match="no OPF package"):
        read_file(path)


def test_epub_malformed_package_is_corrupt(make_epub, tmp_path):
    members = epub_members([("c1.xhtml", CHAPTER_ONE)])
    members["OEBPS/content.opf"] = "<package><metadata>"
    with pytest.raises(CorruptInputError, match="not well-formed XML"):
        read_file(write_zip(tmp_path / "badopf.epub", members))


def test_epub_without_text_is_empty(make_epub):
    with pytest.raises(EmptyStoryError, match="no story text"):
        read_file(make_epub([("c1.xhtml", xhtml("<p> </p><hr/>"))], toc=None))


def test_epub_external_entity_in_package_never_resolves(make_epub, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSPHRASE", encoding="utf-8")
    doctype = f'\n<!DOCTYPE package [<!ENTITY leak SYSTEM "file://{secret}">]>'
    path = make_epub([("c1.xhtml", CHAPTER_ONE)], doctype=doctype, title="&leak;")
    with pytest.raises(UnsafeInputError, match="external XML entity 'leak'") as caught:
        read_file(path)
    assert "TOP-SECRET" not in str(caught.value)


def test_epub_external_entity_in_chapter_never_resolves(make_epub, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSPHRASE", encoding="utf-8")
    chapter = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>'
               '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>A &leak; B</p></body></html>')
    with pytest.raises(UnsafeInputError, match="external XML entity"):
        read_file(make_epub([("c1.xhtml", chapter)], toc=None))


def test_epub_zip_bomb_member_is_refused(make_epub, tmp_path):
    members = epub_members([("c1.xhtml", CHAPTER_ONE)])
    members["OEBPS/padding.xhtml"] = b"\0" * (3 * 1024 * 1024)  # compresses > 1000:1
    with pytest.raises(UnsafeInputError, match="zip bomb"):
        read_file(write_zip(tmp_path / "bomb.epub", members))


@pytest.mark.parametrize("member", ["../evil.xhtml", "OEBPS/../../evil.xhtml",
                                    "/etc/evil.xhtml", "C:/evil.xhtml", "..\\evil.xhtml"])
def test_epub_path_traversal_is_refused(tmp_path, member):
    members = epub_members([("c1.xhtml", CHAPTER_ONE)])
    members[member] = xhtml("<p>Evil.</p>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(zipfile.ZipInfo(name), content)
    path = tmp_path / "traversal.epub"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnsafeInputError, match="unsafe path"):
        read_file(path)


def test_epub_resolve_keeps_paths_inside_the_archive():
    assert epub.resolve("OEBPS", "text/c1.xhtml#p3") == ("OEBPS/text/c1.xhtml", "p3")
    assert epub.resolve("OEBPS", "../c%201.xhtml") == ("c 1.xhtml", None)
    assert epub.resolve("OEBPS", "../../etc/passwd") == (None, None)
    assert epub.resolve("", "#only-fragment") == (None, "only-fragment")
