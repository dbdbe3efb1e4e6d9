"""Character inventory: are the main characters found, are the frequent ones real, and
are their names grouped right.

``char_r``
    Recall of gold major and intermediate characters: one is found when some predicted
    character's name or alias equals one of its aliases (case-insensitive).
``char_p5``
    Precision of predicted characters with at least :data:`MIN_MENTIONS` mentions (of
    any kind): one is correct when its name or an alias equals an alias of some gold
    character (any category).
``alias_p`` / ``alias_r`` / ``alias_f1``
    B-cubed precision, recall and F1 of the predicted alias clusters against the gold
    alias sets, over the aliases (lower case) that occur on both sides. An alias may
    sit in several clusters, so the extended B-cubed of Amigó et al. (2009) is used.

Names are compared case-insensitively, with runs of spaces collapsed and the period of
an abbreviated title ignored ("Mr Musgrove" = "Mr. Musgrove"). Gold placeholders
("_unknowable", "_narr") are not names and are left out.
"""

from __future__ import annotations

from collections import Counter

from ficlens.characters.names import comparable_name
from ficlens.eval.gold import GoldNovel
from ficlens.eval.ratios import f1, ratio
from ficlens.model import Document

NAME = "characters"
COLUMNS = ["char_r", "char_p5", "alias_p", "alias_r", "alias_f1"]
MIN_MENTIONS = 5
MAIN_CATEGORIES = frozenset(("major", "intermediate"))


def _names(names: list[str]) -> set[str]:
    return {comparable_name(name) for name in names if name and not name.startswith("_")}


def count(gold: GoldNovel, doc: Document) -> dict[str, float]:
    gold_sets = [_names(character.aliases + [character.name]) for character in gold.characters]
    main = [names for names, character in zip(gold_sets, gold.characters, strict=True)
            if character.category in MAIN_CATEGORIES and names]
    predicted = [_names(character.aliases + [character.name]) for character in doc.characters]
    mentions = Counter(mention.character for mention in doc.mentions)
    frequent = [names for names, character in zip(predicted, doc.characters, strict=True)
                if mentions[character.id] >= MIN_MENTIONS]
    gold_aliases = set().union(*gold_sets) if gold_sets else set()
    precision_sum, recall_sum, items = bcubed_sums(gold_sets, predicted)
    return {
        "char_gold_main": len(main),
        "char_found": sum(1 for names in main if any(names & p for p in predicted)),
        "char_pred5": len(frequent),
        "char_pred5_ok": sum(1 for names in frequent if names & gold_aliases),
        "alias_items": items,
        "alias_p_sum": precision_sum,
        "alias_r_sum": recall_sum,
    }


def _memberships(clusters: list[set[str]], items: set[str]) -> dict[str, frozenset[int]]:
    member: dict[str, set[int]] = {}
    for index, names in enumerate(clusters):
        for name in names & items:
            member.setdefault(name, set()).add(index)
    return {name: frozenset(indices) for name, indices in member.items()}


def bcubed_sums(gold: list[set[str]], predicted: list[set[str]]) -> tuple[float, float, int]:
    """Sums of per-item extended B-cubed precision and recall, and the number of items."""
    items = set().union(*gold, set()) & set().union(*predicted, set())
    in_gold = _memberships(gold, items)
    in_pred = _memberships(predicted, items)
    precision_sum = recall_sum = 0.0
    ordered = sorted(items)
    for item in ordered:
        p_total = p_count = r_total = r_count = 0.0
        for other in ordered:
            shared_pred = len(in_pred[item] & in_pred[other])
            shared_gold = len(in_gold[item] & in_gold[other])
            if shared_pred:
                p_total += min(shared_pred, shared_gold) / shared_pred
                p_count += 1
            if shared_gold:
                r_total += min(shared_pred, shared_gold) / shared_gold
                r_count += 1
        precision_sum += p_total / p_count
        recall_sum += r_total / r_count
    return precision_sum, recall_sum, len(items)


def rates(counts: dict[str, float]) -> dict[str, float]:
    def share(part: str, whole: str) -> float:
        return ratio(counts.get(part, 0), counts.get(whole, 0))

    precision = share("alias_p_sum", "alias_items")
    recall = share("alias_r_sum", "alias_items")
    return {"char_r": share("char_found", "char_gold_main"),
            "char_p5": share("char_pred5_ok", "char_pred5"),
            "alias_p": precision, "alias_r": recall, "alias_f1": f1(precision, recall)}
