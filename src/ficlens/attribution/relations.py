"""Speakers named by their place in someone's family: "said her mother", "cried his wife".

A speech tag whose subject is a possessive pronoun and a word for a parent or a spouse
names the one character of that role in the possessor's family: styled "Mrs." or
"Lady" (a mother, a wife) or "Mr." or "Sir" (a father, a husband) with the possessor's
surname ("said her mother" of Elizabeth Bennet is Mrs. Bennet; "cried his wife" of Mr.
Bennet too). The possessor is the character the coreference stage gave the pronoun;
its surname is the last word of any of its names of two words or more, and for her
husband only the surname she wears as "Mrs." or "Lady" (May Welland's husband is
Newland Archer, not Mr. Welland).
"""

from __future__ import annotations

from ficlens.attribution.context import Context
from ficlens.attribution.tags import Tag
from ficlens.model import Character

WIFE_TITLES = frozenset(("mrs", "lady"))
HUSBAND_TITLES = frozenset(("mr", "sir"))
#: Relation words -> the titles the relative is styled with.
RELATION_TITLES = {
    "mother": WIFE_TITLES, "mamma": WIFE_TITLES, "mama": WIFE_TITLES, "wife": WIFE_TITLES,
    "father": HUSBAND_TITLES, "papa": HUSBAND_TITLES, "husband": HUSBAND_TITLES,
}
#: How many tokens before the relation word its possessive pronoun may stand
#: ("her poor mother").
POSSESSOR_REACH = 3


class Families:
    """Each character's surnames and its styled names, read once per document."""

    def __init__(self, characters: list[Character]) -> None:
        self.styled = {c.id: _styled(c) for c in characters}
        #: The last word of each name of two words or more.
        self.surnames = {c: {surname for _, surname in styled}
                         for c, styled in self.styled.items()}

    def relative(self, context: Context, tag: Tag) -> str | None:
        """The character the tag's subject names as a parent or spouse of the
        possessor, when exactly one fits."""
        row = tag.subject_row
        if tag.subject_kind != "nominal" or tag.mention is not None or row is None:
            return None
        tokens = context.tokens
        titles = RELATION_TITLES.get(tokens.lower[row])
        if titles is None:
            return None
        if row + 1 < len(tokens.lower) and tokens.lower[row + 1] == "-":
            return None  # "her father-in-law"
        possessor = self._possessor(context, row)
        if tokens.lower[row] == "husband":  # a wife wears his surname, not her father's
            surnames = {surname for title, surname in self.styled.get(possessor or "", set())
                        if title in WIFE_TITLES}
        else:
            surnames = self.surnames.get(possessor or "", set())
        found = [character for character, styled in self.styled.items()
                 if character != possessor and any(
                     title in titles and surname in surnames for title, surname in styled)]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _possessor(context: Context, row: int) -> str | None:
        tokens = context.tokens
        for owner in range(max(0, row - POSSESSOR_REACH), row):
            if tokens.dep[owner] == "poss" and int(tokens.head[owner]) == row:
                mention = context.mention_at(int(tokens.start[owner]))
                return mention.character if mention is not None else None
        return None


def _words(name: str) -> list[str]:
    return [word.strip(".").lower() for word in name.split() if word.strip(".")]


def _styled(character: Character) -> set[tuple[str, str]]:
    """(first word, last word) of the character's names of two words or more: title and
    surname for "Mrs. Bennet", given name and surname for "Elizabeth Bennet"."""
    return {(words[0], words[-1]) for name in (character.name, *character.aliases)
            if len(words := _words(name)) > 1}
