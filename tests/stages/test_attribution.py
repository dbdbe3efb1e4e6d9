"""Attribution stage: the quote fields it fills, on hand-built documents and on the
seed chapters (a shapeshifter speaks in others' voices, so where the text names no
one ficlens must not be confident)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ficlens.model import Character, Document, Mention, Paragraph, Quote, TokenTable
from ficlens.stages import attribution


def tagged_document() -> Document:
    """'"Hi," said Ann.' built by hand: one quote, one speech tag, one name mention."""
    text = '"Hi," said Ann.'
    words = [('"', 0, "PUNCT", "punct", 4), ("Hi", 1, "INTJ", "intj", 4),
             (",", 3, "PUNCT", "punct", 4), ('"', 4, "PUNCT", "punct", 4),
             ("said", 6, "VERB", "ROOT", 4), ("Ann", 11, "PROPN", "nsubj", 4),
             (".", 14, "PUNCT", "punct", 4)]
    tokens = TokenTable(
        start=np.array([w[1] for w in words]), end=np.array([w[1] + len(w[0]) for w in words]),
        head=np.array([w[4] for w in words]), sent_start=np.array([i == 0 for i in range(7)]),
        person=np.zeros(7, dtype=np.int8), pos=[w[2] for w in words],
        tag=[w[2] for w in words], dep=[w[3] for w in words], ent=["O"] * 7,
        lemma=["\"", "hi", ",", "\"", "say", "ann", "."], lower=[w[0].lower() for w in words])
    return Document(text=text, paragraphs=[Paragraph(0, len(text))], tokens=tokens,
                    characters=[Character("c0", "Ann", ["Ann"])],
                    mentions=[Mention(11, 14, "name", "c0")], quotes=[Quote("q0", 1, 4)])


def test_attribution_fills_every_field():
    doc = attribution.run(tagged_document())
    (quote,) = doc.quotes
    assert (quote.speaker, quote.type) == ("c0", "explicit")
    assert 0.9 <= quote.confidence <= 1.0
    assert quote.addressees == []


def test_attribution_without_quotes_or_tokens_is_harmless():
    empty = attribution.run(Document(text="No dialogue here."))
    assert empty.quotes == []
    doc = tagged_document()
    doc.tokens = None
    (quote,) = attribution.run(doc).quotes
    assert quote.confidence < 0.9


SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    """The seed chapters analysed once, by file name prefix ("000", "004")."""
    if not SEEDS.is_dir():
        pytest.skip("needs ../shared/samples/seeds (reference data beside the repository)")
    from ficlens.api import analyze_path

    return {path.name[:3]: next(iter(analyze_path(path)))
            for path in sorted(SEEDS.glob("*.txt"))}


def _speaker(doc: Document, quote: Quote) -> str | None:
    return {c.id: c.name for c in doc.characters}.get(quote.speaker)


def _tagged(doc: Document, name: str, verb: str) -> list[Quote]:
    """Quotes followed at once by the tag '<verb> <name>' or '<name> <verb>'."""
    found = []
    for quote in doc.quotes:
        words = [w.strip(",.!?\"\u201d") for w in doc.text[quote.end:quote.end + 40].split()]
        words = [w for w in words if w]
        if {name, verb} <= set(words[:2]):
            found.append(quote)
    return found


def _paragraph_mates(doc: Document, quote: Quote) -> list[Quote]:
    paragraph = next(p for p in doc.paragraphs if p.start <= quote.start < p.end)
    return [q for q in doc.quotes if paragraph.start <= q.start < paragraph.end]


@pytest.mark.integration
@pytest.mark.parametrize(("seed", "name", "verb"), [
    ("000", "Anya", "scolded"),
    ("004", "Spike", "said"), ("004", "Spike", "replied"), ("004", "Spike", "murmured"),
    ("004", "Glory", "continued"), ("004", "Glory", "exclaimed"),
])
def test_attribution_seed_name_tags_are_confident(seeds, seed, name, verb):
    doc = seeds[seed]
    quotes = _tagged(doc, name, verb)
    assert quotes, f"no quote tagged '{verb} {name}'"
    for quote in quotes:
        for mate in _paragraph_mates(doc, quote):  # split quotes share the speaker
            assert _speaker(doc, mate) == name
            assert mate.confidence >= 0.9
            assert mate.type == "explicit"


@pytest.mark.integration
def test_attribution_seed_vocative_is_the_addressee(seeds):
    doc = seeds["000"]
    (quote,) = _tagged(doc, "Anya", "scolded")
    buffy = next(c.id for c in doc.characters if c.name == "Buffy")
    assert buffy in quote.addressees and quote.speaker != buffy
    # A quote that is nothing but a name and a comma is said *to* that person.
    doc = seeds["004"]
    (hail,) = [q for q in doc.quotes if doc.text[q.start:q.end].rstrip(",") == "Buffy"]
    assert _speaker(doc, hail) == "Spike"


@pytest.mark.integration
@pytest.mark.parametrize("seed", ["000", "004"])
def test_attribution_seed_no_confidence_without_a_name(seeds, seed):
    """A confident speaker is named in the narration of the quote's own paragraph; in
    these chapters voices are heard from people the text does not (yet) name."""
    doc = seeds[seed]
    confident = [q for q in doc.quotes if q.confidence >= 0.9]
    assert confident
    for quote in confident:
        paragraph = next(p for p in doc.paragraphs if p.start <= quote.start < p.end)
        narration = "".join(doc.text[a:b] for a, b in _narration(doc, paragraph, quote))
        assert _speaker(doc, quote) in narration
    unnamed = [q for q in doc.quotes if not _names_near(doc, q)]
    assert unnamed, "expected quotes whose paragraph names nobody"
    assert all(q.confidence < 0.9 for q in unnamed)


def _narration(doc: Document, paragraph, quote: Quote) -> list[tuple[int, int]]:
    spans, position = [], paragraph.start
    for mate in sorted(_paragraph_mates(doc, quote), key=lambda q: q.start):
        spans.append((position, mate.start))
        position = mate.end
    spans.append((position, paragraph.end))
    return spans


def _names_near(doc: Document, quote: Quote) -> bool:
    paragraph = next(p for p in doc.paragraphs if p.start <= quote.start < p.end)
    narration = "".join(doc.text[a:b] for a, b in _narration(doc, paragraph, quote))
    return any(alias in narration for c in doc.characters for alias in {c.name, *c.aliases})


@pytest.mark.integration
def test_attribution_two_tagged_speakers_in_one_paragraph():
    from ficlens.api import analyze_text

    text = ('Anya and Xander stood in the shop.\n\n'
            '"We should close early," said Anya, counting the till. After a long pause '
            'Xander added, "Or we could stay open all night."\n')
    doc = analyze_text(text)
    names = {c.id: c.name for c in doc.characters}
    spoken = [(doc.text[q.start:q.end], names.get(q.speaker)) for q in doc.quotes]
    assert [speaker for _, speaker in spoken] == ["Anya", "Xander"], spoken
