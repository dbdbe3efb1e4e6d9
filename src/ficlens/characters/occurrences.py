"""Runs of capitalised name words ("Mrs. Jane Bennet", "the Hatter") found in the tokens.

A run is the titles before a name plus up to :data:`MAX_NAME_WORDS` name words. Words
the document also writes in lower case are trimmed off its edges ("Unluckily Aziz",
"Lucy Honeychurch Drive Out"), and a dash glued to a word ends the run ("Lucy--"). A
capitalised modal before a past tense is a name the tagger misread ("May said").
After "the", capitalised words form an *article name* ("the Hatter", "the General"),
which only becomes a character with speech evidence of its own. Besides the known
titles, a story's own ranks ("Apprentice Olms") are titles (:func:`story_titles`). A
plural title ("Messrs.", "Admirals") starts no name: it names several people.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ficlens.characters.context import TokenContext
from ficlens.characters.names import (
    PARTICLES,
    TRAILING_TITLES,
    NameForm,
    strip_possessive,
    title_key,
    with_trailing_title,
)

MAX_NAME_WORDS = 4
NAME_POS = frozenset(("PROPN", "NOUN", "ADJ", "VERB", "X"))
NOUN_POS = frozenset(("NOUN", "ADJ", "PROPN"))
#: Capitalised words that are never a person's name on their own.
NOT_NAME_WORDS: frozenset[str] = frozenset("""
oh ah ahh aah ooh oo aha alas hey hi hello hullo hallo halloa goodbye farewell yes yeah yep no
nope nay okay ok well why hmm hm h'm huh uh um er erm ugh pfft ha haha hah bah pooh pshaw tut
hush hurrah hooray amen bravo thanks please sorry damn dammit hell bloody sodding christ jesus
god gods lord heaven heavens goodness gosh golly gee devil satan providence fate i me you he
she it we they nobody everybody everyone someone somebody anybody anyone none sir madam ma'am
mum dear darling sweetheart honey reader chapter book part volume prologue epilogue the and
or but if then when what who where how this that these those there here now not mr mrs ms
miss aye ay yea lor lors lawk lawks lawd gawd golly crikey blimey gad egad zounds pish tush
hark lo alack whew phew phoo humph hum hem heh ho hoo hurray huzza huzzah eh ahoy whoa wow
oops ouch shh psst yah encore adieu parbleu sapristi dieu ja nein bonjour bonsoir merci oui
non si mais hein ach sahib memsahib huzoor bwana amigo signore sirrah dearie ducky lordy
""".split())
#: Epithets that may stand before a name without being part of it ("Old Mrs. Pell").
EPITHETS: frozenset[str] = frozenset(
    "old young little poor dear dearest darling sweet good bad big great wee".split())
#: Words that a tagger may glue to the name after them ("Meanwhile Hamidullah",
#: "Said Hamidullah", "Monday Anne"): never the first word of a multi-word name.
FRONT_WORDS: frozenset[str] = frozenset("""
meanwhile whereupon somehow hence lest because unluckily luckily fortunately unfortunately
then still yet perhaps indeed besides moreover however therefore thus instead presently
suddenly afterwards later soon once only even just so and but or nor for if when while
since until till though although after before as said says asked cried replied answered
exclaimed added set truly surely certainly naturally evidently apparently obviously clearly
finally anyhow anyway otherwise again here there now today tonight tomorrow yesterday
monday tuesday wednesday thursday friday saturday sunday january february march
july september october november december poor dear oh ah opposite beside behind
above below across upon with without by at in on of to from into would could should will
shall can might must did does do had has have was is are were let tell ask give thank bless
""".split())
#: Days, months and feasts: never inside a name ("Colonel Brandon Monday morning").
CALENDAR_WORDS: frozenset[str] = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december christmas easter michaelmas whitsun
lady-day midsummer
""".split())
#: Titles that name several people at once ("Mesdames Callendar", "Messrs. Shoolbred").
PLURAL_TITLES: frozenset[str] = frozenset("mesdames messrs messrs. messieurs misses".split())
#: A capitalised word that the text also writes as a common noun ("the apprentice",
#: this many times) and puts inside sentences before this many different names
#: ("Apprentice Olms", "Apprentice Mejia") is a rank or office of the story's world,
#: read like "Captain": a title, not a given name that would join its holders.
STORY_TITLE_NOUNS = 2
STORY_TITLE_NAMES = 2
#: Words never read as a story's own title (interjections, epithets, sentence openers,
#: days and months, particles).
NEVER_TITLES: frozenset[str] = (NOT_NAME_WORDS | EPITHETS | FRONT_WORDS | CALENDAR_WORDS
                                 | PARTICLES)
_ROMAN = re.compile(r"^[IVXLCDM]+\.?$")
INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$")
_WORD = re.compile(r"^[^\W\d_](?:[\w'\u2019.]|-(?!-))*", re.UNICODE)


@dataclass
class WordStats:
    """Per lower-case word: uses in lower case (all, and as noun or adjective) and
    capitalised uses inside a sentence."""

    lower_all: Counter
    lower_noun: Counter
    capital_mid: Counter
    #: Lower-case words the story uses as titles besides the known ones (see
    #: :func:`story_titles`).
    titles: frozenset[str] = frozenset()


@dataclass
class Occurrence:
    """One run: rows ``[first, end)``, name words from ``word_start``."""

    first: int
    word_start: int
    end: int
    head: int
    form: NameForm
    tagged: bool
    article: bool = False

    @property
    def evidence_key(self) -> str:
        """Names pool their evidence by core key; article names by "the" + core key."""
        return self.form.full_key if self.article else self.form.key


def word_stats(ctx: TokenContext) -> WordStats:
    lower_all: Counter = Counter()
    lower_noun: Counter = Counter()
    strict_noun: Counter = Counter()  # tagged NOUN only, for the story's own titles
    capital_mid: Counter = Counter()
    pos = ctx.tokens.pos
    for row, (word, lower) in enumerate(zip(ctx.words, ctx.tokens.lower, strict=True)):
        first = word[:1]
        if first.islower():
            lower_all[lower] += 1
            if pos[row] in NOUN_POS:
                lower_noun[lower] += 1
            if pos[row] == "NOUN":
                strict_noun[lower] += 1
        elif first.isupper() and not ctx.initial[row]:
            capital_mid[lower] += 1
    return WordStats(lower_all, lower_noun, capital_mid, story_titles(ctx, strict_noun))


def story_titles(ctx: TokenContext, nouns: Counter) -> frozenset[str]:
    """Words this story uses as titles though no list of titles holds them: written in
    lower case as a noun at least :data:`STORY_TITLE_NOUNS` times, and capitalised
    inside sentences right before :data:`STORY_TITLE_NAMES` different names or more
    ("the apprentice", "Apprentice Olms", "Apprentice Mejia"); ``nouns`` counts the
    lower-case uses of each word tagged as a noun."""
    tokens = ctx.tokens
    names: dict[str, set[str]] = {}
    for row in range(len(ctx) - 1):
        lower = tokens.lower[row]
        if (nouns[lower] < STORY_TITLE_NOUNS or ctx.initial[row] or ctx.heading[row]
                or not ctx.capitalised(row) or title_key(lower) is not None
                or lower in NEVER_TITLES):
            continue
        following = row + 1
        if ctx.capitalised(following) and tokens.person[following] != 0 and (
                title_key(ctx.words[following]) is None):
            names.setdefault(lower, set()).add(tokens.lower[following])
    return frozenset(word for word, after in names.items()
                     if len(after) >= STORY_TITLE_NAMES)


def clean_word(word: str) -> str:
    """The name part of a token: "Lucy--" -> "Lucy", "Toby's" -> "Toby", "Emma." -> "Emma"
    (an initial keeps its period: "J.")."""
    match = _WORD.match(word)
    if not match:
        return ""
    cleaned = match.group(0).rstrip("-")
    if cleaned.endswith(".") and len(cleaned) > 2 and title_key(cleaned) is None and (
            not INITIALS.match(cleaned)):
        cleaned = cleaned.rstrip(".")
    return strip_possessive(cleaned)


def find_occurrences(ctx: TokenContext, stats: WordStats) -> list[Occurrence]:
    """Every run of capitalised name words outside headings, with the titles before it."""
    found: list[Occurrence] = []
    following = 0
    for row in [row for row, capital in enumerate(ctx.caps) if capital]:
        if row < following:
            continue
        occurrence, following = _run_at(ctx, stats, row)
        if occurrence is not None:
            found.append(occurrence)
    return found


def _run_at(ctx: TokenContext, stats: WordStats, first: int) -> tuple[Occurrence | None, int]:
    """The run starting at ``first`` (or None) and the row to look at next."""
    tokens = ctx.tokens
    if ctx.heading[first] or not ctx.capitalised(first) or tokens.lower[first] in EPITHETS:
        return None, first + 1
    if tokens.lower[first] in PLURAL_TITLES or (
            _plural_title(tokens.lower[first], stats) and _next_capitalised(ctx, first)):
        end = first + 1
        while end < len(ctx) and (ctx.capitalised(end) or ctx.words[end].isspace()):
            end += 1
        return None, end
    article = (first > 0 and tokens.lower[first - 1] == "the" and not ctx.initial[first])
    row, titles = first, []
    while not article and _is_title(ctx, stats, row):
        title = ctx.words[row]
        following = skip_space(ctx, row + 1)
        if following < len(ctx) and ctx.words[following] == "." and (
                ctx.tokens.start[following] == ctx.tokens.end[row]):
            title += "."  # "Mlle" "." split by the tokenizer: the title keeps its period
            following = skip_space(ctx, following + 1)
        if following >= len(ctx):
            break
        titles.append(title)
        row = following
    if row == first and (_trim_first(ctx, stats, row) or tokens.lower[row] in FRONT_WORDS
                         and _next_capitalised(ctx, row)):
        return None, first + 1
    words, end = _name_words(ctx, stats, row, article, titled=bool(titles))
    if not words or len(words) > MAX_NAME_WORDS:
        return None, max(end, first + 1)
    form = (NameForm(("the",), tuple(words)) if article
            else with_trailing_title(tuple(titles), tuple(words)))
    occurrence = Occurrence(first, row, end, _head(ctx, row, end), form,
                            bool(tokens.person[row:end].any()), article)
    return occurrence, end


def _plural_title(lower: str, stats: WordStats) -> bool:
    """A title with a plural "s" ("Admirals", "Apprentices"): before names, it names
    several people ("Admirals Mittermeyer and Reuenthal"), like "Messrs."."""
    single = lower[:-1]
    return (lower.endswith("s") and title_key(lower) is None
            and (title_key(single) is not None or single in stats.titles))


def skip_space(ctx: TokenContext, row: int) -> int:
    """``row``, or the first row after it that is not a line break inside a paragraph."""
    while row < len(ctx) and ctx.words[row].isspace() and ctx.words[row].count("\n") <= 1:
        row += 1
    return row


def _name_words(ctx: TokenContext, stats: WordStats, start: int,
                article: bool, titled: bool = False) -> tuple[list[str], int]:
    """Name words from ``start`` and the row after the last of them. Particles join
    when a name word follows them: inside a name ("Henry van der Luyden") or right
    after a title ("Mr. van der Luyden")."""
    words: list[str] = []
    row, end = start, start
    while row < len(ctx) and len(words) <= MAX_NAME_WORDS:
        word = ctx.words[row]
        following = skip_space(ctx, row + 1)
        if (words or titled) and word.lower() in PARTICLES:
            particles, after = _particles(ctx, row)
            if after < len(ctx) and _is_name_word(ctx, after, False, article):
                words.extend(particles)
                row = after
                continue
        if not _is_name_word(ctx, row, not words, article) and not _adverb_name(
                ctx, stats, row):
            break
        trailing = clean_word(word).lower() in TRAILING_TITLES
        if words and (title_key(word) is not None and not article and not trailing
                      or _lower_case_word(ctx, stats, row) or word.lower() in CALENDAR_WORDS):
            break
        cleaned = clean_word(word)
        if not cleaned:
            break
        words.append(cleaned)
        end = row + 1
        if cleaned != strip_possessive(word) or trailing and len(words) > 1:
            break
        row = following
    while words and words[-1].lower() in PARTICLES:
        words.pop()
    return words, end


def _particles(ctx: TokenContext, row: int) -> tuple[list[str], int]:
    """The particles from ``row`` on ("van der") and the row after them."""
    found = []
    while row < len(ctx) and ctx.words[row].lower() in PARTICLES:
        found.append(ctx.words[row])
        row = skip_space(ctx, row + 1)
    return found, row


def _trim_first(ctx: TokenContext, stats: WordStats, row: int) -> bool:
    """A sentence's first word that is not a noun ("Would Jane"), or that the text never
    capitalises inside a sentence but does write in lower case ("Unluckily Aziz"), is
    not part of the name after it."""
    if not ctx.initial[row] or not _next_capitalised(ctx, row):
        return False
    lower = ctx.tokens.lower[row]
    if ctx.tokens.pos[row] not in ("PROPN", "NOUN", "ADJ"):
        return True
    return stats.capital_mid[lower] == 0 and stats.lower_all[lower] > 0


def _next_capitalised(ctx: TokenContext, row: int) -> bool:
    following = skip_space(ctx, row + 1)
    return following < len(ctx) and ctx.capitalised(following)


def _lower_case_word(ctx: TokenContext, stats: WordStats, row: int) -> bool:
    """A later word the text mostly writes in lower case ("Drive" in a heading-like run)."""
    lower = ctx.tokens.lower[row]
    return (ctx.tokens.person[row] == 0
            and stats.lower_noun[lower] >= 2 * max(1, stats.capital_mid[lower]))


def _is_title(ctx: TokenContext, stats: WordStats, row: int) -> bool:
    return (not ctx.heading[row] and ctx.capitalised(row)
            and (title_key(ctx.words[row]) is not None or ctx.tokens.lower[row] in stats.titles))


def _is_name_word(ctx: TokenContext, row: int, first: bool, article: bool) -> bool:
    word = ctx.words[row]
    if ctx.heading[row] or not ctx.capitalised(row) or word.lower() in NOT_NAME_WORDS:
        return False
    if (len(word) > 1 and word.isupper() and "." not in word) or _ROMAN.match(word):
        return False
    if not first and ctx.tokens.sent_start[row]:
        return False
    tagged = ctx.tokens.person[row] != 0
    pos = ctx.tokens.pos[row]
    if pos == "AUX":
        return _modal_name(ctx, row)
    if ctx.initial[row] and (article or pos not in ("PROPN", "NOUN") and not tagged):
        return False
    return tagged or pos in NAME_POS


def _adverb_name(ctx: TokenContext, stats: WordStats, row: int) -> bool:
    """A capitalised word inside a sentence that the tagger took for an adverb and the
    text never writes in lower case: a name ending like one ("cried Dolly", "Sally")."""
    lower = ctx.tokens.lower[row]
    return (ctx.tokens.pos[row] == "ADV" and not ctx.initial[row] and ctx.capitalised(row)
            and not ctx.heading[row] and stats.lower_all[lower] == 0
            and lower not in NOT_NAME_WORDS and not ctx.tokens.sent_start[row])


def _modal_name(ctx: TokenContext, row: int) -> bool:
    """A capitalised modal followed by a past-tense verb is a name the tagger took for a
    modal ("May said", "Will suddenly turned"): a modal never governs a past tense."""
    tokens = ctx.tokens
    if tokens.tag[row] != "MD":
        return False
    following = skip_space(ctx, row + 1)
    while following < len(ctx) and tokens.tag[following] == "RB":
        following = skip_space(ctx, following + 1)
    return following < len(ctx) and tokens.tag[following] == "VBD"


def _head(ctx: TokenContext, start: int, end: int) -> int:
    for row in range(end - 1, start - 1, -1):
        head = int(ctx.tokens.head[row])
        if head < start or head >= end:
            return row
    return end - 1
