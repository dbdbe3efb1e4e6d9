"""Grouping name forms into characters."""

from collections import Counter

import pytest

from ficlens.characters.clustering import (
    FormInfo,
    cluster_forms,
    resolve_by_context,
    resolve_mentions,
)
from ficlens.characters.names import parse_name


def infos(*forms: tuple[str, int, dict]) -> list[FormInfo]:
    return [FormInfo(parse_name(text), count, index, Counter(votes))
            for index, (text, count, votes) in enumerate(forms)]


def groups(clustering) -> list[set[str]]:
    found = [set(cluster.forms) for cluster in clustering.clusters]
    return sorted((group for group in found if group), key=sorted)


def test_clustering_full_first_surname_and_title_join():
    clustering = cluster_forms(infos(("Tom Sawyer", 3, {}), ("Tom", 40, {"he/him": 5}),
                                     ("Mr. Sawyer", 4, {"he/him": 12})), Counter())
    assert groups(clustering) == [{"tom sawyer", "tom", "mr sawyer"}]


@pytest.mark.parametrize("short, full", [("Meg", "Margaret Harlow"), ("Toby", "Tobias Finch"),
                                         ("Dru", "Drusilla"), ("Lizzy", "Elizabeth")])
def test_clustering_diminutives_join(short, full):
    clustering = cluster_forms(infos((full, 2, {}), (short, 10, {})), Counter())
    assert len(groups(clustering)) == 1


def test_clustering_keeps_namesakes_apart():
    clustering = cluster_forms(infos(
        ("Jane Bennet", 2, {"she/her": 4}), ("Elizabeth Bennet", 2, {"she/her": 4}),
        ("Mr. Bennet", 50, {"he/him": 150}), ("Mrs. Bennet", 60, {"she/her": 180}),
        ("Jane", 80, {}), ("Elizabeth", 300, {})), Counter())
    assert groups(clustering) == [{"elizabeth bennet", "elizabeth"}, {"jane bennet", "jane"},
                                  {"mr bennet"}, {"mrs bennet"}]


def test_clustering_miss_with_shared_surname_is_resolved_by_context():
    clustering = cluster_forms(infos(
        ("Jane Bennet", 2, {"she/her": 4}), ("Elizabeth Bennet", 2, {"she/her": 4}),
        ("Miss Bennet", 10, {"she/her": 30})), Counter())
    assert len(clustering.candidates["miss bennet"]) == 2
    jane = clustering.candidates["jane bennet"][0]
    keys = ["elizabeth bennet", "jane bennet", "miss bennet"]
    assert resolve_mentions(keys, clustering)[-1] == jane


def test_clustering_bare_given_name_is_not_taken_by_one_wearing_it_once():
    """Miss Bates, once "Miss Jane Bates", named just before, does not take Jane Fairfax's
    bare "Jane"."""
    clustering = cluster_forms(infos(
        ("Jane Fairfax", 5, {"she/her": 9}), ("Miss Jane Bates", 1, {"she/her": 3}),
        ("Miss Bates", 20, {"she/her": 40}), ("Jane", 10, {"she/her": 20})), Counter())
    fairfax = clustering.candidates["jane fairfax"][0]
    bates = clustering.candidates["miss bates"][0]
    assert set(clustering.candidates["jane"]) == {fairfax, bates}
    keys = ["jane fairfax"] * 3 + ["miss jane bates"] + ["miss bates"] * 5 + ["jane"]
    assert resolve_mentions(keys, clustering)[-1] == fairfax


def test_clustering_bare_word_goes_to_who_has_it_as_given_name():
    # "Kate Cassie" (a rare slip) joins Kate Hilbery; "Cassie" alone is Cassie Otway.
    clustering = cluster_forms(infos(
        ("Kate Hilbery", 9, {"she/her": 9}), ("Cassie Otway", 3, {"she/her": 3}),
        ("Kate Cassie", 1, {}), ("Kate", 200, {}), ("Cassie", 4, {})), Counter())
    cassie = clustering.candidates["cassie otway"]
    assert clustering.candidates["cassie"] == cassie
    assert clustering.candidates["kate cassie"] == clustering.candidates["kate hilbery"]


def test_clustering_mr_joins_the_one_man_among_rarely_named_namesakes():
    clustering = cluster_forms(infos(
        ("Newland Archer", 50, {"he/him": 15}), ("May Archer", 7, {"she/her": 10, "he/him": 6}),
        ("Adeline Archer", 1, {}), ("Mr. Archer", 21, {"he/him": 63})), Counter())
    assert clustering.candidates["mr archer"] == clustering.candidates["newland archer"]


def test_clustering_title_and_surname_with_particles_join_the_full_name():
    clustering = cluster_forms(infos(("Mr. Henry van der Luyden", 6, {"he/him": 18}),
                                     ("Mr. van der Luyden", 40, {"he/him": 120})), Counter())
    assert groups(clustering) == [{"mr henry van der luyden", "mr van der luyden"}]


def test_clustering_a_surname_with_a_particle_is_still_one_surname():
    """Lady Catherine, Sir Lewis and Miss de Bourgh are three people: a bare "de
    Bourgh" does not merge the first two, and "Miss" conflicts with "Lady"."""
    clustering = cluster_forms(infos(
        ("Lady Catherine de Bourgh", 12, {"she/her": 36}),
        ("Sir Lewis de Bourgh", 3, {"he/him": 9}), ("Miss de Bourgh", 20, {"she/her": 60}),
        ("de Bourgh", 1, {})), Counter())
    assert groups(clustering) == [{"lady catherine de bourgh"}, {"miss de bourgh"},
                                  {"sir lewis de bourgh"}]
    assert len(clustering.candidates["de bourgh"]) == 3


def test_clustering_mr_beside_two_men_stays_ambiguous():
    clustering = cluster_forms(infos(
        ("Charles Wilcox", 40, {"he/him": 40}), ("Paul Wilcox", 8, {"he/him": 8}),
        ("Mr. Wilcox", 30, {"he/him": 90})), Counter())
    assert len(clustering.candidates["mr wilcox"]) == 2


def test_clustering_trailing_title_names_a_wife_apart_from_her_husband():
    clustering = cluster_forms(infos(
        ("Hamidullah Begum", 4, {"she/her": 12}), ("Mr. Hamidullah", 3, {"he/him": 9}),
        ("Hamidullah", 80, {})), Counter())
    assert groups(clustering) == [{"begum hamidullah"}, {"mr hamidullah", "hamidullah"}]


def test_clustering_titles_keep_people_apart():
    clustering = cluster_forms(infos(("Major Callendar", 5, {}),
                                     ("Mrs. Callendar", 5, {"she/her": 15})), Counter())
    assert len(groups(clustering)) == 2


@pytest.mark.parametrize("other, expected", [
    ("Mr. Losberne", 1),       # a doctor is also "Mr."
    ("Captain Losberne", 2),   # but not a captain
])
def test_clustering_doctor_and_mister_with_one_surname_join(other, expected):
    clustering = cluster_forms(infos((other, 40, {"he/him": 9}), ("Doctor Losberne", 1, {})),
                               Counter())
    assert len(groups(clustering)) == expected


@pytest.mark.parametrize("daughter, expected", [
    # a knight's wife by his surname is not a first-named daughter never styled "Lady"
    ("Cassandra Otway", 2),
    # but "Lady Catherine de Bourgh" is "Lady de Bourgh" too
    ("Lady Cassandra Otway", 1),
])
def test_clustering_lady_and_surname_is_not_a_first_named_woman(daughter, expected):
    clustering = cluster_forms(infos((daughter, 7, {"she/her": 20}),
                                     ("Lady Otway", 23, {"she/her": 69})), Counter())
    assert len(groups(clustering)) == expected


@pytest.mark.parametrize("styled, expected", [
    # a pet name is not a peer's daughter's, though the text once writes her name bare
    ("Lady Catherine de Bourgh", 2),
    # but it is a plain Catherine's
    ("Mrs. Catherine de Bourgh", 1),
])
def test_clustering_diminutive_does_not_join_a_name_styled_lady(styled, expected):
    clustering = cluster_forms(infos((styled, 12, {"she/her": 36}),
                                     ("Catherine de Bourgh", 2, {"she/her": 2}),
                                     ("Kitty", 69, {"she/her": 13})), Counter())
    assert len(groups(clustering)) == expected


def test_clustering_names_meeting_in_a_sentence_are_two_people():
    cooccur = Counter({frozenset(("mr knightley", "mr john knightley")): 3})
    clustering = cluster_forms(infos(("Mr. John Knightley", 10, {"he/him": 30}),
                                     ("Mr. Knightley", 300, {"he/him": 900})), cooccur)
    assert len(groups(clustering)) == 2


def test_clustering_a_parent_met_beside_the_sons_names_is_a_parent():
    """ "Mr. Emerson" once beside "George" and once beside "Mr. George Emerson": two
    meetings in all, so the father is not the son; a bare surname meeting its own full
    name twice in that way still joins it."""
    forms = (("George Emerson", 14, {"he/him": 20}), ("Mr. George Emerson", 5, {"he/him": 15}),
             ("Mr. Emerson", 84, {"he/him": 250}), ("George", 117, {"he/him": 13}))
    once_each = Counter({frozenset(("mr emerson", "george")): 1,
                         frozenset(("mr emerson", "mr george emerson")): 1})
    assert groups(cluster_forms(infos(*forms), once_each)) == [
        {"george emerson", "mr george emerson", "george"}, {"mr emerson"}]
    bare = Counter({frozenset(("wickham", "george wickham")): 1,
                    frozenset(("wickham", "mr wickham")): 1})
    clustering = cluster_forms(infos(("George Wickham", 5, {"he/him": 9}),
                                     ("Mr. Wickham", 90, {"he/him": 270}),
                                     ("Wickham", 60, {})), bare)
    assert len(groups(clustering)) == 1


def test_clustering_metadata_seeds_take_text_names():
    clustering = cluster_forms(infos(("Buffy", 12, {})), Counter(),
                               seeds=[parse_name("Buffy Summers")])
    assert clustering.clusters[0].label == "Buffy Summers"
    assert clustering.candidates["buffy"] == [0]


def test_clustering_resolve_by_context_prefers_recent_then_frequent():
    counts = [10, 3]
    assert resolve_by_context([[0], [1], [0, 1]], counts) == [0, 1, 1]
    assert resolve_by_context([[0, 1]], counts) == [0]


def test_clustering_resolve_by_context_with_none_recent_takes_the_one_named_next():
    """A bare "Mr. Cavendish" opening a scene before "Lawrence Cavendish" is named in it."""
    assert resolve_by_context([[0, 1], [1], [0]], [10, 3]) == [1, 1, 0]
    far = [[0, 1]] + [[2]] * 60 + [[1]]
    assert resolve_by_context(far, [10, 3, 60])[0] == 0  # named too far ahead: frequency


def test_clustering_a_rarely_named_candidate_does_not_take_a_bare_name_by_recency():
    """Rosamond Gregory, named three times, does not take her brother's bare "Gregory"
    (named twenty times) because she was named just before."""
    assert resolve_by_context([[0], [1], [0, 1]], [20, 3]) == [0, 1, 0]


def test_clustering_a_spoken_form_with_letters_dropped_joins_the_name_it_shortens():
    """ "Be'y" is Berry and "Ha'ie" Hattie; "Teal'c" shortens no one's name."""
    clustering = cluster_forms(infos(("Berry Hamilton", 5, {}), ("Hattie Sterling", 4, {}),
                                     ("Be'y", 3, {}), ("Ha'ie", 2, {}), ("Teal'c", 2, {})),
                               Counter())
    assert groups(clustering) == [{"berry hamilton", "be'y"}, {"hattie sterling", "ha'ie"},
                                  {"teal'c"}]


def test_clustering_a_rare_full_name_is_a_married_name_only_for_a_woman():
    """ "Lydia Wickham" is Lydia Bennet married; "John Willoughby" is not Sir John
    Middleton: a man's surname does not change."""
    women = cluster_forms(infos(("Lydia Bennet", 10, {"she/her": 5}), ("Lydia Wickham", 2, {})),
                          Counter())
    assert groups(women) == [{"lydia bennet", "lydia wickham"}]
    men = cluster_forms(infos(("Sir John Middleton", 10, {"he/him": 5}),
                              ("John Willoughby", 2, {})), Counter())
    assert groups(men) == [{"john willoughby"}, {"sir john middleton"}]


def test_clustering_sir_and_a_given_name_is_the_one_styled_sir():
    clustering = cluster_forms(infos(("Sir William Lucas", 10, {"he/him": 5}),
                                     ("William Goulding", 1, {}),
                                     ("Sir William", 34, {"he/him": 4})), Counter())
    assert groups(clustering) == [{"sir william lucas", "sir william"}, {"william goulding"}]


def test_clustering_a_rank_and_a_surname_is_the_one_styled_so():
    """ "Captain Migollen" beside Captain Lida Migollen and Joun Migollen is the captain."""
    clustering = cluster_forms(infos(("Captain Lida Migollen", 6, {}),
                                     ("Joun Migollen", 5, {"he/him": 3}),
                                     ("Captain Migollen", 4, {})), Counter())
    assert groups(clustering) == [{"captain lida migollen", "captain migollen"},
                                  {"joun migollen"}]


def test_clustering_a_rank_and_a_given_name_joins_the_full_name_styled_so():
    """A rank usually goes with a surname ("Dr. Tom" is not Tom Bull), but "Captain
    Pellon" is Captain Pellon BarCarran, whom the text styles so in full."""
    clustering = cluster_forms(infos(("Captain Pellon BarCarran", 3, {}),
                                     ("Captain Pellon", 5, {})), Counter())
    assert groups(clustering) == [{"captain pellon barcarran", "captain pellon"}]
    unstyled = cluster_forms(infos(("Tom Bull", 3, {}), ("Dr. Tom", 5, {})), Counter())
    assert groups(unstyled) == [{"dr tom"}, {"tom bull"}]


def test_clustering_a_seed_takes_the_fuller_name_the_text_writes():
    """An AO3 tag "John Watson" and the text's "Dr. John H. Watson" are one person."""
    clustering = cluster_forms(infos(("Dr. John H. Watson", 4, {}), ("John Watson", 3, {}),
                                     ("John", 40, {})), Counter(),
                               seeds=[parse_name("John Watson")])
    assert groups(clustering) == [{"dr john h. watson", "john watson", "john"}]
    assert clustering.clusters[0].label == "John Watson"


def test_clustering_two_given_names_side_by_side_are_no_full_name():
    """ "hands John Sherlock's watch", "Katharine Cassandra; Cassandra Katharine they
    alternated": two people's given names, not one person's full name."""
    clustering = cluster_forms(infos(("John Watson", 10, {}), ("Sherlock Holmes", 10, {}),
                                     ("John Sherlock", 1, {}), ("Sherlock", 50, {}),
                                     ("John", 60, {})), Counter())
    assert groups(clustering) == [{"john watson", "john"}, {"sherlock holmes", "sherlock"}]
    assert clustering.candidates["john sherlock"] == []


def test_clustering_a_rare_full_name_ending_in_a_surname_is_kept():
    """ "Harry Potter" written once beside a frequent "Potter": Potter ends other names."""
    clustering = cluster_forms(infos(("Harry Potter", 1, {}), ("James Potter", 3, {}),
                                     ("Harry Granger", 2, {}), ("Potter", 50, {})), Counter())
    assert clustering.candidates["harry potter"] != []
