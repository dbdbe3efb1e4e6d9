"""Hand-built parsed documents for the character and coref tests (no spaCy).

:func:`parsed` takes paragraphs, each a string of space-separated tokens. A token is
``text`` or ``text|POS|dep|head`` where ``head`` is a relative offset (``+1``, ``-2``)
or ``.`` for the token itself; extra ``|ent=GPE`` or ``|person`` fields set spaCy's entity
label or the person tag, ``|tag=VBD`` the fine-grained tag (else the POS). Without a POS,
capitalised words are PROPN, he/she/her… PRON, punctuation PUNCT and the rest NOUN. A
``"`` token opens or closes a quote; a sentence starts at a paragraph's first token and
after ``.``, ``!`` or ``?``.
"""

from __future__ import annotations

import numpy as np

from ficlens.model import Document, Paragraph, Quote, TokenTable

PRONOUNS = frozenset("i me my he him his himself she her hers herself it they them".split())
PUNCT = frozenset('.,!?;:"')
NO_SPACE_BEFORE = frozenset(".,!?;:'s")


def _defaults(text: str) -> tuple[str, str]:
    if text in PUNCT:
        return "PUNCT", "punct"
    if text.lower() in PRONOUNS:
        return "PRON", "dep"
    if text[:1].isupper():
        return "PROPN", "dep"
    return "NOUN", "dep"


class _Builder:
    def __init__(self) -> None:
        self.text = ""
        self.rows: list[dict] = []
        self.quotes: list[Quote] = []
        self.paragraphs: list[Paragraph] = []

    def paragraph(self, spec: str) -> None:
        if self.text:
            self.text += "\n\n"
        start = len(self.text)
        open_at: int | None = None
        sentence_start = True
        for index, token in enumerate(spec.split()):
            text, *fields = token.split("|")
            if index and text not in NO_SPACE_BEFORE and not (
                    open_at == len(self.text) or (text == '"' and open_at is not None)):
                self.text += " "
            begin = len(self.text)
            self.text += text
            if text == '"':
                if open_at is None:
                    open_at = len(self.text)
                else:
                    self.quotes.append(Quote(f"q{len(self.quotes)}", open_at, begin))
                    open_at = None
            self.rows.append(self._row(text, fields, begin, sentence_start))
            sentence_start = text in (".", "!", "?") and open_at is None
        if open_at is not None:
            self.quotes.append(Quote(f"q{len(self.quotes)}", open_at, len(self.text)))
        self.paragraphs.append(Paragraph(start, len(self.text)))

    def _row(self, text: str, fields: list[str], begin: int, sentence_start: bool) -> dict:
        pos, dep = _defaults(text)
        head = "."
        plain = [field for field in fields if "=" not in field and field != "person"]
        if plain:
            pos = plain[0]
        if len(plain) > 1:
            dep = plain[1]
        if len(plain) > 2:
            head = plain[2]
        extras = dict(field.split("=", 1) for field in fields if "=" in field)
        row = len(self.rows)
        return {"start": begin, "end": len(self.text),
                "head": row if head == "." else row + int(head),
                "sent": sentence_start, "pos": pos, "dep": dep,
                "ent": "B-" + extras["ent"] if "ent" in extras else "O",
                "person": "person" in fields, "lower": text.lower(),
                "lemma": extras.get("lemma", text.lower()), "tag": extras.get("tag", pos)}

    def document(self) -> Document:
        rows = self.rows
        person = np.zeros(len(rows), dtype=np.int8)
        for index, row in enumerate(rows):
            if row["person"]:
                person[index] = 2 if index and rows[index - 1]["person"] else 1
        tokens = TokenTable(
            start=np.array([r["start"] for r in rows], dtype=np.int64),
            end=np.array([r["end"] for r in rows], dtype=np.int64),
            head=np.array([r["head"] for r in rows], dtype=np.int64),
            sent_start=np.array([r["sent"] for r in rows], dtype=bool),
            person=person, pos=[r["pos"] for r in rows], tag=[r["tag"] for r in rows],
            dep=[r["dep"] for r in rows], ent=[r["ent"] for r in rows],
            lemma=[r["lemma"] for r in rows], lower=[r["lower"] for r in rows])
        return Document(text=self.text, paragraphs=self.paragraphs, tokens=tokens,
                        quotes=self.quotes)


def parsed(*paragraphs: str) -> Document:
    """A document after the parse and quotes stages, built from token specs."""
    builder = _Builder()
    for spec in paragraphs:
        builder.paragraph(spec)
    return builder.document()
