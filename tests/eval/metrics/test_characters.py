"""Character metric: main-character recall, precision of frequent ones, alias B-cubed."""

import pytest

from ficlens.eval.gold import GoldCharacter, GoldNovel
from ficlens.eval.metrics import characters
from ficlens.model import Character, Document, Mention

GOLD = GoldNovel(name="n", text="", quotes=[], characters=[
    GoldCharacter("0", "Elizabeth", ["Elizabeth", "Lizzy", "Miss Eliza"], "F", "major"),
    GoldCharacter("1", "Mr. Darcy", ["Mr. Darcy", "Darcy"], "M", "major"),
    GoldCharacter("2", "Mrs. Bennet", ["Mrs. Bennet"], "F", "intermediate"),
    GoldCharacter("3", "Butler", ["Butler"], "M", "minor"),
    GoldCharacter("4", "_unknowable", ["_unknowable"], "X", "intermediate"),
])


def predicted(*characters_and_counts: tuple[list[str], int]) -> Document:
    doc = Document(text="")
    for number, (names, count) in enumerate(characters_and_counts):
        doc.characters.append(Character(f"c{number}", names[0], names))
        doc.mentions += [Mention(0, 1, "name", f"c{number}")] * count
    return doc


def test_characters_metric_perfect():
    doc = predicted((["Elizabeth", "Lizzy", "Miss Eliza"], 9), (["Mr Darcy", "Darcy"], 9),
                    (["Mrs. Bennet"], 9))
    counts = characters.count(GOLD, doc)
    assert (counts["char_gold_main"], counts["char_found"]) == (3, 3)
    assert characters.rates(counts) == pytest.approx(
        {"char_r": 1.0, "char_p5": 1.0, "alias_p": 1.0, "alias_r": 1.0, "alias_f1": 1.0})


def test_characters_metric_counts_errors():
    doc = predicted((["Elizabeth", "Lizzy"], 9), (["Miss Eliza", "Mrs. Bennet"], 9),
                    (["Providence"], 12), (["Kitty"], 2))
    counts = characters.count(GOLD, doc)
    figures = characters.rates(counts)
    assert (counts["char_found"], counts["char_pred5"], counts["char_pred5_ok"]) == (2, 3, 2)
    assert figures["char_r"] == pytest.approx(2 / 3)
    assert figures["char_p5"] == pytest.approx(2 / 3)
    # items: elizabeth, lizzy, miss eliza, mrs bennet
    assert figures["alias_p"] == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert figures["alias_r"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_characters_metric_counts_add_up():
    one = characters.count(GOLD, predicted((["Elizabeth"], 9)))
    two = characters.count(GOLD, predicted((["Darcy"], 1)))
    total = {key: one[key] + two[key] for key in one}
    assert characters.rates(total)["char_r"] == pytest.approx(2 / 6)


def test_characters_metric_bcubed_with_an_alias_in_two_clusters():
    precision, recall, items = characters.bcubed_sums([{"a", "b"}], [{"a", "b"}, {"b"}])
    assert items == 2
    # "b" sits in two predicted clusters but one gold set: its own pair scores 1/2.
    assert precision / items == pytest.approx((1 + 0.75) / 2)
    assert recall / items == pytest.approx(1.0)


def test_characters_metric_normalises_title_periods():
    assert characters.comparable_name("Mr  Musgrove") == characters.comparable_name("mr. Musgrove")
