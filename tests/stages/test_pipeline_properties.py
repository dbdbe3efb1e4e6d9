"""Property test of the whole pipeline (characters, coref, attribution, interactions):
any English-looking text in, no exception out, every span valid and inside the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficlens.api import analyze_text
from ficlens.errors import FicLensError

pytestmark = pytest.mark.integration

WORDS = ["said", "Anya", "Buffy", "Dru", "he", "she", "her", "him", "the", "vampire", "and",
         "asked", "Mr.", "Spike", "whispered", "to", "I", "me", "you", "was", "Chapter 1",
         "*", ",", ".", "!", "?", '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\n",
         "\n\n", "--", "Now", "smiled", "Hallie", "Willow", "xxx", "o0o"]
STORIES = st.lists(st.sampled_from(WORDS), min_size=1, max_size=120).map(" ".join)


def check_spans(doc) -> None:
    size = len(doc.text)
    ids = {character.id for character in doc.characters}
    for item in [*doc.mentions, *doc.quotes, *doc.chapters, *doc.paragraphs]:
        assert 0 <= item.start <= item.end <= size
    for mention in doc.mentions:
        assert mention.character is None or mention.character in ids
    for quote in doc.quotes:
        assert quote.speaker is None or quote.speaker in ids
        assert set(quote.addressees) <= ids
        assert 0.0 <= quote.confidence <= 1.0
    for edge in doc.interactions:
        assert edge.source in ids and edge.target in ids and edge.weight > 0


@settings(max_examples=40, deadline=None)
@given(text=STORIES)
def test_pipeline_properties_any_story_gives_valid_spans(text):
    try:
        doc = analyze_text(text)
    except FicLensError:
        return  # empty or not English: refused with a ficlens error, which is correct
    check_spans(doc)
