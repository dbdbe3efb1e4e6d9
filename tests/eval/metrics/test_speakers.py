"""Speaker and addressee metrics on hand-made gold and predictions."""

from __future__ import annotations

import pytest

from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldQuote
from ficlens.eval.metrics import METRICS, speakers
from ficlens.model import Character, Document, Quote

GOLD_CHARACTERS = [GoldCharacter("0", "Anya Jenkins", ["Anya", "Anya Jenkins"]),
                   GoldCharacter("1", "Buffy Summers", ["Buffy", "Buffy Summers", "Miss Summers"]),
                   GoldCharacter("2", "Spike", ["Spike", "William"])]


def test_speakers_is_registered():
    assert speakers in METRICS


@pytest.mark.parametrize(("name", "aliases", "expected"), [
    ("Anya", ["Anya"], "0"),
    ("BUFFY", ["Miss Summers"], "1"),
    ("William the Bloody", ["William"], "2"),
    ("Xander", ["Xander"], None),
    ("Mrs. Summers", ["Mrs. Summers"], "1"),
    ("Jenkins Summers", ["Jenkins Summers"], None),
])
def test_speakers_character_map_by_shared_names(name, aliases, expected):
    mapping = speakers.character_map([Character("c9", name, aliases)], GOLD_CHARACTERS)
    assert mapping.get("c9") == expected


def novel_and_doc() -> tuple[GoldNovel, Document]:
    text = '"Hi," said Anya. "Yo." "Hey." "Bye."' + " " * 20
    gold = GoldNovel("n", text, [
        GoldQuote("Q0", [(0, 5)], "0", ["1"], "explicit"),
        GoldQuote("Q1", [(17, 22)], "1", ["0"], "implicit"),
        GoldQuote("Q2", [(23, 29)], "2", ["0", "1"], "implicit"),
        GoldQuote("Q3", [(30, 36)], "0", [], "anaphoric"),  # never detected
    ], GOLD_CHARACTERS)
    doc = Document(text=text, characters=[Character("c0", "Anya", ["Anya"]),
                                          Character("c1", "Buffy", ["Buffy"])])
    doc.quotes = [Quote("q0", 1, 4, speaker="c0", confidence=0.95, addressees=["c1"]),
                  Quote("q1", 18, 21, speaker="c1", confidence=0.6, addressees=["c0"]),
                  Quote("q2", 24, 28, speaker="c1", confidence=0.92, addressees=["c0"])]
    return gold, doc


def test_speakers_counts_every_gold_quote():
    gold, doc = novel_and_doc()
    counts = speakers.count(gold, doc)
    figures = speakers.rates(counts)
    assert figures["spk_acc"] == pytest.approx(2 / 4)
    assert figures["spk_expl"] == 1.0
    assert figures["spk_impl"] == pytest.approx(1 / 2)
    assert figures["spk_anaph"] == 0.0
    assert (counts["addr_tp"], counts["addr_pred"], counts["addr_gold"]) == (3, 3, 4)
    assert figures["conf90_n"] == 2 and figures["conf90_acc"] == pytest.approx(0.5)


def test_speakers_reliability_table_from_counts():
    gold, doc = novel_and_doc()
    rows = speakers.reliability_table(speakers.count(gold, doc))
    assert [n for _, n, _ in rows] == [0, 1, 0, 0, 2]
    assert rows[1][2] == 1.0


def test_speakers_leaves_out_what_the_corpus_lacks():
    figures = speakers.rates({"spk_gold": 4, "spk_correct": 2, "spk_gold_other": 4})
    assert figures["spk_acc"] == 0.5
    assert "spk_expl" not in figures and "addr_f1" not in figures


def test_speakers_character_map_ties_go_to_the_main_name():
    gold = [GoldCharacter("4", "Elinor", ["Elinor", "Miss Dashwood"]),
            GoldCharacter("11", "Marianne", ["Marianne", "Miss Marianne"])]
    predicted = Character("c4", "Marianne Dashwood", ["Marianne", "Miss Dashwood"])
    assert speakers.character_map([predicted], gold) == {"c4": "11"}


@pytest.mark.parametrize("reverse", [False, True])
def test_speakers_character_map_ties_prefer_same_main_name_then_prominence(reverse):
    gold = [GoldCharacter("13", "Mrs. Norris", ["Mrs. Norris"], category="intermediate"),
            GoldCharacter("33", "Norris", ["Norris"], category="minor"),
            GoldCharacter("18", "Sir Thomas", ["Sir Thomas"], category="intermediate"),
            GoldCharacter("26", "Bertram", ["Bertram"], category="minor")]
    gold = gold[::-1] if reverse else gold
    predicted = [Character("c5", "Mrs. Norris", ["Aunt Norris", "Mrs. Norris", "Norris"]),
                 Character("c2", "Sir Thomas Bertram", ["Bertram", "Sir Thomas"])]
    assert speakers.character_map(predicted, gold) == {"c5": "13", "c2": "18"}


def test_speakers_character_map_ignores_the_period_of_a_title():
    # LitBank labels drop the period ("Mrs_Bennet-7" -> "Mrs Bennet"); the text keeps it
    gold = [GoldCharacter("Mr_Bennet-1", "Mr Bennet", ["Mr Bennet"]),
            GoldCharacter("Mrs_Bennet-7", "Mrs Bennet", ["Mrs Bennet"])]
    predicted = [Character("c3", "Mrs. Bennet", ["Mrs. Bennet"]),
                 Character("c4", "Mr.  Bennet", ["Mr.  Bennet"])]
    assert speakers.character_map(predicted, gold) == {"c3": "Mrs_Bennet-7",
                                                       "c4": "Mr_Bennet-1"}
