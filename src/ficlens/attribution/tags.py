"""Speech tags: the narration around a quotation that says who speaks.

For each utterance the narration of its paragraph is cut into *clauses*: the one
before the first part (up to the previous sentence end), those between the parts,
and the one after the last part (up to the next sentence end). A clause is *joined*
to the quote when punctuation runs on into it ('"Hi," said Anya', 'Anya said:
"Hi"'); otherwise it is an action beat in its own sentence ('Xander grinned. "Hey."').
In each clause the verb (a speech verb first, else a beat verb or the main verb;
"went on" is "continued") and its subject are read off the parse, the subject through
:mod:`ficlens.attribution.subjects` (which reads around the parser's usual misses) and
then ``doc.mentions``. A speech noun owned by someone names the speaker on either side
('"No." was his reply', 'Marilla's only comment was:'). Where the parse finds no named
speaker, a clause that opens with a speech verb and a name ("sneered Oakley") or a name
and a speech verb is read from its words. A narration paragraph ending in a colon,
comma, dash or, unpunctuated, in a speech verb ("Bull said") introduces the quote
paragraph after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ficlens.attribution.context import Context, Utterance
from ficlens.attribution.lexicon import (
    ADDRESS_OBJECT_VERBS,
    BEAT_VERBS,
    FIRST_PERSON,
    PHRASAL_SPEECH,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    speech_lemma,
)
from ficlens.attribution.subjects import SUBJECT_DEPS, WORD, SubjectFinder
from ficlens.characters.names import possessive_follows
from ficlens.model import Mention
from ficlens.quotes.marks import opens_paragraph

SENTENCE_END = frozenset(".!?")
TOWARDS = frozenset({"to", "at", "towards", "toward"})
JOIN_BEFORE = frozenset(",:;\u2014-")
#: Speech verbs whose forms are mostly something else ("went", "thought", "read").
WEAK_SPEECH = frozenset(("go", "think", "read"))
#: Verbs of the mind: a sentence with one of them reports a thought, it does not
#: introduce a speech ("Emma wondered on what she would fix.").
REPORTING_ONLY = frozenset(("think", "wonder"))
#: A tag sentence opening with its speaker has the speech verb within this many tokens.
LEAD_WINDOW = 4
#: Words of "the", adverbs and adjectives an inverted tag may have before its name.
MODIFIER_WORDS = 4
#: '"No." was his reply': the speech noun stands within this many words of "was".
OWNED_WINDOW = 5


@dataclass
class Tag:
    """One clause next to an utterance and what its verb and subject say."""

    #: "before", "between" or "after" the quote, or "previous": the last sentence of the
    #: narration closing the paragraph before the quote's own, read only by the
    #: ``*_previous`` sieves (its ``speech`` is False for a verb that reports what was
    #: said itself: "asked if...", "said that...")
    position: str
    joined: bool
    verb_row: int | None
    speech: bool
    subject_kind: str | None = None  # name / pronoun / nominal / first_person
    mention: Mention | None = None
    #: The token row of the subject (the owner's, for a body part).
    subject_row: int | None = None
    addressees: list[str] = field(default_factory=list)
    #: The clause's span of text.
    start: int = 0
    end: int = 0

    @property
    def character(self) -> str | None:
        return self.mention.character if self.mention else None


def _ends_in_speech_verb(last_sentence: str) -> bool:
    """A paragraph whose last sentence stops, unpunctuated, with a speech verb in it
    ('Bull said', 'Syme swung round and cried out, like a man waking from sleep' where a
    dash was lost): the quote that follows is what was said."""
    return last_sentence[-1:].isalpha() and any(
        _speech_form(word) for word in WORD.findall(last_sentence))


def _speech_form(word: str) -> bool:
    """A word that, read without its parse, is a speech verb."""
    return speech_lemma(word) not in (None, *WEAK_SPEECH)


class TagReader:
    """Reads the tags of utterances from the token table of a document."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.subjects = SubjectFinder(context)
        # the token columns as lists, converted once and shared with the subject search
        self.start, self.end, self.head = (
            self.subjects.start, self.subjects.end, self.subjects.head)
        self.text = context.doc.text

    def tags(self, utterance: Utterance) -> list[Tag]:
        """Tags in order of strength of position: between, after, before."""
        found = []
        for position, start, end, joined in self.clauses(utterance):
            tag = self.read_clause(position, start, end, joined)
            if tag is not None:
                found.append(tag)
        return found

    def clauses(self, utterance: Utterance) -> list[tuple[str, int, int, bool]]:
        context = self.context
        para_start, para_end = context.paragraph_span(utterance.paragraph)
        spans = context.quotes_between(para_start, para_end)
        previous_end = max([e + 1 for s, e in spans if e <= utterance.start] + [para_start])
        next_start = min([s - 1 for s, e in spans if s >= utterance.end] + [para_end])
        text = self.text
        clauses = []
        for left, right in zip(utterance.parts, utterance.parts[1:], strict=False):
            clauses.append(("between", left.end + 1, right.start - 1, True))
        last = utterance.parts[-1]
        after_start = last.end + 1
        after_end = self._first_sentence_end(after_start, next_start)
        quote_tail = text[max(last.start, last.end - 1):last.end]
        after_joined = quote_tail in (",", "\u2014", "-") or self._starts_lower(
            after_start, after_end)
        clauses.append(("after", after_start, after_end, after_joined))
        first = utterance.parts[0]
        before_end = first.start - 1
        before_start = self._last_sentence_start(previous_end, before_end)
        before_text = text[before_start:before_end].rstrip()
        clauses.append(("before", before_start, before_end,
                        bool(before_text) and before_text[-1] in JOIN_BEFORE))
        if opens_paragraph(text, para_start, first.start):
            colon = self._colon_paragraph(utterance.paragraph)
            clauses.extend(colon or self._previous_paragraph(utterance.paragraph))
        return [c for c in clauses if c[2] > c[1]]

    def _previous_paragraph(self, paragraph: int) -> list[tuple[str, int, int, bool]]:
        """The last sentence of the narration paragraph before the quote's own
        ('Inspector Ratcliffe drew his brows together.' / '"There is…," he said'), or of
        the narration after that paragraph's last quote when it runs on past the quote's
        own tag sentence ('"Yes," she said. Japp looked at Poirot.')."""
        found = self._closing_narration(paragraph - 1)
        if found is None:
            return []
        start, sentence_start, end, after_quote = found
        if after_quote and sentence_start == start:
            return []
        return [("previous", sentence_start, end, False)]

    def _colon_paragraph(self, paragraph: int) -> list[tuple[str, int, int, bool]]:
        """A paragraph whose narration ends in a colon, comma or dash introduces the
        quote after it ('Then Freddy said:' / new paragraph / the quote), also after a
        quote of its own ('"Certainly," he replied. But he soon afterwards said,')."""
        found = self._closing_narration(paragraph - 1)
        if found is None:
            return []
        _, sentence_start, end, _ = found
        last = self.text[sentence_start:end]
        if not last.endswith((":", ",", "--", "\u2014")) and not _ends_in_speech_verb(last):
            return []
        return [("before", sentence_start, end, True)]

    def _closing_narration(self, paragraph: int) -> tuple[int, int, int, bool] | None:
        """Where the narration closing ``paragraph`` starts, where its last sentence
        starts and where it ends (trailing space trimmed), and whether a quote comes
        before it in the paragraph; None when the paragraph ends with a quote."""
        if paragraph < 0:
            return None
        start, end = self.context.paragraph_span(paragraph)
        spans = self.context.quotes_between(start, end)
        if spans:
            start = max(start, spans[-1][1] + 1)
        end = start + len(self.text[start:end].rstrip())
        if end <= start:
            return None
        return start, self._last_sentence_start(start, end), end, bool(spans)

    def _starts_lower(self, start: int, end: int) -> bool:
        stripped = self.text[start:end].lstrip(" \"'\u201d\u2019\n")
        return bool(stripped) and stripped[0].islower()

    def _first_sentence_end(self, start: int, end: int) -> int:
        rows = self.context.tokens.rows_between(start, end)
        for row in rows:
            piece = self.text[self.start[row]:self.end[row]]
            if piece in SENTENCE_END and self.start[row] > start + 1:
                return self.end[row]
        return end

    def _last_sentence_start(self, start: int, end: int) -> int:
        rows = self.context.tokens.rows_between(start, end)
        for row in reversed(rows):
            piece = self.text[self.start[row]:self.end[row]]
            if piece in SENTENCE_END and self.text[self.end[row]:end].strip():
                return self.end[row]
        return start

    def read_clause(self, position: str, start: int, end: int, joined: bool) -> Tag | None:
        tokens = self.context.tokens
        place = "before" if position == "previous" else position
        rows = [r for r in tokens.rows_between(start, end)
                if not self.context.inside_quote(self.start[r])]
        if not rows:
            return None
        if joined:
            owned = (self._owned_speech(position, start, end, rows) if place == "after"
                     else self._owned_before(position, start, end, rows)
                     if place == "before" else None)
            if owned is not None:
                return owned
        verb = self._verb(rows, joined, nearest_last=place == "before")
        if place != "before" and (verb is None or not self._named_speech(verb, rows)):
            inverted = (None if self.context.quotes_between(start, end)
                        else self._inverted(rows, joined))
            if inverted is not None:
                return self._inverted_tag(position, start, end, *inverted, rows)
        if verb is None:
            return None
        lemma = self.lemma(verb)
        speech = self._is_speech(verb, lemma) and not self._silent(verb, rows)
        if position == "previous":
            speech = speech and not self._reports(verb, rows, lemma)
        tag = Tag(position, joined, verb, speech, start=start, end=end)
        subject = self._subject(tag, verb, rows)
        if place == "after" and speech and not joined:
            tag.joined = self._leads_with_speaker(rows, subject, verb)
        elif position == "before" and speech and not joined and subject is not None:
            tag.joined = self._runs_into_quote(rows, verb, start, end)
        if tag.speech or joined:
            tag.addressees = self._addressees(verb, rows, lemma)
        return tag

    def _is_speech(self, verb: int, lemma: str) -> bool:
        """Whether the parse reads ``verb`` (of ``lemma``) as a speech verb."""
        return lemma in SPEECH_VERBS and (
            self.context.tokens.pos[verb] == "VERB" or self._glued_speech(verb))

    def _named_speech(self, verb: int, rows: list[int]) -> bool:
        """Whether the parse gives ``verb`` as a speech verb whose subject a mention covers."""
        tokens = self.context.tokens
        if not self._is_speech(verb, self.lemma(verb)):
            return False
        subject = self.subjects.row(verb, rows)
        return subject is not None and (
            self.context.mention_at(self.start[self.subjects.possessor(subject, rows)]) is not None
            or tokens.pos[subject] == "PRON")

    def _inverted(self, rows: list[int], joined: bool) -> tuple[int, Mention] | None:
        """(verb, subject) of a clause opening with a speech verb and a name ('sneered
        Oakley', 'said Turton icily') or a name and a speech verb ('Oakley sneered'),
        read from the words when the parse missed it (taking "sneered" for an adjective
        or "Turton icily" for one noun). A name first only counts joined to the quote by
        punctuation ('"No," Oakley sneered', not '"No." Alexandra went into the store');
        forms that are mostly not speech ("went", "thought", "read") never count."""
        words = [row for row in rows if self.subjects.word(row)]
        lead = self.text[self.start[rows[0]]:self.start[words[0]]] if words else ""
        if len(words) < 2 or lead.strip(" \n\"'\u201d\u2019,-\u2014"):
            return None  # a parenthesis or a dash first: not a plain tag
        first, second = words[0], words[1]
        if _speech_form(self.subjects.word(first)):
            second = self._past_modifiers(words[1:])
            mention = self.context.mention_at(self.start[second])
            if mention is None or mention.kind != "name" or possessive_follows(
                    self.text, mention.end):
                return None  # 'answered Daisy's mamma': Daisy does not speak
            return first, mention
        mention = self.context.mention_at(self.start[first])
        if not joined or mention is None or mention.kind != "name":
            return None
        after = [row for row in words if self.start[row] >= mention.end]
        if after and _speech_form(self.subjects.word(after[0])):
            return after[0], mention
        return None

    def _past_modifiers(self, words: list[int]) -> int:
        """The first of ``words`` after "the" and the adverbs and adjectives before a name
        ('cried the good-hearted Mrs. John Knightley', 'rejoined the now mollified
        General', 'sighed pleasure-loving Miss Derek'), at most :data:`MODIFIER_WORDS`."""
        tokens = self.context.tokens
        for row in words[:MODIFIER_WORDS]:
            if not (tokens.lower[row] == "the" or tokens.pos[row] in ("ADJ", "ADV")
                    or self.text[self.end[row]:self.end[row] + 1] == "-"
                    or self.text[self.start[row] - 1:self.start[row]] == "-"):
                return row
        return words[0]

    def _owned_speech(self, position: str, start: int, end: int,
                      rows: list[int]) -> Tag | None:
        """'"Yes, sir," was Fanny's humble answer' / '"No." was his reply': a clause
        opening with "was" whose speech noun's possessor is the speaker."""
        tokens = self.context.tokens
        words = [row for row in rows if self.subjects.word(row)]
        if len(words) < 3 or tokens.lower[words[0]] not in ("was", "were", "came"):
            return None
        for row in words[1:OWNED_WINDOW]:
            if tokens.lower[row] in SPEECH_NOUNS:
                return self._owned_tag(position, start, end, row, rows)
        return None

    def _owned_before(self, position: str, start: int, end: int,
                      rows: list[int]) -> Tag | None:
        """'Marilla's only comment was:' / 'Emma's remark was--': a clause running into
        the quote whose subject is a speech noun of "be"; its possessor is the speaker."""
        tokens = self.context.tokens
        for row in rows:
            if (tokens.lower[row] in SPEECH_NOUNS and tokens.dep[row] in SUBJECT_DEPS
                    and tokens.lemma[self.head[row]] == "be"):
                return self._owned_tag(position, start, end, row, rows)
        return None

    def _owned_tag(self, position: str, start: int, end: int, noun: int,
                   rows: list[int]) -> Tag | None:
        owner = self.subjects.owner(noun, rows)
        mention = self.context.mention_at(self.start[owner]) if owner is not None else None
        if mention is None or mention.kind not in ("name", "pronoun"):
            return None
        return Tag(position, True, noun, True, subject_kind=mention.kind,
                   mention=mention, start=start, end=end)

    def _inverted_tag(self, position: str, start: int, end: int, verb: int,
                      mention: Mention, rows: list[int]) -> Tag:
        tag = Tag(position, True, verb, True, subject_kind=mention.kind, mention=mention,
                  start=start, end=end)
        tag.addressees = self._addressees(verb, rows, self.lemma(verb))
        return tag

    def _verb(self, rows: list[int], joined: bool, nearest_last: bool) -> int | None:
        """The clause's verb: the speech verb nearest the quote that has a subject (else
        the nearest speech verb), then a beat verb, then the main verb."""
        tokens = self.context.tokens
        verbs = [r for r in rows if tokens.pos[r] in ("VERB", "AUX")]
        if nearest_last:
            verbs.reverse()
        glued = [r for r in rows if r not in verbs and self._glued_speech(r)]
        speech = [r for r in verbs if tokens.pos[r] == "VERB" and (
            tokens.lemma[r].lower() in SPEECH_VERBS or self._phrasal(r))
            and not self._silent(r, rows)]
        speech = sorted(speech + glued, key=lambda r: -r if nearest_last else r)
        for row in speech:
            if self.subjects.row(row, rows) is not None:
                return row
        if speech:
            return speech[0]
        if joined:
            for row in verbs:
                if tokens.lemma[row].lower() in BEAT_VERBS:
                    return row
        for row in verbs:
            if tokens.dep[row] == "ROOT" or self.head[row] not in rows:
                return row
        return verbs[0] if verbs else None

    def _silent(self, verb: int, rows: list[int]) -> bool:
        """A speech verb that says nothing: "Marianne said no more", "did not answer"."""
        tokens = self.context.tokens
        for row in rows:
            if self.head[row] != verb or row == verb:
                continue
            if tokens.dep[row] == "neg" or tokens.lower[row] == "nothing" or (
                    tokens.lower[row] == "more" and row > 0 and tokens.lower[row - 1] == "no"):
                return True
        return False

    def _reports(self, verb: int, rows: list[int], lemma: str) -> bool:
        """A verb that gives what was said or thought in a clause of its own ("asked if
        I was going", "said that she did not know", "Emma wondered on what..."): the
        quote after it is more likely someone's answer than the speech it introduces."""
        if lemma in REPORTING_ONLY:
            return True
        dep = self.context.tokens.dep
        return any(self.head[row] == verb and dep[row] in ("ccomp", "xcomp") for row in rows
                   if row != verb)

    def lemma(self, row: int) -> str:
        lemma = self.context.tokens.lemma[row].lower()
        if lemma in SPEECH_VERBS:
            return lemma
        phrasal = self._phrasal(row)
        if phrasal is not None:
            return phrasal
        return speech_lemma(self.subjects.word(row)) or lemma

    def _phrasal(self, row: int) -> str | None:
        """The speech verb a verb and the particle right after it make ("went on" ->
        "continue", "put in" -> "interject", "broke in" -> "interrupt"), or None."""
        tokens = self.context.tokens
        following = row + 1
        phrasal = PHRASAL_SPEECH.get(tokens.lemma[row].lower())
        if (phrasal is None or following >= len(tokens)
                or tokens.lower[following] != phrasal[0] or self.head[following] != row):
            return None
        return phrasal[1]

    def _glued_speech(self, row: int) -> bool:
        """A speech verb the tokenizer glued to a dash or quote mark ("said--")."""
        piece = self.text[self.start[row]:self.end[row]]
        return (len(piece) > len(self.subjects.word(row))
                and speech_lemma(self.subjects.word(row)) is not None)

    def _leads_with_speaker(self, rows: list[int], subject: int | None, verb: int) -> bool:
        """A sentence after the quote that opens with its subject and a speech verb
        ('"Who is it?" Freddy panted.' / '"Go." She said.') is the quote's tag."""
        tokens = self.context.tokens
        if subject is None or not rows[0] <= subject < verb or verb - rows[0] > LEAD_WINDOW:
            return False
        return all(row == subject or self.head[row] == subject
                   or (row > subject and tokens.pos[row] == "ADV")
                   for row in rows if row < verb)

    def _runs_into_quote(self, rows: list[int], verb: int, start: int, end: int) -> bool:
        """A speech verb running straight into the quote with no mark between
        ('Then Miss Bartlett said "So what is to be done?"'), unless the quote is
        the object of a clause ('declared that she "would win"')."""
        if not self.text[start:end].rstrip()[-1:].isalpha():
            return False
        tokens = self.context.tokens
        return not any(row > verb and (tokens.dep[row] == "mark" or tokens.lower[row] in (
            "that", "whether", "if", "how")) for row in rows)

    def _subject(self, tag: Tag, verb: int, rows: list[int]) -> int | None:
        """Fill the tag's subject from who it stands for (the owner of a body part);
        returns the subject's own row, which the word-order checks read."""
        tokens = self.context.tokens
        subject = self.subjects.row(verb, rows)
        if subject is None:
            return None
        actor = self.subjects.possessor(subject, rows)
        tag.subject_row = actor
        lower = tokens.lower[actor]
        mention = self.context.mention_at(self.start[actor])
        if mention is None and tokens.pos[actor] in ("PROPN", "NOUN"):
            mention = self.subjects.name_match(actor)
        if lower in FIRST_PERSON:
            tag.subject_kind = "first_person"
            tag.mention = mention
        elif mention is not None:
            tag.mention = mention
            tag.subject_kind = self._kind(mention)
        elif tokens.pos[actor] == "PRON":
            tag.subject_kind = "pronoun"
        elif tokens.pos[actor] == "PROPN":
            tag.subject_kind = "name"
        else:
            tag.subject_kind = "nominal"
        return subject

    def _kind(self, mention: Mention) -> str:
        """A mention's kind, where a description written as its character's listed name
        ("replied the Dodger", for a character known only so) counts as a name."""
        if mention.kind != "nominal" or mention.character is None:
            return mention.kind
        text = " ".join(self.text[mention.start:mention.end].lower().split())
        return "name" if self.context.listed_names.get(text) == mention.character else "nominal"

    def _governed_by(self, row: int, verb: int) -> bool:
        """Whether ``row`` is ``verb`` or a verb hanging from it ("cried, turning to him")."""
        for _ in range(3):
            if row == verb:
                return True
            if self.head[row] == row:
                return False
            row = self.head[row]
        return row == verb

    def _addressees(self, verb: int, rows: list[int], lemma: str) -> list[str]:
        tokens = self.context.tokens
        found: list[str] = []
        for row in rows:
            target = None
            if self.head[row] == verb and tokens.dep[row] == "dative":
                target = row
            elif (self.head[row] == verb and tokens.dep[row] == "dobj"
                  and lemma in ADDRESS_OBJECT_VERBS):
                target = row
            elif (tokens.dep[row] == "pobj" and self.head[row] in rows
                  and tokens.lower[self.head[row]] in TOWARDS
                  and self._governed_by(self.head[self.head[row]], verb)):
                target = row
            if target is not None:
                mention = self.context.mention_at(self.start[target])
                if mention is not None and mention.character:
                    found.append(mention.character)
        return found
