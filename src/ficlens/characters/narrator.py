"""First-person narrators: is the story told by "I", and who is "I"?

A story is told in the first person when "I", "me", "my", "myself" or "mine" are
frequent *outside* quotes (inside a quote "I" is the speaker). The narrator is then
the character whose name others use when they speak to them: one addressed in
vocatives ("Good morning, Hastings") whose name is nearly always inside quotes, since
the narration itself says "I". Failing that, the narrator is a character of its own,
"Narrator". In a user's fixed list, a character with the alias "Narrator" (or PDNC's
"_narr") is the narrator.
"""

from __future__ import annotations

from collections import Counter

from ficlens.characters.context import TokenContext
from ficlens.model import Character, Mention

FIRST_PERSON = frozenset(("i", "me", "my", "myself", "mine"))
#: First-person pronouns per 1,000 narration tokens above which the story is first-person.
MIN_RATE = 8.0
MIN_COUNT = 10
#: A narrator's name is inside quotes at least this share of the time.
MIN_QUOTED_SHARE = 0.8
MIN_VOCATIVES = 2
NARRATOR_ALIASES = frozenset(("narrator", "_narr", "the narrator"))


def narration_first_person(ctx: TokenContext) -> list[int]:
    """Rows of first-person pronouns outside quotes (and outside headings)."""
    tokens = ctx.tokens
    rows = []
    for row, lower in enumerate(tokens.lower):
        if (lower in FIRST_PERSON and ctx.quote_of[row] < 0 and not ctx.heading[row]
                and tokens.pos[row] == "PRON" and (lower != "i" or ctx.words[row] == "I")):
            rows.append(row)
    return rows


def is_first_person(ctx: TokenContext, rows: list[int]) -> bool:
    narration = int((ctx.quote_of < 0).sum())
    return len(rows) >= MIN_COUNT and narration > 0 and 1000 * len(rows) / narration >= MIN_RATE


def marked_narrator(characters: list[Character]) -> Character | None:
    """A character whose name or alias says it is the narrator."""
    for character in characters:
        names = {name.lower() for name in [character.name, *character.aliases]}
        if names & NARRATOR_ALIASES:
            return character
    return None


def addressed_narrator(ctx: TokenContext, names: list[Mention],
                       vocatives: Counter) -> str | None:
    """The character addressed by name in dialogue but (almost) never named in narration.

    ``vocatives`` counts vocative name mentions per character id.
    """
    quoted: Counter = Counter()
    total: Counter = Counter()
    for mention in names:
        if mention.character is None:
            continue
        total[mention.character] += 1
        row = ctx.tokens.index_at(mention.start)
        quoted[mention.character] += bool(row < len(ctx) and ctx.quote_of[row] >= 0)
    candidates = [(vocatives[character], total[character], character) for character in total
                  if vocatives[character] >= MIN_VOCATIVES
                  and quoted[character] >= MIN_QUOTED_SHARE * total[character]]
    return max(candidates)[2] if candidates else None


def narrator_mentions(ctx: TokenContext, rows: list[int], character: str) -> list[Mention]:
    tokens = ctx.tokens
    return [Mention(int(tokens.start[row]), int(tokens.end[row]), "pronoun", character)
            for row in rows]
