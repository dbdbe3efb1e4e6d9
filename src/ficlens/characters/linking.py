"""Linking name mentions to a fixed character inventory (a user's list, gold characters).

The inventory is not changed. Mentions come from two places:

1. every place where one of a character's aliases is written (case-insensitive, but
   each name word capitalised as names are, particles aside: "the General" matches
   the alias "The General", "Mr. van der Luyden" the alias "Mr. Van Der Luyden"), and
   an alias made of "the" and common nouns also where the text writes it in lower
   case as a description ("said the landlady" for "The Landlady");
2. every other run of capitalised name words compatible with a character's names:
   a first name, surname, title + surname, or diminutive of one of its aliases.

A mention that fits several characters goes to the one mentioned most recently, or
else to the most frequent one. A written title ("the doctor") goes to the listed holder of that
title named most recently (:mod:`ficlens.characters.roles`).
"""

from __future__ import annotations

from collections import Counter

from ficlens.characters.clustering import Cluster, FormInfo, compatible, resolve_by_context
from ficlens.characters.context import TokenContext
from ficlens.characters.evidence import Occurrence
from ficlens.characters.gender import TITLE_WEIGHT
from ficlens.characters.names import PARTICLES, parse_name, title_key
from ficlens.characters.roles import RoleHolders
from ficlens.model import Character, Mention

#: Leading alias words that need not be capitalised in the text.
LEADING_WORDS = frozenset(("the", "a", "an", "my", "dear", "old", "young", "little", "poor"))
#: Roles in which a lower-case "the <noun>" names a listed character.
DESCRIPTION_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "iobj", "attr", "appos",
                              "conj", "dative"))
#: Weight of a gender given in the user's list, against title votes.
GIVEN_GENDER_WEIGHT = 100


def inventory_clusters(characters: list[Character]) -> list[Cluster]:
    clusters = []
    for index, character in enumerate(characters):
        forms = [parse_name(alias) for alias in usable_aliases(character)]
        forms = [form for form in forms if form is not None]
        fullest = max((form.words for form in forms), key=lambda w: (len(w), len(" ".join(w))),
                      default=tuple(character.name.split()))
        cluster = Cluster(index, fullest)
        for form in forms:
            votes = Counter({form.gender: TITLE_WEIGHT}) if form.gender else Counter()
            cluster.add(FormInfo(form, 0, 0, votes))
        if character.gender is not None:
            cluster.genders[character.gender] += GIVEN_GENDER_WEIGHT
        clusters.append(cluster)
    return clusters


def usable_aliases(character: Character) -> list[str]:
    """The character's name and aliases, without placeholders such as "_narr"."""
    names = dict.fromkeys([character.name, *character.aliases])
    return [name for name in names if name and not name.startswith("_")]


def alias_index(characters: list[Character]) -> dict[str, dict[str, list[int]]]:
    """First two letters (lower case) -> alias (lower case) -> indices of its characters."""
    index: dict[str, dict[str, list[int]]] = {}
    for number, character in enumerate(characters):
        for alias in usable_aliases(character):
            lowered = " ".join(alias.lower().split())
            owners = index.setdefault(lowered[:2], {}).setdefault(lowered, [])
            if number not in owners:
                owners.append(number)
    return index


Span = tuple[int, int, int, int, list[int]]  # first row, end row, start, end, candidates


def alias_hits(ctx: TokenContext, characters: list[Character]) -> list[Span]:
    """Every written alias (the longest at each place) with its candidate characters."""
    index = alias_index(characters)
    text, tokens = ctx.doc.text, ctx.tokens
    hits = []
    row = 0
    while row < len(ctx):
        start = int(tokens.start[row])
        best = None
        for alias, owners in index.get(text[start:start + 2].lower(), {}).items():
            end = start + len(alias)
            if (_one_line(text[start:end]) == alias and (best is None or len(alias) > best[0])
                    and not (end < len(text) and text[end].isalnum())
                    and (_written_as_name(ctx, row, text[start:end])
                         or _written_as_description(ctx, start, end))):
                best = (len(alias), end, owners)
        if best is None:
            row += 1
            continue
        last = max(int(tokens.rows_between(start, best[1]).stop), row + 1)
        first = _title_before(ctx, row)
        hits.append((first, last, int(tokens.start[first]), best[1], best[2]))
        row = last
    return hits


def _one_line(written: str) -> str:
    """Lower case, with a line break read as the space it stands for in hard-wrapped
    text ("Mrs.\nDashwood")."""
    return written.lower().replace("\n", " ")


def _title_before(ctx: TokenContext, row: int) -> int:
    """The row of a title right before ``row`` ("Miss" in "Miss Polina"), else ``row``."""
    previous = row - 1
    while previous >= 0 and ctx.words[previous].isspace():
        previous -= 1
    if previous >= 0 and ctx.capitalised(previous) and title_key(ctx.words[previous]):
        return previous
    return row


def _written_as_name(ctx: TokenContext, row: int, written: str) -> bool:
    if ctx.heading[row]:
        return False
    words = written.split()
    for number, word in enumerate(words):
        if number == 0 and word.lower() in LEADING_WORDS and len(words) > 1:
            continue
        if 0 < number < len(words) - 1 and word in PARTICLES:
            continue  # "Mr. van der Luyden" for the alias "Mr. Van Der Luyden"
        if not word[:1].isupper():
            return False
    if len(words) == 1 and ctx.initial[row]:
        return ctx.tokens.pos[row] == "PROPN" or ctx.tokens.person[row] != 0
    return True


def _written_as_description(ctx: TokenContext, start: int, end: int) -> bool:
    """An alias such as "The Landlady" written in lower case as a person's description
    ("said the landlady"): "the" and a noun that heads a subject, object or the like,
    not a modifier ("the general opinion")."""
    rows = ctx.tokens.rows_between(start, end)
    if len(rows) < 2 or ctx.tokens.lower[rows[0]] != "the" or ctx.heading[rows[0]]:
        return False
    last = rows[-1]
    return ctx.tokens.pos[last] == "NOUN" and ctx.tokens.dep[last] in DESCRIPTION_DEPS


def link_to_inventory(ctx: TokenContext, occurrences: list[Occurrence],
                      characters: list[Character]) -> list[Mention]:
    """Name mentions of ``characters`` (which are left as they are)."""
    clusters = inventory_clusters(characters)
    hits = alias_hits(ctx, characters)
    covered = {row for first, end, *_ in hits for row in range(first, end)}
    spans: list[Span] = list(hits)
    options_by_key: dict[str, list[int]] = {}
    tokens = ctx.tokens
    for occurrence in occurrences:
        if any(row in covered for row in range(occurrence.first, occurrence.end)):
            continue
        key = occurrence.form.full_key
        if key not in options_by_key:
            info = FormInfo(occurrence.form, 1, 0, Counter())
            options_by_key[key] = [c.index for c in clusters if compatible(info, c, Counter())]
        if options_by_key[key]:
            start = int(tokens.start[occurrence.first])
            end = int(tokens.start[occurrence.end - 1]) + len(occurrence.form.words[-1])
            spans.append((occurrence.first, occurrence.end, start, end, options_by_key[key]))
    spans.sort(key=lambda span: span[0])
    counts = [0] * len(characters)
    for *_, owners in spans:
        if len(owners) == 1:
            counts[owners[0]] += 1
    chosen = resolve_by_context([owners for *_, owners in spans], counts)
    mentions = [Mention(start, end, "name", characters[index].id)
                for (_, _, start, end, _), index in zip(spans, chosen, strict=True)
                if index is not None]
    text = ctx.doc.text
    roles = RoleHolders(text, characters, mentions)
    for mention in mentions:
        mention.character = roles.holder_at(text[mention.start:mention.end],
                                            mention.start) or mention.character
    return mentions
