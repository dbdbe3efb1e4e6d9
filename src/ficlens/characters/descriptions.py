"""Characters known only by a description: "said the mariner", "the policeman replied".

A definite description ("the" + adjectives + a singular noun) that is the subject of a
speech verb beside a quote, or follows a speech verb right after a quote ('"...," asked
the cook', which the parser reads as an object), at least :data:`MIN_SPEECHES` times is
someone the story never names. It becomes a character called by that description, and
every place the description is written is a nominal mention of it. Generic heads ("the
man", "the voice") are left to pronoun-style resolution: they name different people in
different scenes, unless written as a capitalised *epithet* ("said the Invisible Man",
"said the Voice"): the capitals show the story uses it as a name, or set apart by a
phrase with "in" or "with" ("said the gentleman in the white waistcoat"). A nationality
("the Englishman") is a class even with its capital.
(A described character that is also named elsewhere, "the beadle" for Mr. Bumble, stays a
character of its own: salience alone links them wrongly too often. A title is the
exception: "the doctor" once Doctor Losberne is named, :mod:`ficlens.characters.roles`.)
"""

from __future__ import annotations

from collections import Counter

from ficlens.characters.context import TokenContext
from ficlens.characters.evidence import SPEECH_VERBS

MIN_SPEECHES = 2
MAX_WORDS = 3
#: Heads too generic to name one person through a whole work.
GENERIC = frozenset("""
man woman boy girl lady gentleman person people voice other one stranger child fellow
creature figure thing somebody someone youth others lad police crowd
""".split())
#: Nationalities: capitalised, yet a class (every Englishman in a novel of India), not a name.
DEMONYMS = frozenset("""
englishman englishwoman frenchman frenchwoman irishman irishwoman scotchman scotsman
welshman dutchman german russian pole italian spaniard american englishmen native
foreigner
""".split())
#: Prepositions whose phrase sets a generic person apart ("the man with the black beard").
ATTRIBUTE_PREPOSITIONS = frozenset(("in", "with"))
#: Tokens beside a quote that count as its speech tag.
TAG_REACH = 8


def description_at(ctx: TokenContext, row: int) -> tuple[int, str] | None:
    """The description whose head noun is on ``row``: (first row, its text, lower-case
    but for the capitals of an epithet)."""
    tokens = ctx.tokens
    epithet = ctx.caps[row]
    if epithet and tokens.pos[row] not in ("NOUN", "PROPN"):
        return None
    if not epithet and not _singular_noun(tokens.pos[row], tokens.tag[row]):
        return None
    modifiers = ("ADJ", "NOUN", "PROPN") if epithet else ("ADJ",)
    first = row - 1
    while first >= 0 and (tokens.pos[first] == "SPACE" or (
            row - first < MAX_WORDS and tokens.pos[first] in modifiers
            and ctx.caps[first] == epithet)):
        first -= 1
    if first < 0 or tokens.lower[first] != "the":
        return None
    written = ctx.words if epithet else tokens.lower
    words = [written[r] for r in range(first + 1, row + 1) if tokens.pos[r] != "SPACE"]
    return first, " ".join(["the", *words])


def _singular_noun(pos: str, tag: str) -> bool:
    """A singular common noun; a lower-case word the tagger took for a proper noun
    ("said the barman" as NNP) counts, since a lower-case word names no one."""
    return (pos, tag) in (("NOUN", "NN"), ("NOUN", "NOUN"), ("PROPN", "NNP"), ("PROPN", "PROPN"))


def _generic(ctx: TokenContext, row: int) -> bool:
    word = ctx.tokens.lower[row]
    return (word in GENERIC and not ctx.caps[row]) or word in DEMONYMS


def speaker_description(ctx: TokenContext, row: int) -> tuple[int, int, str] | None:
    """The description headed by ``row`` as (first row, last row, text): "the old
    mariner"; for a generic head only with a phrase that sets the person apart ("the
    gentleman in the white waistcoat", "the man with the black beard")."""
    found = description_at(ctx, row)
    if found is None or not _generic(ctx, row):
        return None if found is None else (found[0], row, found[1])
    tokens = ctx.tokens
    prep = row + 1
    while prep < len(ctx) and tokens.pos[prep] == "SPACE":
        prep += 1
    if (prep >= len(ctx) or int(tokens.head[prep]) != row
            or tokens.lower[prep] not in ATTRIBUTE_PREPOSITIONS):
        return None
    for last in range(prep + 1, min(prep + 1 + MAX_WORDS + 1, len(ctx))):
        if int(tokens.head[last]) == prep and tokens.dep[last] == "pobj" and (
                tokens.pos[last] == "NOUN"):
            phrase = [tokens.lower[r] for r in range(prep, last + 1) if tokens.pos[r] != "SPACE"]
            return found[0], last, " ".join([found[1], *phrase])
    return None


def written_descriptions(ctx: TokenContext) -> list[tuple[int, tuple[int, int, str]]]:
    """Every description in the text, as (head row, :func:`speaker_description`)."""
    found = []
    for row, pos in enumerate(ctx.tokens.pos):
        if pos in ("NOUN", "PROPN"):
            description = speaker_description(ctx, row)
            if description is not None:
                found.append((row, description))
    return found


def speaking_descriptions(ctx: TokenContext,
                          written: list[tuple[int, tuple[int, int, str]]] | None = None
                          ) -> Counter:
    """How often each description (of ``written``, by default all) speaks: in narration
    beside a quote, the subject of a speech verb, or the words right after a speech verb
    that follows a quote ('"...," asked the cook', which the parser takes for an object)."""
    tokens = ctx.tokens
    counts: Counter = Counter()
    for row, (first, _, text) in written_descriptions(ctx) if written is None else written:
        if ctx.quote_of[row] >= 0:
            continue
        head = int(tokens.head[row])
        # after an inverted verb, only the phrase's last noun: "Invisible" of "the
        # Invisible Man" hangs on a word after it
        modifier = row < head <= row + MAX_WORDS
        if (tokens.dep[row] == "nsubj" and tokens.lemma[head] in SPEECH_VERBS
                and _beside_quote(ctx, head)) or (
                not modifier and _inverted_tag(ctx, first - 1)):
            counts[text] += 1
    return counts


def _inverted_tag(ctx: TokenContext, verb: int) -> bool:
    """A speech verb on row ``verb`` right after the close of a quote."""
    tokens = ctx.tokens
    if verb < 1 or tokens.pos[verb] != "VERB" or tokens.lemma[verb] not in SPEECH_VERBS:
        return False
    before = verb - 1
    while before > 0 and tokens.pos[before] == "SPACE":
        before -= 1
    return (before > 0 and tokens.pos[before] == "PUNCT" and ctx.quote_of[before - 1] >= 0
            and _beside_quote(ctx, verb))


def _beside_quote(ctx: TokenContext, row: int) -> bool:
    paragraph = ctx.paragraph[row]
    return any(ctx.quote_of[other] >= 0 and ctx.paragraph[other] == paragraph
               for other in range(max(row - TAG_REACH, 0), min(row + TAG_REACH + 1, len(ctx))))


def description_mentions(ctx: TokenContext, covered: set[int]) -> dict[str, list[tuple[int, int]]]:
    """Descriptions that speak often enough -> the (start, end) character spans where each
    is written, outside the rows ``covered`` by name mentions."""
    written = written_descriptions(ctx)
    wanted = {text for text, count in speaking_descriptions(ctx, written).items()
              if count >= MIN_SPEECHES}
    tokens = ctx.tokens
    spans: dict[str, list[tuple[int, int]]] = {}
    for row, (first, last, text) in written:
        if text in wanted and row not in covered:
            spans.setdefault(text, []).append((int(tokens.start[first]), int(tokens.end[last])))
    return spans
