"""Character lists from outside the text: a user's file and AO3 character tags.

A user list (``ficlens analyze --characters FILE``) is CSV with columns ``name``,
``aliases`` (separated by ``;``) and optionally ``gender``, or JSON: a list of
``{"name": ..., "aliases": [...], "gender": ...}``. Its characters get
``source="user"`` and stay fixed: the characters stage only links mentions to them.
AO3 "Character" tags ("Spike (Buffy the Vampire Slayer)") seed the inventory with
``source="metadata"``; characters found in the text are merged into them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from ficlens.characters.names import NameForm, parse_name
from ficlens.errors import ConfigError
from ficlens.model import Character, Gender

GENDERS: dict[str, Gender] = {
    "he/him": "he/him", "he": "he/him", "m": "he/him", "male": "he/him", "man": "he/him",
    "she/her": "she/her", "she": "she/her", "f": "she/her", "female": "she/her",
    "woman": "she/her", "they/them": "they/them", "they": "they/them",
    "nonbinary": "they/them", "non-binary": "they/them",
}
_FANDOM_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
#: AO3 tags that name no particular character.
_NOT_CHARACTERS = frozenset(
    "original character characters reader you everyone ensemble other others cast oc ocs "
    "female male".split())


def load_character_list(path: Path | str) -> list[Character]:
    """Read a CSV or JSON character list (see the module docstring)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise ConfigError(f"{path}: character list not found") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read character list ({error})") from error
    if path.suffix.lower() == ".json" or text.lstrip().startswith("["):
        records = _json_records(text, path)
    else:
        records = _csv_records(text, path)
    if not records:
        raise ConfigError(f"{path}: the character list is empty")
    return [_character(index, record, path) for index, record in enumerate(records)]


def _json_records(text: str, path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}: not valid JSON ({error.msg}, line {error.lineno})") from error
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ConfigError(f"{path}: expected a JSON list of objects with a \"name\"")
    return data


def _csv_records(text: str, path: Path) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    fields = [name.strip().lower() for name in reader.fieldnames or []]
    if "name" not in fields:
        raise ConfigError(f"{path}: a CSV character list needs a \"name\" column")
    records = []
    for row in reader:
        record = {(key or "").strip().lower(): value for key, value in row.items()}
        aliases = record.get("aliases") or ""
        record["aliases"] = [alias for alias in aliases.split(";")]
        records.append(record)
    return records


def _character(index: int, record: dict[str, Any], path: Path) -> Character:
    where = f"{path}: entry {index + 1}"
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where} has no name")
    aliases = record.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{where}: \"aliases\" must be a list of strings")
    gender_text = record.get("gender") or ""
    if not isinstance(gender_text, str):
        raise ConfigError(f"{where}: \"gender\" must be a string")
    gender = GENDERS.get(gender_text.strip().lower()) if gender_text.strip() else None
    if gender_text.strip() and gender is None:
        raise ConfigError(f"{where}: unknown gender {gender_text.strip()!r} "
                          "(use he/him, she/her or they/them)")
    name = " ".join(name.split())
    cleaned = [" ".join(alias.split()) for alias in aliases]
    unique = list(dict.fromkeys(alias for alias in [name, *cleaned] if alias))
    return Character(id=f"c{index}", name=name, aliases=unique, gender=gender, source="user")


def tag_name(tag: str) -> str | None:
    """An AO3 character tag without its fandom suffix, or None for "Original Character(s)"."""
    name = " ".join(_FANDOM_SUFFIX.sub("", tag).split())
    words = {word.strip("()").lower() for word in name.split()}
    if not name or words & _NOT_CHARACTERS:
        return None
    return name


def metadata_seeds(tags: list[str]) -> list[NameForm]:
    """Name forms of the AO3 character tags (deduplicated, in tag order)."""
    seeds: dict[str, NameForm] = {}
    for tag in tags:
        name = tag_name(tag)
        form = parse_name(name) if name else None
        if form is not None:
            seeds.setdefault(form.full_key, form)
    return list(seeds.values())
