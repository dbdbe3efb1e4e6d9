"""Characters stage: who is in the story, under every name they go by.

1. Every run of capitalised name words (with its titles) is an occurrence
   (:mod:`ficlens.characters.evidence`); the evidence of all occurrences of a name is
   pooled, so a name that is ever the subject of a speech verb, addressed in a
   vocative, taken up by he/she or given a title is a person everywhere, and places,
   story titles, interjections and common words are filtered out.
2. The accepted names are clustered into characters
   (:mod:`ficlens.characters.clustering`): full name, first name, surname, title +
   surname and diminutives join; namesakes are kept apart; an ambiguous short form
   goes to the compatible character mentioned most recently.
3. A description that speaks twice or more ("said the mariner") and is never named is
   a character of its own (:mod:`ficlens.characters.descriptions`); one that is a title
   ("said the doctor") is, where the title's holder has been named, a mention of the
   holder (:mod:`ficlens.characters.roles`).
4. When ``doc.characters`` holds a user's list (``source="user"``), that inventory is
   kept as it is and name mentions are only linked to it
   (:mod:`ficlens.characters.linking`). AO3 character tags seed the inventory.

Output: ``doc.characters`` (ids ``c0``, ``c1``… by number of name mentions, then
first appearance) and ``doc.mentions`` holding the name mentions (and the nominal
mentions of described characters).
"""

from __future__ import annotations

from collections import Counter

from ficlens.characters.clustering import (
    Cluster,
    Clustering,
    FormInfo,
    cluster_forms,
    resolve_mentions,
)
from ficlens.characters.context import TokenContext, build_context
from ficlens.characters.descriptions import description_mentions
from ficlens.characters.evidence import NameEvidence, accept, gather_evidence
from ficlens.characters.gender import TITLE_WEIGHT, decide_gender
from ficlens.characters.inventory import metadata_seeds
from ficlens.characters.linking import link_to_inventory
from ficlens.characters.names import NameForm, parse_name
from ficlens.characters.occurrences import Occurrence, find_occurrences, word_stats
from ficlens.characters.roles import RoleHolders
from ficlens.model import Character, Document, Mention


def run(doc: Document) -> Document:
    if doc.tokens is None:
        return doc
    ctx = build_context(doc)
    stats = word_stats(ctx)
    occurrences = find_occurrences(ctx, stats)
    if any(character.source == "user" for character in doc.characters):
        doc.mentions = link_to_inventory(ctx, occurrences, doc.characters)
        return doc
    evidence = gather_evidence(ctx, occurrences)
    seeds = metadata_seeds(doc.metadata.characters)
    accepted = accept(evidence, stats, {seed.key for seed in seeds})
    names = [occurrence for occurrence in occurrences
             if occurrence.evidence_key in accepted and not after_article(ctx, occurrence)]
    clustering = cluster_forms(form_infos(names, evidence).values(),
                               cooccurrences(ctx, names), seeds)
    assigned = resolve_mentions([name.form.full_key for name in names], clustering)
    doc.characters, doc.mentions = build_characters(ctx, clustering, names, assigned)
    add_described(ctx, doc, [name.form for name in names])
    return doc


def add_described(ctx: TokenContext, doc: Document, written: list[NameForm]) -> None:
    """Characters known only by a description that speaks ("said the mariner"); where
    the description is a title ("the doctor") and its holder has been named, mentions
    of the holder by that title instead (:mod:`ficlens.characters.roles`)."""
    covered = {row for m in doc.mentions for row in ctx.tokens.rows_between(m.start, m.end)}
    roles = RoleHolders(doc.text, doc.characters, doc.mentions, written)
    for text, spans in sorted(description_mentions(ctx, covered).items(),
                              key=lambda item: (-len(item[1]), item[0])):
        holders = [roles.holder_at(text, start) for start, _ in spans]
        doc.mentions.extend(Mention(start, end, "name", holder)
                            for (start, end), holder in zip(spans, holders, strict=True)
                            if holder is not None)
        own = [span for span, holder in zip(spans, holders, strict=True) if holder is None]
        if not own:
            continue
        character_id = f"c{len(doc.characters)}"
        doc.characters.append(Character(character_id, text, [text]))
        doc.mentions.extend(Mention(start, end, "nominal", character_id) for start, end in own)
    doc.mentions.sort(key=lambda mention: (mention.start, mention.end))


def after_article(ctx: TokenContext, occurrence: Occurrence) -> bool:
    """ "a Slayee", "an Emerson": a common noun or one of a family, not a person's name."""
    return occurrence.first > 0 and ctx.tokens.lower[occurrence.first - 1] in ("a", "an")


def form_infos(names: list[Occurrence], evidence: dict[str, NameEvidence]) -> dict[str, FormInfo]:
    """One :class:`FormInfo` per full key, with its gender votes: its title's, or the
    pronouns that follow it (and its first name alone)."""
    infos: dict[str, FormInfo] = {}
    for position, name in enumerate(names):
        form = name.form
        info = infos.get(form.full_key)
        if info is None:
            info = infos[form.full_key] = FormInfo(form, 0, position, Counter())
        info.count += 1
        if form.gender is not None:
            info.genders[form.gender] += TITLE_WEIGHT
    for info in infos.values():
        if info.form.titles:
            continue
        info.genders.update(_pronoun_votes(evidence, info.form.key, info.form.full_key))
        given = info.form.given
        if given is not None:
            info.genders.update(_pronoun_votes(evidence, given.lower(), given.lower()))
    return infos


def _pronoun_votes(evidence: dict[str, NameEvidence], key: str, full_key: str) -> Counter:
    item = evidence.get(key)
    return item.genders.get(full_key, Counter()) if item is not None else Counter()


def cooccurrences(ctx: TokenContext, names: list[Occurrence]) -> Counter:
    """How many sentences each pair of distinct full keys shares, both in the narration
    or both in one quote ("Miss Woodhouse," said Harriet to Emma: one person, two voices)."""
    counts: Counter = Counter()
    by_sentence: dict[tuple[int, int], set[str]] = {}
    for name in names:
        row = name.word_start
        segment = (int(ctx.sentence[row]), int(ctx.quote_of[row]))
        by_sentence.setdefault(segment, set()).add(name.form.full_key)
    for keys in by_sentence.values():
        if len(keys) < 2:
            continue
        ordered = sorted(keys)
        for index, first in enumerate(ordered):
            for second in ordered[index + 1:]:
                counts[frozenset((first, second))] += 1
    return counts


def canonical_name(forms: Counter) -> str:
    """The fullest common form: most name words, then most used, then longest."""
    def rank(display: str) -> tuple:
        form = parse_name(display)
        return (min(len(form.words), 3) if form else 0, forms[display], len(display), display)
    return max(forms, key=rank)


def build_characters(ctx: TokenContext, clustering: Clustering, names: list[Occurrence],
                     assigned: list[int | None]) -> tuple[list[Character], list[Mention]]:
    doc, tokens = ctx.doc, ctx.tokens
    displays: dict[int, Counter] = {}
    first_seen: dict[int, int] = {}
    spans: list[tuple[int, int, int]] = []
    for name, cluster in zip(names, assigned, strict=True):
        if cluster is None:
            continue
        start = int(tokens.start[name.first])
        end = int(tokens.start[name.end - 1]) + len(name.form.words[-1])
        displays.setdefault(cluster, Counter())[name.form.display()] += 1
        first_seen.setdefault(cluster, start)
        spans.append((start, end, cluster))
    kept = [c for c in clustering.clusters if c.index in displays
            or (c.label is not None and c.merged_into is None)]
    kept.sort(key=lambda c: (-sum(displays.get(c.index, Counter()).values()),
                             first_seen.get(c.index, len(doc.text)), c.index))
    ids = {cluster.index: f"c{number}" for number, cluster in enumerate(kept)}
    owners = alias_owners(displays)
    characters = [_character(cluster, ids[cluster.index], _owned(
        displays.get(cluster.index, Counter()), owners, cluster.index)) for cluster in kept]
    mentions = [Mention(start, end, "name", ids[cluster]) for start, end, cluster in spans]
    return characters, mentions


def alias_owners(displays: dict[int, Counter]) -> dict[str, int]:
    """For each written form, the cluster most of its mentions went to."""
    totals: dict[str, Counter] = {}
    for cluster, forms in displays.items():
        for form, count in forms.items():
            totals.setdefault(form, Counter())[cluster] = count
    return {form: min(counter, key=lambda c: (-counter[c], c)) for form, counter in totals.items()}


def _owned(forms: Counter, owners: dict[str, int], cluster: int) -> Counter:
    """The forms a cluster owns: an ambiguous surname is an alias of the character it
    names most often (its other mentions still point where context sent them)."""
    owned = Counter({form: count for form, count in forms.items() if owners[form] == cluster})
    return owned or forms


def _character(cluster: Cluster, character_id: str, displays: Counter) -> Character:
    forms = Counter(displays)
    if cluster.label is not None:
        forms[cluster.label] += 0
    name = canonical_name(forms)
    aliases = set(forms)
    aliases.update(alias[4:] for alias in forms if alias.startswith("the "))
    return Character(id=character_id, name=name, aliases=sorted(aliases),
                     gender=decide_gender(cluster.genders),
                     source="metadata" if cluster.label is not None else "text")
