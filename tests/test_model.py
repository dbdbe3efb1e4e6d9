import numpy as np

from ficlens.model import Chapter, Document, TokenTable


def test_model_chapter_index_finds_the_chapter_of_an_offset():
    doc = Document(text="a" * 30, chapters=[Chapter(0, 10), Chapter(12, 20), Chapter(22, 30)])
    assert [doc.chapter_index(offset) for offset in (0, 9, 11, 12, 25, 29)] == [0, 0, 0, 1, 2, 2]


def test_model_chapter_index_is_none_without_chapters():
    assert Document(text="abc").chapter_index(1) is None


def test_model_token_table_rows_between_and_index_at():
    table = TokenTable.empty()
    table.start = np.array([0, 4, 9])
    table.end = np.array([3, 8, 12])
    assert list(table.rows_between(4, 12)) == [1, 2]
    assert list(table.rows_between(0, 4)) == [0]
    assert table.index_at(5) == 1
    assert table.index_at(8) == 2


def test_model_warn_records_a_warning():
    doc = Document(text="x")
    doc.warn("odd", "something odd", 0, 1)
    assert doc.warnings[0].code == "odd" and doc.warnings[0].start == 0
