"""Candidates and features of the speaker ranker."""

from __future__ import annotations

from ficlens.attribution.features import SCENE_PARAGRAPHS
from ficlens.attribution.ranker import default_ranker
from ficlens.attribution.sieves import attribute

NAMES = {"Anya": "c0", "Buffy": "c1", "Spike": "c2"}


def candidates_of_last(doc) -> list[str]:
    context = attribute(doc, default_ranker())
    return context.features.candidates(len(context.utterances) - 1)


def test_features_a_speaker_of_a_dozen_turns_back_is_still_a_candidate(docs):
    # Spike speaks, then Anya and Buffy trade eleven lines: Spike is still in the scene
    turns = [docs.said("Spike")] + [docs.said(("Anya", "Buffy")[i % 2]) for i in range(11)]
    doc = docs.story([*turns, docs.untagged("Well")], NAMES)
    assert "c2" in candidates_of_last(doc)


def test_features_a_speaker_beyond_the_scene_window_is_not_a_candidate(docs):
    narration = ["Time/NOUN/nsubj/1", "passed/VERB/ROOT/-", "./PUNCT/punct/1"]
    doc = docs.story([docs.said("Spike"), *[narration] * (SCENE_PARAGRAPHS + 1),
                      docs.said("Anya"), docs.untagged("Well")], NAMES)
    assert "c2" not in candidates_of_last(doc)


def test_features_a_relative_clause_subject_is_not_the_paragraph_subject(docs):
    # Spike rasped. Not the words Anya wanted.  /  "Well."
    narration = ["Spike/PROPN/nsubj/1", "rasped/VERB/ROOT/-/rasp", "./PUNCT/punct/1",
                 "Not/PART/neg/5", "the/DET/det/5", "words/NOUN/ROOT/-",
                 "Anya/PROPN/nsubj/7", "wanted/VERB/relcl/5/want", "./PUNCT/punct/5"]
    doc = docs.story([narration, docs.untagged("Well")], NAMES)
    context = attribute(doc, default_ranker())
    assert context.features.subjects(0) == ["c2"]
