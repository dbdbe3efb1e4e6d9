"""The shared spaCy pipeline and ficlens's changes to its tokenizer."""

import spacy

from ficlens.nlp import get_nlp, split_dashes


def words(nlp, text: str) -> list[str]:
    return [token.text for token in nlp.tokenizer(text)]


def test_nlp_double_hyphen_is_a_token_of_its_own():
    nlp = spacy.blank("en")
    text = 'He said--"It is late." Her father.--Mr. Knightley--yes. So----'
    assert 'said--"It' in words(nlp, text)  # spaCy's own rules glue it
    split_dashes(nlp)
    assert words(nlp, text) == [
        "He", "said", "--", '"', "It", "is", "late", ".", '"', "Her", "father", ".", "--",
        "Mr.", "Knightley", "--", "yes", ".", "So", "----"]


def test_nlp_single_hyphen_is_left_alone():
    nlp = spacy.blank("en")
    before = words(nlp, "a well-known e-mail")
    split_dashes(nlp)
    assert words(nlp, "a well-known e-mail") == before


def test_nlp_shared_pipeline_reads_a_tag_ending_in_a_dash():
    doc = get_nlp()("Mr. Woodhouse, whose thoughts were on the Bates's, said--")
    said = next(token for token in doc if token.text == "said")
    assert said.pos_ == "VERB"
