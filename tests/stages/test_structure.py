import pytest

from ficlens.model import Document
from ficlens.stages import structure


def spans(text, items):
    return [text[item.start:item.end] for item in items]


@pytest.mark.parametrize("line, expected", [
    ("Chapter 12", True),
    ("CHAPTER XII.", True),
    ("Chapter One: The Storm", True),
    ("chapter twenty-one", True),
    ("Prologue", True),
    ("Epilogue - After", True),
    ("Part 2", True),
    ("The chapter was long.", False),
    ("Chapter 3 was where it all went wrong and everyone in town knew it, " * 2, False),
    ("Buffy", False),
])
def test_structure_recognises_chapter_headings(line, expected):
    assert structure.is_chapter_heading(line) is expected


@pytest.mark.parametrize("marker", ["***", "* * *", "~~~", "o0o", "oOo", "xxx", "x x x",
                                    "---", "###", "_____", "~*~*~"])
def test_structure_finds_scene_break_markers(marker):
    text = f"One paragraph.\n\n{marker}\n\nAnother paragraph."
    doc = structure.run(Document(text=text))
    assert spans(text, doc.scene_breaks) == [marker]


def test_structure_does_not_take_words_for_scene_breaks():
    text = "Xxx is a name.\n\nSo is Ooo."
    assert structure.run(Document(text=text)).scene_breaks == []


def test_structure_paragraphs_from_blank_lines_keep_wrapped_lines_together():
    text = "First line\nwrapped here.\n\n  Second paragraph.  \n\n\nThird."
    doc = structure.run(Document(text=text))
    assert spans(text, doc.paragraphs) == ["First line\nwrapped here.", "Second paragraph.",
                                           "Third."]


def test_structure_paragraphs_from_single_newlines_when_no_blank_lines():
    text = "One.\nTwo.\nThree."
    assert spans(text, structure.find_paragraphs(text)) == ["One.", "Two.", "Three."]


def test_structure_chapters_from_headings_exclude_the_heading():
    text = "Chapter 1\n\nIt began.\n\nChapter 2: Later\n\nIt ended."
    doc = structure.run(Document(text=text))
    assert [c.title for c in doc.chapters] == ["Chapter 1", "Chapter 2: Later"]
    assert spans(text, doc.chapters) == ["It began.\n\n", "It ended."]


def test_structure_whole_text_is_one_chapter_without_headings():
    text = "Just a story.\n\nWith two paragraphs."
    doc = structure.run(Document(text=text))
    assert len(doc.chapters) == 1 and doc.chapters[0].title is None
    assert (doc.chapters[0].start, doc.chapters[0].end) == (0, len(text))


def test_structure_keeps_a_long_preface_as_its_own_chapter():
    preface = " ".join(["word"] * 60)
    text = f"{preface}\n\nChapter 1\n\nStory."
    doc = structure.run(Document(text=text))
    assert [c.title for c in doc.chapters] == [None, "Chapter 1"]


def test_structure_leaves_reader_chapters_alone():
    from ficlens.model import Chapter
    doc = Document(text="Chapter 9\n\nText.", chapters=[Chapter(0, 16, "From the reader")])
    assert structure.run(doc).chapters[0].title == "From the reader"
