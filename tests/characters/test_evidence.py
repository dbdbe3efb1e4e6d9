"""Document-level evidence that a name is a person."""

from ficlens.characters.context import build_context
from ficlens.characters.evidence import accept, gather_evidence
from ficlens.characters.occurrences import find_occurrences, word_stats

from .builder import parsed


def people(*paragraphs: str) -> set[str]:
    ctx = build_context(parsed(*paragraphs))
    stats = word_stats(ctx)
    return accept(gather_evidence(ctx, find_occurrences(ctx, stats)), stats)


def test_evidence_vocative_speech_and_title_make_people():
    found = people('" Now|ADV Buffy , come here ! " '
                   "said|VERB|ROOT|.|lemma=say Glory|PROPN|nsubj|-1 .",
                   "Buffy|PROPN|nsubj|+1 sighed|VERB|ROOT|. .",
                   "Mrs. Pell dropped|VERB|ROOT|. the basket .")
    assert {"buffy", "glory", "pell"} <= found


def test_evidence_filters_common_nouns_and_places():
    found = people("She was a Slayee , not a Slayer .",
                   "They lived in|ADP|prep|. Simla|PROPN|pobj|-1|ent=GPE|person and in|ADP "
                   "Simla|PROPN|pobj|-1|ent=GPE .",
                   "The lord of Vengeance|PROPN|pobj|-1|ent=GPE nodded .")
    assert not found & {"slayee", "slayer", "simla", "vengeance"}


def test_evidence_weak_name_joins_a_strong_one():
    found = people("Drusilla|NOUN|nsubj|+1 gazed|VERB|ROOT|. .",
                   "Later Dru|PROPN|nsubj|+1|person laughed|VERB|ROOT|. .")
    assert {"dru", "drusilla"} <= found


def test_evidence_sentence_initial_common_word_is_not_a_name():
    found = people("Come|VERB here , she said .", "Come|PROPN|nsubj|+1 said|VERB|ROOT|. nothing .",
                   "you must come soon and come again .")
    assert "come" not in found


def test_evidence_a_doctrine_or_a_named_place_is_no_person():
    """ "Hinduism" is the subject of a speech verb as a person would be; "Violet Vale"
    holds a given name; neither is a person."""
    found = people('" Yes . " said|VERB|ROOT|.|lemma=say Hinduism|PROPN|nsubj|-1 .',
                   "Hinduism|PROPN|nsubj|+1 laughed|VERB|ROOT|. .",
                   '" Come . " said|VERB|ROOT|.|lemma=say Violet|PROPN|compound|+1 '
                   "Vale|PROPN|nsubj|-2 .",
                   "Violet|PROPN|nsubj|+1 smiled|VERB|ROOT|. .")
    assert "hinduism" not in found
    assert "violet vale" not in found
