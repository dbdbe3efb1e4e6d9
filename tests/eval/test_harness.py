from ficlens.eval.gold import GoldCharacter
from ficlens.eval.harness import gold_characters


def test_gold_characters_keep_their_names_and_gender():
    gold = [GoldCharacter("0", "Emma", ["Emma", "Miss Woodhouse"], gender="F"),
            GoldCharacter("1", "Mr. Knightley", ["Mr. Knightley"], gender="M"),
            GoldCharacter("2", "The Crowd", ["The Crowd"], gender="X")]
    characters = gold_characters(gold)
    assert [c.id for c in characters] == ["c0", "c1", "c2"]
    assert [c.gender for c in characters] == ["she/her", "he/him", None]
    assert all(c.source == "user" for c in characters)
    assert characters[0].aliases == ["Emma", "Miss Woodhouse"]
