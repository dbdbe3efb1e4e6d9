"""Subjects of speech verbs on hand-built parses, including the parser's usual misses."""

from __future__ import annotations

import pytest

from ficlens.attribution.context import Context
from ficlens.attribution.subjects import SubjectFinder, leading_word

NAMES = {"Anya": "c0", "Spike": "c2"}


def subject_word(docs, tokens: list[str], verb: int) -> str | None:
    """The word :meth:`SubjectFinder.row` gives as the subject of token ``verb``."""
    context = Context(docs.story([tokens], NAMES))
    table = context.tokens
    found = SubjectFinder(context).row(verb, list(range(len(table))))
    return None if found is None else table.lower[found]


@pytest.mark.parametrize(("tokens", "verb", "expected"), [
    (["Anya/PROPN/nsubj/1", "said/VERB/ROOT/-/say", "./PUNCT/punct/1"], 1, "anya"),
    # said he, turning  (the parser gives "he" to "turning")
    (["said/VERB/ROOT/-/say", "he/PRON/nsubj/3", ",/PUNCT/punct/3",
      "turning/VERB/advcl/0/turn"], 0, "he"),
    # whispered her old brother  (taken for an object)
    (["whispered/VERB/ROOT/-/whisper", "her/PRON/poss/3", "old/ADJ/amod/3",
      "brother/NOUN/dobj/0"], 0, "brother"),
    # said the words  (an object that names no one)
    (["said/VERB/ROOT/-/say", "the/DET/det/2", "words/NOUN/dobj/0"], 0, None),
    # Spike, politely bowing, replied
    (["Spike/PROPN/npadvmod/3", ",/PUNCT/punct/3", "politely/ADV/advmod/3",
      "bowing/VERB/ROOT/-/bow", ",/PUNCT/punct/3", "replied/VERB/conj/3/reply"], 5,
     "spike"),
    # Spike took an opportunity of thanking her
    (["Spike/PROPN/nsubj/1", "took/VERB/ROOT/-/take", "an/DET/det/3",
      "opportunity/NOUN/dobj/1", "of/ADP/prep/3", "thanking/VERB/pcomp/4/thank",
      "her/PRON/dobj/5"], 5, "spike"),
    # cried Spike  (a name the tagger took for an adverb)
    (["cried/VERB/ROOT/-/cry", "Spike/ADV/advmod/0", "./PUNCT/punct/0"], 0, "spike"),
    # May brightly agreed  (a name the parser took for a modal: here Spike as AUX)
    (["Spike/AUX/aux/2", "brightly/ADV/advmod/2", "agreed/VERB/ROOT/-/agree"], 2, "spike"),
    # replied the medicine man  (a compound before the person noun, taken for an object)
    (["replied/VERB/ROOT/-/reply", "the/DET/det/3", "medicine/NOUN/compound/3",
      "man/NOUN/dobj/0", "./PUNCT/punct/0"], 0, "man"),
    # rejoined the now mollified General  (an adverb among the modifiers)
    (["rejoined/VERB/ROOT/-/rejoin", "the/DET/det/4", "now/ADV/advmod/3",
      "mollified/ADJ/amod/4", "General/PROPN/dobj/0", "./PUNCT/punct/0"], 0, "general"),
    # exclaimed the voice of old Spike  (a body part, whose owner the tag reads next)
    (["exclaimed/VERB/ROOT/-/exclaim", "the/DET/det/2", "voice/NOUN/dobj/0",
      "of/ADP/prep/2", "old/ADJ/amod/5", "Spike/PROPN/pobj/3"], 0, "voice"),
    # said the long words  (a phrase that names no one)
    (["said/VERB/ROOT/-/say", "the/DET/det/3", "long/ADJ/amod/3", "words/NOUN/dobj/0"],
     0, None),
    # Not saying Spike's name was wise  (an owner after a verb is no inverted subject)
    (["Not/PART/neg/1", "saying/VERB/csubj/5/say", "Spike/PROPN/poss/4", "'s/PART/case/2",
      "name/NOUN/dobj/1", "was/AUX/ROOT/-/be", "wise/ADJ/acomp/5"], 1, None),
    # was Spike's final summing up  (after "was" the owner is the speaker)
    (["was/AUX/ROOT/-/be", "Spike/PROPN/poss/4", "'s/PART/case/1", "final/ADJ/amod/4",
      "summing/NOUN/attr/0", "up/ADP/prt/4"], 0, "spike"),
    # told Spike's answer  (so is the owner of what was said)
    (["told/VERB/ROOT/-/tell", "Spike/PROPN/poss/3", "'s/PART/case/1",
      "answer/NOUN/dobj/0"], 0, "spike"),
    # Anya asked, and, when he made no reply, said  (his clause is not hers)
    (["Anya/PROPN/nsubj/1", "asked/VERB/ROOT/-/ask", ",/PUNCT/punct/1", "and/CCONJ/cc/1",
      ",/PUNCT/punct/1", "when/SCONJ/advmod/7", "he/PRON/nsubj/7", "made/VERB/advcl/11/make",
      "no/DET/det/9", "reply/NOUN/dobj/7", ",/PUNCT/punct/11", "said/VERB/conj/1/say"],
     11, "anya"),
    # Anya waited until Spike wandered in and said  ("said" hung from "waited", but the
    # "and" from "wandered": the clause holds both verbs)
    (["Anya/PROPN/nsubj/1", "waited/VERB/ROOT/-/wait", "until/SCONJ/mark/4",
      "Spike/PROPN/nsubj/4", "wandered/VERB/advcl/1/wander", "in/ADP/prt/4",
      "and/CCONJ/cc/4", "said/VERB/conj/1/say"], 7, "spike"),
    # when Spike came in and said  (a verb joined to the clause's own verb is his)
    (["when/SCONJ/advmod/2", "Spike/PROPN/nsubj/2", "came/VERB/ROOT/-/come", "in/ADP/prt/2",
      "and/CCONJ/cc/2", "said/VERB/conj/2/say"], 5, "spike"),
    # turning again to Spike  (the one turned to is no inverted subject)
    (["turning/VERB/ROOT/-/turn", "again/ADV/advmod/0", "to/ADP/prep/0",
      "Spike/PROPN/pobj/2"], 0, None),
    # put in Spike  (a speech phrase whose "in" the parser took for a preposition)
    (["put/VERB/ROOT/-/put", "in/ADP/prep/0", "Spike/PROPN/pobj/1"], 0, "spike"),
])
def test_subjects_row_finds_the_speaker(tokens, verb, expected, docs):
    assert subject_word(docs, tokens, verb) == expected


def test_subjects_leading_word_drops_glued_marks():
    assert leading_word('said--"But', 0, 10) == "said"
    assert leading_word("--", 0, 2) == ""


@pytest.mark.parametrize(("tokens", "expected"), [
    # Spike's voice said
    (["Spike/PROPN/poss/2", "'s/PART/case/0", "voice/NOUN/nsubj/3", "said/VERB/ROOT/-/say"],
     "spike"),
    # said the voice of Spike
    (["said/VERB/ROOT/-/say", "the/DET/det/2", "voice/NOUN/nsubj/0", "of/ADP/prep/2",
      "Spike/PROPN/pobj/3"], "spike"),
    # said the voice  (no owner)
    (["said/VERB/ROOT/-/say", "the/DET/det/2", "voice/NOUN/nsubj/0"], "voice"),
])
def test_subjects_possessor_owns_the_voice(tokens, expected, docs):
    context = Context(docs.story([tokens], NAMES))
    rows = list(range(len(context.tokens)))
    voice = context.tokens.lower.index("voice")
    found = SubjectFinder(context).possessor(voice, rows)
    assert context.tokens.lower[found] == expected
