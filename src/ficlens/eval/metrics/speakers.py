"""Speaker and addressee attribution.

Speaker accuracy is the share of ALL gold quotations whose predicted speaker is the
gold speaker: a quotation that quote detection missed counts as wrong. A gold
quotation takes the speaker of the predicted quotes overlapping its spans, weighted
by how many characters each overlaps (nested quotes are ignored). Accuracy is also
split by the gold quotation type (explicit / anaphoric / implicit).

Predicted characters are mapped to gold characters by names: a predicted character
stands for the gold character sharing the most names with it (main name and aliases,
compared as the character metrics compare them: case-insensitively, the period of an
abbreviated title ignored, so LitBank's label "Mrs Bennet" is "Mrs. Bennet"; ties go
to the gold character whose main name it bears, then, for a user-supplied inventory,
to the one with its id). One sharing no whole name maps to the single gold character
sharing the most name words with it, titles aside ("Winnie" -> "Winnie Verloc", as
LitBank names speakers by one label only), or to nothing.

Addressees are scored as (gold quotation, gold character) pairs over the gold
quotations that quote detection found. Figures a corpus has no gold for (LitBank has
no quote types and no addressees) are left out, and the table shows "-".
Confidence is reported per bin of :data:`BIN_EDGES` (count and correct), so a
reliability table can be built from the summed counts; ``conf90_acc`` is the
accuracy of the quotes at confidence >= 0.9.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ficlens.characters.names import comparable_name
from ficlens.eval.gold import GoldCharacter, GoldNovel, GoldQuote
from ficlens.eval.ratios import f1, ratio
from ficlens.model import Character, Document, Quote

NAME = "speakers"
COLUMNS = ["spk_acc", "spk_expl", "spk_anaph", "spk_impl", "addr_p", "addr_r", "addr_f1",
           "conf90_n", "conf90_acc"]
TYPES = ("explicit", "anaphoric", "implicit")
TITLE_WORDS = frozenset("mr mrs ms miss dr sir lady lord the of st".split())
#: Lower edges of the confidence bins (the last bin is [0.9, 1.0]).
BIN_EDGES = (0.0, 0.5, 0.7, 0.8, 0.9)
#: PDNC character categories, more prominent higher (breaks ties in :func:`character_map`).
CATEGORY_RANK = {"major": 3, "intermediate": 2, "minor": 1}


def _names(names: list[str]) -> set[str]:
    return {comparable_name(name) for name in names if name.strip()}


def character_map(predicted: list[Character], gold: list[GoldCharacter]) -> dict[str, str]:
    """Predicted character id -> the gold character id sharing the most names with it.

    Ties (a predicted "Mrs. Norris" with the alias "Norris" shares one name with the
    gold "Mrs. Norris" and one with a minor "Norris") go, in order, to the gold
    character whose main name is the predicted main name, whose main name is among
    the predicted names, whose id a user-supplied character carries, then to the
    more prominent PDNC category, then to the first in the gold list: never to the
    accident of set order.
    """
    index: dict[str, list[str]] = {}
    for character in gold:
        for name in _names([character.name, *character.aliases]):
            index.setdefault(name, []).append(character.id)
    words_of = {c.id: _words([c.name, *c.aliases]) for c in gold}
    main_names = {c.id: comparable_name(c.name) for c in gold}
    rank = {c.id: (CATEGORY_RANK.get(c.category or "", 0), -position)
            for position, c in enumerate(gold)}
    mapping: dict[str, str] = {}
    for character in predicted:
        names = _names([character.name, *character.aliases])
        main = comparable_name(character.name)
        votes: Counter[str] = Counter()
        for name in names:
            votes.update(index.get(name, []))
        if votes:
            mapping[character.id] = max(votes, key=lambda gid: (
                votes[gid], main_names[gid] == main, main_names[gid] in names,
                character.source == "user" and gid == _bare(character.id), rank[gid]))
        else:
            fallback = _word_match(character, words_of)
            if fallback is not None:
                mapping[character.id] = fallback
    return mapping


def _words(names: list[str]) -> set[str]:
    return {w for name in names for w in re.findall(r"[a-z]+", name.lower())
            if w not in TITLE_WORDS and len(w) > 1}


def _word_match(character: Character, words_of: dict[str, set[str]]) -> str | None:
    """The one gold character sharing the most name words (titles aside), if unique."""
    words = _words([character.name, *character.aliases])
    scores = {gid: len(words & gold_words) for gid, gold_words in words_of.items()}
    best = max(scores.values(), default=0)
    winners = [gid for gid, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def _bare(character_id: str) -> str:
    return character_id[1:] if character_id.startswith("c") else character_id


class _Overlaps:
    """Predicted quotes in text order, for finding those overlapping a span."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = sorted((q for q in quotes if q.nested_in is None), key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]
        self.longest = max((q.end - q.start for q in self.quotes), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[Quote, int]]:
        found = []
        index = bisect.bisect_left(self.starts, start - self.longest)
        while index < len(self.quotes) and self.quotes[index].start < end:
            quote = self.quotes[index]
            inner = min(end, quote.end) - max(start, quote.start)
            if inner > 0:
                found.append((quote, inner))
            index += 1
        return found


def matched_quote(gold: GoldQuote, overlaps: _Overlaps) -> tuple[Quote | None, list[Quote]]:
    """The predicted quote standing for ``gold`` (largest overlap) and all overlapping ones."""
    weights: Counter[str] = Counter()
    by_id: dict[str, Quote] = {}
    for start, end in gold.spans:
        for quote, inner in overlaps.overlapping(start, end):
            weights[quote.id] += inner
            by_id[quote.id] = quote
    if not weights:
        return None, []
    best = max(weights, key=lambda qid: weights[qid])
    return by_id[best], list(by_id.values())


def _speaker_votes(gold: GoldQuote, overlaps: _Overlaps) -> str | None:
    weights: Counter[str | None] = Counter()
    for start, end in gold.spans:
        for quote, inner in overlaps.overlapping(start, end):
            weights[quote.speaker] += inner
    return max(weights, key=lambda speaker: weights[speaker]) if weights else None


def bin_index(confidence: float) -> int:
    return max(0, bisect.bisect_right(BIN_EDGES, confidence) - 1)


def count(gold: GoldNovel, doc: Document) -> dict[str, float]:
    mapping = character_map(doc.characters, gold.characters)
    overlaps = _Overlaps(doc.quotes)
    counts: Counter[str] = Counter()
    for quote in gold.quotes:
        kind = quote.type if quote.type in TYPES else "other"
        counts["spk_gold"] += 1
        counts[f"spk_gold_{kind}"] += 1
        best, _ = matched_quote(quote, overlaps)
        if best is None:
            counts["addr_gold"] += len(set(quote.addressees))
            continue
        speaker = _speaker_votes(quote, overlaps)
        correct = speaker is not None and mapping.get(speaker) == quote.speaker
        counts["spk_found"] += 1
        if correct:
            counts["spk_correct"] += 1
            counts[f"spk_correct_{kind}"] += 1
        if speaker is not None:
            counts["spk_attributed"] += 1
            counts[f"bin{bin_index(best.confidence)}_n"] += 1
            counts[f"bin{bin_index(best.confidence)}_correct"] += int(correct)
        predicted = {mapping[a] for a in best.addressees if a in mapping}
        wanted = set(quote.addressees)
        counts["addr_gold"] += len(wanted)
        counts["addr_pred"] += len(predicted)
        counts["addr_tp"] += len(predicted & wanted)
    return dict(counts)


def rates(counts: dict[str, float]) -> dict[str, float]:
    get = counts.get
    figures = {"spk_acc": ratio(get("spk_correct", 0), get("spk_gold", 0)),
               "spk_found_acc": ratio(get("spk_correct", 0), get("spk_found", 0))}
    for kind, column in zip(TYPES, ("spk_expl", "spk_anaph", "spk_impl"), strict=True):
        if get(f"spk_gold_{kind}", 0):  # LitBank has no quote types: leave them out
            figures[column] = ratio(get(f"spk_correct_{kind}", 0), get(f"spk_gold_{kind}", 0))
    if get("addr_gold", 0):  # nor addressees
        precision = ratio(get("addr_tp", 0), get("addr_pred", 0))
        recall = ratio(get("addr_tp", 0), get("addr_gold", 0))
        figures.update({"addr_p": precision, "addr_r": recall,
                        "addr_f1": f1(precision, recall)})
    top = len(BIN_EDGES) - 1
    figures["conf90_n"] = float(get(f"bin{top}_n", 0))
    figures["conf90_acc"] = ratio(get(f"bin{top}_correct", 0), get(f"bin{top}_n", 0))
    for index in range(len(BIN_EDGES)):
        figures[f"bin{index}_acc"] = ratio(get(f"bin{index}_correct", 0),
                                            get(f"bin{index}_n", 0))
    return figures


def reliability_table(counts: dict[str, float]) -> list[tuple[str, int, float]]:
    """(bin label, quotes, accuracy) rows from summed counts."""
    rows = []
    for index, low in enumerate(BIN_EDGES):
        high = BIN_EDGES[index + 1] if index + 1 < len(BIN_EDGES) else 1.0
        n = int(counts.get(f"bin{index}_n", 0))
        rows.append((f"[{low:.1f}, {high:.1f}{']' if high == 1.0 else ')'}", n,
                     ratio(counts.get(f"bin{index}_correct", 0), n)))
    return rows
