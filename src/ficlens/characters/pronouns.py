"""Resolving third-person pronouns and definite nominals to characters by salience.

Walking the text in order, every name mention (and every pronoun or nominal already
resolved) makes its character salient; a pronoun ("she", "him", "his", "herself") or
a nominal ("the old woman") goes to the salient character that scores best, each
character by the best of its mentions in reach (unless its latest rules it out):

* recency in sentences (nothing further back than :data:`WINDOW_SENTENCES`);
* gender: a character of known gender never takes the other gender's pronouns;
* grammatical role: antecedents in subject position are preferred, more so for a
  subject pronoun (parallelism);
* binding: a plain pronoun is not a co-argument of the same verb as its antecedent
  ("Tom saw him"), a reflexive is (prepositional phrases are free: "behind her she");
* quotes: inside a quote, "he"/"she" is not the quote's speaker (guessed from a name in
  a speech tag beside it); a pronoun in the narration rarely points to someone only
  talked about inside a quote ('"It's not Harry again, is it?" / "Only the divorce," he
  answers': not Harry), nor one inside a quote to the narration around it, so an
  antecedent across that boundary scores :data:`QUOTE_MISMATCH_PENALTY` less.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ficlens.characters.context import TokenContext
from ficlens.model import Gender

PRONOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "he/him"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "she/her"),
}
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
ARGUMENT_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "iobj", "dative"))
WINDOW_SENTENCES = 6
#: Score of an antecedent 0, 1, 2… sentences back.
RECENCY = (1.0, 0.75, 0.5, 0.35, 0.25, 0.2, 0.15)
SUBJECT_BONUS = 0.35
PARALLEL_BONUS = 0.15
UNKNOWN_GENDER_PENALTY = 0.6
QUOTE_MISMATCH_PENALTY = 1.0
#: The same, for the lenient reading that decides who is on stage
#: (:func:`ficlens.stages.coref.drop_off_stage`): any sign of presence counts there.
LENIENT_QUOTE_PENALTY = 0.25
#: Most recent mentions kept as candidates.
MAX_RECENT = 48


@dataclass
class Anaphor:
    """A pronoun or nominal to resolve: rows ``[first, end)``, ``head`` its head row."""

    first: int
    end: int
    head: int
    gender: Gender | None
    kind: str  # "pronoun" or "nominal"
    reflexive: bool = False
    possessive: bool = False


@dataclass
class Salient:
    """A mention that makes its character salient."""

    character: str
    row: int
    sentence: int
    quote: int
    subject: bool
    verb: int


def pronoun_anaphors(ctx: TokenContext) -> list[Anaphor]:
    """Every third-person singular pronoun (personal, possessive or reflexive)."""
    tokens = ctx.tokens
    found = []
    for row, lower in enumerate(tokens.lower):
        gender = PRONOUN_GENDER.get(lower)
        if gender is not None and (tokens.pos[row] == "PRON" or tokens.tag[row] == "PRP$"):
            possessive = tokens.tag[row] == "PRP$" or tokens.dep[row] == "poss"
            found.append(Anaphor(row, row + 1, row, gender, "pronoun",
                                 reflexive=lower.endswith("self"), possessive=possessive))
    return found


def argument_of(ctx: TokenContext, row: int) -> int:
    """The verb ``row`` is a direct argument of (subject, object), or -1: binding only
    holds between co-arguments ("Tom saw him"), not into a prepositional phrase
    ("behind her she heard")."""
    tokens = ctx.tokens
    return int(tokens.head[row]) if tokens.dep[row] in ARGUMENT_DEPS else -1


def salient_at(ctx: TokenContext, character: str, head: int) -> Salient:
    tokens = ctx.tokens
    return Salient(character, head, int(ctx.sentence[head]), int(ctx.quote_of[head]),
                   tokens.dep[head] in SUBJECT_DEPS, argument_of(ctx, head))


class Resolver:
    """Resolves anaphors in text order against the mentions seen so far."""

    def __init__(self, ctx: TokenContext, genders: dict[str, Gender | None],
                 speakers: dict[int, str], quote_penalty: float = QUOTE_MISMATCH_PENALTY
                 ) -> None:
        self.ctx = ctx
        self.genders = genders
        self.quote_penalty = quote_penalty
        self.speakers = speakers
        self.recent: list[Salient] = []

    def see(self, item: Salient) -> None:
        self.recent.append(item)
        if len(self.recent) > 2 * MAX_RECENT:
            del self.recent[:-MAX_RECENT]

    def resolve(self, anaphor: Anaphor, window: int = WINDOW_SENTENCES,
                margin: float = 0.0) -> str | None:
        """The best-scoring salient character; None when none fits or when the runner-up
        is within ``margin`` of it."""
        ctx, head = self.ctx, anaphor.head
        sentence = int(ctx.sentence[head])
        quote = int(ctx.quote_of[head])
        subject = ctx.tokens.dep[head] in SUBJECT_DEPS
        verb = argument_of(ctx, head)
        scores: dict[str, float] = {}
        ruled_out: set[str] = set()
        for item in reversed(self.recent[-MAX_RECENT:]):
            distance = sentence - item.sentence
            if distance > window:
                break
            if item.character in ruled_out:
                continue
            score = self._score(anaphor, item, distance, quote, subject, verb)
            if score is None:
                if item.character not in scores:  # its latest mention rules it out
                    ruled_out.add(item.character)
            elif item.character not in scores or score > scores[item.character]:
                scores[item.character] = score
        ranked = sorted(scores.items(), key=lambda pair: -pair[1])
        best, best_score = ranked[0] if ranked and ranked[0][1] > 0.0 else (None, 0.0)
        second = max(ranked[1][1], 0.0) if len(ranked) > 1 else 0.0
        return best if best_score - second >= margin or best is None else None

    def _score(self, anaphor: Anaphor, item: Salient, distance: int, quote: int,
               subject: bool, verb: int) -> float | None:
        known = self.genders.get(item.character)
        if anaphor.gender is not None and known is not None and known != anaphor.gender:
            return None
        same_clause = (distance == 0 and verb >= 0 and item.verb == verb
                       and item.row != anaphor.head and not anaphor.possessive)
        if same_clause != anaphor.reflexive and (same_clause or distance > 0):
            return None
        if quote >= 0 and self.speakers.get(quote) == item.character:
            return None
        score = RECENCY[min(distance, len(RECENCY) - 1)]
        if item.subject:
            score += SUBJECT_BONUS + (PARALLEL_BONUS if subject else 0.0)
        if known is None and anaphor.gender is not None:
            score -= UNKNOWN_GENDER_PENALTY
        if (quote >= 0) != (item.quote >= 0) or (quote >= 0 and item.quote != quote
                                                 and distance > 1):
            score -= self.quote_penalty
        return score


def resolve_all(ctx: TokenContext, names: list[tuple[int, str]], anaphors: list[Anaphor],
                genders: dict[str, Gender | None], speakers: dict[int, str],
                window: Callable[[Anaphor], int] | None = None,
                margin: float = 0.0, quote_penalty: float = QUOTE_MISMATCH_PENALTY
                ) -> list[str | None]:
    """Resolve ``anaphors`` (sorted by row); ``names`` are (head row, character) pairs.
    With a ``margin``, only clear cases are resolved (see :meth:`Resolver.resolve`)."""
    resolver = Resolver(ctx, genders, speakers, quote_penalty)
    resolved: list[str | None] = []
    name_index = 0
    for anaphor in anaphors:
        while name_index < len(names) and names[name_index][0] < anaphor.first:
            row, character = names[name_index]
            resolver.see(salient_at(ctx, character, row))
            name_index += 1
        limit = window(anaphor) if window is not None else WINDOW_SENTENCES
        character = resolver.resolve(anaphor, limit, margin)
        if character is not None:
            resolver.see(salient_at(ctx, character, anaphor.head))
        resolved.append(character)
    return resolved
