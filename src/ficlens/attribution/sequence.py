"""Deciding the speakers of a run of dialogue together, as one sequence.

Easy-first decoding (:mod:`ficlens.attribution.decode`) chooses one turn at a time,
and a wrong early choice misleads the turns after it: in a two-person exchange one
side goes to a third character, and the alternation features carry the wrong pair
through the run. Here every run of turns (:func:`ficlens.attribution.turns.runs`) is
decoded at once. Each turn's *local* score for a candidate is the ranker's log
probability with the features that read neighbouring speakers switched off; a
second-order transition score rewards A, B, A, B and penalises a speaker answering
themself (less so where narration comes between the two turns) or a third voice
breaking in. The Viterbi path maximises the sum. Turns a deterministic sieve decided
are fixed points of the path.

The alternation probabilities and the weight of the local score were chosen on
LitBank training excerpts (the same values are best there with ficlens's own
characters and with the gold ones). The repeat probabilities are the rates counted
there: in 496 pairs of bare quotation turns the speaker repeats 2.4% of the time, in
143 with a short tag after the first quotation 4.9%, in 66 with longer narration after
it 28.8%, in 66 with narration opening the second turn's paragraph 31.8%.
"""

from __future__ import annotations

import math

import numpy as np

from ficlens.attribution.context import Context, Utterance
from ficlens.attribution.features import INDEX, FeatureBuilder
from ficlens.attribution.ranker import Ranker
from ficlens.attribution.turns import opens_with_narration, runs

#: Features that read the speakers of neighbouring turns; the sequence replaces them.
NEIGHBOUR_FEATURES = ("prev_speaker", "alternation_before", "next_speaker",
                      "alternation_after", "no_exchange", "turn_same", "turn_opposite")
_NEIGHBOURS = [INDEX[name] for name in NEIGHBOUR_FEATURES]
#: The same speaker twice in a row: after a turn that is only a quotation…
P_REPEAT = 0.02
#: …when a tag follows the previous turn's quotation ('"Dearest!" he said.')…
P_REPEAT_AFTER = 0.05
#: …and when narration opens the turn's own paragraph ('His face clouded. "Go home?"')
#: or more than a tag's :data:`TAG_LETTERS` letters follow the previous quotation.
P_REPEAT_BEAT = 0.3
TAG_LETTERS = 40
#: Fewer letters than this after a quotation are stray marks, not a tag ('"No!" "Yes."').
MIN_TAG_LETTERS = 4
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
        repeats = [P_REPEAT] + [repeat_probability(builder.context, previous[-1], turn[0])
                                for previous, turn in zip(run, run[1:], strict=False)]
        for turn, speaker in zip(run, best_path(options, repeats), strict=True):
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


def repeat_probability(context: Context, previous: Utterance, current: Utterance) -> float:
    """How likely ``current`` is spoken by the speaker of ``previous``, the turn before
    it: narration between them lets one speaker go on ('"Dearest!" he said, without
    moving. …' / 'His face clouded. "Go home?"'); two bare quotations are nearly always
    two speakers."""
    if opens_with_narration(context, current):
        return P_REPEAT_BEAT
    _, end = context.paragraph_span(previous.paragraph)
    letters = sum(ch.isalpha() for ch in context.doc.text[previous.end:end])
    if letters > TAG_LETTERS:
        return P_REPEAT_BEAT
    return P_REPEAT_AFTER if letters >= MIN_TAG_LETTERS else P_REPEAT


def transition(before: str | None, previous: str | None, speaker: str | None,
               repeat: float = P_REPEAT) -> float:
    """Log score of ``speaker`` following ``previous``, who followed ``before``, when
    the same speaker goes on with probability ``repeat``."""
    if speaker == previous:
        return math.log(repeat)
    if before is None:
        return math.log(1 - repeat)
    return math.log((1 - repeat) * (P_ALTERNATE if speaker == before else P_OTHER)
                    / (P_ALTERNATE + P_OTHER))


def best_path(options: list[Options], repeats: list[float] | None = None
              ) -> list[str | None]:
    """The speaker sequence maximising local plus transition scores (second-order
    Viterbi: a state is the pair of the last two speakers); ``repeats[i]`` is the
    probability that turn i repeats the speaker of turn i - 1."""
    repeats = repeats or [P_REPEAT] * len(options)
    first, scores = options[0]
    states = {(None, speaker): float(score) for speaker, score in zip(first, scores,
                                                                        strict=True)}
    back: list[dict[tuple, tuple]] = [{}]
    for (candidates, local), repeat in zip(options[1:], repeats[1:], strict=True):
        following: dict[tuple, float] = {}
        pointers: dict[tuple, tuple] = {}
        for (before, previous), total in states.items():
            for speaker, score in zip(candidates, local, strict=True):
                value = total + score + transition(before, previous, speaker, repeat)
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
