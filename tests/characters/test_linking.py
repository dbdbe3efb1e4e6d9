"""Linking name mentions to a fixed inventory."""

from ficlens.characters.context import build_context
from ficlens.characters.linking import link_to_inventory, usable_aliases
from ficlens.characters.occurrences import find_occurrences, word_stats
from ficlens.model import Character

from .builder import parsed

INVENTORY = [
    Character("c0", "The General", ["The General", "General"], source="user"),
    Character("c1", "Polina Alexandrovna", ["Polina", "_narr"], "she/her", "user"),
    Character("c2", "Mr. Astley", ["Mr. Astley"], source="user"),
]


def linked(*paragraphs: str) -> list[tuple[str, str]]:
    ctx = build_context(parsed(*paragraphs))
    occurrences = find_occurrences(ctx, word_stats(ctx))
    return [(ctx.doc.text[m.start:m.end], m.character)
            for m in link_to_inventory(ctx, occurrences, INVENTORY)]


def test_linking_aliases_as_written_and_partial_forms():
    assert linked("Then the General spoke to Polina Alexandrovna and Astley .",
                  "Later the general went out .") == [
        ("the General", "c0"), ("Polina Alexandrovna", "c1"), ("Astley", "c2")]


def test_linking_possessives_and_titles():
    assert linked("She took Mr. Astley 's hat from Miss Polina .") == [
        ("Mr. Astley", "c2"), ("Miss Polina", "c1")]


def test_linking_placeholders_are_not_aliases():
    assert usable_aliases(INVENTORY[1]) == ["Polina Alexandrovna", "Polina"]


def test_linking_lower_case_description_of_a_listed_description():
    inventory = [Character("c0", "The Landlady", ["The Landlady"], source="user")]
    ctx = build_context(parsed(
        '" Gone , " said|VERB|ROOT|. the|DET|det|+1 landlady|NOUN|nsubj|-2 .',
        "The|DET|det|+1 landlady|NOUN|compound|+1 trade|NOUN|nsubj|+1 fell|VERB|ROOT|. ."))
    mentions = link_to_inventory(ctx, find_occurrences(ctx, word_stats(ctx)), inventory)
    assert [(ctx.doc.text[m.start:m.end], m.character) for m in mentions] == [
        ("the landlady", "c0")]


def test_linking_alias_broken_across_lines():
    """Hard-wrapped text breaks "Mrs. Dashwood" over two lines: still that alias, not
    the other character whose alias is the bare surname."""
    inventory = [Character("c0", "John Dashwood", ["Dashwood"], source="user"),
                 Character("c1", "Mrs. Dashwood", ["Mrs. Dashwood"], source="user")]
    doc = parsed("Then Mrs. Dashwood smiled at Dashwood .")
    doc.text = doc.text.replace("Mrs. Dashwood", "Mrs.\nDashwood")
    ctx = build_context(doc)
    mentions = link_to_inventory(ctx, find_occurrences(ctx, word_stats(ctx)), inventory)
    assert [(ctx.doc.text[m.start:m.end], m.character) for m in mentions] == [
        ("Mrs.\nDashwood", "c1"), ("Dashwood", "c0")]


def test_linking_particles_in_lower_case_match_a_title_cased_alias():
    """A list writes "Mr. Van Der Luyden"; the text "Mr. van der Luyden": that alias,
    not the other character listed as the bare surname."""
    inventory = [Character("c0", "Luyden", ["Luyden"], source="user"),
                 Character("c1", "Mr. Van Der Luyden", ["Mr. Van Der Luyden"], source="user")]
    ctx = build_context(parsed("Then Mr. van der Luyden smiled ."))
    mentions = link_to_inventory(ctx, find_occurrences(ctx, word_stats(ctx)), inventory)
    assert [(ctx.doc.text[m.start:m.end], m.character) for m in mentions] == [
        ("Mr. van der Luyden", "c1")]


def test_linking_a_listed_description_that_is_a_title_goes_to_its_holder_once_named():
    """PDNC lists both "The Doctor" (met early) and "Mr. Losberne", called "the doctor"
    once the story has named him."""
    inventory = [Character("c0", "The Doctor", ["The Doctor"], source="user"),
                 Character("c1", "Mr. Losberne", ["Mr. Losberne", "Doctor Losberne"],
                           source="user")]
    says = '" Well , " said|VERB|ROOT|. the|DET|det|+1 doctor|NOUN|nsubj|-2 .'
    ctx = build_context(parsed(says, "Mr.|PROPN|compound|+1 Losberne|PROPN|nsubj|+1 came|VERB .",
                               says))
    mentions = link_to_inventory(ctx, find_occurrences(ctx, word_stats(ctx)), inventory)
    assert [(ctx.doc.text[m.start:m.end], m.character) for m in mentions] == [
        ("the doctor", "c0"), ("Mr. Losberne", "c1"), ("the doctor", "c1")]
