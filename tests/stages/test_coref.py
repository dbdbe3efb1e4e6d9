"""The coref stage on hand-built documents: pronouns, nominals, narrators, gender."""

import sys
from pathlib import Path

from ficlens.characters.context import build_context
from ficlens.model import Character, Mention
from ficlens.stages import characters, coref

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from characters.builder import parsed  # noqa: E402


def analysed(*paragraphs: str):
    return coref.run(characters.run(parsed(*paragraphs)))


def resolved(doc, kind: str = "pronoun") -> list[tuple[str, str | None]]:
    names = {c.id: c.name for c in doc.characters}
    return [(doc.text[m.start:m.end], names.get(m.character)) for m in doc.mentions
            if m.kind == kind]


def test_coref_resolves_pronouns_by_gender_and_recency():
    doc = analysed(
        "Mrs. Pell|PROPN|nsubj|+1 walked|VERB|ROOT|. in . She|PRON|nsubj|+1 sat|VERB|ROOT|. .",
        "Mr. Finch|PROPN|nsubj|+1 arrived|VERB|ROOT|. . He|PRON|nsubj|+1 grinned|VERB|ROOT|. "
        "at her|PRON|pobj|-1 .")
    assert resolved(doc) == [("She", "Mrs. Pell"), ("He", "Mr. Finch"), ("her", "Mrs. Pell")]
    genders = {c.name: c.gender for c in doc.characters}
    assert genders == {"Mrs. Pell": "she/her", "Mr. Finch": "he/him"}


def test_coref_binding_keeps_an_object_pronoun_off_its_subject():
    doc = analysed(
        "Mr. Finch|PROPN|nsubj|+1 waved|VERB|ROOT|. . Mr. Aldous|PROPN|nsubj|+1 "
        "saw|VERB|ROOT|. him|PRON|dobj|-1 .")
    assert resolved(doc) == [("him", "Mr. Finch")]


def test_coref_nominals_take_the_salient_character():
    doc = analysed(
        "Mrs. Pell|PROPN|nsubj|+1 patted|VERB|ROOT|. the back .",
        '" Now then , " the|DET|det|+2 old|ADJ|amod|+1 woman|NOUN|nsubj|+1 '
        "muttered|VERB|ROOT|. .")
    assert resolved(doc, "nominal") == [("the old woman", "Mrs. Pell")]


FIRST_PERSON = " ".join(["I|PRON|nsubj|+1 walked|VERB|ROOT|. home ."] * 12)


def test_coref_first_person_story_gets_a_narrator():
    doc = analysed(FIRST_PERSON, '" I|PRON|nsubj|+1 know|VERB|ROOT|. , " said|VERB|ROOT|. '
                   "Jonah|PROPN|nsubj|-1 .")
    narrator = [c for c in doc.characters if c.name == "Narrator"]
    assert narrator
    narrated = [m for m in doc.mentions if m.character == narrator[0].id]
    assert len(narrated) == 12
    inside = doc.text.index('"') + 1
    assert all(m.start != inside for m in narrated)


def test_coref_narrator_is_the_character_addressed_by_name():
    addressed = ' '.join(['" Good|ADJ morning , Hastings . " said|VERB|ROOT|. '
                          'Poirot|PROPN|nsubj|-1 .'] * 3)
    doc = analysed(FIRST_PERSON, addressed, "Poirot|PROPN|nsubj|+1 smiled|VERB|ROOT|. .")
    hastings = [c for c in doc.characters if c.name == "Hastings"]
    assert hastings and not [c for c in doc.characters if c.name == "Narrator"]
    narrated = [m for m in doc.mentions if m.character == hastings[0].id and m.kind == "pronoun"]
    assert len(narrated) == 12


def test_coref_keeps_a_user_inventory_and_its_genders():
    doc = parsed("Toby|PROPN|nsubj|+1 ran|VERB|ROOT|. . She|PRON|nsubj|+1 laughed|VERB|ROOT|. .")
    doc.characters = [Character("c3", "Toby", ["Toby"], "she/her", "user")]
    doc = coref.run(characters.run(doc))
    assert [(c.id, c.gender) for c in doc.characters] == [("c3", "she/her")]
    assert resolved(doc) == [("She", "Toby")]


def test_coref_mentions_are_sorted():
    doc = analysed("Mrs. Pell|PROPN|nsubj|+1 walked|VERB|ROOT|. . She|PRON|nsubj|+1 sat|VERB .")
    starts = [m.start for m in doc.mentions]
    assert starts == sorted(starts)


def test_coref_acting_beside_dialogue_puts_a_character_on_stage():
    intro = "Annie|PROPN|nsubj|+1|person considered|VERB|ROOT|. ."
    beside = [intro, '" Four|NUM letters . "']
    elsewhere = [intro, "The|DET day ended|VERB ."]
    ctx_beside = build_context(characters.run(parsed(*beside)))
    ctx_elsewhere = build_context(characters.run(parsed(*elsewhere)))
    near = coref.stage_evidence(ctx_beside, ctx_beside.doc.mentions)
    far = coref.stage_evidence(ctx_elsewhere, ctx_elsewhere.doc.mentions)
    assert [(e.beats, e.acts) for e in near.values()] == [(1, 0)]
    assert [(e.beats, e.acts) for e in far.values()] == [(0, 1)]


def test_coref_named_once_as_a_speaker_is_on_stage():
    named = '" Go . " said|VERB|ROOT|.|lemma=say Cole|PROPN|nsubj|-1|person .'
    by_pronoun = ['Cole|PROPN|nsubj|+1|person waited|VERB|ROOT|. .',
                  '" Go . " said|VERB|ROOT|.|lemma=say she|PRON|nsubj|-1 .']
    for paragraphs, expected in (([named], (1, 1)), (by_pronoun, (1, 0))):
        doc = characters.run(parsed(*paragraphs))
        cole = next(c.id for c in doc.characters if c.name == "Cole")
        she = doc.text.find("said she") + len("said ")
        if she >= len("said "):  # "said she", resolved to Cole: speech, but not by name
            doc.mentions.append(Mention(she, she + 3, "pronoun", cole))
        ctx = build_context(doc)
        evidence = coref.stage_evidence(ctx, doc.mentions)[cole]
        assert (evidence.speech, evidence.named_speech) == expected
    # Talked about forty times and heard once by name: still someone the story hears.
    talked_about = coref.StageEvidence(mentions=40, speech=1, beats=3)
    assert not coref.on_stage(talked_about)
    talked_about.named_speech = 1
    assert coref.on_stage(talked_about)


def test_coref_narration_pronoun_skips_a_name_only_talked_about():
    # Mr. Finch waited.  /  "Where is Mr. Aldous?"  /  "Gone," he said.
    doc = analysed(
        "Mr. Finch|PROPN|nsubj|+1|person waited|VERB|ROOT|. .",
        '" Where|ADV is|AUX|ROOT|. Mr. Aldous|PROPN|nsubj|-1|person ? "',
        '" Gone . " he|PRON|nsubj|+1 said|VERB|ROOT|.|lemma=say .')
    assert resolved(doc) == [("he", "Mr. Finch")]


def test_coref_presence_is_read_leniently(monkeypatch):
    # Who is on stage is judged with pronouns read across quote boundaries too, so a
    # character heard only as "he said" after being named in a quote is not dropped.
    seen = {}
    keep = coref.drop_off_stage

    def spy(ctx, doc, evidence_mentions=None):
        names = {c.id: c.name for c in doc.characters}
        seen["he"] = [names.get(m.character) for m in evidence_mentions
                      if doc.text[m.start:m.end] == "he"]
        keep(ctx, doc, evidence_mentions)

    monkeypatch.setattr(coref, "drop_off_stage", spy)
    doc = analysed(
        "Mr. Finch|PROPN|nsubj|+1|person waited|VERB|ROOT|. .",
        '" Where|ADV is|AUX|ROOT|. Mr. Aldous|PROPN|nsubj|-1|person ? "',
        '" Gone . " he|PRON|nsubj|+1 said|VERB|ROOT|.|lemma=say .')
    assert seen["he"] == ["Mr. Aldous"]
    assert resolved(doc) == [("he", "Mr. Finch")]


def test_coref_a_character_counts_by_its_best_mention_in_reach():
    # Mr. Aldous slept. / Mr. Finch arrived. / "Where is his hat?" / "Gone," he said.
    # Finch's latest mention is inside a quote; his narration one still wins "he".
    doc = analysed(
        "Mr. Aldous|PROPN|nsubj|+1|person slept|VERB|ROOT|. .",
        "Mr. Finch|PROPN|nsubj|+1|person arrived|VERB|ROOT|. .",
        '" Where|ADV is|AUX|ROOT|. his|PRON|poss|+1 hat|NOUN|nsubj|-2 ? "',
        '" Gone . " he|PRON|nsubj|+1 said|VERB|ROOT|.|lemma=say .')
    assert resolved(doc) == [("his", "Mr. Finch"), ("he", "Mr. Finch")]
