"""Tests for reading LitBank and the proper-name gold definition (invented snippets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.ner import litbank
from ficlens.ner.litbank import align_tokens, name_span, outermost, per_spans, sentence_initial


def _span(text: str, phrase: str, counts: dict[str, list[int]] | None = None) -> str | None:
    """Run name_span on ``phrase`` (whitespace-tokenised) found inside ``text``."""
    start = text.index(phrase)
    words, offsets, position = [], [], start
    for word in phrase.split():
        found = text.index(word, position)
        words.append(word)
        offsets.append((found, found + len(word)))
        position = found + len(word)
    kept = name_span(words, offsets, text, counts or {})
    return None if kept is None else text[kept[0]:kept[1]]


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Then Buffy Summers left .", "Buffy Summers", "Buffy Summers"),
    ("They met Mr. Giles there .", "Mr. Giles", "Mr. Giles"),
    ("They met Mr. Long there .", "Mr. Long", "Mr. Long"),        # title, not a sentence end
    ("They met Mr. there .", "Mr.", None),                          # a bare title
    ("They saw the boy there .", "the boy", None),
    ("She loved my little Dawn dearly .", "my little Dawn", "Dawn"),
    ("We saw the grumpy Mr. Snyder , the principal .", "the grumpy Mr. Snyder , the principal",
     "Mr. Snyder"),
    ("It was old Anya again .", "old Anya", "Anya"),
    ("Faith , a slayer from Boston , came .", "Faith , a slayer from Boston", "Faith"),
    ("They praised God loudly .", "God", None),
    ("Ask Nobody then .", "Nobody", None),
    ("He met Ludwig van Beethoven .", "Ludwig van Beethoven", "Ludwig van Beethoven"),
    ("He met Captain Jack Carter of Virginia .", "Captain Jack Carter of Virginia",
     "Captain Jack Carter"),
    ("He met the Earl of Moreland .", "Earl of Moreland", "Earl of Moreland"),
])
def test_litbank_name_span_rules(text: str, phrase: str, expected: str | None) -> None:
    assert _span(text, phrase) == expected


def test_litbank_sentence_initial_word_needs_capital_habit() -> None:
    text = "Women came . Spike came ."
    often_lower = {"women": [0, 9], "spike": [5, 1]}
    assert _span(text, "Women", often_lower) is None
    assert _span(text, "Spike", often_lower) == "Spike"


def test_litbank_plural_of_known_word_is_not_a_name() -> None:
    text = "Then Vampires came ."
    assert _span(text, "Vampires", {"vampire": [0, 3]}) is None


@pytest.mark.parametrize(("text", "offset", "expected"), [
    ("Buffy ran", 0, True),
    ("It ended. Buffy ran", 10, True),
    ('He said, "Buffy ran', 10, False),
    ("Mr. Giles", 4, False),
    ("Joyce A. Summers", 9, False),
    ("one\n\nBuffy", 5, True),
    ("and Buffy", 4, False),
])
def test_litbank_sentence_initial(text: str, offset: int, expected: bool) -> None:
    assert sentence_initial(text, offset) is expected


def test_litbank_align_tokens_loose_quotes() -> None:
    text = "\u201cHi,\u201d  said\nDawn."
    assert align_tokens(['"', "Hi", ",", '"', "said", "Dawn", "."], text) == [
        (0, 1), (1, 3), (3, 4), (4, 5), (7, 11), (12, 16), (16, 17)]


def test_litbank_align_tokens_missing_token_raises() -> None:
    with pytest.raises(ValueError, match="not found"):
        align_tokens(["Spike"], "Buffy")


def test_litbank_per_spans_reads_every_layer() -> None:
    layers = [["B-PER", "O", "O", "B-GPE"], ["B-PER", "I-PER", "I-PER", "O"]]
    assert per_spans(layers) == {(0, 1), (0, 3)}


def test_litbank_outermost_drops_nested() -> None:
    assert outermost([(0, 3), (0, 9), (4, 9), (12, 15)]) == [(0, 9), (12, 15)]


def test_litbank_split_every_tenth_file_is_test() -> None:
    files = [Path(f"{index:03d}.tsv") for index in range(100)]
    train, test = litbank.train_test_split(files)
    fit, dev = litbank.dev_split(files)
    assert len(train) == 90 and len(test) == 10
    assert test[0].name == "009.tsv"
    assert (len(fit), len(dev)) == (80, 10)
    assert dev[0].name == "004.tsv"
    assert not set(dev) & set(test) and not set(fit) & set(test)


def test_litbank_real_book_aligns(litbank_dir: Path) -> None:
    path = litbank.book_files(litbank_dir)[0]
    book = litbank.load_book(path)
    assert book.gold
    for start, end in book.gold:
        assert book.text[start:end][:1].isupper()
