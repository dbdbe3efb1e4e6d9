"""Tests for person-mention tagging on spaCy docs (the parse stage calls it per block)."""

from __future__ import annotations

import numpy as np
import pytest

from ficlens.stages import persons


def _mentions(doc, tags: np.ndarray) -> list[str]:
    """Text of each tagged mention, from BIO codes."""
    found: list[list[str]] = []
    for token, tag in zip(doc, tags.tolist(), strict=True):
        if tag == persons.BEGIN or (tag == persons.INSIDE and not found):
            found.append([token.text])
        elif tag == persons.INSIDE:
            found[-1].append(token.text)
    return [" ".join(words) for words in found]


@pytest.fixture(scope="module")
def nlp():
    from ficlens.nlp import get_nlp

    return get_nlp()


@pytest.mark.integration
@pytest.mark.parametrize(("text", "names"), [
    ('"Stop it," Buffy said.', ["Buffy"]),
    ("Dru hummed to her dolls while the rain came down.", ["Dru"]),
    ('"Bloody hell," Spike muttered, and kicked the crypt door shut.', ["Spike"]),
    ('"I found it in the third book," Willow whispered.', ["Willow"]),
    ("Buffy walked into the Magic Box, where Anya was counting money.", ["Buffy", "Anya"]),
    ("Mr. Giles polished his glasses again.", ["Mr. Giles"]),
    ("Aunt Mabel sent a card to Tobias on Tuesday.", ["Aunt Mabel", "Tobias"]),
    ('"Go away," Buffy told Spike, and Dawn laughed.', ["Buffy", "Spike", "Dawn"]),
])
def test_persons_tags_names(nlp, text: str, names: list[str]) -> None:
    doc = nlp(text)
    tags = persons.person_tags(doc)
    assert tags.dtype == np.int8 and tags.shape == (len(doc),)
    assert _mentions(doc, tags) == names


@pytest.mark.integration
@pytest.mark.parametrize("text", [
    "The boy walked to the station in the rain.",
    "She said nothing and closed the window.",
])
def test_persons_no_names(nlp, text: str) -> None:
    doc = nlp(text)
    assert not persons.person_tags(doc).any()


def test_persons_fall_back_to_spacy_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=["Then", "Joyce", "Summers", "left", "Sunnydale"],
              ents=["O", "B-PERSON", "I-PERSON", "O", "B-GPE"])
    monkeypatch.setattr(persons, "get_tagger", lambda: None)
    assert persons.person_tags(doc).tolist() == [0, 1, 2, 0, 0]
