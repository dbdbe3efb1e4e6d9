"""Gold-standard annotations in one shape, whatever corpus they come from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class GoldCharacter:
    id: str
    name: str
    aliases: list[str]
    gender: str | None = None
    category: str | None = None  # PDNC: major / intermediate / minor


@dataclass
class GoldQuote:
    """One annotated quotation; ``spans`` are its contiguous parts (character offsets)."""

    id: str
    spans: list[tuple[int, int]]
    speaker: str | None = None  # a GoldCharacter id
    addressees: list[str] = field(default_factory=list)
    type: str | None = None  # explicit / anaphoric / implicit


@dataclass
class GoldNovel:
    name: str
    text: str
    quotes: list[GoldQuote]
    characters: list[GoldCharacter] = field(default_factory=list)
