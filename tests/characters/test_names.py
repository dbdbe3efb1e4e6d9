"""Name parsing and word compatibility."""

import pytest

from ficlens.characters.names import (
    comparable_name,
    parse_name,
    possessive_follows,
    strip_possessive,
    title_key,
    words_match,
)


@pytest.mark.parametrize("text, titles, words, gender", [
    ("Tom Sawyer", (), ("Tom", "Sawyer"), None),
    ("Mr. Sawyer", ("Mr.",), ("Sawyer",), "he/him"),
    ("Mrs Jane Bennet", ("Mrs",), ("Jane", "Bennet"), "she/her"),
    ("Lady Catherine de Bourgh", ("Lady",), ("Catherine", "de", "Bourgh"), "she/her"),
    ("Captain Jack Carter", ("Captain",), ("Jack", "Carter"), None),
    ("Toby's", (), ("Toby",), None),
    ("Hamidullah Begum", ("Begum",), ("Hamidullah",), "she/her"),
])
def test_names_parse_name(text, titles, words, gender):
    form = parse_name(text)
    assert (form.titles, form.words, form.gender) == (titles, words, gender)
    assert form.display() == text.replace("'s", "")


@pytest.mark.parametrize("text", ["Mr.", "Sir", "", "the old woman"])
def test_names_parse_name_rejects_non_names(text):
    assert parse_name(text) is None


def test_names_keys_ignore_case_and_title_spelling():
    assert parse_name("Mr. Darcy").full_key == parse_name("mr Darcy").full_key == "mr darcy"
    assert parse_name("Mr. Darcy").key == "darcy"


@pytest.mark.parametrize("word, key", [("Mrs.", "mrs"), ("Professor", "professor"),
                                       ("Tom", None)])
def test_names_title_key(word, key):
    assert title_key(word) == key


@pytest.mark.parametrize("word, stripped", [("Toby's", "Toby"), ("Jonas\u2019s", "Jonas"),
                                            ("Pell", "Pell"), ("s's", "s's")])
def test_names_strip_possessive(word, stripped):
    assert strip_possessive(word) == stripped


@pytest.mark.parametrize(("text", "expected"), [
    ("Anya's sword", True),
    ("Anya\u2019s sword", True),
    ("Anya s sword", True),  # the apostrophe lost
    ("Anya 's sword", True),  # tokens joined by spaces
    ("Anya said", False),
    ("Anya' said", False),  # a closing single quote, not a possessive
    ("Anya", False),
])
def test_names_possessive_follows(text, expected):
    assert possessive_follows(text, len("Anya")) is expected


@pytest.mark.parametrize("short, full, expected", [
    (("Tom",), ("Tom", "Sawyer"), True),
    (("Sawyer",), ("Tom", "Sawyer"), True),
    (("Tom", "Sawyer"), ("Thomas", "Sawyer"), True),
    (("Meg",), ("Margaret", "Harlow"), True),
    (("Bourgh",), ("Catherine", "de", "Bourgh"), True),
    (("Jane", "Fairfax"), ("Jane", "Bennet"), False),
    (("Harlow",), ("Tobias", "Finch"), False),
    (("John", "Smith"), ("John",), False),
])
def test_names_words_match(short, full, expected):
    assert words_match(short, full) is expected


def test_names_comparable_name_ignores_case_spacing_and_title_periods():
    assert comparable_name("Mr  Musgrove") == comparable_name("mr. Musgrove") == "mr musgrove"
    assert comparable_name("St. John") == "st john"
    assert comparable_name("Mrs.\nBennet") == "mrs bennet"
