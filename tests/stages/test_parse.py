import pytest

from ficlens.model import Document
from ficlens.stages import parse, structure


def lengths(batch):
    return [end - start for start, end in batch]


def spans_of(sizes):
    spans, start = [], 0
    for size in sizes:
        spans.append((start, start + size))
        start += size + 2
    return spans


@pytest.mark.parametrize("sizes, max_blocks, max_chars, expected", [
    ([10] * 5, 2, 100, [[10, 10], [10, 10], [10]]),
    ([10] * 5, 64, 25, [[10, 10], [10, 10], [10]]),
    ([30, 5, 5, 30], 64, 40, [[30, 5, 5], [30]]),
    ([50, 10], 64, 40, [[50], [10]]),
    ([10, 50, 10], 64, 40, [[10], [50], [10]]),
    ([], 64, 40, []),
])
def test_parse_batches_are_bounded_in_blocks_and_characters(sizes, max_blocks, max_chars,
                                                            expected):
    batches = list(parse.batches(spans_of(sizes), max_blocks, max_chars))
    assert [lengths(batch) for batch in batches] == expected


def test_parse_batches_keep_every_span_in_order():
    spans = spans_of([7, 300, 12, 45, 45, 45, 2, 80] * 20)
    batches = list(parse.batches(spans, max_blocks=5, max_chars=100))
    assert [span for batch in batches for span in batch] == spans


def test_parse_batches_of_long_paragraphs_stay_under_the_character_budget():
    """The case behind the 1.2 GB parse peak: a novel of few, long paragraphs."""
    doc = structure.run(Document(text=("A sentence of the narration. " * 900 + "\n\n") * 100))
    batches = list(parse.batches(parse.blocks(doc)))
    assert max(sum(lengths(batch)) for batch in batches) <= parse.MAX_BATCH_CHARS
    assert all(len(batch) <= parse.BATCH_SIZE for batch in batches)
