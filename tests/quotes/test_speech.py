"""Speech or mention, letters, stage directions and dash dialogue, one rule at a time."""

from __future__ import annotations

import pytest

from ficlens.model import Paragraph
from ficlens.quotes.asides import is_stage_direction
from ficlens.quotes.dashes import dash_speech_parts, uses_dash_dialogue
from ficlens.quotes.letters import opens_letter
from ficlens.quotes.scanner import RawQuote
from ficlens.quotes.speech import is_mention, reads_like_utterance


def mention(text: str) -> bool:
    mark = text.index('"')
    close = text.index('"', mark + 1)
    return is_mention(text, mark + 1, close, mark, 0)


@pytest.mark.parametrize(("text", "expected"), [
    ('the "new people" whom', True),
    ('a copy of "Sense and Sensibility." there', True),
    ('he cried "Help!" and ran', False),
    ('she said "yes" then', False),
    ('what they called "the girl\'s room," and', True),
    ('Ann, "come here," said Bo', False),
    ('"new people," he said', False),
    ('a mere "I have nothing more to say to you today" was all', False),
])
def test_speech_mentions(text: str, expected: bool) -> None:
    assert mention(text) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("Stop!", True), ("Who is it?", True), ("Good morning, sir.", True),
    ("The Marble Faun", False), ("form", False), ("down town,", False),
])
def test_speech_reads_like_utterance(content: str, expected: bool) -> None:
    assert reads_like_utterance(content) == expected


@pytest.mark.parametrize(("inside", "expected"), [
    ("smiling,", True), ("in a tone of wonder and pity,", True), ("with a sigh", True),
    ("to Mrs. Bates,", True), ("loud cheers", True), ("as you know", False),
    ("nothing shocks me", False), ("between ourselves", False),
])
def test_speech_stage_directions(inside: str, expected: bool) -> None:
    assert is_stage_direction(inside) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    ('"MY DEAR SIR,"', True),
    ('"Dear Smith,--I have received yours."', True),
    ('"My dear," said he.', False),
    ('"My dear Poirot, you are right."', False),
])
def test_speech_letter_openings(paragraph: str, expected: bool) -> None:
    end = paragraph.index('"', 1)
    quote = RawQuote(1, end, 0, end + 1, '"', 0)
    assert opens_letter(paragraph, quote, Paragraph(0, len(paragraph))) == expected


def test_speech_dash_dialogue_parts() -> None:
    text = "\u2014Thanks, old chap, he cried briskly. That will do."
    parts = [text[start:end] for start, end in dash_speech_parts(text, 1, len(text))]
    assert parts == ["Thanks, old chap,", " That will do."]


def test_speech_dash_convention_needs_more_dashes_than_marks() -> None:
    dashes = "\n\n".join(["\u2014Hello, he said."] * 5)
    paragraphs = [Paragraph(i * 18, i * 18 + 16) for i in range(5)]
    assert uses_dash_dialogue(dashes, paragraphs)
    assert not uses_dash_dialogue(dashes, paragraphs[:4])
