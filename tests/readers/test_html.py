"""HTML reader: AO3 downloads (real samples and a hand-made page) and generic pages."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from ficlens.errors import EmptyStoryError, UnsupportedFormatError
from ficlens.readers import read_file

AO3_SAMPLES = ["218676-incompleteWork.html", "23009290-htmlTest.html",
               "334557-workInSeries.html", "serpents-mouth-40ch.html",
               "new-creatures-mixed-quotes.html", "zhan-chinese.html"]


def assert_spans_consistent(doc):
    """Paragraphs trimmed, ordered, inside chapters; breaks at paragraph starts."""
    previous_end = 0
    for paragraph in doc.paragraphs:
        text = doc.text[paragraph.start:paragraph.end]
        assert text and text == text.strip()
        assert paragraph.start >= previous_end
        previous_end = paragraph.end
    starts = {paragraph.start for paragraph in doc.paragraphs}
    for scene_break in doc.scene_breaks:
        assert scene_break.start == scene_break.end and scene_break.start in starts
    for chapter in doc.chapters:
        assert chapter.start in starts and 0 < chapter.end <= len(doc.text)


def ao3_page(chapters: str, preface_extra: str = "") -> str:
    """A small page shaped like an AO3 download (invented work)."""
    return f"""<!DOCTYPE html><html><head><title>Lanterns - quill</title></head><body>
<div id="preface"><p class="message"><b>Lanterns</b><br/>Posted originally on the
<a href="https://archiveofourown.org/">Archive of Our Own</a> at
<a href="https://archiveofourown.org/works/1234">https://archiveofourown.org/works/1234</a>.</p>
<div class="meta"><dl class="tags">
<dt>Rating:</dt><dd><a href="#">General Audiences</a></dd>
<dt>Additional Tags:</dt><dd><a href="#">Fluff</a>, <a href="#">Lanterns</a></dd>
<dt>Language:</dt><dd>English</dd>
<dt>Series:</dt><dd>Part 3 of <a href="#">Lights</a>, Part 1 of <a href="#">Other</a></dd>
<dt>Stats:</dt><dd>Published: 2020-01-02 Completed: 2020-03-04 Words: 99</dd></dl>
<h1>Lanterns</h1><div class="byline">by <a rel="author" href="#">quill</a></div>
<p>Summary</p><blockquote class="userstuff"><p>Lights on a lake.</p></blockquote>
<p>Notes</p><blockquote class="userstuff"><p>WORK NOTE before.</p></blockquote>
{preface_extra}</div></div>
<div id="chapters" class="userstuff">{chapters}</div>
<div id="afterword"><div class="meta"><div id="endnotes"><p>End Notes</p>
<blockquote class="userstuff"><p>WORK NOTE after.</p></blockquote></div></div></div>
</body></html>"""


def ao3_chapter(heading: str, text: str, notes: str = "", end_notes: str = "",
                number: int = 1) -> str:
    meta = f'<div class="meta group"><h2 class="heading">{heading}</h2>'
    if notes:
        meta += (f"<p>Chapter Summary</p><blockquote class='userstuff'><p>SUMMARY {number}"
                 f"</p></blockquote><p>Chapter Notes</p><blockquote class='userstuff'>"
                 f"<p>{notes}</p></blockquote>")
    meta += "</div>"
    end = ""
    if end_notes:
        end = (f'<div class="meta" id="endnotes{number}"><p>Chapter End Notes</p>'
               f'<blockquote class="userstuff"><p>{end_notes}</p></blockquote></div>')
    return f'{meta}<div class="userstuff">{text}</div>{end}'


# --- real AO3 downloads -----------------------------------------------------------------


@pytest.mark.parametrize("name", AO3_SAMPLES)
def test_html_ao3_samples_read_with_consistent_spans(ao3_dir, name):
    doc = read_file(ao3_dir / name)
    assert doc.metadata.source_format == "ao3-html"
    assert doc.metadata.title and doc.metadata.authors
    assert doc.chapters and doc.paragraphs
    assert_spans_consistent(doc)
    assert "Chapter End Notes" not in doc.text and "See the end of the" not in doc.text
    for note in [*doc.metadata.notes, *(n for c in doc.chapters for n in c.notes)]:
        assert note[:60] not in doc.text


def test_html_ao3_metadata(ao3_dir):
    meta = read_file(ao3_dir / "218676-incompleteWork.html").metadata
    assert meta.title == "Fire and Feather"
    assert meta.authors == ["nianeyna"]
    assert meta.rating == "General Audiences"
    assert meta.warnings == ["No Archive Warnings Apply"]
    assert meta.categories == ["Gen"]
    assert meta.fandoms == ["Valdemar Series - Mercedes Lackey"]
    assert meta.characters == ["Original Characters"]
    assert meta.language == "en"
    assert (meta.published, meta.updated) == ("2006-07-09", "2007-06-25")
    assert meta.url == "https://archiveofourown.org/works/218676"
    assert meta.summary.startswith("In a small village")
    assert len(meta.notes) == 2  # the preface's notes and the afterword's end notes


def test_html_ao3_series_tags_and_relationships(ao3_dir):
    meta = read_file(ao3_dir / "334557-workInSeries.html").metadata
    assert [(s.name, s.part) for s in meta.series] == [("Watches 'Verse", 1)]
    assert meta.relationships == ["Sarah Sawyer/John Watson", "Sherlock Holmes/John Watson"]
    assert "Alternate Reality" in meta.tags and "Sherlock (TV)" not in meta.tags


def test_html_ao3_chapters_and_inline_author_notes(ao3_dir):
    doc = read_file(ao3_dir / "218676-incompleteWork.html")
    assert [c.title for c in doc.chapters] == ["Festival", "Riversong K'Vala", "Conversations"]
    first = doc.chapters[0]
    assert doc.text[first.start:first.end].startswith("Run.")
    assert first.notes[0].startswith("A/N:")
    assert doc.chapters[1].notes[0].startswith("Only one more chapter")  # AO3 chapter notes
    assert "A/N" not in doc.text and "review" not in doc.text.lower()
    assert Counter(b.marker for b in doc.scene_breaks) == {"xxx": 3}


def test_html_ao3_br_only_paragraphs_split(ao3_dir):
    doc = read_file(ao3_dir / "334557-workInSeries.html")
    assert len(doc.paragraphs) > 1000
    assert all("\n\n" not in doc.text[p.start:p.end] for p in doc.paragraphs)
    assert doc.text[doc.paragraphs[1].start:doc.paragraphs[1].end] == (
        "A careful observer would be wrong.")
    breaks = [b for b in doc.scene_breaks if b.marker == "blank lines"]
    assert len(breaks) > 100 and breaks[0].start == doc.paragraphs[2].start


def test_html_ao3_large_work_reads_fast(ao3_dir):
    # CPU time, not wall time: the budget is ficlens's work, not the machine's load.
    began = time.process_time()
    doc = read_file(ao3_dir / "serpents-mouth-40ch.html")
    elapsed = time.process_time() - began
    assert len(doc.chapters) == 40
    assert Counter(b.marker for b in doc.scene_breaks)["<hr>"] >= 100
    assert elapsed < 2.0, f"took {elapsed:.2f} s"


def test_html_ao3_chinese_work_reads(ao3_dir):
    doc = read_file(ao3_dir / "zhan-chinese.html")
    assert doc.metadata.language == "zh" and len(doc.chapters) == 13


def test_html_ao3_mixed_quotes_kept(ao3_dir):
    doc = read_file(ao3_dir / "new-creatures-mixed-quotes.html")
    assert len(doc.chapters) == 22 and "“" in doc.text and '"' in doc.text


# --- a hand-made AO3 page -----------------------------------------------------------------


def test_html_ao3_page_structure(write_file):
    chapters = (
        ao3_chapter("Chapter 1: Dusk", "<p>A/N: thanks for reading!</p><p>The lamps lit.</p>"
                    "<p>The wind rose.</p><p>Stars came out.</p><p>***</p><p>Mia ran.</p>"
                    "<hr/><p>Ben hid.</p><p>Please review!</p>",
                    notes="CHAPTER NOTE one", end_notes="END NOTE one", number=1)
        + ao3_chapter("Chapter 2", "<p>Night fell.</p>" + "<p>&nbsp;</p>" * 3 + "<p>Dawn came.</p>"
                      "<p>o0o</p><p>Noon.</p>", number=2))
    doc = read_file(write_file("work.html", ao3_page(chapters)))
    meta = doc.metadata
    assert meta.tags == ["Fluff", "Lanterns"]
    assert [(s.name, s.part) for s in meta.series] == [("Lights", 3), ("Other", 1)]
    assert (meta.published, meta.updated) == ("2020-01-02", "2020-03-04")
    assert meta.notes == ["WORK NOTE before.", "WORK NOTE after."]
    assert [c.title for c in doc.chapters] == ["Dusk", "Chapter 2"]
    assert doc.chapters[0].summary == "SUMMARY 1"
    assert doc.chapters[0].notes == ["CHAPTER NOTE one", "A/N: thanks for reading!",
                                     "Please review!", "END NOTE one"]
    assert doc.text == ("The lamps lit.\n\nThe wind rose.\n\nStars came out.\n\nMia ran.\n\n"
                        "Ben hid.\n\nNight fell.\n\nDawn came.\n\nNoon.")
    # the work marks breaks explicitly, so only a run of blank paragraphs is one
    markers = [(doc.text[b.start:b.start + 4], b.marker) for b in doc.scene_breaks]
    assert markers == [("Mia ", "***"), ("Ben ", "<hr>"), ("Dawn", "blank lines"),
                       ("Noon", "o0o")]
    assert_spans_consistent(doc)


def test_html_ao3_single_chapter_work_takes_the_work_title(write_file):
    chapters = '<h2 class="toc-heading">Lanterns</h2><div class="userstuff"><p>Hi.</p></div>'
    doc = read_file(write_file("one.html", ao3_page(chapters)))
    assert [c.title for c in doc.chapters] == ["Lanterns"]
    assert doc.text == "Hi."


@pytest.mark.parametrize("markup, paragraphs", [
    ("<p>One.<br/><br/>Two.<br/><br/>Three.</p>", ["One.", "Two.", "Three."]),
    ("<p>Roses are red,<br/>violets are blue.</p>", ["Roses are red,\nviolets are blue."]),
    ("<p>" + "<br/>".join(["This line of prose runs on and on for well over seventy "
                           "characters in total."] * 2) + "</p>",
     ["This line of prose runs on and on for well over seventy characters in total."] * 2),
    ("<p>Mara\x01 ran\x0b home.</p>", ["Mara ran home."]),
])
def test_html_ao3_paragraphs_from_line_breaks(write_file, markup, paragraphs):
    doc = read_file(write_file("br.html", ao3_page(ao3_chapter("Chapter 1: A", markup))))
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == paragraphs


# --- generic HTML -------------------------------------------------------------------------


def test_html_generic_page(write_file):
    page = """<html lang="en"><head><title>Letters Home</title><style>p {color: red}</style>
<script>var secret = "SCRIPT TEXT";</script></head><body>
<nav><a href="/">Home</a> | <a href="/more">More</a></nav>
<h1>Letters Home</h1><p>Dear Ada,</p><p>The weather is <i>dreadful</i>.</p>
<div>Yours, Tom</div></body></html>"""
    doc = read_file(write_file("letters.html", page))
    assert doc.metadata.title == "Letters Home"
    assert doc.metadata.source_format == "html" and doc.metadata.language == "en"
    assert doc.text == "Dear Ada,\n\nThe weather is dreadful.\n\nYours, Tom"
    assert doc.chapters == []  # no chapter headings: the structure stage may look for some


def test_html_generic_chapters_from_headings(write_file):
    page = ("<html><body><h1>Two Towns</h1><h2>One</h2><p>Ash was grey.</p>"
            "<h3>Later</h3><p>Still grey.</p><h2>Two</h2><p>Oak was green.</p></body></html>")
    doc = read_file(write_file("towns.html", page))
    assert doc.metadata.title == "Two Towns"
    assert [c.title for c in doc.chapters] == ["One", "Two"]
    assert doc.text == "Ash was grey.\n\nLater\n\nStill grey.\n\nOak was green."


def test_html_generic_meta_charset_cp1252(write_file):
    page = b'<html><head><meta charset="windows-1252"></head><body><p>caf\xe9 \x93hi\x94</p>'
    doc = read_file(write_file("cp.html", page + b"</body></html>"))
    assert doc.text == "café “hi”"


def test_html_plain_text_named_html_is_read_as_text(write_file):
    doc = read_file(write_file("plain.html", "Just words.\n\nMore words."))
    assert doc.text == "Just words.\n\nMore words."
    assert [w.code for w in doc.warnings] == ["format"]


@pytest.mark.parametrize("content, error, fragment", [
    (b"", EmptyStoryError, "the file is empty"),
    (b"  \n ", EmptyStoryError, "the file is empty"),
    (bytes(range(256)) * 40, UnsupportedFormatError, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 30)) * 50, UnsupportedFormatError, "binary"),
    (b"<html><head><title>Nav only</title></head><body><nav>Menu</nav>"
     b"<script>x()</script><p>&nbsp;</p></body></html>", EmptyStoryError, "no story text"),
])
def test_html_errors(write_file, content, error, fragment):
    with pytest.raises(error, match=fragment):
        read_file(write_file("bad.html", content))


def test_html_external_entity_is_not_expanded(write_file, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSPHRASE", encoding="utf-8")
    page = (f'<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>'
            "<html><body><p>Before &leak; after.</p></body></html>")
    doc = read_file(write_file("xxe.html", page))
    assert "TOP-SECRET" not in doc.text and "Before" in doc.text
