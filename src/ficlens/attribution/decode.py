"""Deciding the utterances no sieve settled: easy-first, runs as sequences, then a
refining pass.

The ranker's features read the speakers of neighbouring turns, so the order of
decisions matters: a wrong early guess misleads its neighbours. Easy-first
decoding always commits the utterance the ranker is surest about, then rescores
the undecided utterances near it, so evidence spreads outwards from tags and
confident guesses. Then each run of dialogue is decided again as one sequence
(:mod:`ficlens.attribution.sequence`), which undoes chains of early mistakes,
and again, since the candidates of each turn depend on its neighbours' speakers. A
final pass rescores every ranked utterance once all its neighbours are known: it
gives the sequence's choices their confidence and re-decides the utterances outside
runs. A paragraph that continues a quotation takes its speaker
whenever the quotation's first paragraph is decided.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection

import numpy as np

from ficlens.attribution.context import Utterance
from ficlens.attribution.features import FeatureBuilder
from ficlens.attribution.ranker import Ranker
from ficlens.attribution.sequence import decode_runs

#: Called for each utterance the ranker decides: (index, candidates, feature matrix).
Observer = Callable[[int, list[str], np.ndarray], None]
#: Utterances before and after a decided one whose features change with it.
RESCORE_BEFORE = 2
RESCORE_AFTER = 3
REFINE_PASSES = 1
#: Times every run is decoded as a sequence: each pass reads candidates and exchange
#: participants off the speakers the pass before chose (three reach a fixed point).
SEQUENCE_PASSES = 3


def decide(utterance: Utterance, speaker: str | None, sieve: str, confidence: float) -> None:
    utterance.speaker = speaker
    utterance.sieve = sieve
    utterance.confidence = confidence if speaker else 0.0


def score(builder: FeatureBuilder, ranker: Ranker, index: int
          ) -> tuple[str | None, float, list[str], np.ndarray | None]:
    candidates = builder.candidates(index)
    if not candidates:
        return None, 0.0, candidates, None
    matrix = builder.matrix(index, candidates)
    best, confidence = ranker.choose(matrix)
    return candidates[best], confidence, candidates, matrix


def decode(builder: FeatureBuilder, ranker: Ranker, observer: Observer | None = None) -> None:
    """Decide every utterance that has no speaker yet."""
    utterances = builder.context.utterances
    continuation = ranker.confidence("continuation")
    for utterance in utterances:
        if utterance.sieve is not None:
            _carry_on(utterances, utterance.index, continuation)
    pending = {u.index for u in utterances if u.sieve is None}
    version = dict.fromkeys(pending, 0)
    heap: list[tuple[float, int, int, str | None]] = []

    def push(index: int) -> None:
        speaker, confidence, _, _ = score(builder, ranker, index)
        heapq.heappush(heap, (-confidence, index, version[index], speaker))

    for index in sorted(pending):
        push(index)
    while heap:
        negative, index, stamp, speaker = heapq.heappop(heap)
        if index not in pending or stamp != version[index]:
            continue
        decide(utterances[index], speaker, "ranker", -negative)
        pending.discard(index)
        for other in _carry_on(utterances, index, continuation):
            pending.discard(other)
        for other in range(index - RESCORE_BEFORE, index + RESCORE_AFTER + 1):
            if other in pending:
                version[other] += 1
                push(other)
    settled: set[int] = set()
    for _ in range(SEQUENCE_PASSES):
        settled |= decode_runs(builder, ranker)
    refine(builder, ranker, observer, settled)


def refine(builder: FeatureBuilder, ranker: Ranker, observer: Observer | None,
           settled: Collection[int] = ()) -> None:
    """Rescore every ranked utterance; one whose speaker the run's sequence ``settled``
    keeps it (with the ranker's calibrated probability of it as confidence) when the
    ranker lists that speaker at all."""
    ranked = [u for u in builder.context.utterances if u.sieve == "ranker"]
    for remaining in range(REFINE_PASSES, 0, -1):
        for utterance in ranked:
            speaker, confidence, candidates, matrix = score(builder, ranker, utterance.index)
            if observer is not None and remaining == 1 and matrix is not None:
                observer(utterance.index, candidates, matrix)
            if utterance.index in settled and utterance.speaker in candidates:
                probabilities = ranker.probabilities(matrix)
                speaker = utterance.speaker
                confidence = ranker.calibrated(float(probabilities[candidates.index(speaker)]))
            decide(utterance, speaker, "ranker", confidence)


def _carry_on(utterances: list[Utterance], index: int, confidence: float) -> list[int]:
    """Give the paragraphs continuing utterance ``index`` its speaker."""
    carried = []
    source = utterances[index]
    following = index + 1
    while following < len(utterances) and utterances[following].continues and (
            utterances[following].sieve is None):
        decide(utterances[following], source.speaker, "continuation",
               min(confidence, source.confidence) if source.speaker else 0.0)
        carried.append(following)
        following += 1
    return carried
