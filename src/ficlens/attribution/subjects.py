"""The subject of a speech verb, read off the parse and around its usual misparses.

The parser's own subject comes first, then the subject of the verb a speech verb hangs
from ("turned and said", "X, who said", "ended it by saying"), a name the parser did not
make the subject ("Edmund, to whom this was addressed, replied"), and in an inverted tag
the name, pronoun or person noun the parser gave to another word ("said he, turning",
"continued the girl aloud", "whispered her brother"), but not one turned to ("turning
again to Emma"). A subordinate clause's subject is not that of a verb after "and" the
clause does not hold ("and, when he made no reply, said"). A body part stands for its owner
("Dallas's hand", "her voice").
"""

from __future__ import annotations

import re

from ficlens.attribution.context import Context
from ficlens.attribution.lexicon import BODY_WORDS, SPEECH_NOUNS
from ficlens.characters.nominals import PERSON_NOUNS
from ficlens.model import Mention, TokenTable

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: What the parser makes of a name it did not take for the subject of the verb after it.
LOST_SUBJECT_DEPS = frozenset({"advmod", "npadvmod", "dep", "nmod", "intj"})
RELATIVE = frozenset({"who", "that", "which"})
POSSESSIVES = frozenset({"his", "her", "their", "my", "your", "our"})
#: Subject pronouns that follow their speech verb in an inverted tag ("said she").
INVERTED_PRONOUNS = frozenset({"he", "she", "i", "we", "they"})
#: How far before a verb joined by "and" its own subject may stand.
CONJ_SUBJECT_WINDOW = 12
#: Prepositions whose object is the one looked or turned at, never the speaker.
TOWARDS = frozenset({"to", "towards", "toward", "at", "on", "upon", "with", "for"})
WORD = re.compile(r"[A-Za-z]+")


def leading_word(text: str, start: int, end: int) -> str:
    """The word a token opens with ("said" of a token "said--\"But")."""
    match = WORD.match(text, start, end)
    return match.group() if match else ""


def _described(tokens: TokenTable, head: list[int], following: list[int]) -> int | None:
    """A misparsed inverted description: the person noun after a determiner or a
    possessive and adjectives that open the words after the verb ("continued the girl
    aloud", "whispered her brother"), else the head of that determiner's phrase when it
    is a person noun, a name or a body part ("replied the medicine man", "rejoined the
    now mollified General", "exclaimed the voice of old Mr. Emerson"). A particle of
    the verb may come first ("cut in the clear voice of Inspector Ratcliffe")."""
    if following and tokens.dep[following[0]] == "prt":
        following = following[1:]
    if not following or (tokens.pos[following[0]] != "DET"
                         and tokens.lower[following[0]] not in POSSESSIVES):
        return None
    for row in following[1:]:
        if tokens.lower[row] in PERSON_NOUNS:
            return row
        if tokens.pos[row] != "ADJ":
            break
    phrase = head[following[0]]
    if phrase in following[1:] and (tokens.lower[phrase] in PERSON_NOUNS
                                     or tokens.lower[phrase] in BODY_WORDS
                                     or tokens.pos[phrase] == "PROPN"):
        return phrase
    return None


class SubjectFinder:
    """Finds subjects in the token table of a document."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.tokens = context.tokens
        self.start = self.tokens.start.tolist()
        self.end = self.tokens.end.tolist()
        self.head = self.tokens.head.tolist()
        self.text = context.doc.text

    def word(self, row: int) -> str:
        """The word the token on ``row`` opens with."""
        return leading_word(self.text, self.start[row], self.end[row])

    def row(self, verb: int, rows: list[int]) -> int | None:
        """The subject of ``verb``: its own, through "and"/participles up to three verbs
        up ("turned and said", "X, who said", "X took the chance of saying"), a
        possessive of a gerund ("X's saying"), else the nearest plausible word (for
        misparsed tags)."""
        tokens = self.tokens
        lookup = rows if verb in rows else [*rows, verb]
        current = verb
        for _ in range(3):
            for row in lookup:
                if self.head[row] == current and tokens.dep[row] in SUBJECT_DEPS:
                    return self._antecedent(row)
            if tokens.dep[current] == "conj":
                nearer = self._before(verb, rows, CONJ_SUBJECT_WINDOW, strict=True)
                if nearer is not None and not self._subordinate(nearer, self.head[current],
                                                                verb, rows):
                    return self._antecedent(nearer)
            head = self.head[current]
            if tokens.dep[current] == "acl" and head < current and tokens.pos[head] in (
                    "NOUN", "PROPN"):
                return head  # "The driver, who was leaning on the gate, called out"
            if tokens.dep[current] == "pcomp" and tokens.dep[head] == "prep":
                current = self.head[head]  # "expressed it by saying"
            elif tokens.dep[current] in ("conj", "advcl", "xcomp") and head != current:
                current = head
            elif tokens.dep[current] == "dobj" and tokens.pos[current] == "NOUN":
                current = head  # "took an opportunity of thanking her": who took it
            else:
                break
        for row in lookup:
            if self.head[row] == verb and tokens.dep[row] == "poss":
                return row
            if (self.head[row] in (verb, current) and row < verb
                    and tokens.pos[row] == "PROPN" and tokens.dep[row] in LOST_SUBJECT_DEPS):
                return row  # "Edmund, to whom this was addressed, replied"
        for row in rows:  # a misparsed inversion: the first name right after the verb
            if row > verb and row - verb <= 3 and self._not_owner(row, verb) and (
                    not self._turned_to(row)) and (
                    tokens.pos[row] == "PROPN" or self._named(row)):
                return row
        following = [row for row in rows if row > verb and tokens.pos[row] != "SPACE"][:5]
        if following and self.word(following[0]).lower() in INVERTED_PRONOUNS:
            return following[0]  # "said he, turning": the parser gave "he" to "turning"
        described = _described(tokens, self.head, following)
        if described is not None:
            return described
        return self._before(verb, rows, 4, strict=False)

    def _subordinate(self, subject: int, joined_to: int, verb: int, rows: list[int]) -> bool:
        """Whether ``subject`` belongs to a subordinate clause ("when he made no reply",
        "as if she was") that does not hold ``verb``, the verb after "and" (joined to
        ``joined_to``): 'She asked, and, when he made no reply, said' and 'gazed at his
        witness as if she was a broken machine, and said' are not his or her lines; in
        'until Halen wandered in and said' the "and" hangs from the clause's verb, so
        the clause holds "said" too, wherever the parser hung it."""
        tokens = self.tokens
        clause = self.head[subject]
        if clause == joined_to or not any(
                self.head[row] == clause and tokens.pos[row] == "SCONJ" for row in rows):
            return False
        conjunctions = [row for row in rows if subject < row < verb and tokens.dep[row] == "cc"]
        return not conjunctions or self.head[conjunctions[-1]] != clause

    def _not_owner(self, row: int, verb: int) -> bool:
        """Whether the token is no possessor, but after "was" or of what was said
        ('was Anne's final summing up', 'Edmund's answer' name the speaker; 'saying
        Magdalena's name' does not)."""
        tokens = self.tokens
        return tokens.dep[row] != "poss" or tokens.lemma[verb] == "be" or (
            tokens.lower[self.head[row]] in SPEECH_NOUNS)

    def _turned_to(self, row: int) -> bool:
        """Whether the token is the object of a preposition that points at someone
        ('turning again to Emma', 'looking at Jane'; 'put in Kitty' names the speaker)."""
        return self.tokens.dep[row] == "pobj" and (
            self.tokens.lower[self.head[row]] in TOWARDS)

    def _named(self, row: int) -> bool:
        """A token a name mention starts at, whatever its tag ("cried Dolly" as ADV)."""
        mention = self.context.mention_at(self.start[row])
        return mention is not None and mention.kind == "name" and mention.start == self.start[row]

    def _before(self, verb: int, rows: list[int], window: int, strict: bool) -> int | None:
        """The nearest subject (or, not ``strict``, pronoun or name, whatever its tag:
        'May brightly agreed', where spaCy reads "May" as a modal) before ``verb``."""
        tokens = self.tokens
        for row in reversed(rows):
            if not verb - window <= row < verb:
                continue
            if tokens.dep[row] in SUBJECT_DEPS or (not strict and (tokens.pos[row] in (
                    "PRON", "PROPN") or self._named(row)) and tokens.dep[row] != "poss"):
                return row
        return None

    def _antecedent(self, row: int) -> int:
        """A relative pronoun subject stands for the noun its clause hangs from."""
        tokens = self.tokens
        verb = self.head[row]
        if tokens.lower[row] in RELATIVE and tokens.dep[verb] in ("relcl", "acl"):
            return self.head[verb]
        return row

    def possessor(self, subject: int, rows: list[int]) -> int:
        """The owner of a body-part subject ("Dallas's hand", "her voice"), else the
        subject itself."""
        if self.tokens.lower[subject] not in BODY_WORDS:
            return subject
        owner = self.owner(subject, rows)
        return subject if owner is None else owner

    def owner(self, noun: int, rows: list[int]) -> int | None:
        """The possessor before ``noun`` ("Dallas" of "Dallas's hand", "his" of "his
        reply"), or the object of "of" after it ("the voice of Syme")."""
        tokens = self.tokens
        for row in rows:
            if row < noun and self.head[row] == noun and tokens.dep[row] == "poss":
                return row
            if row > noun and self.head[row] == noun and tokens.lower[row] == "of":
                return next((r for r in rows if r > row and self.head[r] == row
                             and tokens.dep[r] == "pobj"), None)
        return None

    def name_match(self, row: int) -> Mention | None:
        """A subject no mention covers, matched to the one character whose names hold
        its head word ("the Cat" -> "The Cheshire Cat")."""
        tokens = self.tokens
        word = tokens.lower[row]
        holders = self.context.name_words.get(word, set())
        if len(holders) != 1:
            return None
        first = row
        while first > 0 and self.head[first - 1] == row and tokens.dep[first - 1] in (
                "compound", "amod", "det", "poss"):
            first -= 1
        kind = "name" if tokens.pos[row] == "PROPN" or tokens.lower[first] == "the" and (
            self.text[self.start[row]].isupper()) else "nominal"
        return Mention(self.start[first], self.end[row], kind, next(iter(holders)))
