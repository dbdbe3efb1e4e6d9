"""Which quotations of one paragraph are one utterance."""

from __future__ import annotations

import re

import pytest

from ficlens.quotes.grouping import introduces_new_turn, tagged_apart


@pytest.mark.parametrize(("between", "expected"), [
    # a second tag sentence naming someone: the later quote is a new turn
    ('," said Anya, folding her arms. After a long pause Xander added, "', True),
    ('," said Anya. Then Giles whispered, "', True),
    ('," Buffy said. Spike laughed. "', True),
    # one speaker's paragraph: tag, gesture, pronoun or no new sentence
    ('?" Willow asked. "', False),
    ('," she said. "', False),
    ('." He turned away. "', False),
    ('," said Anya. She laughed. "', False),
    ('." Then he said: "', False),
    ('," said Dr. Walsh, "', False),
    ('', False),
])
def test_grouping_introduces_new_turn(between: str, expected: bool) -> None:
    assert introduces_new_turn(between) is expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # each quotation has a tag of its own, in sentences of their own
    ('"Quite," said Isabella gravely. "Indeed," said Mrs. Thorpe.', True),
    ('"Quite," said Isabella. "Indeed," Mrs. Thorpe said.', True),
    ('Alice thought to herself, "Odd!" Soon Alice heard the Rabbit say, "Hurry."', True),
    ('"Aha," said Xander. Then she said, "Bye."', True),
    # a second clause of the same sentence hands the word to someone named
    ('"Sorry," said Mrs. Archer; and Janey murmured: "Ah, my dear!"', True),
    ('"All right," called Helen, while Margaret, thoughtful again, said: "Well."', True),
    # the narration ends in "and", and the second quotation has its own tag
    ('"No!" said Charles, and "No, no!" cried Louisa.', True),
    ('"Over there," said Mr. Bunting. And "Shut the door," said Mr. Cuss.', True),
    ('Xander said, "Stop." "Bye," said Anya.', True),
    ('\u201cHi,\u201d said Xander. \u201cYes.\u201d Alice thought, \u201cOdd!\u201d Soon Alice '
     'heard Xander say, \u201cHurry.\u201d', True),
    # one turn: a tag split by the quote, a gesture, or a second quote without a tag
    ('"Now," she said, "go."', False),
    ('"No," said Anne, and added, "I will not."', False),
    ('"No," she said; and then, after a pause: "I will not."', False),
    ('"Stop it!" Anya cried, "now!"', False),
    ('"Stop it!" Anya cried loudly. "Now."', False),
    ('"Yes," she said. "I know."', False),
    ('"Yes." She laughed. "I know," and went on.', False),
])
def test_grouping_tagged_apart(paragraph: str, expected: bool) -> None:
    spans = [match.span(1) for match in re.finditer(
        '["\u201c]([^"\u201c\u201d]*)["\u201d]', paragraph)]
    first, second = spans[-2:]  # the last two quotations
    assert tagged_apart(paragraph, first, second) is expected
