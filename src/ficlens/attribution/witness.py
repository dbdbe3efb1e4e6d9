"""Who witnesses the talk: a first-person narrator, or a point-of-view character.

A first-person narrator is in every scene they tell, so hears every quote they do not
speak. Close third-person narration follows one character the same way: the character
who is the subject of most verbs of thought and perception in the narration ("Anne
felt", "she wondered", "Emma saw") is the *point-of-view character*, present wherever
the narration names them nearby. A novel told through many eyes has none.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from ficlens.attribution.context import Context
from ficlens.attribution.lexicon import COGNITION_VERBS

#: Share of the narration's thinking and perceiving subjects one character must hold
#: to be the point of view.
VIEWPOINT_SHARE = 0.4
#: Fewest such subjects a story needs before it has a point of view.
MIN_COGNITIONS = 20
#: Paragraphs either side of a narration mention of the point-of-view character in
#: which they are present.
PRESENCE_PARAGRAPHS = 3


@dataclass(frozen=True)
class Witness:
    """A character who hears the quotes of the paragraphs where they are present."""

    character: str
    #: Sorted paragraphs whose narration names the witness; ``None``: present everywhere.
    named_in: tuple[int, ...] | None = None

    def hears(self, paragraph: int) -> bool:
        if self.named_in is None:
            return True
        at = bisect.bisect_left(self.named_in, paragraph - PRESENCE_PARAGRAPHS)
        return at < len(self.named_in) and self.named_in[at] <= paragraph + PRESENCE_PARAGRAPHS


def find_witness(context: Context, narrator: str | None) -> Witness | None:
    """The first-person ``narrator`` if there is one, else the point-of-view character."""
    if narrator is not None:
        return Witness(narrator)
    character = viewpoint(context)
    if character is None:
        return None
    paragraphs = {context.paragraph_of(m.start) for m in context.mentions
                  if m.character == character and not context.inside_quote(m.start)}
    return Witness(character, tuple(sorted(paragraphs)))


def viewpoint(context: Context) -> str | None:
    """The character who is the subject of at least :data:`VIEWPOINT_SHARE` of the
    narration's verbs of thought and perception, if one is."""
    tokens = context.tokens
    subjects: Counter[str] = Counter()
    for row, dep in enumerate(tokens.dep):
        if dep != "nsubj" or tokens.lemma[int(tokens.head[row])] not in COGNITION_VERBS:
            continue
        character = context.narration_character(row)
        if character:
            subjects[character] += 1
    total = sum(subjects.values())
    if total < MIN_COGNITIONS:
        return None
    character, count = subjects.most_common(1)[0]
    return character if count / total >= VIEWPOINT_SHARE else None
