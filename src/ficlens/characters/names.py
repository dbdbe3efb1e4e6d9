"""Names as titles plus name words: parsing, keys for matching, and word compatibility.

A name mention such as "Mrs. Jane Bennet" is a :class:`NameForm` with titles
``("mrs",)`` and words ``("Jane", "Bennet")``. Titles are kept apart because they
carry gender ("Mr.", "Lady") and rank but do not identify the person by themselves;
the *core* of a name is its words. Matching is case-insensitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficlens.characters.nicknames import is_diminutive
from ficlens.model import Gender

_HE: Gender = "he/him"
_SHE: Gender = "she/her"

#: Titles and honorifics that may precede a name, with the gender they state (or None).
TITLE_GENDER: dict[str, Gender | None] = {
    **dict.fromkeys("""mr mister sir lord master monsieur m messrs herr senor señor signor
        don king prince duke earl count baron marquis marquess viscount squire father sahib
        brother uncle grandpa grandfather papa pa emperor czar tsar abbot friar
        gentleman""".split(), _HE),
    **dict.fromkeys("""mrs missus miss ms lady madam madame mme mlle mademoiselle dame
        mistress frau fraulein fräulein senora señora senorita señorita signora signorina
        donna queen princess duchess countess baroness marchioness viscountess mother
        sister aunt auntie aunty grandma grandmother granny nana mama mamma ma empress
        tsarina abbess begum bibi""".split(), _SHE),
    **dict.fromkeys("""dr doctor prof professor rev reverend captain capt colonel col general
        gen major lieutenant lt sergeant sgt corporal private admiral commander commodore
        inspector detective constable sheriff deputy marshal chief judge justice senator
        governor president mayor cousin comrade officer agent nurse coach principal
        headmaster headmistress parson vicar rector bishop cardinal elder esq""".split(),
                    None),
}

#: Honorifics that may follow the name they go with ("Hamidullah Begum", "Fielding Sahib").
TRAILING_TITLES: frozenset[str] = frozenset(("begum", "bibi", "sahib"))

#: Lower-case words allowed inside a name ("Lady Catherine de Bourgh").
PARTICLES: frozenset[str] = frozenset(
    "de van von der den du da di le la del della ten ter bin ibn al d' o'".split())

#: Possessive endings stripped from a mention's last word.
_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")


#: The period of an abbreviated title, which some texts and lists leave out ("Mr Musgrove").
_TITLE_PERIOD = re.compile(r"\b(mr|mrs|ms|dr|st|mme|mlle|messrs|rev|prof|capt|col|gen|lt)\.")


def comparable_name(name: str) -> str:
    """A name as compared across lists: lower case, runs of spaces collapsed, the period
    of an abbreviated title ignored ("Mr Musgrove" = "mr. musgrove")."""
    return " ".join(_TITLE_PERIOD.sub(r"\1", name.lower()).split())


def title_key(word: str) -> str | None:
    """The canonical key of a title word ("Mrs." -> "mrs"), or None if it is not one."""
    key = word.lower().rstrip(".")
    return key if key in TITLE_GENDER else None


#: A possessive right after a name, also where the text lost the apostrophe ("Schlegel s").
_POSSESSIVE_AFTER = re.compile(r"\s?(?:['\u2019]s?|s)\b")


def possessive_follows(text: str, offset: int) -> bool:
    """Whether a possessive ("'s", or a bare "s" where the apostrophe was lost) follows
    the name that ends at ``offset`` of ``text`` ("Jane's friend", "Schlegel s")."""
    return _POSSESSIVE_AFTER.match(text, offset, offset + 3) is not None


def strip_possessive(word: str) -> str:
    for ending in _POSSESSIVES:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


@dataclass(frozen=True)
class NameForm:
    """A name as written: titles (as written) and name words (as written)."""

    titles: tuple[str, ...]
    words: tuple[str, ...]
    #: How many of the titles (the last ones) are written after the words.
    trailing: int = 0

    @property
    def title_keys(self) -> tuple[str, ...]:
        return tuple(title_key(title) or title.lower() for title in self.titles)

    @property
    def key(self) -> str:
        """The core (title-free, lower-case) key: "jane bennet"."""
        return " ".join(word.lower() for word in self.words)

    @property
    def full_key(self) -> str:
        """Titles and words, lower-case: "mrs jane bennet"."""
        return " ".join((*self.title_keys, self.key))

    @property
    def gender(self) -> Gender | None:
        """The gender the titles state (the last gendered title wins)."""
        found = None
        for key in self.title_keys:
            found = TITLE_GENDER.get(key) or found
        return found

    @property
    def given(self) -> str | None:
        """The first name word of a name of two or more words."""
        return self.words[0] if len(self.words) > 1 else None

    @property
    def surname(self) -> str | None:
        """The last name word of a name of two or more words."""
        return self.words[-1] if len(self.words) > 1 else None

    def display(self) -> str:
        leading = self.titles[:len(self.titles) - self.trailing]
        return " ".join((*leading, *self.words, *self.titles[len(leading):]))


def parse_name(text: str) -> NameForm | None:
    """Split a name mention into titles and words; None when no name word is left."""
    tokens = text.split()
    if not tokens:
        return None
    tokens[-1] = strip_possessive(tokens[-1])
    titles: list[str] = []
    while tokens and title_key(tokens[0]) is not None and len(tokens) > 1:
        titles.append(tokens.pop(0))
    if all(title_key(word) is not None for word in tokens):
        return None
    if not any(word[:1].isupper() for word in tokens):
        return None
    return with_trailing_title(tuple(titles), tuple(tokens))


def with_trailing_title(titles: tuple[str, ...], words: tuple[str, ...]) -> NameForm:
    """The form of titles + words, reading a last word such as "Begum" as a title."""
    if len(words) > 1 and words[-1].lower() in TRAILING_TITLES:
        return NameForm((*titles, words[-1]), words[:-1], trailing=1)
    return NameForm(titles, words)


def words_match(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the name words ``short`` can name the same person as ``full``.

    Equal names match; so do a first name or its diminutive, a surname, first and last
    name without the middle ones, and a leading or trailing part of a longer name.
    """
    short_l = tuple(word.lower() for word in short)
    full_l = tuple(word.lower() for word in full)
    if short_l == full_l:
        return True
    if len(short_l) > len(full_l):
        return False
    if len(short_l) == 1:
        word = short_l[0]
        return word == full_l[-1] or _given_match(word, full_l[0])
    if full_l[-len(short_l):] == short_l:
        return True
    if not _given_match(short_l[0], full_l[0]):
        return False
    rest = short_l[1:]
    return full_l[1:len(short_l)] == rest or full_l[-len(rest):] == rest


def _given_match(short: str, full: str) -> bool:
    return short == full or is_diminutive(short, full)
