"""Characters stage: person-name mentions clustered into characters.

First version: every person-tagged token run is a name mention; names are grouped
by their full form, and a one-word name joins the multi-word name it is the first
or last word of when exactly one such name exists.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ficlens.model import Character, Document, Mention
from ficlens.stages.persons import BEGIN, INSIDE

TITLES = frozenset("mr mr. mrs mrs. miss ms ms. dr dr. lady sir lord professor".split())


def run(doc: Document) -> Document:
    spans = name_spans(doc)
    clusters = cluster_names([doc.text[start:end] for start, end in spans])
    counts = Counter(clusters[doc.text[start:end]] for start, end in spans)
    ordered = sorted(counts, key=lambda key: (-counts[key], key))
    ids = {key: f"c{index}" for index, key in enumerate(ordered)}
    aliases: dict[str, set[str]] = defaultdict(set)
    for name, key in clusters.items():
        aliases[key].add(name)
    doc.characters = [Character(id=ids[key], name=key, aliases=sorted(aliases[key]))
                      for key in ordered]
    doc.mentions = [Mention(start, end, "name", ids[clusters[doc.text[start:end]]])
                    for start, end in spans]
    return doc


def name_spans(doc: Document) -> list[tuple[int, int]]:
    tokens = doc.tokens
    if tokens is None:
        return []
    spans: list[tuple[int, int]] = []
    row = 0
    while row < len(tokens):
        if tokens.person[row] == BEGIN:
            last = row
            while last + 1 < len(tokens) and tokens.person[last + 1] == INSIDE:
                last += 1
            spans.append((int(tokens.start[row]), int(tokens.end[last])))
            row = last + 1
        else:
            row += 1
    return spans


def _words(name: str) -> list[str]:
    return [word for word in name.split() if word.lower() not in TITLES]


def cluster_names(names: list[str]) -> dict[str, str]:
    """Map each distinct name to the key of its character (its longest unambiguous form)."""
    distinct = sorted(set(names), key=lambda name: (-len(_words(name)), name))
    key_of: dict[str, str] = {}
    multi = [name for name in distinct if len(_words(name)) > 1]
    for name in distinct:
        words = _words(name)
        if len(words) == 1:
            holders = {key_of[full] for full in multi
                       if words[0] in (_words(full)[0], _words(full)[-1])}
            key_of[name] = holders.pop() if len(holders) == 1 else name
        else:
            key_of[name] = name
    return key_of
