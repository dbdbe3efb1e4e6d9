"""Coreference stage: third-person pronouns resolved to characters.

First version: a pronoun refers to the most recent name mention within the last
few sentences whose character's gender does not contradict it; gender is then read
off the pronouns each character attracts.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ficlens.model import Document, Mention

PRONOUN_GENDER = {
    "he": "he/him", "him": "he/him", "his": "he/him", "himself": "he/him",
    "she": "she/her", "her": "she/her", "hers": "she/her", "herself": "she/her",
}
MAX_DISTANCE_CHARS = 600
MIN_PRONOUNS_FOR_GENDER = 2
GENDER_MAJORITY = 0.7


def run(doc: Document) -> Document:
    if doc.tokens is None:
        return doc
    names = sorted(doc.mentions, key=lambda mention: mention.start)
    pronouns = _pronoun_mentions(doc)
    counts: dict[str, Counter] = defaultdict(Counter)
    resolved: list[Mention] = []
    name_index = 0
    recent: list[Mention] = []
    for pronoun, gender in pronouns:
        while name_index < len(names) and names[name_index].start < pronoun.start:
            recent.append(names[name_index])
            name_index += 1
        recent = [m for m in recent[-8:] if pronoun.start - m.end <= MAX_DISTANCE_CHARS]
        for candidate in reversed(recent):
            known = _gender(counts[candidate.character])
            if known in (None, gender):
                pronoun.character = candidate.character
                counts[candidate.character][gender] += 1
                break
        resolved.append(pronoun)
    for character in doc.characters:
        character.gender = _gender(counts[character.id])
    doc.mentions = sorted(names + resolved, key=lambda mention: (mention.start, mention.end))
    return doc


def _pronoun_mentions(doc: Document) -> list[tuple[Mention, str]]:
    tokens = doc.tokens
    found = []
    for row in range(len(tokens)):
        gender = PRONOUN_GENDER.get(tokens.lower[row])
        if gender and tokens.pos[row] == "PRON" or (gender and tokens.tag[row] == "PRP$"):
            found.append((Mention(int(tokens.start[row]), int(tokens.end[row]), "pronoun"),
                          gender))
    return found


def _gender(counter: Counter) -> str | None:
    total = sum(counter.values())
    if total < MIN_PRONOUNS_FOR_GENDER:
        return None
    gender, count = counter.most_common(1)[0]
    return gender if count / total >= GENDER_MAJORITY else None
