"""Definite descriptions of people ("the old woman", "the vampire") as anaphors.

A nominal is "the" (or "that"), optional adjectives, and a head noun from
:data:`PERSON_NOUNS`, in a subject or object position. Its gender is the noun's
("woman" -> she/her, "man" -> he/him, "vampire" -> either). It resolves like a
pronoun, to the most salient compatible character, but only within
:data:`NOMINAL_WINDOW` sentences: further back "the man" is more likely someone new.
"""

from __future__ import annotations

from ficlens.characters.context import TokenContext
from ficlens.characters.pronouns import Anaphor
from ficlens.model import Gender

_HE: Gender = "he/him"
_SHE: Gender = "she/her"

#: Nouns that name a person, with the gender they state (None: either).
PERSON_NOUNS: dict[str, Gender | None] = {
    **dict.fromkeys("""man gentleman boy lad fellow husband father son brother uncle nephew
        grandfather king prince duke lord monk priest waiter landlord widower bridegroom
        groom schoolboy""".split(), _HE),
    **dict.fromkeys("""woman lady girl lass wife mother daughter sister aunt niece
        grandmother queen princess duchess nun maid landlady widow bride mistress
        governess schoolgirl housekeeper actress hostess waitress witch""".split(), _SHE),
    **dict.fromkeys("""vampire demon slayer stranger child doctor nurse captain colonel
        general major officer soldier sailor servant driver visitor guest youth creature
        knight magistrate professor clergyman curate vicar rector detective inspector
        constable policeman clerk lawyer judge teacher student host hero heroine boss
        chief master keeper watchman guard cook gardener butler coachman porter footman
        shopkeeper merchant banker farmer shepherd hunter thief robber murderer prisoner
        invalid patient newcomer intruder""".split(), None),
}
DETERMINERS = frozenset(("the", "that"))
ROLE_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "iobj", "attr", "appos"))
NOMINAL_WINDOW = 2


def nominal_anaphors(ctx: TokenContext, covered: set[int]) -> list[Anaphor]:
    """Definite person descriptions outside the rows ``covered`` by name mentions."""
    tokens = ctx.tokens
    found = []
    for row, lower in enumerate(tokens.lower):
        if lower not in PERSON_NOUNS or row in covered or tokens.pos[row] != "NOUN":
            continue
        if tokens.dep[row] not in ROLE_DEPS or tokens.tag[row] in ("NNS", "NNPS"):
            continue
        first = _determiner(ctx, row)
        if first is None:
            continue
        found.append(Anaphor(first, row + 1, row, PERSON_NOUNS[lower], "nominal"))
    return found


def _determiner(ctx: TokenContext, row: int) -> int | None:
    """Row of "the" opening the noun phrase of ``row`` through adjectives, or None."""
    tokens = ctx.tokens
    current = row - 1
    while current >= 0 and row - current <= 4:
        if tokens.lower[current] in DETERMINERS and tokens.dep[current] == "det":
            return current
        if tokens.pos[current] not in ("ADJ", "ADV", "NOUN", "PUNCT") or ctx.words[current] in (
                "\"", "\u201c", "\u201d"):
            return None
        current -= 1
    return None
