"""LitBank quotation and coreference gold, as character offsets into the original text.

``quotations/tsv/<book>_brat.txt`` holds the excerpt's tokens, one sentence a line;
``<book>_brat.ann`` has ``QUOTE id s1 t1 s2 t2 text`` rows (sentence and token
indices, the end token included) and ``ATTRIB id Speaker_Name-<number>`` rows. The
numbers do not reliably match the entities of ``coref/conll``, so a speaker is known
by the *name* in its label ("Mrs_Bennet" -> "Mrs Bennet"), and ficlens's characters
are matched to it by the words of their names. Tokens are aligned to
``original/<book>.txt`` (see :mod:`ficlens.ner.litbank`) so the pipeline reads the
real text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ficlens.ner.litbank import align_tokens


@dataclass
class LitBankQuote:
    start: int
    end: int
    speaker: str  # the speaker's label name, lower case


@dataclass
class LitBankBook:
    name: str
    text: str
    quotes: list[LitBankQuote]
    #: lower-case label -> the label as written ("the white rabbit" -> "The White Rabbit").
    names: dict[str, str] = field(default_factory=dict)


def book_names(root: Path) -> list[str]:
    folder = Path(root) / "quotations" / "tsv"
    names = sorted(path.name.removesuffix("_brat.ann") for path in folder.glob("*_brat.ann"))
    if not names:
        raise FileNotFoundError(f"no LitBank quotation files under {folder}")
    return names


def load_book(root: Path, name: str) -> LitBankBook:
    root = Path(root)
    folder = root / "quotations" / "tsv"
    sentences = [line.split(" ") for line in
                 (folder / f"{name}_brat.txt").read_text(encoding="utf-8").split("\n")]
    sentences = [[t for t in s if t] for s in sentences]
    tokens = [token for sentence in sentences for token in sentence]
    first_row = []
    total = 0
    for sentence in sentences:
        first_row.append(total)
        total += len(sentence)
    full = (root / "original" / f"{name}.txt").read_text(encoding="utf-8")
    offsets = align_tokens(tokens, full)
    base = offsets[0][0]
    text = full[base:offsets[-1][1]]
    offsets = [(start - base, end - base) for start, end in offsets]
    quotes, names = _quotes(folder / f"{name}_brat.ann", first_row, offsets)
    return LitBankBook(name, text, quotes, names)


def _quotes(path: Path, first_row: list[int],
            offsets: list[tuple[int, int]]) -> tuple[list[LitBankQuote], dict[str, str]]:
    spans: dict[str, tuple[int, int]] = {}
    speakers: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if cells[0] == "QUOTE":
            s1, t1, s2, t2 = (int(cell) for cell in cells[2:6])
            spans[cells[1]] = (offsets[first_row[s1] + t1][0], offsets[first_row[s2] + t2][1])
        elif cells[0] == "ATTRIB":
            label = " ".join(cells[2].rpartition("-")[0].replace("_", " ").split())
            speakers[cells[1]] = label.lower()
            names.setdefault(label.lower(), label)
    quotes = [LitBankQuote(start, end, speakers[qid]) for qid, (start, end) in spans.items()
              if qid in speakers]
    return sorted(quotes, key=lambda q: q.start), names
