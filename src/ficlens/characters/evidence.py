"""Which capitalised names in a work are people: document-level evidence.

Every run of capitalised name words is an
:class:`~ficlens.characters.occurrences.Occurrence`. The evidence of all
occurrences of the same name is pooled into a :class:`NameEvidence`: a name that is
once the subject of a speech verb ("said Glory"), addressed in a vocative ("Now
Buffy,"), followed by he/she, or written with a title ("Mrs. Pell") is a person
everywhere in the work, whatever the tagger said about its other occurrences.
Counter-evidence: an article before it ("a Slayee"), a place preposition ("in Simla"),
spaCy's place, date or organisation labels (weighed, never a veto), the word's
lower-case use elsewhere ("Chance", "Windy Corner"), and capitals only at sentence
starts. Article names ("the Hatter") need speech evidence of their own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ficlens.characters.context import TokenContext
from ficlens.characters.names import title_key, words_match
from ficlens.characters.occurrences import INITIALS, NOT_NAME_WORDS, Occurrence, WordStats
from ficlens.model import Gender

SPEECH_VERBS: frozenset[str] = frozenset("""
say ask reply answer shout cry whisper murmur mutter exclaim call continue add scold snap
growl hiss rasp croon giggle laugh sigh yell scream demand explain insist protest respond
retort tell begin repeat agree observe remark declare interrupt inquire enquire gasp groan
moan sob stammer stutter breathe pant sneer snarl chuckle grin smile nod suggest admit
confess warn plead beg urge command order announce state note correct concede rejoin return
resume persist pursue cut drawl purr roar bellow bark shriek squeal wail whimper grumble
complain joke tease chide mock cajole coax assure reassure promise object counter venture
""".split())

DETERMINERS: frozenset[str] = frozenset(
    "the a an this that these those every each no some any another my your his her its "
    "our their thy".split())
ARTICLES: frozenset[str] = frozenset(("the", "a", "an"))
POSSESSIVES: frozenset[str] = frozenset("my your his her its our their thy".split())
PLACE_PREPOSITIONS: frozenset[str] = frozenset("in into near inside within outside".split())
#: "to"/"from" a name after these verbs means a place ("went to Donwell").
MOTION_VERBS: frozenset[str] = frozenset("""
go come return walk drive ride travel move remove set start arrive get run hurry journey sail
fly send carry take bring lead
""".split())
#: "at" a name after these verbs means a person ("looked at Emma").
ATTENTION_VERBS: frozenset[str] = frozenset("""
look glance stare gaze peep peer smile laugh frown wink nod point shout scream swear mock
sneer grin glare aim fire throw wonder marvel
""".split())
#: Pronouns that take up a subject name ("Glory smiled. She ..."); the subject forms
#: also count as evidence that the name is a person.
PRONOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "he/him"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "she/her"),
}
SUBJECT_PRONOUNS = frozenset(("he", "she", "himself", "herself"))
#: Last words that make a name a place or an institution ("Hyde Park", "Lucas Lodge").
PLACE_WORDS: frozenset[str] = frozenset("""
street st road lane avenue square park gardens garden place terrace row court hall house
lodge cottage manor abbey castle palace tower towers hill hills bridge river lake sea bay
church chapel cathedral college school university club hotel inn tavern company office
station end green common wood woods forest island islands valley mount mountain farm
grange mill bank town city county shire street vale pond creek heights hollow
""".split())
#: Above this share of lower-case uses a word is a common noun ("Chance", "Soup").
COMMON_SHARE = 0.3
MIN_ARTICLE_SPEECH = 2
#: A word written in lower case this many times more than capitalised inside a sentence
#: is a common word ("Come"), unless the tagger calls most of its uses a person.
LOWER_RATIO = 10
#: spaCy's place and organisation labels are counter-evidence of limited weight (a small
#: model calls many names GPE or ORG): at most this much, reached at MAX_LABEL_COUNT uses.
LABEL_WEIGHT = 0.75
MAX_LABEL_COUNT = 10
#: spaCy labels that speak against a person (ORG is weaker: small models use it for names).
PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
OTHER_LABELS = frozenset(("DATE", "TIME", "NORP", "LANGUAGE", "EVENT", "WORK_OF_ART", "LAW",
                          "PRODUCT", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"))
#: Tokens after a subject name searched for a pronoun that takes it up.
PRONOUN_LOOKAHEAD = 4


@dataclass
class NameEvidence:
    """Counts over every occurrence of one name (by its evidence key)."""

    count: int = 0
    tagged: int = 0
    speech: int = 0
    vocative: int = 0
    pronoun: int = 0
    titled: int = 0
    determiner: int = 0
    place: int = 0
    ent_place: int = 0
    ent_org: int = 0
    ent_other: int = 0
    proper: int = 0
    mid_sentence: int = 0
    narration: int = 0
    agent: int = 0
    plural: int = 0
    opening_vocative: int = 0
    #: Votes of the pronouns that follow, per form (full key): "Mrs. Thomas" and
    #: "Thomas" share a core key but not a gender.
    genders: dict[str, Counter] = field(default_factory=dict)


def gather_evidence(ctx: TokenContext,
                    occurrences: list[Occurrence]) -> dict[str, NameEvidence]:
    """Pool the evidence of all occurrences by evidence key."""
    evidence: dict[str, NameEvidence] = {}
    for index, occurrence in enumerate(occurrences):
        bound = occurrences[index + 1].first if index + 1 < len(occurrences) else len(ctx)
        item = evidence.setdefault(occurrence.evidence_key, NameEvidence())
        _count_occurrence(ctx, occurrence, item)
        words = occurrence.form.key.split()
        if len(words) > 1 and words[-1] in PLACE_WORDS and not occurrence.article:
            evidence.setdefault(" ".join(words[:-1]), NameEvidence()).place += 1
        gender, subject, weight = _following_pronoun(ctx, occurrence, bound)
        if gender is not None:
            item.pronoun += subject
            item.genders.setdefault(occurrence.form.full_key, Counter())[gender] += weight
    return evidence


def _count_occurrence(ctx: TokenContext, occurrence: Occurrence, item: NameEvidence) -> None:
    tokens, head = ctx.tokens, occurrence.head
    previous = tokens.lower[occurrence.first - 1] if occurrence.first > 0 else ""
    following = tokens.lower[occurrence.end] if occurrence.end < len(ctx) else ""
    label = tokens.ent[head][2:]
    narration = not ctx.in_quote(head)
    speech = is_speaker(ctx, occurrence)
    vocative = is_vocative(ctx, occurrence)
    item.count += 1
    item.tagged += occurrence.tagged
    item.speech += speech
    item.vocative += vocative
    item.opening_vocative += vocative and _opens_quote(ctx, occurrence.first)
    item.titled += any(title_key(title) not in (None, "st") for title in occurrence.form.titles)
    item.determiner += (previous in DETERMINERS or _article_before(ctx, occurrence.first)) and (
        not occurrence.article)
    item.place += is_place_object(ctx, occurrence) and following not in ("'s", "\u2019s")
    item.ent_place += label in PLACE_LABELS
    item.ent_org += label == "ORG"
    item.ent_other += label in OTHER_LABELS
    item.proper += tokens.pos[head] == "PROPN"
    item.plural += tokens.tag[head] in ("NNPS", "NNS")
    item.mid_sentence += not ctx.initial[occurrence.word_start]
    item.narration += narration
    item.agent += narration and is_actor(ctx, head) and not speech


def _article_before(ctx: TokenContext, row: int) -> bool:
    """ "a rather burly Hyur": an article before adjectives before the name."""
    tokens = ctx.tokens
    previous = row - 1
    while previous >= 0 and tokens.pos[previous] in ("ADJ", "ADV") and row - previous <= 3:
        previous -= 1
    return previous < row - 1 and previous >= 0 and tokens.lower[previous] in ARTICLES


def is_place_object(ctx: TokenContext, occurrence: Occurrence) -> bool:
    """After "in"/"near", "at" (not "look at"), or "to"/"from" a verb of motion."""
    row = occurrence.first - 1
    while row >= 0 and ctx.words[row].isspace():
        row -= 1
    if row < 0:
        return False
    tokens = ctx.tokens
    preposition = tokens.lower[row]
    verb = tokens.lemma[int(tokens.head[row])]
    if preposition in PLACE_PREPOSITIONS:
        return True
    if preposition == "at":
        return verb not in ATTENTION_VERBS
    return preposition in ("to", "from", "towards", "toward") and verb in MOTION_VERBS


def is_actor(ctx: TokenContext, head: int) -> bool:
    """Subject of a full verb (not a copula or auxiliary)."""
    tokens = ctx.tokens
    return (tokens.dep[head] in ("nsubj", "nsubjpass")
            and tokens.pos[int(tokens.head[head])] == "VERB")


def _opens_quote(ctx: TokenContext, row: int) -> bool:
    quote = ctx.quote_of[row]
    previous = row - 1
    while previous >= 0 and ctx.quote_of[previous] == quote and not ctx.words[previous].isalnum():
        previous -= 1
    return previous < 0 or ctx.quote_of[previous] != quote


def is_speaker(ctx: TokenContext, occurrence: Occurrence) -> bool:
    """Subject of a speech verb, or right before or after one in narration ("said Glory")."""
    return is_speaker_at(ctx, occurrence.first, occurrence.end, occurrence.head)


def is_speaker_at(ctx: TokenContext, first: int, end: int, head: int) -> bool:
    """:func:`is_speaker` for the name on rows ``[first, end)`` with head row ``head``
    (never inside a quote: a speech tag is narration)."""
    tokens = ctx.tokens
    if ctx.in_quote(head):
        return False
    if (tokens.dep[head] in ("nsubj", "nsubjpass")
            and tokens.lemma[int(tokens.head[head])] in SPEECH_VERBS):
        return True
    if tokens.dep[head] in ("pobj", "poss", "compound"):
        return False
    for row in (first - 1, end):
        if (0 <= row < len(ctx) and tokens.pos[row] == "VERB"
                and tokens.lemma[row] in SPEECH_VERBS and not ctx.in_quote(row)):
            return True
    return False


def is_vocative(ctx: TokenContext, occurrence: Occurrence) -> bool:
    """A name inside a quote, set off by punctuation: "Now Buffy," / "isn't it D'Hoffryn?".

    A quote that is nothing but the word ("Hullo!") does not count.
    """
    return is_vocative_at(ctx, occurrence.first, occurrence.end)


def is_vocative_at(ctx: TokenContext, first: int, end: int) -> bool:
    """:func:`is_vocative` for the name on rows ``[first, end)``."""
    quote = int(ctx.quote_of[first])
    if quote < 0:
        return False
    before = ctx.words[first - 1] if first > 0 and ctx.quote_of[first - 1] == quote else ""
    after = ctx.words[end] if end < len(ctx) and ctx.quote_of[end] == quote else ""
    if after not in ("", ",", "!", "?", ".", "\u2026", ";", "\u2014", "--"):
        return False
    if not before and (after in ("", "!", "?", ".") or end + 1 >= len(ctx)
                       or ctx.quote_of[end + 1] != quote and after != ","):
        return False
    previous = first - 1
    pos = ctx.tokens.pos[previous]
    quote_opener = previous > 0 and ctx.quote_of[previous - 1] != quote
    return (before in ("", ",", "\u2014", "--", ";") or pos == "INTJ"
            or (quote_opener and pos in ("ADV", "VERB"))
            or (pos == "PRON" and before.lower() not in POSSESSIVES))


def _following_pronoun(ctx: TokenContext, occurrence: Occurrence,
                       bound: int) -> tuple[Gender | None, bool, int]:
    """Gender of a pronoun that takes up a subject name, whether it is a subject
    pronoun ("she", not "her"), and its weight as a gender vote (the possessive on an
    object is the weakest: 1 of 2).

    Counted: "he"/"she" as the subject of another verb later in the sentence or early
    in the next one, "his"/"her" opening the next sentence ("Her hands were..."), and
    a possessive on the object of the name's own verb ("Spike buried his face"). Other
    objects and possessives of the name's own clause usually mean someone else.
    """
    tokens = ctx.tokens
    head = occurrence.head
    if tokens.dep[head] not in ("nsubj", "nsubjpass"):
        return None, False, 0
    quote, sentence, verb = ctx.quote_of[head], ctx.sentence[head], int(tokens.head[head])
    next_sentence_rows = 0
    for row in range(occurrence.end, min(bound, len(ctx))):
        if ctx.sentence[row] > sentence + 1 or ctx.quote_of[row] != quote:
            return None, False, 0
        if ctx.sentence[row] == sentence + 1:
            next_sentence_rows += 1
            if next_sentence_rows > PRONOUN_LOOKAHEAD:
                return None, False, 0
        lower = tokens.lower[row]
        gender = PRONOUN_GENDER.get(lower)
        if gender is None or (ctx.sentence[row] == sentence and int(tokens.head[row]) == verb
                              and lower not in SUBJECT_PRONOUNS):
            continue
        if lower in SUBJECT_PRONOUNS and tokens.dep[row] in ("nsubj", "nsubjpass"):
            return (gender, True, 2) if int(tokens.head[row]) != verb else (None, False, 0)
        if next_sentence_rows == 1:
            return gender, False, 2
        if _own_possession(ctx, row, verb):
            return gender, False, 1
        return None, False, 0
    return None, False, 0


def _own_possession(ctx: TokenContext, row: int, verb: int) -> bool:
    """ "Spike buried his face": a possessive on the object of the subject's own verb
    (not inside a phrase: "placed a hand on her shoulder" is someone else's)."""
    tokens = ctx.tokens
    if tokens.dep[row] != "poss":
        return False
    owned = int(tokens.head[row])
    return tokens.dep[owned] in ("dobj", "nsubj") and int(tokens.head[owned]) == verb


def _never_a_name(words: list[str]) -> bool:
    head = words[-1]
    return (all(word in NOT_NAME_WORDS or INITIALS.match(word) for word in words)
            or (len(words) > 1 and head in PLACE_WORDS) or len(head.replace(".", "")) < 2
            or (len(words) == 1 and head.endswith("ism")))  # "Hinduism", "Darwinism"


def common_word_share(word: str, stats: WordStats) -> float:
    """Share of a word's uses (as a noun or adjective) written in lower case."""
    lower = stats.lower_noun[word]
    return lower / (lower + stats.capital_mid[word]) if lower else 0.0


def is_plural(word: str, stats: WordStats) -> bool:
    """ "Bertrams", "Perrys": the plural of a name the text uses at least as often (not
    "De Griers" beside a misspelt "De Grier")."""
    if not word.endswith("s") or len(word) < 4:
        return False
    stems = [word[:-1]] + ([word[:-2], word[:-3] + "y"] if word.endswith(("es", "ies")) else [])
    own = stats.capital_mid[word]
    return any(stats.capital_mid[stem] > 0 and stats.capital_mid[stem] >= own for stem in stems)


def person_scores(key: str, item: NameEvidence, stats: WordStats) -> tuple[float, float] | None:
    """Support for and against ``key`` being a person's name; None when it cannot be one:
    a common word, a plural, a word only ever capitalised at a sentence start."""
    words = key.split()
    if _never_a_name(words) or is_plural(words[-1], stats):
        return None
    vouched = item.tagged > 0 or item.titled > 0
    if item.mid_sentence == 0 and not vouched:
        return None
    lower = stats.lower_all[words[-1]]
    if len(words) == 1 and lower > 0 and (
            item.mid_sentence == 0 or item.proper * 2 < item.count
            or (lower > LOWER_RATIO * item.mid_sentence and item.tagged * 2 < item.count)):
        return None
    opening = item.opening_vocative / 2
    if item.narration == 0:
        opening /= 3  # a word only ever opening quotes: "Huzoor,", "Lor,"
    vocatives = item.vocative - item.opening_vocative + opening
    support = (item.tagged + 1.5 * (item.speech + item.titled + vocatives + item.pronoun)
               + item.agent)
    labelled = item.ent_place + 0.5 * item.ent_org + item.ent_other
    against = (2.0 * item.determiner + 3.0 * item.place
               + LABEL_WEIGHT * min(item.count, MAX_LABEL_COUNT) * labelled / item.count)
    share = common_word_share(words[-1], stats)
    if share > COMMON_SHARE:
        against += 2.0 * item.count * share
    return support, against


def is_person(key: str, item: NameEvidence, stats: WordStats) -> bool:
    """Whether the pooled evidence says the name ``key`` is a person. A name seen once
    needs direct evidence: the tagger, a title, a speech tag or a vocative."""
    scores = person_scores(key, item, stats)
    if scores is None or scores[0] < 1 or scores[0] <= scores[1]:
        return False
    return item.count > 1 or bool(item.tagged or item.titled or item.speech
                                  or item.vocative > item.opening_vocative)


def is_weak_person(key: str, item: NameEvidence, stats: WordStats) -> bool:
    """A name with too little evidence either way (see :func:`accept`)."""
    words = key.split()
    if (_never_a_name(words) or common_word_share(words[-1], stats) > COMMON_SHARE
            or is_plural(words[-1], stats)):
        return False
    if item.proper == 0 and item.mid_sentence == 0 and stats.lower_all[words[-1]] > 0:
        return False
    scores = person_scores(key, item, stats)
    return scores is None or scores[1] < 1


def is_article_person(key: str, item: NameEvidence, stats: WordStats) -> bool:
    """ "the Hatter", "the General": capitalised inside sentences, rarely in lower case,
    and the subject of speech at least :data:`MIN_ARTICLE_SPEECH` times."""
    words = key.split()[1:]
    if not words or _never_a_name(words) or is_plural(words[-1], stats) or item.plural:
        return False
    against = item.ent_place + item.ent_other + item.plural
    return (item.speech >= MIN_ARTICLE_SPEECH and item.mid_sentence >= MIN_ARTICLE_SPEECH
            and stats.lower_all[words[-1]] * 2 <= stats.capital_mid[words[-1]]
            and (against * 2 < item.count or item.speech * 4 >= item.count))


def accept(evidence: dict[str, NameEvidence], stats: WordStats,
           known: set[str] = frozenset()) -> set[str]:
    """Evidence keys of the names that are people: those with evidence, ``known`` ones,
    and weak names that are a part, a fuller form or a diminutive of one of those."""
    places = {key for key, item in evidence.items()
              if " " not in key and item.place >= 2 and not is_person(key, item, stats)}
    strong = set(known)
    for key, item in evidence.items():
        if key.startswith("the "):
            if is_article_person(key, item, stats):
                strong.add(key)
        elif key.split()[-1] not in places and is_person(key, item, stats):
            strong.add(key)
    strong_words = [tuple(key.split()) for key in strong if not key.startswith("the ")]
    accepted = set(strong)
    for key, item in evidence.items():
        if (key in accepted or key.startswith("the ") or key.split()[-1] in places
                or not is_weak_person(key, item, stats)):
            continue
        words = tuple(key.split())
        if any(words_match(words, other) or words_match(other, words) for other in strong_words):
            accepted.add(key)
    return accepted
