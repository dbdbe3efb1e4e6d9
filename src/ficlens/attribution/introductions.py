"""Speakers who name themselves: "I am Riversong K'Vala.", "My name is Oliver, sir."

A quote whose sentence (or clause, after a comma) opens with "I am", "I'm", "my name
is" or "call me" followed by a character's name is spoken by that character: the
name is neither a vocative nor talk about someone else. The name must be a resolved
name mention right after the words, and not a possessive ("I am Jane's friend");
"if I'm Mabel" or "please call me Anne" do not open a clause and are not read.
"""

from __future__ import annotations

import re

from ficlens.attribution.context import Context, Utterance
from ficlens.characters.names import possessive_follows

#: A clause that names its speaker, opening a quote, a sentence or a clause after
#: punctuation ("Yes, I am Aziz."); the name follows at the match's end.
SELF_NAMING = re.compile(
    r"(?:^|[.!?;:,\u2014\u2026-]\s*)(?:I\s+am|I['\u2019]m|[Mm]y\s+name\s+is|"
    r"[Mm]y\s+name['\u2019]s|Call\s+me)\s+")


def self_named(context: Context, utterance: Utterance) -> str | None:
    """The character an utterance names as its own speaker, if exactly one."""
    found = set()
    text = context.doc.text
    for part in utterance.parts:
        quote = text[part.start:part.end]
        for match in SELF_NAMING.finditer(quote):
            offset = part.start + match.end()
            mention = context.mention_at(offset)
            if (mention is None or mention.kind != "name" or not mention.character
                    or mention.start != offset or mention.end > part.end):
                continue
            if possessive_follows(text, mention.end):
                continue
            found.add(mention.character)
    return found.pop() if len(found) == 1 else None
