"""Coreference stage: pronouns, nominals and a first-person narrator resolved to characters.

* Third-person pronouns (he, him, his, himself, she, her, hers, herself) and definite
  nominals ("the old woman") go to the most salient compatible character
  (:mod:`ficlens.characters.pronouns`, :mod:`ficlens.characters.nominals`). Resolution
  runs twice: a first pass resolves only clear cases, under the genders the characters
  stage read off titles and the pronouns after names, and gives each character a
  provisional gender; the second resolves everything under those genders.
* In a first-person story, "I/me/my/myself/mine" in the narration (never inside
  quotes: there "I" is the speaker) go to the narrator
  (:mod:`ficlens.characters.narrator`), who is found or created.
* Each character's gender comes only from the pronouns resolved to it and the gendered
  titles of its own name mentions ("Mrs.", "Sir"); a user's given gender is kept.
* Without a user inventory, characters the text found but nothing shows on stage
  (speaking, spoken to, acting) are dropped; presence is read with pronouns resolved
  leniently across quote boundaries, since any sign of it counts there. Character ids
  are then renumbered by mentions (all kinds), then first appearance.

Output: ``doc.mentions`` sorted by start (names, pronouns, nominals); unresolved
pronouns are kept with ``character=None``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ficlens.characters.context import TokenContext, build_context
from ficlens.characters.evidence import SPEECH_VERBS, is_speaker_at, is_vocative_at
from ficlens.characters.gender import TITLE_WEIGHT, decide_gender
from ficlens.characters.names import parse_name
from ficlens.characters.narrator import (
    addressed_narrator,
    is_first_person,
    marked_narrator,
    narration_first_person,
    narrator_mentions,
)
from ficlens.characters.nominals import NOMINAL_WINDOW, nominal_anaphors
from ficlens.characters.pronouns import (
    LENIENT_QUOTE_PENALTY,
    WINDOW_SENTENCES,
    Anaphor,
    pronoun_anaphors,
    resolve_all,
)
from ficlens.model import Character, Document, Gender, Mention

#: The first pass resolves only clear cases (to learn genders), the second all.
PASS_MARGINS = (0.5, 0.0)
#: Tokens beside a quote searched for its speech tag.
TAG_REACH = 8
#: See :func:`on_stage`: what acting and having a hand or a face count next to
#: speaking or being spoken to; the score needed.
NAME_ACT_WEIGHT = 0.25
#: Acting by name in a paragraph of dialogue or right before one ('Annie considered.'
#: then her answer): how someone questioned or answering is seen on stage.
BEAT_WEIGHT = 0.75
PRONOUN_ACT_WEIGHT = 0.1
POSSESSIVE_WEIGHT = 0.1
ON_STAGE_SCORE = 6.0
#: Speaking (by name or pronoun, beside a quote) this many times is enough on its own.
HEARD = 3
#: Named as the speaker of a quote ("added Mrs. Cole") this many times is enough too.
NAMED_HEARD = 1
ON_STAGE_PER_MENTION = 0.2
#: Below this many tokens a work is too short to tell who is only talked about: the
#: score needed shrinks in proportion (a 900-word scene has everyone on stage).
ON_STAGE_TOKENS = 20000


def run(doc: Document) -> Document:
    if doc.tokens is None:
        return doc
    ctx = build_context(doc)
    fixed = any(character.source == "user" for character in doc.characters)
    names = sorted((m for m in doc.mentions if m.kind != "pronoun"), key=lambda m: m.start)
    titles = title_votes(doc, names)
    given = {c.id: c.gender for c in doc.characters if c.source == "user" and c.gender}
    genders = {c.id: given.get(c.id) or decide_gender(titles.get(c.id, Counter())) or c.gender
               for c in doc.characters}
    heads = [(mention_head(ctx, m), m.character) for m in names if m.character is not None]
    speakers = quote_speakers(ctx, heads)
    covered = {row for m in names for row in ctx.tokens.rows_between(m.start, m.end)}
    anaphors = sorted(pronoun_anaphors(ctx) + nominal_anaphors(ctx, covered),
                      key=lambda a: a.first)
    resolved: list[str | None] = []
    for margin in PASS_MARGINS:
        resolved = resolve_all(ctx, heads, anaphors, genders, speakers, _window, margin)
        votes = pronoun_votes(anaphors, resolved)
        genders = {c.id: given.get(c.id) or decide_gender(
            titles.get(c.id, Counter()) + votes.get(c.id, Counter())) for c in doc.characters}
    first_person = first_person_mentions(ctx, doc, names, fixed)
    mentions = names + anaphor_mentions(ctx, anaphors, resolved) + first_person
    for character in doc.characters:
        if character.id in genders and not (character.source == "user" and character.gender):
            character.gender = genders[character.id]
    doc.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    if not fixed:
        lenient = resolve_all(ctx, heads, anaphors, genders, speakers, _window,
                              quote_penalty=LENIENT_QUOTE_PENALTY)
        drop_off_stage(ctx, doc, names + anaphor_mentions(ctx, anaphors, lenient)
                       + first_person)
        renumber(doc)
    return doc


def _window(anaphor: Anaphor) -> int:
    return NOMINAL_WINDOW if anaphor.kind == "nominal" else WINDOW_SENTENCES


def mention_head(ctx: TokenContext, mention: Mention) -> int:
    """The row of the mention's syntactic head (its last row whose head lies outside)."""
    rows = ctx.tokens.rows_between(mention.start, mention.end)
    if len(rows) == 0:
        return min(ctx.tokens.index_at(mention.start), len(ctx) - 1)
    for row in reversed(rows):
        head = int(ctx.tokens.head[row])
        if head < rows.start or head >= rows.stop:
            return row
    return rows.stop - 1


def title_votes(doc: Document, names: list[Mention]) -> dict[str, Counter]:
    """Gender votes of the titles in each character's own name mentions."""
    votes: dict[str, Counter] = {}
    genders: dict[str, Gender | None] = {}
    for mention in names:
        if mention.character is None:
            continue
        text = doc.text[mention.start:mention.end]
        if text not in genders:
            form = parse_name(text)
            genders[text] = form.gender if form is not None else None
        if genders[text] is not None:
            votes.setdefault(mention.character, Counter())[genders[text]] += TITLE_WEIGHT
    return votes


def pronoun_votes(anaphors: list[Anaphor], resolved: list[str | None]) -> dict[str, Counter]:
    votes: dict[str, Counter] = {}
    for anaphor, character in zip(anaphors, resolved, strict=True):
        if character is not None and anaphor.kind == "pronoun" and anaphor.gender:
            votes.setdefault(character, Counter())[anaphor.gender] += 1
    return votes


def quote_speakers(ctx: TokenContext, heads: list[tuple[int, str]]) -> dict[int, str]:
    """Quote index -> character named as the subject of a speech verb right beside it."""
    tokens = ctx.tokens
    taggers = {row: character for row, character in heads
               if ctx.quote_of[row] < 0 and tokens.dep[row] in ("nsubj", "nsubjpass")
               and tokens.lemma[int(tokens.head[row])] in SPEECH_VERBS}
    speakers: dict[int, str] = {}
    for index, quote in enumerate(ctx.doc.quotes):
        rows = tokens.rows_between(quote.start, quote.end)
        nearby = [*range(rows.stop, min(rows.stop + TAG_REACH, len(ctx))),
                  *range(max(rows.start - TAG_REACH, 0), rows.start)]
        paragraph = ctx.paragraph[rows.start] if len(rows) else -1
        for row in nearby:
            if row in taggers and ctx.paragraph[row] == paragraph:
                speakers[index] = taggers[row]
                break
    return speakers


def anaphor_mentions(ctx: TokenContext, anaphors: list[Anaphor],
                     resolved: list[str | None]) -> list[Mention]:
    """Pronouns (resolved or not) and resolved nominals as mentions."""
    tokens = ctx.tokens
    return [Mention(int(tokens.start[a.first]), int(tokens.end[a.end - 1]), a.kind, character)
            for a, character in zip(anaphors, resolved, strict=True)
            if character is not None or a.kind == "pronoun"]


def first_person_mentions(ctx: TokenContext, doc: Document, names: list[Mention],
                          fixed: bool) -> list[Mention]:
    """Narration "I/me/my" of a first-person story, linked to its narrator."""
    rows = narration_first_person(ctx)
    if not is_first_person(ctx, rows):
        return []
    narrator = marked_narrator(doc.characters)
    narrator_id = narrator.id if narrator is not None else None
    if narrator_id is None:
        vocatives = Counter(m.character for m in names if m.character is not None
                            and _is_vocative(ctx, m))
        narrator_id = addressed_narrator(ctx, names, vocatives)
    if narrator_id is None and not fixed:
        narrator_id = f"c{len(doc.characters)}"
        doc.characters.append(Character(narrator_id, "Narrator", ["Narrator"]))
    return narrator_mentions(ctx, rows, narrator_id) if narrator_id is not None else []


def _is_vocative(ctx: TokenContext, mention: Mention) -> bool:
    rows = ctx.tokens.rows_between(mention.start, mention.end)
    return len(rows) > 0 and is_vocative_at(ctx, rows.start, rows.stop)


@dataclass
class StageEvidence:
    """How a character shows up in the story (counts over its mentions)."""

    mentions: int = 0
    speech: int = 0      # speaks: subject of a speech verb in a paragraph with a quote
    named_speech: int = 0  # ... named there, not a pronoun
    vocative: int = 0    # is spoken to by name
    acts: int = 0        # named as the subject of a verb in the narration
    beats: int = 0       # ... of a paragraph with a quote or right before one
    pronoun_acts: int = 0
    possessive: int = 0  # "Spike's hand", "his face" in the narration

    @property
    def score(self) -> float:
        return (self.speech + self.vocative + NAME_ACT_WEIGHT * self.acts
                + BEAT_WEIGHT * self.beats
                + PRONOUN_ACT_WEIGHT * self.pronoun_acts + POSSESSIVE_WEIGHT * self.possessive)


def stage_evidence(ctx: TokenContext, mentions: list[Mention]) -> dict[str, StageEvidence]:
    tokens = ctx.tokens
    found: dict[str, StageEvidence] = {}
    dialogue = set(ctx.paragraph[ctx.quote_of >= 0].tolist())
    for mention in mentions:
        if mention.character is None:
            continue
        item = found.setdefault(mention.character, StageEvidence())
        item.mentions += 1
        rows = tokens.rows_between(mention.start, mention.end)
        if len(rows) == 0:
            continue
        head = mention_head(ctx, mention)
        name = mention.kind != "pronoun"
        if name and is_vocative_at(ctx, rows.start, rows.stop):
            item.vocative += 1
        if ctx.quote_of[head] >= 0:
            continue
        speaks = (is_speaker_at(ctx, rows.start, rows.stop, head) if name
                  else tokens.dep[head] in ("nsubj", "nsubjpass")
                  and tokens.lemma[int(tokens.head[head])] in SPEECH_VERBS)
        if speaks and tags_quote(ctx, int(tokens.head[head])):
            item.speech += 1
            item.named_speech += int(name)
        elif tokens.dep[head] == "poss":
            item.possessive += 1
        elif tokens.dep[head] in ("nsubj", "nsubjpass") and tokens.pos[
                int(tokens.head[head])] == "VERB":
            if name and beside_dialogue(ctx, head, dialogue):
                item.beats += 1
            elif name:
                item.acts += 1
            else:
                item.pronoun_acts += 1
    return found


def beside_dialogue(ctx: TokenContext, row: int, dialogue: set[int]) -> bool:
    """Whether row ``row`` lies in a paragraph with a quote or in the one right before."""
    paragraph = int(ctx.paragraph[row])
    return paragraph in dialogue or paragraph + 1 in dialogue


def tags_quote(ctx: TokenContext, verb: int) -> bool:
    """Whether the speech verb on row ``verb`` stands right beside a quote of its paragraph."""
    paragraph = ctx.paragraph[verb]
    for row in range(max(verb - TAG_REACH, 0), min(verb + TAG_REACH + 1, len(ctx))):
        if ctx.quote_of[row] >= 0 and ctx.paragraph[row] == paragraph:
            return True
    return False


def on_stage(evidence: StageEvidence, tokens: int = ON_STAGE_TOKENS) -> bool:
    """A character is heard or seen in proportion to how often it is named: someone
    mentioned often but never speaking, spoken to or acting (an author quoted, a god
    invoked, a neighbour gossiped about, a place taken for a person) is not on stage.
    Named as the speaker of a quote even once, they are (a neighbour gossiped about
    who also says a line)."""
    if evidence.speech >= HEARD or evidence.named_speech >= NAMED_HEARD:
        return True
    needed = min(ON_STAGE_SCORE, ON_STAGE_PER_MENTION * evidence.mentions)
    return evidence.score >= needed * min(1.0, tokens / ON_STAGE_TOKENS)


def drop_off_stage(ctx: TokenContext, doc: Document,
                   evidence_mentions: list[Mention] | None = None) -> None:
    """Remove text-found characters that are not on stage, and unlink their mentions.
    Presence is read from ``evidence_mentions`` (default: the document's own), where
    the caller may resolve pronouns more leniently."""
    evidence = stage_evidence(ctx, doc.mentions if evidence_mentions is None
                              else evidence_mentions)
    dropped = {c.id for c in doc.characters if c.source == "text" and c.name != "Narrator"
               and not on_stage(evidence.get(c.id, StageEvidence()), len(ctx))}
    if not dropped:
        return
    doc.characters = [c for c in doc.characters if c.id not in dropped]
    kept = []
    for mention in doc.mentions:
        if mention.character in dropped:
            if mention.kind != "pronoun":
                continue
            mention.character = None
        kept.append(mention)
    doc.mentions = kept


def renumber(doc: Document) -> None:
    """Ids by mentions of all kinds (most first), then first appearance."""
    counts = Counter(m.character for m in doc.mentions if m.character is not None)
    first: dict[str, int] = {}
    for mention in doc.mentions:
        if mention.character is not None:
            first.setdefault(mention.character, mention.start)
    order = sorted(range(len(doc.characters)), key=lambda i: (
        -counts[doc.characters[i].id], first.get(doc.characters[i].id, len(doc.text)), i))
    new_ids = {doc.characters[i].id: f"c{rank}" for rank, i in enumerate(order)}
    doc.characters = [doc.characters[i] for i in order]
    for character in doc.characters:
        character.id = new_ids[character.id]
    for mention in doc.mentions:
        if mention.character is not None:
            mention.character = new_ids.get(mention.character, mention.character)
