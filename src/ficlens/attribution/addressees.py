"""Vocatives and addressees.

A *vocative* is a name said to someone inside a quote: set off by a comma or by the
quote's edge and optionally opened by an interjection ("Now Buffy,", "Thank you,
Anya.", "Spike!"). The person named is spoken to, so is an addressee and almost
never the speaker. Addressees of an utterance come from its vocatives, from its tag
("said to Xander", "Anya told Buffy") and from the turn structure: the other
speakers of the exchange around it (in a two-person exchange, the other person),
except for a thought, which no one hears, and the story's witness (a first-person
narrator, a point-of-view character) where they are present.
"""

from __future__ import annotations

from collections.abc import Collection

from ficlens.attribution.context import Context, Utterance
from ficlens.attribution.lexicon import VOCATIVE_OPENERS
from ficlens.attribution.witness import Witness

AFTER_VOCATIVE = frozenset(",!?.;:\u2014-\u2026")
BEFORE_VOCATIVE = frozenset(",;:!?.\u2014-\u2026")
#: How many paragraphs may lie between two utterances of one exchange.
EXCHANGE_GAP = 2
#: Turns before and after an utterance whose speakers count as its listeners.
PARTICIPANT_WINDOW = 12
#: In an exchange of at most this many other speakers, only those within
#: :data:`NEAR_TURNS` turns are listeners (a third voice far off talks to someone else).
SMALL_EXCHANGE = 2
NEAR_TURNS = 5


def vocatives(context: Context, utterance: Utterance) -> list[str]:
    """Characters named as vocatives in any part of ``utterance``, in order."""
    found: list[str] = []
    text = context.doc.text
    for part in utterance.parts:
        for mention in context.mentions_between(part.start, part.end):
            if mention.kind != "name" or not mention.character:
                continue
            if _is_vocative(text, part.start, part.end, mention.start, mention.end):
                found.append(mention.character)
    return list(dict.fromkeys(found))


def _is_vocative(text: str, quote_start: int, quote_end: int, start: int, end: int) -> bool:
    after = text[end:quote_end].lstrip(" ")
    if after and after[0] not in AFTER_VOCATIVE:
        return False
    before = text[quote_start:start].rstrip(" ")
    if not before or before[-1] in BEFORE_VOCATIVE:
        return not _after_first_person(before)
    words = before.split()
    opener = words[-1].lower().strip(",.!?")
    if opener not in VOCATIVE_OPENERS:
        return False
    rest = " ".join(words[:-1]).rstrip()
    return not rest or rest[-1] in BEFORE_VOCATIVE or rest.lower().split()[-1] in (
        VOCATIVE_OPENERS)


def _after_first_person(before: str) -> bool:
    """ "No one but I, Hercule Poirot, would": a name in apposition to "I" names the
    speaker, not the listener (after "me" it is a vocative: "Tell me, Anne")."""
    words = before.rstrip(",").split()
    return before.endswith(",") and bool(words) and words[-1] == "I"


def same_exchange(context: Context, first: Utterance, second: Utterance) -> bool:
    """Whether two utterances are close enough to be turns of one conversation."""
    if abs(second.paragraph - first.paragraph) > EXCHANGE_GAP:
        return False
    return context.scene_of(first.start) == context.scene_of(second.start)


def assign_addressees(context: Context, utterance_vocatives: dict[int, list[str]],
                      tag_addressees: dict[int, list[str]],
                      thoughts: Collection[int] = (), witness: Witness | None = None) -> None:
    """Fill ``addressees`` of every utterance (speakers must be decided already): the
    people named (vocatives, tag), the other speakers of the exchange around it and the
    ``witness`` where present, except for ``thoughts`` ('"...," thought Alice'), which
    no one hears."""
    for index, utterance in enumerate(context.utterances):
        found = utterance_vocatives.get(index, []) + tag_addressees.get(index, [])
        if utterance.speaker is not None and index not in thoughts:
            found += listeners(context, index)
            if witness is not None and witness.hears(utterance.paragraph):
                found.append(witness.character)
        utterance.addressees = [c for c in dict.fromkeys(found) if c != utterance.speaker]


def listeners(context: Context, index: int) -> list[str]:
    """The exchange's other speakers who hear utterance ``index``, nearest first."""
    speaker = context.utterances[index].speaker
    found = [(d, s) for d, s in _turn_speakers(context, index, PARTICIPANT_WINDOW)
             if s != speaker]
    if len({s for _, s in found}) <= SMALL_EXCHANGE:
        found = [(d, s) for d, s in found if d <= NEAR_TURNS]
    return [s for _, s in found]


def participants(context: Context, index: int, window: int = PARTICIPANT_WINDOW) -> list[str]:
    """Speakers of the utterances within ``window`` turns of ``index`` that belong to
    the same exchange, nearest first."""
    return [speaker for _, speaker in _turn_speakers(context, index, window)]


def _turn_speakers(context: Context, index: int, window: int) -> list[tuple[int, str]]:
    """(distance in turns, speaker) of the utterances within ``window`` turns of
    ``index`` in the same exchange, nearest first."""
    utterances = context.utterances
    found = []
    for direction in (-1, 1):
        current = index
        for _ in range(window):
            following = current + direction
            if not 0 <= following < len(utterances):
                break
            pair = sorted((utterances[current], utterances[following]), key=lambda u: u.index)
            if not same_exchange(context, *pair):
                break
            current = following
            if utterances[current].speaker:
                found.append((abs(current - index), utterances[current].speaker))
    return sorted(found, key=lambda item: item[0])
