"""Quotation stage: marks, apostrophes, nesting, grouping, recovery, on hand-written texts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficlens.model import Document, Quote
from ficlens.quotes.marks import DOUBLE, SINGLE, primary_kind
from ficlens.readers import read_file
from ficlens.stages import quotes, structure


def analysed(text: str) -> Document:
    return quotes.run(structure.run(Document(text=text)))


def top_level(doc: Document) -> list[str]:
    return [doc.text[q.start:q.end] for q in doc.quotes if q.nested_in is None]


def nested(doc: Document) -> list[str]:
    return [doc.text[q.start:q.end] for q in doc.quotes if q.nested_in is not None]


# A single-quote work needs a few single-quoted speeches so that the convention is clear.
SINGLE_WORK = "'Morning,' said Ann. 'Tea?' 'Please,' said Bo.\n\n"

MARK_CASES = [
    ('"Hello," she said.', ["Hello,"]),
    ("\u201cHello,\u201d she said. \u201cCome in.\u201d", ["Hello,", "Come in."]),
    ("\u2018Hello,\u2019 she said. \u2018Come in.\u2019", ["Hello,", "Come in."]),
    ("'Hello,' she said. 'Come in.'", ["Hello,", "Come in."]),
    ("\u00abBonjour,\u00bb dit-il. \u00abEntrez.\u00bb", ["Bonjour,", "Entrez."]),
    ('"Spaces inside, "  he said.', ["Spaces inside,"]),
    ('No quotes at all here.', []),
    ('""', []),
    # mixed straight and curly marks in one work
    ('\u201cHello," he said. "Bye.\u201d', ["Hello,", "Bye."]),
    ('"Hello,\u201d he said. \u201cBye."', ["Hello,", "Bye."]),
    # curly marks typed the wrong way round
    ('\u201dHello,\u201d he said.', ["Hello,"]),
]


@pytest.mark.parametrize(("text", "expected"), MARK_CASES)
def test_quotes_marks(text: str, expected: list[str]) -> None:
    assert top_level(analysed(text)) == expected


APOSTROPHE_CASES = [
    ("'Give 'em here,' he said.", "Give 'em here,"),
    ("'I came 'cause you asked,' she said.", "I came 'cause you asked,"),
    ("'It's five o'clock,' he said.", "It's five o'clock,"),
    ("'I love rock 'n' roll,' she said.", "I love rock 'n' roll,"),
    ("'Fill the dogs' bowls,' she said.", "Fill the dogs' bowls,"),
    ("'The dogs' bowls are empty' she said.", "The dogs' bowls are empty"),
    ("''S all bloody ashes,' he said.", "'S all bloody ashes,"),
    ("'Back in the '90s it was fine,' she said.", "Back in the '90s it was fine,"),
    ("'Y'know what I mean,' he said.", "Y'know what I mean,"),
    ("'Yes, ma'am,' he said.", "Yes, ma'am,"),
    ("'I'm goin' home, an' then I'll rest,' he said.", "I'm goin' home, an' then I'll rest,"),
    ("'Tell 'im I'm out,' she said.", "Tell 'im I'm out,"),
    ("'You 're late, I 'll wait,' she said.", "You 're late, I 'll wait,"),
    ("\u2018Give \u2019em here,\u2019 he said.", "Give \u2019em here,"),
    ("\u2018It\u2019s the \u201990s,\u2019 he said.", "It\u2019s the \u201990s,"),
]


@pytest.mark.parametrize(("text", "expected"), APOSTROPHE_CASES)
def test_quotes_apostrophes_in_single_quote_work(text: str, expected: str) -> None:
    doc = analysed(SINGLE_WORK + text)
    assert top_level(doc)[-1] == expected
    assert not doc.warnings


@pytest.mark.parametrize("text", [
    "The dogs' bowls were empty. \"Feed them 'em,\" she said.",
    "\"'S all bloody ashes,\" he said, at five o'clock.",
    "\"Rock 'n' roll in the '90s, y'know, ma'am,\" he said.",
    "\"I'm goin' home,\" he said.",
])
def test_quotes_apostrophes_in_double_quote_work(text: str) -> None:
    doc = analysed(text)
    assert len(top_level(doc)) == 1
    assert nested(doc) == []
    assert not doc.warnings


def test_quotes_convention_per_work() -> None:
    assert primary_kind(SINGLE_WORK + "'Yes,' she said, 'the dogs' bowls.'") == SINGLE
    assert primary_kind('"Yes," she said, "don\'t give \'em the \'90s."') == DOUBLE


def test_quotes_multi_paragraph_parts_share_a_group() -> None:
    doc = analysed('"The first part of a long speech.\n\n"And the second part," she said.')
    assert top_level(doc) == ["The first part of a long speech.", "And the second part,"]
    assert doc.quotes[0].group is not None
    assert doc.quotes[0].group == doc.quotes[1].group
    assert not doc.warnings


SPLIT_CASES = [
    ('"Now Buffy," Anya scolded, "that wasn\'t nice."', True),
    ('"Stop," she said. "Don\'t move."', True),
    ('"The candle!" said Mr. Bunting. "Who lit it?"', True),
    ('"Who won?" she asked, and he answered, "Nobody."', False),
    # each part has a tag of its own: two turns, not one split quotation
    ('"Quite," said Isabella. "Indeed," said Mrs. Thorpe.', False),
    ('"Yes." He turned to the window and watched the rain for a while. It did not stop. '
     '"No."', False),
]


@pytest.mark.parametrize(("text", "same_group"), SPLIT_CASES)
def test_quotes_split_quotation_grouping(text: str, same_group: bool) -> None:
    doc = analysed(text)
    assert len(doc.quotes) == 2
    first, second = doc.quotes
    assert (first.group is not None and first.group == second.group) == same_group


def test_quotes_paragraphs_do_not_share_groups() -> None:
    doc = analysed('"Hi," said Ann.\n\n"Hello," said Bo.')
    assert [quote.group for quote in doc.quotes] == [None, None]


NESTED_CASES = [
    ('"He told me \'never\' twice," she said.', "He told me 'never' twice,", ["never"]),
    ("\"He said \u2018go\u2019 to me,\" she said.", "He said \u2018go\u2019 to me,", ["go"]),
    (SINGLE_WORK + "'He said \"go\" to me,' she said.", 'He said "go" to me,', ["go"]),
    ('"He said "go away" to me," she said.', 'He said "go away" to me,', ["go away"]),
]


@pytest.mark.parametrize(("text", "outer", "inner"), NESTED_CASES)
def test_quotes_nested(text: str, outer: str, inner: list[str]) -> None:
    doc = analysed(text)
    assert top_level(doc)[-1] == outer
    assert nested(doc) == inner
    outer_quote = [q for q in doc.quotes if q.nested_in is None][-1]
    inner_quote = [q for q in doc.quotes if q.nested_in is not None][0]
    assert inner_quote.nested_in == outer_quote.id
    assert outer_quote.start <= inner_quote.start < inner_quote.end <= outer_quote.end


UNBALANCED_CASES = [
    ('"Hello, she said.\n\nThe end of the chapter.', ["Hello, she said."]),
    ('"Hi, he said. "How are you?"', ["Hi, he said.", "How are you?"]),
    ('Hello," he said.\n\n"Bye."', ["Hello,", "Bye."]),
    ('"Hello," he said, "and goodbye.\n\nNarration goes on here.\n\n"Next," she said.',
     ["Hello,", "and goodbye.", "Next,"]),
]


@pytest.mark.parametrize(("text", "expected"), UNBALANCED_CASES)
def test_quotes_unbalanced_recovers_at_paragraph(text: str, expected: list[str]) -> None:
    doc = analysed(text)
    assert top_level(doc) == expected
    assert [w.code for w in doc.warnings] == ["unbalanced_quote"]
    warning = doc.warnings[0]
    assert warning.start is not None and warning.end is not None
    assert 0 <= warning.start < warning.end <= len(text)


MENTION_CASES = [
    ('They called them the "new people" in town.', []),
    ('He had read "The Marble Faun" twice.', []),
    ('He shouted "Stop thief!" at them.', ["Stop thief!"]),
    ('She said "yes" at once.', ["yes"]),
    ('"new people," he said.', ["new people,"]),
]


@pytest.mark.parametrize(("text", "expected"), MENTION_CASES)
def test_quotes_mentions_are_not_speech(text: str, expected: list[str]) -> None:
    assert top_level(analysed(text)) == expected


def test_quotes_stage_directions_split_speech() -> None:
    doc = analysed('"Indeed! (in a tone of wonder) I had no idea. (smiling,) Really."')
    assert top_level(doc) == ["Indeed!", "I had no idea.", "Really."]
    assert len({quote.group for quote in doc.quotes}) == 1
    aside = analysed('"I went (as you know) to town."')
    assert top_level(aside) == ["I went (as you know) to town."]


def test_quotes_dash_dialogue() -> None:
    lines = ["\u2014Come up, Kinch! he said. Come up, you fearful jesuit!",
             "\u2014Back to barracks! he said sternly.",
             "He looked down.",
             "\u2014Thanks, old chap, he cried briskly. That will do.",
             "\u2014Yes.", "\u2014No.", "\u2014Why not?"]
    doc = analysed("\n\n".join(lines))
    assert top_level(doc) == ["Come up, Kinch!", "Come up, you fearful jesuit!",
                              "Back to barracks!", "Thanks, old chap,", "That will do.",
                              "Yes.", "No.", "Why not?"]
    assert doc.quotes[0].group == doc.quotes[1].group


def test_quotes_ids_and_groups_in_text_order() -> None:
    doc = analysed('"A," said X, "b."\n\n"C \'x\' e."\n\n"F," said Y, "g."')
    assert [quote.id for quote in doc.quotes] == [f"q{i}" for i in range(len(doc.quotes))]
    assert [quote.start for quote in doc.quotes] == sorted(quote.start for quote in doc.quotes)
    assert [q.group for q in doc.quotes if q.group] == ["g0", "g0", "g1", "g1"]
    assert [q.nested_in for q in doc.quotes] == [None, None, None, "q2", None, None]


def test_quotes_span_excludes_marks_and_spaces() -> None:
    doc = analysed('He said, "  spaced out  " and left.')
    quote = doc.quotes[0]
    assert doc.text[quote.start:quote.end] == "spaced out"
    assert quote.open_mark == '"'


def test_quotes_large_text_is_fast() -> None:
    import time

    paragraph = ('"Well, I don\'t know," said Ann, "if the dogs\' bowls are full." '
                 "She looked at the '90s clock. \"It's late.\"\n\n")
    text = paragraph * (1_000_000 // len(paragraph))
    began = time.process_time()     # CPU time: the machine is shared
    doc = analysed(text)
    assert time.process_time() - began < 3.0
    assert len(doc.quotes) == 3 * (1_000_000 // len(paragraph))


QUOTE_HEAVY = st.lists(st.sampled_from(list(
    "ab s.,!?-\n()'\"\u201c\u201d\u2018\u2019\u00ab\u00bb\u2014")
    + ["'em", "o'c", "\n\n", "--", "(smiling)", " said he, "]), max_size=150).map("".join)


def _check_invariants(doc: Document) -> None:
    by_id: dict[str, Quote] = {quote.id: quote for quote in doc.quotes}
    top = sorted((q for q in doc.quotes if q.nested_in is None), key=lambda q: q.start)
    for quote in doc.quotes:
        assert 0 <= quote.start < quote.end <= len(doc.text)
        if quote.nested_in is not None:
            outer = by_id[quote.nested_in]
            assert outer.start <= quote.start and quote.end <= outer.end
    for first, second in zip(top, top[1:], strict=False):
        assert first.end <= second.start


@settings(max_examples=300, deadline=None)
@given(QUOTE_HEAVY)
def test_quotes_property_any_text(text: str) -> None:
    _check_invariants(analysed(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_quotes_property_any_unicode(text: str) -> None:
    _check_invariants(analysed(text))


def test_quotes_samples_never_crash(samples_dir) -> None:
    paths = sorted(path for path in samples_dir.rglob("*")
                   if path.suffix in (".txt", ".html", ".epub"))
    assert paths
    for path in paths:
        try:
            doc = read_file(path)
        except Exception as error:  # noqa: BLE001 - the readers are not under test here
            pytest.skip(f"reader cannot read {path.name} yet: {error}")
        doc = analysed_doc(doc)
        _check_invariants(doc)


def analysed_doc(doc: Document) -> Document:
    return quotes.run(structure.run(doc))


@pytest.mark.slow
def test_quotes_litbank_originals_never_crash(litbank_dir) -> None:
    from ficlens.readers.text import decode, normalise_newlines

    for path in sorted((litbank_dir / "original").glob("*.txt")):
        text, _ = decode(path.read_bytes(), path.name)
        doc = analysed(normalise_newlines(text))
        _check_invariants(doc)
        unbalanced = [w for w in doc.warnings if w.code == "unbalanced_quote"]
        assert all(w.start is not None for w in unbalanced)
