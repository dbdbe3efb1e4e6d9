"""Rank and profession descriptions: "the doctor" for the character styled "Doctor Losberne".

A description made of "the" and a title that goes with a surname ("the doctor", "the
Colonel", "the inspector": :data:`~ficlens.characters.clustering.SURNAME_TITLES`) names
the character who wears that title once the story has named them: it goes to the
*holder* of the title named most recently, within :data:`ROLE_WINDOW` characters of
text before it, among holders named at least a
:data:`~ficlens.characters.clustering.RARE_RECENT`-th as often as the most named (an
admiral named once in passing does not take "the Admiral" from the one named
throughout). Before any holder is named it is someone else (the doctor at Oliver's
birth is not Mr. Losberne, whom the story meets much later), and it is left as it was.

A holder is a character with a name form carrying the title ("Dr. Bull"), or, when
no character does, the one character bearing the surname of a titled name the text
writes ("Doctor Losberne" written once, for the character otherwise always "Mr.
Losberne").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ficlens.characters.clustering import RARE_RECENT, SURNAME_TITLES, same_title
from ficlens.characters.names import PARTICLES, NameForm, parse_name, title_key
from ficlens.model import Character, Mention

#: How far back (characters of text) the holder's name must have been written.
ROLE_WINDOW = 30_000
#: Modifiers that set one holder of a title apart from another ("the other doctor").
OTHER_HOLDER = frozenset(("other", "another", "new", "first", "second", "third", "two"))


def role_of(written: str) -> str | None:
    """The title a description such as "the doctor", "the good doctor" or "the
    Colonel" names, if any."""
    words = written.lower().split()
    if len(words) < 2 or words[0] != "the" or OTHER_HOLDER.intersection(words):
        return None
    key = title_key(words[-1])
    role = same_title(key) if key else None
    return role if role in SURNAME_TITLES else None


def _roles(form: NameForm) -> set[str]:
    return {same_title(key) for key in form.title_keys} & SURNAME_TITLES


def _surname(form: NameForm) -> str | None:
    core = [word.lower() for word in form.words if word not in PARTICLES]
    return core[-1] if core else None


class RoleHolders:
    """Who holds each title, and where each holder is named."""

    def __init__(self, text: str, characters: list[Character], mentions: list[Mention],
                 written: Iterable[NameForm] = ()) -> None:
        forms = {c.id: [f for f in map(parse_name, c.aliases) if f is not None and f.words]
                 for c in characters}
        self.holders: dict[str, set[str]] = {}
        by_surname: dict[str, set[str]] = {}
        for character_id, character_forms in forms.items():
            for form in character_forms:
                for role in _roles(form):
                    self.holders.setdefault(role, set()).add(character_id)
                if surname := _surname(form):
                    by_surname.setdefault(surname, set()).add(character_id)
        for form in written:
            owners = by_surname.get(_surname(form) or "", set())
            for role in _roles(form):
                if role not in self.holders and len(owners) == 1:
                    self.holders[role] = set(owners)
        wanted = set().union(*self.holders.values()) if self.holders else set()
        self.named: dict[str, list[int]] = {}
        for mention in mentions:
            if (mention.kind == "name" and mention.character in wanted
                    and role_of(text[mention.start:mention.end]) is None):
                self.named.setdefault(mention.character, []).append(mention.start)
        for starts in self.named.values():
            starts.sort()

    def holder_at(self, written: str, offset: int) -> str | None:
        """The character a description written at ``offset`` names by title, or None."""
        role = role_of(written)
        holders = self.holders.get(role or "", set())
        most = max((len(self.named.get(c, [])) for c in holders), default=0)
        best: tuple[int, str] | None = None
        for character_id in holders:
            starts = self.named.get(character_id, [])
            if RARE_RECENT * len(starts) < most:
                continue
            position = bisect.bisect_left(starts, offset)
            if position and offset - starts[position - 1] <= ROLE_WINDOW and (
                    best is None or starts[position - 1] > best[0]):
                best = (starts[position - 1], character_id)
        return best[1] if best else None
