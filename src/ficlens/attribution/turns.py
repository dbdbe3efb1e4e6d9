"""Turn-taking in runs of dialogue: A, B, A, B…

A *run* is a stretch of utterances in consecutive paragraphs, one utterance per
paragraph, with no narration paragraph between them and no scene break. A
multi-paragraph quotation (a continuation) is one turn. Inside a run, turns
alternate between two speakers, so an utterance two turns away from a tagged one
usually has the same speaker. :func:`turn_anchors` tells each utterance the nearest
tagged speaker of the same parity and of the opposite parity; :func:`apply` decides
the utterances of runs whose tagged turns agree on exactly two alternating speakers,
up to a turn whose paragraph opens with narration (one speaker may go on there).
"""

from __future__ import annotations

from collections.abc import Callable

from ficlens.attribution.context import Context, Utterance

#: Decisions further than this many turns from an agreeing anchor are left to the ranker.
MAX_TURNS_FROM_ANCHOR = 6


def runs(context: Context) -> list[list[list[Utterance]]]:
    """Runs of turns; each turn is the list of utterances it is made of."""
    found: list[list[list[Utterance]]] = []
    current: list[list[Utterance]] = []
    previous: Utterance | None = None
    for utterance in context.utterances:
        alone = len(context.by_paragraph.get(utterance.paragraph, [])) == 1
        if previous is not None and utterance.continues:
            if current:
                current[-1].append(utterance)
            previous = utterance
            continue
        joins = (previous is not None and alone and utterance.paragraph == previous.paragraph + 1
                 and context.scene_of(utterance.start) == context.scene_of(previous.start))
        if not joins:
            if len(current) > 1:
                found.append(current)
            current = []
        current.append([utterance])
        previous = utterance if alone else None
    if len(current) > 1:
        found.append(current)
    return found


def turn_anchors(context: Context, anchored: set[int]) -> dict[int, tuple[str | None, str | None]]:
    """Utterance index -> (nearest anchored speaker at the same parity, at the other
    parity), never counting the utterance's own turn."""
    result: dict[int, tuple[str | None, str | None]] = {}
    for run in runs(context):
        speakers = [_turn_speaker(turn, anchored) for turn in run]
        for position, turn in enumerate(run):
            same = _nearest(speakers, position, parity=0)
            other = _nearest(speakers, position, parity=1)
            for utterance in turn:
                result[utterance.index] = (same, other)
    return result


def _turn_speaker(turn: list[Utterance], anchored: set[int]) -> str | None:
    for utterance in turn:
        if utterance.index in anchored and utterance.speaker:
            return utterance.speaker
    return None


def _nearest(speakers: list[str | None], position: int, parity: int) -> str | None:
    best, best_distance = None, None
    for index, speaker in enumerate(speakers):
        distance = abs(index - position)
        if speaker is None or distance == 0 or distance % 2 != parity or (
                distance > MAX_TURNS_FROM_ANCHOR):
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = speaker, distance
    return best


def apply(context: Context, anchored: set[int], confidence: float,
          fits: Callable[[Utterance, str], bool] = lambda utterance, speaker: True) -> None:
    """Decide undecided turns of runs whose anchors alternate between two speakers;
    an utterance whose own evidence does not ``fit`` its turn's speaker (a "she said"
    for a man) is left to the ranker."""
    for run in runs(context):
        speakers = [_turn_speaker(turn, anchored) for turn in run]
        even = {s for i, s in enumerate(speakers) if s and i % 2 == 0}
        odd = {s for i, s in enumerate(speakers) if s and i % 2 == 1}
        if len(even) != 1 or len(odd) != 1 or even == odd:
            continue
        pair = (next(iter(even)), next(iter(odd)))
        for position, turn in enumerate(run):
            if speakers[position] is not None:
                continue
            distance, nearest = min((abs(position - i), i) for i, s in enumerate(speakers) if s)
            if distance > MAX_TURNS_FROM_ANCHOR:
                continue
            low, high = sorted((nearest, position))
            if any(opens_with_narration(context, run[k][0]) for k in range(low + 1, high + 1)):
                continue  # the speaker may go on there, and the parity with them
            for utterance in turn:
                if utterance.sieve is None and fits(utterance, pair[position % 2]):
                    utterance.speaker = pair[position % 2]
                    utterance.sieve = "turns"
                    utterance.confidence = confidence


def opens_with_narration(context: Context, utterance: Utterance) -> bool:
    """Whether narration opens the utterance's paragraph ('His face clouded. "Go
    home?"'): there, one speaker often goes on from the turn before."""
    start, _ = context.paragraph_span(utterance.paragraph)
    return any(ch.isalpha() for ch in context.doc.text[start:utterance.start])
