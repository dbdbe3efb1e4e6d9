"""Characters known only by a speaking description."""

from ficlens.characters.context import build_context
from ficlens.characters.descriptions import description_mentions, speaking_descriptions

from .builder import parsed

SPEAKS = '" Aye . " said|VERB|ROOT|.|lemma=say the|DET|det|+1 mariner|NOUN|nsubj|-2 .'


def test_descriptions_that_speak_often_become_characters():
    ctx = build_context(parsed(SPEAKS, SPEAKS, SPEAKS, "Then the|DET|det|+1 mariner|NOUN slept ."))
    assert speaking_descriptions(ctx) == {"the mariner": 3}
    spans = description_mentions(ctx, covered=set())
    assert [ctx.doc.text[start:end] for start, end in spans["the mariner"]] == ["the mariner"] * 4


def test_descriptions_that_speak_twice_are_enough():
    ctx = build_context(parsed(SPEAKS, "Then the|DET|det|+1 mariner|NOUN slept .", SPEAKS))
    assert list(description_mentions(ctx, covered=set())) == ["the mariner"]


def test_descriptions_generic_or_rare_ones_do_not():
    generic = '" No . " said|VERB|ROOT|.|lemma=say the|DET|det|+1 man|NOUN|nsubj|-2 .'
    ctx = build_context(parsed(generic, generic, generic, SPEAKS))
    assert description_mentions(ctx, covered=set()) == {}


def test_descriptions_lower_case_noun_tagged_as_a_proper_noun_counts():
    """The tagger often reads "said the barman" with "barman" as NNP."""
    speaks = '" Fire . " said|VERB|ROOT|.|lemma=say the|DET|det|+1 barman|PROPN|nsubj|-2 .'
    ctx = build_context(parsed(speaks, SPEAKS, speaks))
    assert speaking_descriptions(ctx) == {"the barman": 2, "the mariner": 1}


def test_descriptions_capitalised_epithet_with_a_generic_head_becomes_a_character():
    speaks = ('" Stop . " said|VERB|ROOT|.|lemma=say the|DET|det|+2 Invisible|PROPN|compound|+1 '
              'Man|PROPN|nsubj|-3 .')
    ctx = build_context(parsed(speaks, speaks, speaks,
                               "They ran from the|DET|det|+2 Invisible|ADJ|amod|+1 Man|PROPN ."))
    assert speaking_descriptions(ctx) == {"the Invisible Man": 3}
    spans = description_mentions(ctx, covered=set())
    assert len(spans["the Invisible Man"]) == 4


def test_descriptions_generic_head_set_apart_by_a_phrase_becomes_a_character():
    speaks = ('" No . " said|VERB|ROOT|.|lemma=say the|DET|det|+1 gentleman|NOUN|nsubj|-2 '
              'in|ADP|prep|-1 the|DET|det|+2 white|ADJ|amod|+1 waistcoat|NOUN|pobj|-3 .')
    seen = ("Then the|DET|det|+1 gentleman|NOUN|nsubj|+4 in|ADP|prep|-1 the|DET|det|+1 "
            "waistcoat|NOUN|pobj|-2 sat|VERB|ROOT|. .")
    ctx = build_context(parsed(speaks, speaks))
    assert speaking_descriptions(ctx) == {"the gentleman in the white waistcoat": 2}
    spans = description_mentions(ctx, covered=set())
    assert [ctx.doc.text[start:end] for start, end in spans[
        "the gentleman in the white waistcoat"]] == ["the gentleman in the white waistcoat"] * 2
    # the bare generic head, or another phrase, is someone else
    ctx = build_context(parsed(speaks, seen))
    assert description_mentions(ctx, covered=set()) == {}


def test_descriptions_inverted_tag_read_as_an_object_still_speaks():
    """The parser often takes '"...," asked the cook' for an object of "asked"."""
    asks = '" Why ? " asked|VERB|ROOT|.|lemma=ask the|DET|det|+1 cook|NOUN|dobj|-2 .'
    told = "He|PRON|nsubj|+1 told|VERB|ROOT|.|lemma=tell the|DET|det|+1 truth|NOUN|dobj|-2 ."
    ctx = build_context(parsed(asks, asks, told, told, told))
    assert speaking_descriptions(ctx) == {"the cook": 2}


def test_descriptions_a_word_modifying_a_later_one_is_not_the_head():
    """ "said the apothecary's deputy", "cried the charity-boy": not "the apothecary"."""
    possessive = ('" Here . " said|VERB|ROOT|.|lemma=say the|DET|det|+1 apothecary|NOUN|poss|+2 '
                  "'s|PART|case|-1|tag=POS deputy|NOUN|nsubj|-4 .")
    ctx = build_context(parsed(possessive, possessive))
    assert speaking_descriptions(ctx) == {}


def test_descriptions_a_nationality_is_a_class_not_a_name():
    speaks = '" Ah . " cried|VERB|ROOT|.|lemma=cry the|DET|det|+1 Englishman|PROPN|nsubj|-2 .'
    ctx = build_context(parsed(speaks, speaks, speaks))
    assert description_mentions(ctx, covered=set()) == {}
