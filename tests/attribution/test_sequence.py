"""Decoding a run of dialogue as one sequence."""

from __future__ import annotations

import numpy as np

from ficlens.attribution.context import Context
from ficlens.attribution.ranker import default_ranker
from ficlens.attribution.sequence import (
    LOCAL_WEIGHT,
    P_REPEAT,
    P_REPEAT_AFTER,
    P_REPEAT_BEAT,
    best_path,
    repeat_probability,
    transition,
)
from ficlens.attribution.sieves import attribute

NAMES = {"Anya": "c0", "Buffy": "c1", "Spike": "c2"}


def local(**probabilities: float) -> tuple[list[str], np.ndarray]:
    names = list(probabilities)
    return names, LOCAL_WEIGHT * np.log(np.array([probabilities[n] for n in names]))


def fixed(name: str) -> tuple[list[str], np.ndarray]:
    return [name], np.zeros(1)


def test_sequence_transition_prefers_alternation():
    assert transition("A", "B", "A") > transition("A", "B", "C") > transition("A", "B", "B")
    assert transition(None, "A", "B") > transition(None, "A", "A")


def test_sequence_alternation_outweighs_a_weak_local_preference():
    # Greedy choice would give turn 3 to C (0.55 > 0.45); the exchange says A, B, A, B.
    path = best_path([fixed("A"), fixed("B"), local(A=0.45, C=0.55), local(B=0.5, C=0.5)])
    assert path == ["A", "B", "A", "B"]


def test_sequence_strong_local_evidence_brings_in_a_third_speaker():
    path = best_path([fixed("A"), fixed("B"), local(A=0.02, C=0.98)])
    assert path == ["A", "B", "C"]


def test_sequence_narration_lets_the_same_speaker_go_on():
    # After a beat ('His face clouded. "Go home?"') a weak preference for the last
    # speaker holds; between two bare quotations the exchange alternates.
    turns = [fixed("A"), fixed("B"), local(A=0.3, B=0.7)]
    assert best_path(turns, [P_REPEAT, P_REPEAT, P_REPEAT_BEAT]) == ["A", "B", "B"]
    assert best_path(turns, [P_REPEAT] * 3) == ["A", "B", "A"]


def test_sequence_repeat_probability_reads_the_narration_between_turns(docs):
    # "Hello," Anya said.  /  "Yes."  /  "No."  /  Spike sighed. "Fine."
    beat = ["Spike/PROPN/nsubj/1", "sighed/VERB/ROOT/-/sigh", "./PUNCT/punct/1",
            '"/PUNCT/punct/4', "Fine/INTJ/ROOT/-", "./PUNCT/punct/4", '"/PUNCT/punct/4']
    doc = docs.story([docs.said("Anya"), docs.untagged("Yes"), docs.untagged("No"), beat],
                     NAMES)
    first, second, third, fourth = Context(doc).utterances
    assert repeat_probability(Context(doc), first, second) == P_REPEAT_AFTER
    assert repeat_probability(Context(doc), second, third) == P_REPEAT
    assert repeat_probability(Context(doc), third, fourth) == P_REPEAT_BEAT
    assert P_REPEAT < P_REPEAT_AFTER < P_REPEAT_BEAT


def test_sequence_long_narration_after_a_quote_lets_its_speaker_go_on(docs):
    # "Hello," Anya said, and went on looking out at the rain for a while.  /  "Yes."
    long_tail = docs.said("Anya")[:-1] + [
        ",/PUNCT/punct/5", "and/CCONJ/cc/5", "went/VERB/conj/5/go", "on/ADP/prt/9",
        "looking/VERB/xcomp/9/look", "out/ADP/prt/11", "at/ADP/prep/11", "the/DET/det/15",
        "rain/NOUN/pobj/13", "for/ADP/prep/11", "a/DET/det/18", "while/NOUN/pobj/16",
        "./PUNCT/punct/5"]
    context = Context(docs.story([long_tail, docs.untagged("Yes")], NAMES))
    assert repeat_probability(context, *context.utterances) == P_REPEAT_BEAT


def test_sequence_single_turn_takes_its_best_candidate():
    assert best_path([local(A=0.3, B=0.7)]) == ["B"]


def test_sequence_run_keeps_sieve_decisions_and_fills_the_rest(docs):
    doc = docs.story([docs.said("Anya"), docs.said("Buffy"), docs.untagged("Yes"),
                      docs.untagged("No"), docs.said("Anya"), docs.untagged("Fine")], NAMES)
    context = attribute(doc, default_ranker())
    assert [u.speaker for u in context.utterances] == ["c0", "c1", "c0", "c1", "c0", "c1"]
    assert [u.sieve for u in context.utterances][:2] == ["tag_name", "tag_name"]
