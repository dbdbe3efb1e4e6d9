"""Deciding the speakers of a run of dialogue together, as one sequence.

Easy-first decoding (:mod:`ficlens.attribution.decode`) chooses one turn at a time,
and a wrong early choice misleads the turns after it: in a two-person exchange one
side goes to a third character, and the alternation features carry the wrong pair
through the run. Here every run of turns (:func:`ficlens.attribution.turns.runs`) is
decoded at once. Each turn's *local* score for a candidate is the ranker's log
probability with the features that read neighbouring speakers switched off; a
second-order transition score rewards A, B, A, B and penalises a speaker answering
themself or a third voice breaking in. The Viterbi path maximises the sum. Turns a
deterministic sieve decided are fixed points of the path.

The transition probabilities and the weight of the local score were chosen on
LitBank training excerpts (the same values are best there with ficlens's own
characters and with the gold ones).
"""

from __future__ import annotations

import math

import numpy as np

from ficlens.attribution.context import Utterance
from ficlens.attribution.features import INDEX, FeatureBuilder
from ficlens.attribution.ranker import Ranker
from ficlens.attribution.turns import runs

#: Features that read the speakers of neighbouring turns; the sequence replaces them.
NEIGHBOUR_FEATURES = ("prev_speaker", "alternation_before", "next_speaker",
                      "alternation_after", "no_exchange", "turn_same", "turn_opposite")
_NEIGHBOURS = [INDEX[name] for name in NEIGHBOUR_FEATURES]
#: The same speaker twice in a row.
P_REPEAT = 0.05
#: The speaker of two turns ago answers back.
P_ALTERNATE = 0.6
#: Any one other character speaks.
P_OTHER = 0.35
#: Weight of a turn's local log probability against the transition scores.
LOCAL_WEIGHT = 2.0
#: Sieves whose decisions are fixed points of the path (the ranker's are re-decided).
RANKED = frozenset({"ranker", "continuation", None})

#: One turn's options: candidate speakers and their local scores.
Options = tuple[list[str | None], np.ndarray]


def decode_runs(builder: FeatureBuilder, ranker: Ranker) -> set[int]:
    """Re-decide the ranked turns of every run as one sequence; return the indexes of
    the utterances whose speaker the sequence chose."""
    chosen: set[int] = set()
    for run in runs(builder.context):
        heads = [turn[0] for turn in run]
        if all(head.sieve not in RANKED for head in heads):
            continue
        present = [head.speaker for head in heads if head.speaker]
        options = [_options(builder, ranker, head, present) for head in heads]
        for turn, speaker in zip(run, best_path(options), strict=True):
            if turn[0].sieve not in RANKED:
                continue
            for utterance in turn:
                if utterance.sieve in RANKED:
                    utterance.speaker = speaker
                    chosen.add(utterance.index)
    return chosen


def _options(builder: FeatureBuilder, ranker: Ranker, head: Utterance,
             present: list[str]) -> Options:
    if head.sieve not in RANKED and head.speaker:
        return [head.speaker], np.zeros(1)
    candidates = list(dict.fromkeys(builder.candidates(head.index) + present))
    if not candidates:
        return [None], np.zeros(1)
    matrix = builder.matrix(head.index, candidates)
    matrix[:, _NEIGHBOURS] = 0.0
    probabilities = ranker.probabilities(matrix)[:-1]
    return candidates, LOCAL_WEIGHT * np.log(np.maximum(probabilities, 1e-9))


def transition(before: str | None, previous: str | None, speaker: str | None) -> float:
    """Log score of ``speaker`` following ``previous``, who followed ``before``."""
    if speaker == previous:
        return math.log(P_REPEAT)
    if before is None:
        return math.log(1 - P_REPEAT)
    return math.log(P_ALTERNATE if speaker == before else P_OTHER)


def best_path(options: list[Options]) -> list[str | None]:
    """The speaker sequence maximising local plus transition scores (second-order
    Viterbi: a state is the pair of the last two speakers)."""
    first, scores = options[0]
    states = {(None, speaker): float(score) for speaker, score in zip(first, scores,
                                                                        strict=True)}
    back: list[dict[tuple, tuple]] = [{}]
    for candidates, local in options[1:]:
        following: dict[tuple, float] = {}
        pointers: dict[tuple, tuple] = {}
        for (before, previous), total in states.items():
            for speaker, score in zip(candidates, local, strict=True):
                value = total + score + transition(before, previous, speaker)
                key = (previous, speaker)
                if key not in following or value > following[key]:
                    following[key], pointers[key] = value, (before, previous)
        states = following
        back.append(pointers)
    state = max(states, key=states.__getitem__)
    path = [state[1]]
    for pointers in reversed(back[1:]):
        state = pointers[state]
        path.append(state[1])
    return path[::-1]
