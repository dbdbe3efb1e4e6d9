"""Which quotations of one paragraph are one utterance."""

from __future__ import annotations

import pytest

from ficlens.quotes.grouping import introduces_new_turn


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
