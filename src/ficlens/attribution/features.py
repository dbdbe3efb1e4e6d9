"""Candidate speakers of an utterance and the features the ranker scores them by.

Candidates are the characters mentioned near the utterance (its paragraph, the
:data:`PARAGRAPHS_BEFORE` paragraphs before and the one after), the speakers of the
neighbouring utterances, the people addressed by name just before, and the narrator.
Every feature is a number in [0, 1] (most are yes/no); :data:`FEATURES` fixes their
order in the vectors and in the shipped weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ficlens.attribution.addressees import participants, same_exchange
from ficlens.attribution.context import Context, Utterance
from ficlens.attribution.lexicon import SPEECH_VERBS
from ficlens.attribution.tags import Tag

PARAGRAPHS_BEFORE = 3
#: Speakers and vocatives of this many earlier utterances are candidates (a character
#: silent through a long two-person exchange is still in the scene)…
RECENT_UTTERANCES = 16
#: …when they lie within this many paragraphs.
SCENE_PARAGRAPHS = 12
#: Turns before and after an utterance whose speakers are the exchange's participants.
EXCHANGE_TURNS = 16

FEATURES = [
    "tag_speech_subject",    # named subject of a speech verb next to the quote
    "tag_speech_pronoun",    # pronoun subject of a speech verb, as coref resolved it
    "gender_recency",        # 1 / rank by last mention among characters of the tag's gender
    "tag_joined_subject",    # subject of any verb joined to the quote by punctuation
    "beat_after_subject",    # subject of the sentence right after the quote
    "beat_before_subject",   # subject of the sentence right before the quote
    "para_mention",          # named in the narration of the same paragraph
    "para_first_mention",    # the first character named there
    "quote_mention",         # named inside the quote (not as a vocative)
    "vocative_here",         # addressed by name in this quote
    "vocative_before",       # addressed by name in the previous utterance
    "addressed_before",      # spoken to in the previous utterance's tag ("said to X")
    "prev_speaker",          # spoke the previous utterance of this exchange
    "alternation_before",    # spoke two turns ago, someone else in between
    "next_speaker",          # speaks the next utterance (when known)
    "alternation_after",     # speaks two turns later, someone else in between
    "prev_para_subject",     # last subject of the narration paragraph before
    "prev_para_mention",     # named in the paragraph before
    "recency",               # 1 / rank among characters by last mention before the quote
    "closeness",             # how near the nearest mention is (decays with distance)
    "frequency",             # share of the document's mentions
    "narrator",              # the first-person narrator
    "pronoun_agrees",        # the tag's pronoun matches the character's gender
    "pronoun_contradicts",   # the tag's pronoun contradicts the character's known gender
    "no_exchange",           # no neighbouring turn known
    "turn_same",             # nearest tagged turn of the same parity in the run
    "turn_opposite",         # nearest tagged turn of the other parity in the run
    "prev_para_speaks",      # subject of a speech verb in the narration paragraph before
    "exchange_participant",  # speaks within a few turns of this one, in the same exchange
    "null",                  # the extra candidate standing for "someone not listed"
]
INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass
class Evidence:
    """What the text around one utterance says, computed once."""

    tags: list[Tag]
    vocatives: list[str]
    quote_mentions: list[str] = field(default_factory=list)
    tag_pronoun: str | None = None
    #: The character a tag names by family role ("said her mother"), if one fits.
    relative: str | None = None
    #: Spans of text to ignore when looking for mentions (a tag hidden for training).
    hidden: list[tuple[int, int]] = field(default_factory=list)

    def visible(self, offset: int) -> bool:
        return not any(start <= offset < end for start, end in self.hidden)


class FeatureBuilder:
    def __init__(self, context: Context, evidence: list[Evidence], narrator: str | None,
                 genders: dict[str, str | None],
                 anchors: dict[int, tuple[str | None, str | None]] | None = None) -> None:
        self.context = context
        self.anchors = anchors or {}
        self.evidence = evidence
        self.narrator = narrator
        self.genders = genders
        self.total_mentions = max(1, sum(context.mention_counts.values()))
        self._narration: dict[int, list[tuple[int, str]]] = {}
        self._subjects: dict[int, list[str]] = {}
        self._neighbours: dict[int, list[Utterance | None]] = {}

    def narration_mentions(self, paragraph: int) -> list[tuple[int, str]]:
        """(offset, character) of resolved mentions outside quotes in a paragraph."""
        if paragraph not in self._narration:
            start, end = self.context.paragraph_span(paragraph)
            self._narration[paragraph] = [
                (m.start, m.character) for m in self.context.mentions_between(start, end)
                if m.character and not self.context.inside_quote(m.start)]
        return self._narration[paragraph]

    def subjects(self, paragraph: int) -> list[str]:
        """Characters who are subjects in a paragraph's narration, in order; not those of
        a clause that describes a noun ('the words she wanted to hear')."""
        if paragraph not in self._subjects:
            tokens = self.context.tokens
            start, end = self.context.paragraph_span(paragraph)
            found = []
            for row in tokens.rows_between(start, end):
                if tokens.dep[row] in ("nsubj", "nsubjpass") and (
                        tokens.dep[int(tokens.head[row])] not in ("relcl", "acl")):
                    character = self.context.narration_character(row)
                    if character:
                        found.append(character)
            self._subjects[paragraph] = found
        return self._subjects[paragraph]

    def neighbours(self, index: int) -> list[Utterance | None]:
        """Utterances at index-2, -1, +1, +2 when in the same exchange (else None)."""
        if index in self._neighbours:
            return self._neighbours[index]
        utterances = self.context.utterances
        found: list[Utterance | None] = []
        for step in (-2, -1, 1, 2):
            other = index + step
            ok = 0 <= other < len(utterances)
            if ok:
                low, high = sorted((utterances[index], utterances[other]),
                                   key=lambda u: u.index)
                ok = same_exchange(self.context, low, high) and all(
                    same_exchange(self.context, utterances[k], utterances[k + 1])
                    for k in range(low.index, high.index))
            found.append(utterances[other] if ok else None)
        self._neighbours[index] = found
        return found

    def candidates(self, index: int) -> list[str]:
        utterance = self.context.utterances[index]
        found: list[str] = []
        first = max(0, utterance.paragraph - PARAGRAPHS_BEFORE)
        evidence = self.evidence[index]
        for paragraph in range(first, utterance.paragraph + 2):
            found.extend(c for o, c in self.narration_mentions(paragraph) if evidence.visible(o))
        for neighbour in self.neighbours(index):
            if neighbour and neighbour.speaker:
                found.append(neighbour.speaker)
        utterances = self.context.utterances
        for other in range(max(0, index - RECENT_UTTERANCES), index):
            if utterances[index].paragraph - utterances[other].paragraph <= SCENE_PARAGRAPHS:
                if utterances[other].speaker:
                    found.append(utterances[other].speaker)
                found.extend(self.evidence[other].vocatives)
        found.extend(self.evidence[index].quote_mentions)
        for tag in self.evidence[index].tags:
            if tag.character:
                found.append(tag.character)
        if self.narrator:
            found.append(self.narrator)
        found.extend(c for c in self.anchors.get(index, ()) if c)
        found = [c for c in dict.fromkeys(found) if c in self.context.known]
        pronoun = evidence.tag_pronoun
        agreeing = [c for c in found if not gender_contradicts(pronoun, self.genders.get(c))]
        found = agreeing or found
        return found

    def matrix(self, index: int, candidates: list[str]) -> np.ndarray:
        """One row per candidate, then the null candidate's row."""
        rows = np.zeros((len(candidates) + 1, len(FEATURES)), dtype=np.float64)
        shared = self._shared(index)
        for row, candidate in enumerate(candidates):
            self._fill(rows[row], candidate, index, shared)
        rows[-1, INDEX["null"]] = 1.0
        return rows

    def speech_subjects(self, paragraph: int) -> list[str]:
        """Characters who are subjects of a speech verb in a paragraph's narration."""
        tokens = self.context.tokens
        start, end = self.context.paragraph_span(paragraph)
        found = []
        for row in tokens.rows_between(start, end):
            if tokens.dep[row] not in ("nsubj", "nsubjpass"):
                continue
            head = int(tokens.head[row])
            if tokens.lemma[head].lower() not in SPEECH_VERBS:
                continue
            character = self.context.narration_character(row)
            if character:
                found.append(character)
        return found

    def _shared(self, index: int) -> dict:
        utterance = self.context.utterances[index]
        evidence = self.evidence[index]
        narration = [(o, c) for o, c in self.narration_mentions(utterance.paragraph)
                     if evidence.visible(o)]
        before = []
        first = max(0, utterance.paragraph - PARAGRAPHS_BEFORE)
        for paragraph in range(first, utterance.paragraph + 1):
            before.extend((o, c) for o, c in self.narration_mentions(paragraph)
                          if o < utterance.end and evidence.visible(o))
        last_seen: dict[str, int] = {}
        for offset, character in before:
            last_seen[character] = offset
        order = sorted(last_seen, key=lambda c: -last_seen[c])
        previous = utterance.paragraph - 1
        prev_has_quote = previous in self.context.by_paragraph
        previous_evidence = (self.evidence[index - 1] if index > 0 and same_exchange(
            self.context, self.context.utterances[index - 1], utterance) else None)
        return {
            "utterance": utterance, "evidence": evidence,
            "narration": {c for _, c in narration},
            "first": narration[0][1] if narration else None,
            "rank": {c: r for r, c in enumerate(order)}, "last_seen": last_seen,
            "order": order,
            "neighbours": self.neighbours(index),
            "prev_subject": (self.subjects(previous)[-1:] if previous >= 0
                             and not prev_has_quote else []),
            "prev_speaks": (self.speech_subjects(previous) if previous >= 0
                            and not prev_has_quote else []),
            "prev_mentions": {c for _, c in self.narration_mentions(previous)}
            if previous >= 0 else set(),
            "participants": set(participants(self.context, index, EXCHANGE_TURNS)),
            "vocative_before": previous_evidence.vocatives if previous_evidence else [],
            "addressed_before": [a for t in previous_evidence.tags for a in t.addressees]
            if previous_evidence else [],
        }

    def _fill(self, row: np.ndarray, candidate: str, index: int, shared: dict) -> None:
        evidence: Evidence = shared["evidence"]
        utterance: Utterance = shared["utterance"]
        f = INDEX
        _fill_tags(row, candidate, evidence)
        row[f["para_mention"]] = candidate in shared["narration"]
        row[f["para_first_mention"]] = candidate == shared["first"]
        row[f["vocative_here"]] = candidate in evidence.vocatives
        row[f["quote_mention"]] = (candidate in evidence.quote_mentions
                                   and candidate not in evidence.vocatives)
        row[f["vocative_before"]] = candidate in shared["vocative_before"]
        row[f["addressed_before"]] = candidate in shared["addressed_before"]
        two_back, one_back, one_on, two_on = shared["neighbours"]
        row[f["prev_speaker"]] = bool(one_back and one_back.speaker == candidate)
        row[f["alternation_before"]] = bool(
            two_back and one_back and two_back.speaker == candidate
            and one_back.speaker not in (None, candidate))
        row[f["next_speaker"]] = bool(one_on and one_on.speaker == candidate)
        row[f["alternation_after"]] = bool(
            two_on and one_on and two_on.speaker == candidate
            and one_on.speaker not in (None, candidate))
        row[f["no_exchange"]] = not any(n and n.speaker for n in shared["neighbours"])
        row[f["prev_para_subject"]] = candidate in shared["prev_subject"]
        row[f["prev_para_mention"]] = candidate in shared["prev_mentions"]
        row[f["prev_para_speaks"]] = candidate in shared["prev_speaks"]
        row[f["exchange_participant"]] = candidate in shared["participants"]
        rank = shared["rank"].get(candidate)
        row[f["recency"]] = 1.0 / (1 + rank) if rank is not None else 0.0
        seen = shared["last_seen"].get(candidate)
        row[f["closeness"]] = (math.exp(-max(0, utterance.start - seen) / 400)
                               if seen is not None else 0.0)
        row[f["frequency"]] = min(1.0, 5 * self.context.mention_counts.get(candidate, 0)
                                  / self.total_mentions)
        row[f["narrator"]] = candidate == self.narrator
        same, opposite = self.anchors.get(index, (None, None))
        row[f["turn_same"]] = candidate == same
        row[f["turn_opposite"]] = candidate == opposite
        pronoun = evidence.tag_pronoun
        gender = self.genders.get(candidate)
        row[f["pronoun_agrees"]] = bool(pronoun and gender == pronoun)
        row[f["pronoun_contradicts"]] = gender_contradicts(pronoun, gender)
        if pronoun and row[f["pronoun_agrees"]]:
            same = [c for c in shared["order"] if self.genders.get(c) == pronoun]
            if candidate in same:
                row[f["gender_recency"]] = 1.0 / (1 + same.index(candidate))


def gender_contradicts(stated: str | None, gender: str | None) -> bool:
    """Whether the gender a tag states ("she said") rules out a character of ``gender``;
    an unknown gender on either side rules nothing out."""
    return bool(stated and gender and gender != stated)


def _fill_tags(row: np.ndarray, candidate: str, evidence: Evidence) -> None:
    """The tag features: where the candidate is the subject of a clause next to the quote."""
    for tag in evidence.tags:
        if tag.character != candidate or tag.position == "previous":
            continue
        if tag.speech and (tag.joined or tag.position == "between"):
            name = "tag_speech_pronoun" if tag.subject_kind == "pronoun" else (
                "tag_speech_subject")
        elif tag.joined:
            name = "tag_joined_subject"
        elif tag.position == "after":
            name = "beat_after_subject"
        else:
            name = "beat_before_subject"
        row[INDEX[name]] = 1
