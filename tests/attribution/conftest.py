"""Hand-built parsed documents for attribution tests (no spaCy), as fixtures.

A story is a list of paragraphs; a paragraph is a list of tokens written as
``"word/POS/dep/head"`` where ``head`` is the index of the head token inside the
paragraph (``-`` for the root) and the lemma is the lower-cased word, or
``"word/POS/dep/head/lemma"``. A token ``"`` opens or closes a quote. Words listed in
``names`` are name mentions of that character; ``he``/``she`` tokens may be resolved
with ``pronouns`` (token text -> character id, for every occurrence).
"""

from __future__ import annotations

import numpy as np
import pytest

from ficlens.model import Character, Document, Mention, Paragraph, Quote, TokenTable

NO_SPACE_BEFORE = {",", ".", "!", "?", ":", ";"}


def story(paragraphs: list[list[str]], names: dict[str, str],
          pronouns: dict[str, str] | None = None,
          genders: dict[str, str] | None = None) -> Document:
    text = ""
    columns: dict[str, list] = {k: [] for k in (
        "start", "end", "head", "sent", "pos", "tag", "dep", "lemma", "lower")}
    spans: list[Paragraph] = []
    quotes: list[Quote] = []
    mentions: list[Mention] = []
    for paragraph in paragraphs:
        if text:
            text += "\n\n"
        paragraph_start = len(text)
        first_row = len(columns["start"])
        open_at = None
        previous = None
        for index, written in enumerate(paragraph):
            word, pos, dep, head, *rest = written.split("/")
            lemma = rest[0] if rest else word.lower()
            glue = (index > 0 and word not in NO_SPACE_BEFORE
                    and not (previous == '"' and open_at is not None and open_at == len(text))
                    and not (word == '"' and open_at is not None))
            if glue:
                text += " "
            start = len(text)
            text += word
            if word == '"':
                if open_at is None:
                    open_at = len(text)
                else:
                    quotes.append(Quote(f"q{len(quotes)}", open_at, start))
                    open_at = None
            if word in names:
                mentions.append(Mention(start, len(text), "name", names[word]))
            elif pronouns and word in pronouns:
                mentions.append(Mention(start, len(text), "pronoun", pronouns[word]))
            columns["start"].append(start)
            columns["end"].append(len(text))
            row = len(columns["head"])
            columns["head"].append(first_row + int(head) if head != "-" else row)
            columns["sent"].append(index == 0)
            columns["pos"].append(pos)
            columns["tag"].append(pos)
            columns["dep"].append(dep)
            columns["lemma"].append(lemma)
            columns["lower"].append(word.lower())
            previous = word
        if open_at is not None:  # left open: runs to the paragraph's end
            quotes.append(Quote(f"q{len(quotes)}", open_at, len(text)))
        spans.append(Paragraph(paragraph_start, len(text)))
    tokens = TokenTable(
        start=np.array(columns["start"], dtype=np.int64),
        end=np.array(columns["end"], dtype=np.int64),
        head=np.array(columns["head"], dtype=np.int64),
        sent_start=np.array(columns["sent"], dtype=bool),
        person=np.zeros(len(columns["start"]), dtype=np.int8),
        pos=columns["pos"], tag=columns["tag"], dep=columns["dep"],
        ent=["O"] * len(columns["start"]), lemma=columns["lemma"], lower=columns["lower"])
    characters = [Character(cid, name, [name], (genders or {}).get(cid))
                  for name, cid in dict(sorted(names.items())).items()]
    return Document(text=text, paragraphs=spans, tokens=tokens, characters=characters,
                    mentions=sorted(mentions, key=lambda m: m.start), quotes=quotes)


def said(speaker: str, verb: str = "said", lemma: str = "say") -> list[str]:
    """Tokens of a quote followed by '<verb> <speaker>.' — quote words 1..3."""
    return ['"/PUNCT/punct/5', "Hello/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
            f"{speaker}/PROPN/nsubj/5", f"{verb}/VERB/ROOT/-/{lemma}", "./PUNCT/punct/5"]


def untagged(*words: str) -> list[str]:
    """A paragraph that is only a quote (each word an interjection under the first)."""
    body = [f"{w}/INTJ/{'ROOT' if i == 0 else 'dep'}/{'-' if i == 0 else 1}"
            for i, w in enumerate(words)]
    return ['"/PUNCT/punct/1', *body, "./PUNCT/punct/1", '"/PUNCT/punct/1']


class Docs:
    """The builders above, handed to tests as one fixture."""

    story = staticmethod(story)
    said = staticmethod(said)
    untagged = staticmethod(untagged)


@pytest.fixture
def docs() -> Docs:
    return Docs()
