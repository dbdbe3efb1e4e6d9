"""A character's gender from textual evidence only: its titles and the pronouns it takes.

Never from lists of first names. Votes are counted per gender ("he/him", "she/her",
"they/them"); a title counts as :data:`TITLE_WEIGHT` votes per mention.
"""

from __future__ import annotations

from collections import Counter

from ficlens.model import Gender

TITLE_WEIGHT = 3
MIN_VOTES = 2
MAJORITY = 0.7


def decide_gender(votes: Counter, min_votes: int = MIN_VOTES,
                  majority: float = MAJORITY) -> Gender | None:
    """The gender most votes agree on, or None when the evidence is thin or split."""
    total = sum(votes.values())
    if total < min_votes:
        return None
    gender, count = votes.most_common(1)[0]
    return gender if count / total >= majority else None
