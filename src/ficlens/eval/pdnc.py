"""Reader of the Project Dialogism Novel Corpus layout.

``DIR/data/<Novel>/novel_text.txt``, ``quotation_info.csv`` (spans are character
offsets into novel_text.txt, including the quotation marks; a quotation split by a
speech tag has several sub-spans) and ``character_info.csv`` (aliases as a set literal).
"""

from __future__ import annotations

import ast
import csv
import logging
from collections.abc import Iterator
from pathlib import Path

from ficlens.errors import ConfigError, InputNotFoundError
from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldQuote

logger = logging.getLogger(__name__)

QUOTE_TYPES = {"explicit", "anaphoric", "implicit"}


def novel_dirs(root: Path, names: list[str] | None = None) -> list[Path]:
    """The novel folders under ``root`` (the corpus root or its ``data`` folder)."""
    data = root / "data" if (root / "data").is_dir() else root
    if not data.is_dir():
        raise InputNotFoundError(f"{root}: not a PDNC folder (no data/ inside)")
    found = sorted(p for p in data.iterdir() if (p / "quotation_info.csv").exists())
    if names:
        wanted = {name.lower() for name in names}
        chosen = [p for p in found if p.name.lower() in wanted]
        missing = wanted - {p.name.lower() for p in chosen}
        if missing:
            raise ConfigError(f"no such PDNC novel(s): {', '.join(sorted(missing))}")
        return chosen
    return found


def load_pdnc(root: Path, names: list[str] | None = None) -> Iterator[GoldNovel]:
    for folder in novel_dirs(root, names):
        yield load_novel(folder)


def load_novel(folder: Path) -> GoldNovel:
    text = (folder / "novel_text.txt").read_text(encoding="utf-8")
    characters = _load_characters(folder / "character_info.csv")
    by_name = _name_index(characters)
    quotes = []
    with open(folder / "quotation_info.csv", encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            spans = [tuple(span) for span in ast.literal_eval(row["quoteByteSpans"])]
            speaker = by_name.get(row["speaker"].strip().lower())
            addressees = [by_name[a.strip().lower()]
                          for a in ast.literal_eval(row["addressees"] or "[]")
                          if a.strip().lower() in by_name]
            kind = row["quoteType"].strip().lower()
            quotes.append(GoldQuote(id=row["quoteID"], spans=spans, speaker=speaker,
                                    addressees=addressees,
                                    type=kind if kind in QUOTE_TYPES else None))
    return GoldNovel(name=folder.name, text=text, quotes=quotes, characters=characters)


def _load_characters(path: Path) -> list[GoldCharacter]:
    characters = []
    with open(path, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            aliases = sorted(ast.literal_eval(row["Aliases"])) if row["Aliases"] else []
            name = row["Main Name"].strip()
            characters.append(GoldCharacter(
                id=row["Character ID"].strip(), name=name,
                aliases=sorted(set(aliases) | {name}),
                gender=(row.get("Gender") or "").strip() or None,
                category=(row.get("Category") or "").strip().lower() or None))
    return characters


def _name_index(characters: list[GoldCharacter]) -> dict[str, str]:
    """Lower-cased main name and aliases -> character id (main names win)."""
    index: dict[str, str] = {}
    for character in characters:
        for alias in character.aliases:
            index.setdefault(alias.lower(), character.id)
    for character in characters:
        index[character.name.lower()] = character.id
    return index
