"""Sieves and the whole attribution on hand-built documents."""

from __future__ import annotations

import pytest

from ficlens.attribution.ranker import default_ranker
from ficlens.attribution.sieves import attribute, character_gender
from ficlens.model import Character, Mention

NAMES = {"Anya": "c0", "Buffy": "c1", "Spike": "c2"}


def speakers(doc) -> list[tuple[str | None, str | None, str | None]]:
    context = attribute(doc, default_ranker())
    return [(u.speaker, u.sieve, u.kind) for u in context.utterances]


@pytest.mark.parametrize(("verb", "lemma"), [
    ("said", "say"), ("scolded", "scold"), ("crooned", "croon"), ("rasped", "rasp"),
    ("giggled", "giggle"), ("snapped", "snap"), ("murmured", "murmur"),
])
def test_sieves_name_tag_gives_speaker(verb, lemma, docs):
    doc = docs.story([docs.said("Anya", verb, lemma)], NAMES)
    assert speakers(doc) == [("c0", "tag_name", "explicit")]


def test_sieves_inverted_tag_and_tag_before(docs):
    inverted = ['"/PUNCT/punct/5', "Hi/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
                "said/VERB/ROOT/-/say", "Spike/PROPN/nsubj/4", "./PUNCT/punct/4"]
    before = ["Buffy/PROPN/nsubj/1", "said/VERB/ROOT/-/say", ",/PUNCT/punct/1",
              '"/PUNCT/punct/1', "Hi/INTJ/ccomp/1", "./PUNCT/punct/1", '"/PUNCT/punct/1']
    doc = docs.story([inverted, before], NAMES)
    assert [s for s, _, _ in speakers(doc)] == ["c2", "c1"]


def test_sieves_speech_tag_after_the_quote_with_no_person_gives_way(docs):
    # Anya said: "Hi," and its truth was admitted.
    paragraph = ["Anya/PROPN/nsubj/1", "said/VERB/ROOT/-/say", ":/PUNCT/punct/1",
                 '"/PUNCT/punct/4', "Hi/INTJ/ccomp/1", ",/PUNCT/punct/4", '"/PUNCT/punct/4',
                 "and/CCONJ/cc/11", "its/PRON/poss/9", "truth/NOUN/nsubjpass/11",
                 "was/AUX/auxpass/11", "admitted/VERB/ROOT/-/admit", "./PUNCT/punct/11"]
    doc = docs.story([paragraph], NAMES)
    assert speakers(doc) == [("c0", "tag_name", "explicit")]


@pytest.mark.parametrize(("verb", "lemma", "pronoun", "expected"), [
    ("added", "add", "she", "tag_continues"),
    ("added", "add", "he", None),       # not her: someone else goes on
    ("laughed", "laugh", "she", None),  # not a verb of going on
])
def test_sieves_she_added_in_the_same_paragraph_goes_on(verb, lemma, pronoun, expected, docs):
    # "Hello," Anya said. Spike laughed. "Yes," <pronoun> <verb>.
    # (coreference sent the pronoun to Buffy; the beat before names a man)
    paragraph = [*docs.said("Anya"), "Spike/PROPN/nsubj/8", "laughed/VERB/ROOT/-/laugh",
                 "./PUNCT/punct/8", '"/PUNCT/punct/15', "Yes/INTJ/intj/15",
                 ",/PUNCT/punct/15", '"/PUNCT/punct/15', f"{pronoun}/PRON/nsubj/15",
                 f"{verb}/VERB/ROOT/-/{lemma}", "./PUNCT/punct/15"]
    doc = docs.story([paragraph], NAMES, pronouns={pronoun: "c1"},
                     genders={"c0": "she/her", "c1": "she/her", "c2": "he/him"})
    first, second = attribute(doc, default_ranker()).utterances
    assert first.speaker == "c0"
    if expected is None:
        assert second.sieve != "tag_continues"
    else:
        assert (second.speaker, second.sieve) == ("c0", expected)


def test_sieves_vocative_is_addressee_not_speaker(docs):
    # "Now Buffy," Anya scolded, "that was not nice."
    paragraph = ['"/PUNCT/punct/6', "Now/ADV/advmod/6", "Buffy/PROPN/npadvmod/6",
                 ",/PUNCT/punct/6", '"/PUNCT/punct/6', "Anya/PROPN/nsubj/6",
                 "scolded/VERB/ROOT/-/scold", ",/PUNCT/punct/6", '"/PUNCT/punct/6',
                 "that/PRON/nsubj/10", "was/AUX/ccomp/6", "rude/ADJ/acomp/10",
                 "./PUNCT/punct/6", '"/PUNCT/punct/6']
    doc = docs.story([paragraph], NAMES)
    context = attribute(doc, default_ranker())
    (utterance,) = context.utterances
    assert len(utterance.parts) == 2
    assert (utterance.speaker, utterance.kind) == ("c0", "explicit")
    assert utterance.addressees == ["c1"]
    assert utterance.confidence >= 0.9


def test_sieves_pronoun_tag_is_anaphoric(docs):
    narration = ["Spike/PROPN/nsubj/1", "laughed/VERB/ROOT/-/laugh", "./PUNCT/punct/1"]
    tagged = ['"/PUNCT/punct/5', "No/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
              "he/PRON/nsubj/5", "said/VERB/ROOT/-/say", "./PUNCT/punct/5"]
    doc = docs.story([narration, tagged], NAMES, pronouns={"he": "c2"},
                genders={"c2": "he/him", "c0": "she/her"})
    ((speaker, _, kind),) = speakers(doc)
    assert (speaker, kind) == ("c2", "anaphoric")


def beat_then_she_said(name: str) -> list[str]:
    """'<name> laughed. "No," she said.' as one paragraph."""
    return [f"{name}/PROPN/nsubj/1", "laughed/VERB/ROOT/-/laugh", "./PUNCT/punct/1",
            '"/PUNCT/punct/8', "No/INTJ/intj/8", ",/PUNCT/punct/8", '"/PUNCT/punct/8',
            "she/PRON/nsubj/8", "said/VERB/ROOT/-/say", "./PUNCT/punct/8"]


def test_sieves_pronoun_tag_after_a_beat_of_that_gender_is_the_beats_subject(docs):
    # coreference sent "she" to Anya; the sentence right before names Buffy
    doc = docs.story([beat_then_she_said("Buffy")], NAMES, pronouns={"she": "c0"},
                     genders={"c0": "she/her", "c1": "she/her", "c2": "he/him"})
    assert speakers(doc) == [("c1", "tag_pronoun_beat", "anaphoric")]


@pytest.mark.parametrize(("name", "expected"), [("Buffy", "tag_pronoun_previous"),
                                                ("Spike", "ranker")])
def test_sieves_pronoun_tag_after_a_narration_paragraph_names_its_subject(name, expected, docs):
    # '<name> laughed.'  /  '"No," she said.'  (coreference sent "she" to Anya)
    narration = [f"{name}/PROPN/nsubj/1", "laughed/VERB/ROOT/-/laugh", "./PUNCT/punct/1"]
    she_said = ['"/PUNCT/punct/5', "No/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
                "she/PRON/nsubj/5", "said/VERB/ROOT/-/say", "./PUNCT/punct/5"]
    doc = docs.story([narration, she_said], NAMES, pronouns={"she": "c0"},
                     genders={"c0": "she/her", "c1": "she/her", "c2": "he/him"})
    ((speaker, sieve, kind),) = speakers(doc)
    assert sieve == expected
    assert expected == "ranker" or speaker == "c1"


SHE_SAID = ['"/PUNCT/punct/5', "No/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
            "she/PRON/nsubj/5", "said/VERB/ROOT/-/say", "./PUNCT/punct/5"]
WOMEN = {"c0": "she/her", "c1": "she/her", "c2": "he/him"}


@pytest.mark.parametrize(("then", "expected"), [
    (["Buffy/PROPN/nsubj/8", "laughed/VERB/ROOT/-/laugh", "./PUNCT/punct/8"], "c1"),
    ([], None),  # the paragraph closes with the quote's own tag: nothing after it
])
def test_sieves_pronoun_tag_after_narration_closing_a_quote_paragraph(then, expected, docs):
    # '"Yes," Anya said. Buffy laughed.'  /  '"No," she said.'
    first = ['"/PUNCT/punct/5', "Yes/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
             "Anya/PROPN/nsubj/5", "said/VERB/ROOT/-/say", "./PUNCT/punct/5", *then]
    doc = docs.story([first, SHE_SAID], NAMES, pronouns={"she": "c0"}, genders=WOMEN)
    decided = speakers(doc)[1]
    if expected is None:
        assert decided[1] != "tag_pronoun_previous"
    else:
        assert decided == (expected, "tag_pronoun_previous", "anaphoric")


@pytest.mark.parametrize(("narration", "expected"), [
    # 'Buffy went on.' introduces the speech
    (["Buffy/PROPN/nsubj/1", "continued/VERB/ROOT/-/continue", "./PUNCT/punct/1"], "c1"),
    # 'Buffy asked if it rained.' reports her question: the quote may well answer it
    (["Buffy/PROPN/nsubj/1", "asked/VERB/ROOT/-/ask", "if/SCONJ/mark/4",
      "it/PRON/nsubj/4", "rained/VERB/ccomp/1/rain", "./PUNCT/punct/1"], None),
    # 'Buffy wondered.' is a thought
    (["Buffy/PROPN/nsubj/1", "wondered/VERB/ROOT/-/wonder", "./PUNCT/punct/1"], None),
])
def test_sieves_speech_verb_closing_the_paragraph_before_names_the_speaker(
        narration, expected, docs):
    doc = docs.story([narration, docs.untagged("No")], NAMES)
    ((speaker, sieve, kind),) = speakers(doc)
    if expected is None:
        assert sieve != "tag_name_previous"
    else:
        assert (speaker, sieve, kind) == (expected, "tag_name_previous", "implicit")


@pytest.mark.parametrize(("name", "expected"), [("Buffy", "c1"), ("Spike", None)])
def test_sieves_pronoun_beat_after_a_narration_paragraph_names_its_subject(
        name, expected, docs):
    # '<name> laughed.'  /  '"No." She sat down.'  (coreference sent "She" to Anya)
    narration = [f"{name}/PROPN/nsubj/1", "laughed/VERB/ROOT/-/laugh", "./PUNCT/punct/1"]
    beat = ['"/PUNCT/punct/1', "No/INTJ/ROOT/-", "./PUNCT/punct/1", '"/PUNCT/punct/1',
            "She/PRON/nsubj/5", "sat/VERB/ROOT/-/sit", "down/ADP/prt/5", "./PUNCT/punct/5"]
    doc = docs.story([narration, beat], NAMES, pronouns={"She": "c0"}, genders=WOMEN)
    ((speaker, sieve, _),) = speakers(doc)
    if expected is None:
        assert sieve not in ("beat_pronoun_previous", "tag_name_previous")
    else:
        assert (speaker, sieve) == (expected, "beat_pronoun_previous")


def test_sieves_pronoun_tag_after_a_beat_of_the_other_gender_is_left_to_the_ranker(docs):
    doc = docs.story([beat_then_she_said("Spike")], NAMES, pronouns={"she": "c0"},
                     genders={"c0": "she/her", "c1": "she/her", "c2": "he/him"})
    ((speaker, sieve, kind),) = speakers(doc)
    assert (speaker, sieve, kind) == ("c0", "ranker", "anaphoric")


def test_sieves_action_beat_before_quote(docs):
    beat = ["Spike/PROPN/nsubj/1", "grinned/VERB/ROOT/-/grin", "./PUNCT/punct/1",
            '"/PUNCT/punct/4', "Hey/INTJ/ROOT/-", "./PUNCT/punct/4", '"/PUNCT/punct/4']
    doc = docs.story([beat], NAMES)
    assert speakers(doc) == [("c2", "beat_before", "implicit")]


def test_sieves_action_beat_before_quote_after_two_spaces(docs):
    beat = ["Spike/PROPN/nsubj/1", "grinned/VERB/ROOT/-/grin", "./PUNCT/punct/1",
            " /SPACE/dep/2", '"/PUNCT/punct/5', "Hey/INTJ/ROOT/-", "./PUNCT/punct/5",
            '"/PUNCT/punct/5']
    doc = docs.story([beat], NAMES)
    assert doc.text.startswith('Spike grinned.  ')
    assert speakers(doc) == [("c2", "beat_before", "implicit")]


def test_sieves_turns_alternate_in_untagged_run(docs):
    doc = docs.story([docs.said("Anya"), docs.said("Buffy"), docs.untagged("Yes"),
                      docs.untagged("No"), docs.untagged("Maybe")], NAMES)
    assert [s for s, _, _ in speakers(doc)] == ["c0", "c1", "c0", "c1", "c0"]


def test_sieves_turns_stop_at_a_paragraph_opening_with_narration(docs):
    # Anya said … / Buffy said … / "Yes." / It rained. "No." / "Maybe."  (whoever
    # spoke "Yes" may go on after the narration, and the parity with them)
    narrated = ["It/PRON/nsubj/1", "rained/VERB/ROOT/-/rain", "./PUNCT/punct/1",
                '"/PUNCT/punct/4', "No/INTJ/ROOT/-", "./PUNCT/punct/4", '"/PUNCT/punct/4']
    doc = docs.story([docs.said("Anya"), docs.said("Buffy"), docs.untagged("Yes"), narrated,
                      docs.untagged("Maybe")], NAMES)
    sieves = [u.sieve for u in attribute(doc, default_ranker()).utterances]
    assert sieves[2] == "turns"
    assert "turns" not in sieves[3:]


def test_sieves_turns_leave_a_turn_whose_pronoun_contradicts_them(docs):
    he_said = ['"/PUNCT/punct/5', "Fine/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
               "he/PRON/nsubj/5", "said/VERB/ROOT/-/say", "./PUNCT/punct/5"]
    doc = docs.story([docs.said("Anya"), docs.said("Buffy"), he_said, docs.untagged("No")],
                     NAMES, genders={"c0": "she/her", "c1": "she/her", "c2": "he/him"})
    context = attribute(doc, default_ranker())
    assert context.utterances[2].sieve != "turns"
    assert context.utterances[3].sieve == "turns"


def test_sieves_turns_leave_a_turn_that_addresses_its_would_be_speaker(docs):
    # Anya said … / Buffy said … / "No, Anya." / "Yes."  (Anya is spoken to, not speaking)
    no_anya = ['"/PUNCT/punct/1', "No/INTJ/ROOT/-", ",/PUNCT/punct/1", "Anya/PROPN/npadvmod/1",
               "./PUNCT/punct/1", '"/PUNCT/punct/1']
    doc = docs.story([docs.said("Anya"), docs.said("Buffy"), no_anya, docs.untagged("Yes")],
                     NAMES)
    context = attribute(doc, default_ranker())
    assert context.evidence[2].vocatives == ["c0"]
    assert context.utterances[2].sieve != "turns"
    assert context.utterances[3].sieve == "turns"


def test_sieves_continuation_keeps_speaker(docs):
    first = docs.said("Anya")[:-1] + [",/PUNCT/punct/5", '"/PUNCT/punct/5', "Wait/VERB/ROOT/-"]
    doc = docs.story([first, docs.untagged("Then", "go")], NAMES)
    context = attribute(doc, default_ranker())
    assert context.utterances[1].continues
    assert [u.speaker for u in context.utterances] == ["c0", "c0"]


def test_sieves_no_evidence_means_low_confidence(docs):
    doc = docs.story([docs.untagged("Hello"), ["Time/NOUN/nsubj/1", "passed/VERB/ROOT/-",
                                     "./PUNCT/punct/1"], docs.untagged("Bye")], NAMES)
    context = attribute(doc, default_ranker())
    assert all(u.confidence < 0.9 for u in context.utterances)


@pytest.mark.parametrize(("names", "gender", "expected"), [
    (["Mrs. Weston"], None, "she/her"),
    (["Mr. Knightley", "Knightley"], "she/her", "he/him"),
    (["Emma"], "she/her", "she/her"),
    (["Anya"], None, None),
])
def test_sieves_character_gender_prefers_titles(names, gender, expected):
    character = Character("c0", names[0], names, gender)
    assert character_gender(character) == expected


def test_sieves_first_person_tag_names_the_narrator(docs):
    tagged = ['"/PUNCT/punct/5', "No/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
              "I/PRON/nsubj/5", "said/VERB/ROOT/-/say", "./PUNCT/punct/5"]
    doc = docs.story([tagged], NAMES, pronouns={"I": "c2"})
    assert speakers(doc) == [("c2", "tag_first_person", "anaphoric")]


@pytest.mark.parametrize(("pronouns", "expected"), [
    ({"I": "c2"}, ("c2", "beat_first_person")),  # the narrator is known
    ({}, None),                                   # no one is: no first-person decision
])
def test_sieves_first_person_beat_names_the_narrator(pronouns, expected, docs):
    # I sighed. I shook my head. "No."
    paragraph = ["I/PRON/nsubj/1", "sighed/VERB/ROOT/-/sigh", "./PUNCT/punct/1",
                 "I/PRON/nsubj/4", "shook/VERB/ROOT/-/shake", "my/PRON/poss/6",
                 "head/NOUN/dobj/4", "./PUNCT/punct/4", '"/PUNCT/punct/9',
                 "No/INTJ/ROOT/-", "./PUNCT/punct/9", '"/PUNCT/punct/9']
    doc = docs.story([paragraph], NAMES, pronouns=pronouns)
    ((speaker, sieve, _),) = speakers(doc)
    if expected is None:
        assert sieve != "beat_first_person"
    else:
        assert (speaker, sieve) == expected


def test_sieves_pronoun_beat_states_the_speakers_gender(docs):
    # Spike sat down. Anya laughed.  /  He grinned. "Hey."
    narration = ["Spike/PROPN/nsubj/1", "sat/VERB/ROOT/-/sit", "down/ADV/advmod/1",
                 "./PUNCT/punct/1", "Anya/PROPN/nsubj/5", "laughed/VERB/ROOT/-/laugh",
                 "./PUNCT/punct/5"]
    beat = ["He/PRON/nsubj/1", "grinned/VERB/ROOT/-/grin", "./PUNCT/punct/1",
            '"/PUNCT/punct/4', "Hey/INTJ/ROOT/-", "./PUNCT/punct/4", '"/PUNCT/punct/4']
    doc = docs.story([narration, beat], NAMES, genders={"c2": "he/him", "c0": "she/her"})
    context = attribute(doc, default_ranker())
    (utterance,) = context.utterances
    assert context.evidence[0].tag_pronoun == "he/him"
    assert utterance.speaker == "c2"


@pytest.mark.parametrize(("beat", "expected"), [
    # "Yes." She laughed.
    (["She/PRON/nsubj/5", "laughed/VERB/ROOT/-/laugh", "./PUNCT/punct/5"], "she/her"),
    # "Yes." (She laughed.)  -- the narrator's aside, not a beat
    (["(/PUNCT/punct/6", "She/PRON/nsubj/6", "laughed/VERB/ROOT/-/laugh", "./PUNCT/punct/6",
      ")/PUNCT/punct/6"], None),
])
def test_sieves_pronoun_beat_in_a_parenthesis_states_nothing(beat, expected, docs):
    quote = ['"/PUNCT/punct/1', "Yes/INTJ/ROOT/-", "./PUNCT/punct/1", '"/PUNCT/punct/1']
    doc = docs.story([quote + beat], NAMES, genders={"c0": "she/her"})
    context = attribute(doc, default_ranker())
    assert context.evidence[0].tag_pronoun == expected


@pytest.mark.parametrize("mark", ["?", "!", "."])
def test_sieves_sentence_opening_with_speaker_after_quote_is_a_tag(mark, docs):
    # "Who is it?" Spike panted.  /  "Go." Spike said.
    paragraph = ['"/PUNCT/punct/5', "Who/PRON/ROOT/-", f"{mark}/PUNCT/punct/1",
                 '"/PUNCT/punct/1', "Spike/PROPN/nsubj/4", "panted/VERB/ROOT/-/pant",
                 "./PUNCT/punct/4"]
    assert speakers(docs.story([paragraph], NAMES)) == [("c2", "tag_name", "explicit")]


def test_sieves_tag_after_quote_without_closing_comma(docs):
    # "Well, she has it now" retorted Anya.
    paragraph = ['"/PUNCT/punct/1', "Well/INTJ/ROOT/-", '"/PUNCT/punct/1',
                 "retorted/VERB/ROOT/-/retort", "Anya/PROPN/nsubj/3", "./PUNCT/punct/3"]
    assert speakers(docs.story([paragraph], NAMES)) == [("c0", "tag_name", "explicit")]


def test_sieves_sentence_after_quote_with_other_words_first_is_no_tag(docs):
    # "Go." Then Spike said nothing.  (a narration sentence, not a tag)
    paragraph = ['"/PUNCT/punct/1', "Go/VERB/ROOT/-", "./PUNCT/punct/1", '"/PUNCT/punct/1',
                 "Then/ADV/advmod/6", "Spike/PROPN/nsubj/6", "wept/VERB/ROOT/-/weep",
                 ",/PUNCT/punct/6", "laughing/VERB/advcl/6/laugh", "and/CCONJ/cc/8",
                 "said/VERB/conj/8/say", "./PUNCT/punct/6"]
    _, sieve, _ = speakers(docs.story([paragraph], NAMES))[0]
    assert sieve != "tag_name"


def test_sieves_description_tag_states_gender(docs):
    # Spike and Anya talk. / "No," said the old lady.  -> the woman, not the nearer man
    narration = ["Anya/PROPN/nsubj/3", "and/CCONJ/cc/0", "Spike/PROPN/conj/0",
                 "talked/VERB/ROOT/-/talk", "./PUNCT/punct/3"]
    tagged = ['"/PUNCT/punct/5', "No/INTJ/intj/5", ",/PUNCT/punct/5", '"/PUNCT/punct/5',
              "said/VERB/ROOT/-/say", "the/DET/det/7", "old/ADJ/amod/7", "lady/NOUN/nsubj/4",
              "./PUNCT/punct/4"]
    doc = docs.story([narration, tagged], NAMES, genders={"c2": "he/him", "c0": "she/her"})
    context = attribute(doc, default_ranker())
    assert context.evidence[0].tag_pronoun == "she/her"
    assert context.utterances[0].speaker == "c0"


def test_sieves_speech_verb_running_into_the_quote_is_a_tag(docs):
    # Then Spike said "Go home."  (no comma or colon before the quote)
    paragraph = ["Then/ADV/advmod/2", "Spike/PROPN/nsubj/2", "said/VERB/ROOT/-/say",
                 '"/PUNCT/punct/2', "Go/VERB/ccomp/2", "home/ADV/advmod/4", "./PUNCT/punct/4",
                 '"/PUNCT/punct/2']
    assert speakers(docs.story([paragraph], NAMES)) == [("c2", "tag_name", "explicit")]


def test_sieves_quote_inside_a_that_clause_is_no_tag(docs):
    # Spike declared that she "would win."  (the quote is what was declared, in her words)
    paragraph = ["Spike/PROPN/nsubj/1", "declared/VERB/ROOT/-/declare", "that/SCONJ/mark/4",
                 "she/PRON/nsubj/4", '"/PUNCT/punct/4', "would/AUX/aux/6", "win/VERB/ccomp/1",
                 "./PUNCT/punct/1", '"/PUNCT/punct/1']
    _, sieve, _ = speakers(docs.story([paragraph], NAMES))[0]
    assert sieve != "tag_name"


def test_sieves_body_part_subject_stands_for_its_owner(docs):
    # Spike 's eyes narrowed. "Hey."  (the beat's actor is the owner of the eyes)
    beat = ["Spike/PROPN/poss/2", "'s/PART/case/0", "eyes/NOUN/nsubj/3",
            "narrowed/VERB/ROOT/-/narrow", "./PUNCT/punct/3",
            '"/PUNCT/punct/6', "Hey/INTJ/ROOT/-", "./PUNCT/punct/6", '"/PUNCT/punct/6']
    assert speakers(docs.story([beat], NAMES)) == [("c2", "beat_before", "implicit")]


@pytest.mark.parametrize("silence", [
    # "Invited?" Spike said nothing.
    ["Spike/PROPN/nsubj/5", "said/VERB/ROOT/-/say", "nothing/PRON/dobj/5", "./PUNCT/punct/5"],
    # "Invited?" Spike said no more.
    ["Spike/PROPN/nsubj/5", "said/VERB/ROOT/-/say", "no/DET/det/7", "more/ADJ/dobj/5",
     "./PUNCT/punct/5"],
    # "Invited?" Spike did not answer.
    ["Spike/PROPN/nsubj/7", "did/AUX/aux/7", "not/PART/neg/7", "answer/VERB/ROOT/-/answer",
     "./PUNCT/punct/7"],
])
def test_sieves_speech_verb_that_says_nothing_is_no_tag(silence, docs):
    quote = ['"/PUNCT/punct/1', "Invited/VERB/ROOT/-", "?/PUNCT/punct/1", '"/PUNCT/punct/1']
    context = attribute(docs.story([quote + silence], NAMES), default_ranker())
    assert not [tag for tag in context.evidence[0].tags if tag.speech]
    assert context.utterances[0].sieve != "tag_name"


def test_sieves_body_part_sentence_after_quote_is_still_a_tag(docs):
    # "Go." Her voice rasped.  (a sentence opening with its subject and a speech verb)
    paragraph = ['"/PUNCT/punct/1', "Go/VERB/ROOT/-", "./PUNCT/punct/1", '"/PUNCT/punct/1',
                 "Her/PRON/poss/5", "voice/NOUN/nsubj/6", "rasped/VERB/ROOT/-/rasp",
                 "./PUNCT/punct/6"]
    doc = docs.story([paragraph], NAMES, pronouns={"Her": "c0"})
    context = attribute(doc, default_ranker())
    (tag,) = [t for t in context.evidence[0].tags if t.speech]
    assert tag.joined and tag.character == "c0" and tag.subject_kind == "pronoun"


@pytest.mark.parametrize("tag", [
    # "Well posted," sneered Spike.  (the parser took "sneered" for an adjective)
    ["sneered/ADJ/amod/6/sneered", "Spike/PROPN/npadvmod/2", "./PUNCT/punct/2"],
    # "Well posted," Spike said.  (the parser took "said" for a noun)
    ["Spike/PROPN/compound/6", "said/NOUN/ROOT/-/said", "./PUNCT/punct/6"],
])
def test_sieves_misparsed_tag_is_read_from_its_words(tag, docs):
    quote = ['"/PUNCT/punct/1', "Well/INTJ/intj/2", "posted/VERB/ROOT/-/post",
             ",/PUNCT/punct/2", '"/PUNCT/punct/2']
    assert speakers(docs.story([quote + tag], NAMES)) == [("c2", "tag_name", "explicit")]


def test_sieves_unpunctuated_line_ending_in_a_speech_verb_introduces_the_quote(docs):
    # Then Spike said  /  "Hey."
    intro = ["Then/ADV/advmod/2", "Spike/PROPN/nsubj/2", "said/VERB/ROOT/-/say"]
    assert speakers(docs.story([intro, docs.untagged("Hey")], NAMES)) == [
        ("c2", "tag_name", "explicit")]


def test_sieves_unpunctuated_line_with_a_speech_verb_introduces_the_quote(docs):
    # Then Spike cried out like a man waking  /  "Hey."  (a dash lost at the line's end)
    intro = ["Then/ADV/advmod/2", "Spike/PROPN/nsubj/2", "cried/VERB/ROOT/-/cry",
             "out/ADP/prt/2", "like/ADP/prep/2", "a/DET/det/6", "man/NOUN/pobj/4",
             "waking/VERB/acl/6"]
    assert speakers(docs.story([intro, docs.untagged("Hey")], NAMES)) == [
        ("c2", "tag_name", "explicit")]


def test_sieves_unpunctuated_line_keeps_a_title_inside_its_last_sentence(docs):
    # Then Spike cried to Mr. Giles  /  "Hey."  ("Mr." ends no sentence)
    intro = ["Then/ADV/advmod/2", "Spike/PROPN/nsubj/2", "cried/VERB/ROOT/-/cry",
             "to/ADP/prep/2", "Mr./PROPN/compound/5", "Giles/PROPN/pobj/3"]
    assert speakers(docs.story([intro, docs.untagged("Hey")], NAMES)) == [
        ("c2", "tag_name", "explicit")]


def test_sieves_colon_clause_after_a_quote_in_the_same_paragraph_introduces_the_next(docs):
    # "Hello" Anya said. Then Spike said,  /  "Hey."
    first = docs.said("Anya") + ["Then/ADV/advmod/9", "Spike/PROPN/nsubj/9",
                                 "said/VERB/ROOT/-/say", ",/PUNCT/punct/9"]
    assert speakers(docs.story([first, docs.untagged("Hey")], NAMES)) == [
        ("c0", "tag_name", "explicit"), ("c2", "tag_name", "explicit")]


def test_sieves_unpunctuated_line_ending_in_went_introduces_nothing(docs):
    # Then Spike went  /  "Hey."  ("went" reads as speech only in a parsed tag: '"Hey," went Spike')
    intro = ["Then/ADV/advmod/2", "Spike/PROPN/nsubj/2", "went/VERB/ROOT/-/go"]
    assert speakers(docs.story([intro, docs.untagged("Hey")], NAMES))[0][1] not in (
        "tag_name", "beat_joined")


def test_sieves_possessed_speech_noun_names_the_speaker(docs):
    # "Yes," was Spike's humble answer.
    paragraph = ['"/PUNCT/punct/1', "Yes/INTJ/ROOT/-", ",/PUNCT/punct/1", '"/PUNCT/punct/1',
                 "was/AUX/ROOT/-/be", "Spike/PROPN/poss/8", "'s/PART/case/-1",
                 "humble/ADJ/amod/8", "answer/NOUN/attr/4", "./PUNCT/punct/4"]
    assert speakers(docs.story([paragraph], NAMES)) == [("c2", "tag_name", "explicit")]


def test_sieves_possessed_speech_noun_with_a_pronoun_is_anaphoric(docs):
    # "No." was his reply.
    paragraph = ['"/PUNCT/punct/1', "No/INTJ/ROOT/-", "./PUNCT/punct/1", '"/PUNCT/punct/1',
                 "was/AUX/ROOT/-/be", "his/PRON/poss/6", "reply/NOUN/attr/4",
                 "./PUNCT/punct/4"]
    doc = docs.story([paragraph], NAMES, pronouns={"his": "c2"})
    context = attribute(doc, default_ranker())
    tag = context.evidence[0].tags[0]
    assert (tag.subject_kind, tag.character, context.evidence[0].tag_pronoun) == (
        "pronoun", "c2", "he/him")
    assert context.utterances[0].kind == "anaphoric"


def test_sieves_speech_sentence_before_the_quote_names_the_speaker(docs):
    # Spike interrupted him. "Go."
    paragraph = ["Spike/PROPN/nsubj/1", "interrupted/VERB/ROOT/-/interrupt",
                 "him/PRON/dobj/1", "./PUNCT/punct/1", '"/PUNCT/punct/5',
                 "Go/VERB/ROOT/-", "./PUNCT/punct/5", '"/PUNCT/punct/5']
    assert speakers(docs.story([paragraph], NAMES)) == [("c2", "beat_before", "implicit")]


def _described(docs, description: str, character: str, name: str):
    """'"Hello," said the mariner.' where "the mariner" is a nominal mention of
    ``character``, which is called ``name``."""
    tagged = ['"/PUNCT/punct/4', "Hello/INTJ/intj/4", ",/PUNCT/punct/4", '"/PUNCT/punct/4',
              "said/VERB/ROOT/-/say", "the/DET/det/6", f"{description}/NOUN/nsubj/4",
              "./PUNCT/punct/4"]
    doc = docs.story([tagged], NAMES, genders={"c2": "he/him"})
    doc.characters.append(Character("c3", "the mariner", ["the mariner"]))
    start = doc.text.index("the ")
    doc.mentions.append(Mention(start, doc.text.index(".", start), "nominal", character))
    doc.characters = [c if c.id != character else Character(c.id, name, [name], c.gender)
                      for c in doc.characters]
    return doc


def test_sieves_description_the_story_names_a_character_by_is_a_name_tag(docs):
    # "Hello," said the mariner.  (a character known only as "the mariner")
    doc = _described(docs, "mariner", "c3", "the mariner")
    assert speakers(doc) == [("c3", "tag_description", "explicit")]


def test_sieves_description_resolved_to_a_named_character_stays_with_the_ranker(docs):
    # "Hello," said the sailor.  (coreference took "the sailor" for Spike)
    doc = _described(docs, "sailor", "c2", "Spike")
    assert speakers(doc) == [("c2", "ranker", "anaphoric")]


def test_sieves_thought_tag_names_the_thinker(docs):
    doc = docs.story([docs.said("Anya", "thought", "think")], NAMES)
    assert speakers(doc) == [("c0", "tag_name", "explicit")]


def test_sieves_a_thought_has_no_listeners(docs):
    # "Hello," said Anya. / "Hello," thought Buffy.  (Buffy answers no one aloud)
    doc = docs.story([docs.said("Anya"), docs.said("Buffy", "thought", "think")], NAMES)
    spoken, thought = attribute(doc, default_ranker()).utterances
    assert (spoken.speaker, spoken.addressees) == ("c0", ["c1"])
    assert (thought.speaker, thought.addressees) == ("c1", [])


def _hello(head: int) -> list[str]:
    return [f'"/PUNCT/punct/{head}', f"Hello/INTJ/intj/{head}", f"./PUNCT/punct/{head}",
            f'"/PUNCT/punct/{head}']


@pytest.mark.parametrize(("tag", "speaker"), [
    # Anya's answer was: "Hello."
    (["Anya/PROPN/poss/2", "'s/PART/case/0", "answer/NOUN/nsubj/3", "was/AUX/ROOT/-/be",
      ":/PUNCT/punct/3"], "c0"),
    # Spike, who waited, called out: "Hello."  (the parser hangs the verb on the name)
    (["Spike/PROPN/ROOT/-", ",/PUNCT/punct/0", "who/PRON/nsubj/3", "waited/VERB/relcl/0/wait",
      ",/PUNCT/punct/0", "called/VERB/acl/0/call", "out/ADP/prt/5", ":/PUNCT/punct/5"], "c2"),
    # Buffy ended it by saying, "Hello."
    (["Buffy/PROPN/nsubj/1", "ended/VERB/ROOT/-/end", "it/PRON/dobj/1", "by/ADP/prep/1",
      "saying/VERB/pcomp/3/say", ",/PUNCT/punct/4"], "c1"),
    # Anya, at long last, replied: "Hello."  (the parser missed the subject)
    (["Anya/PROPN/advmod/6", ",/PUNCT/punct/6", "at/ADP/prep/6", "long/ADJ/amod/4",
      "last/ADJ/pobj/2", ",/PUNCT/punct/6", "replied/VERB/ROOT/-/reply", ":/PUNCT/punct/6"],
     "c0"),
    # Spike, politely bowing, replied, "Hello."  (the name hangs on "bowing")
    (["Spike/PROPN/npadvmod/3", ",/PUNCT/punct/3", "politely/ADV/advmod/3",
      "bowing/VERB/ROOT/-/bow", ",/PUNCT/punct/3", "replied/VERB/conj/3/reply",
      ",/PUNCT/punct/5"], "c2"),
])
def test_sieves_tag_before_whose_subject_the_parse_hides(tag, speaker, docs):
    doc = docs.story([tag + _hello(len(tag) - 1)], NAMES)
    assert speakers(doc) == [(speaker, "tag_name", "explicit")]


@pytest.mark.parametrize(("tag", "gender", "speaker"), [
    # "No," said he, turning away.  (the parser gives "he" to "turning")
    (["said/VERB/ROOT/-/say", "he/PRON/nsubj/7", ",/PUNCT/punct/7",
      "turning/VERB/advcl/4/turn", "away/ADV/advmod/7"], "he/him", "c2"),
    # "No," she went on.
    (["she/PRON/nsubj/5", "went/VERB/ROOT/-/go", "on/ADP/prt/5"], "she/her", "c0"),
    # "No," continued the girl aloud.  (the parser takes "the girl" for the object)
    (["continued/VERB/ROOT/-/continue", "the/DET/det/6", "girl/NOUN/dobj/4",
      "aloud/ADV/advmod/4"], "she/her", "c0"),
    # "No," cried / the lady.  (a line break between verb and subject)
    (["cried/VERB/ROOT/-/cry", "\n/SPACE/dep/4", "the/DET/det/7", "lady/NOUN/dobj/4"],
     "she/her", "c0"),
    # "No," whispered her brother.
    (["whispered/VERB/ROOT/-/whisper", "her/PRON/poss/6", "brother/NOUN/dobj/4"],
     "he/him", "c2"),
    # "No," said he--  (the dash glued to the pronoun)
    (["said/VERB/ROOT/-/say", "he--/PRON/dobj/4"], "he/him", "c2"),
])
def test_sieves_pronoun_or_description_tag_the_parse_hides(tag, gender, speaker, docs):
    narration = ["Anya/PROPN/nsubj/3", "and/CCONJ/cc/0", "Spike/PROPN/conj/0",
                 "talked/VERB/ROOT/-/talk", "./PUNCT/punct/3"]
    tagged = ['"/PUNCT/punct/4', "No/INTJ/intj/4", ",/PUNCT/punct/4", '"/PUNCT/punct/4',
              *tag, "./PUNCT/punct/4"]
    doc = docs.story([narration, tagged], NAMES, genders={"c2": "he/him", "c0": "she/her"})
    context = attribute(doc, default_ranker())
    assert context.evidence[0].tag_pronoun == gender
    assert (context.utterances[0].speaker, context.utterances[0].kind) == (speaker, "anaphoric")


@pytest.mark.parametrize("possessive", ["'s", "s"])  # "s": an apostrophe lost in the text
def test_sieves_inverted_tag_does_not_take_a_possessor_for_the_speaker(possessive, docs):
    # "Well posted," answered Spike's mamma.
    quote = ['"/PUNCT/punct/1', "Well/INTJ/intj/2", "posted/VERB/ROOT/-/post",
             ",/PUNCT/punct/2", '"/PUNCT/punct/2']
    tag = ["answered/ADJ/amod/8/answered", "Spike/PROPN/compound/8",
           f"{possessive}/PART/case/6", "mamma/NOUN/npadvmod/2", "./PUNCT/punct/2"]
    context = attribute(docs.story([quote + tag], NAMES), default_ranker())
    assert context.utterances[0].sieve != "tag_name"


def test_sieves_inverted_tag_reads_past_modifiers_to_the_name(docs):
    # "Well posted," sighed the now weary Spike.  (parsed with no subject)
    quote = ['"/PUNCT/punct/1', "Well/INTJ/intj/2", "posted/VERB/ROOT/-/post",
             ",/PUNCT/punct/2", '"/PUNCT/punct/2']
    tag = ["sighed/ADJ/amod/9/sighed", "the/DET/det/9", "now/ADV/advmod/8",
           "weary/ADJ/amod/9", "Spike/PROPN/npadvmod/2", "./PUNCT/punct/2"]
    assert speakers(docs.story([quote + tag], NAMES)) == [("c2", "tag_name", "explicit")]


@pytest.mark.parametrize(("verb", "lemma", "particle", "expected"), [
    ("put", "put", "in", ("c0", "tag_name")),      # "Hello," put in Anya.
    ("broke", "break", "in", ("c0", "tag_name")),  # "Hello," broke in Anya.
    ("put", "put", "down", None),                  # no speech: "put down" reports none
])
def test_sieves_a_verb_and_its_particle_report_speech(verb, lemma, particle, expected, docs):
    paragraph = ['"/PUNCT/punct/4', "Hello/INTJ/intj/4", ",/PUNCT/punct/4", '"/PUNCT/punct/4',
                 f"{verb}/VERB/ROOT/-/{lemma}", f"{particle}/ADP/prt/4",
                 "Anya/PROPN/dobj/4", "./PUNCT/punct/4"]
    (utterance,) = attribute(docs.story([paragraph], NAMES), default_ranker()).utterances
    if expected is None:
        assert utterance.sieve != "tag_name"
    else:
        assert (utterance.speaker, utterance.sieve) == expected
