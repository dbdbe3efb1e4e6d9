"""Gender from votes."""

from collections import Counter

import pytest

from ficlens.characters.gender import decide_gender


@pytest.mark.parametrize("votes, gender", [
    ({"she/her": 5}, "she/her"),
    ({"he/him": 7, "she/her": 2}, "he/him"),
    ({"he/him": 3, "she/her": 3}, None),
    ({"he/him": 1}, None),
    ({}, None),
])
def test_gender_decide_gender(votes, gender):
    assert decide_gender(Counter(votes)) == gender


def test_gender_single_vote_counts_when_allowed():
    assert decide_gender(Counter({"he/him": 1}), min_votes=1) == "he/him"
