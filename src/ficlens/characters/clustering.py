"""Grouping the name forms of one person into a character.

Forms are taken fullest first ("Tom Sawyer" before "Mr. Sawyer" before "Tom"), and
each joins the one earlier cluster it is compatible with: its words match (a first
name, its diminutive, a surname, first and last name without the middle ones) and
neither its title nor the pronouns it takes contradict the cluster's gender. A form
compatible with several clusters ("Miss Bennet" when Jane and Elizabeth Bennet are
both known) is *ambiguous*: each of its mentions goes to the compatible character
mentioned most recently (unless far more rarely named than another), or else the most
frequent one; but an ambiguous "Mrs." or
"Sir" form ("Mrs. Bennet") is the parent, a character of its own, and an ambiguous
"Mr." form goes to the one man among its candidates when he outnumbers the others
("Mr. Archer" is Newland Archer, not a rarely named "Adeline Archer"), and an ambiguous
rank ("Captain Migollen") to the one candidate the text styles so. A form
compatible with none starts a cluster of its own; a seed (an AO3 character tag) also
takes the fuller names the text writes for it ("Dr. John H. Watson" for "John Watson"),
and two given names side by side ("John Sherlock's watch") name no one.

People who share a surname are kept apart by gender (Mr. vs Mrs. Bennet), by first
names, by titles (Major vs Mrs. Callendar, though a doctor is also "Mr."; "Lady Otway"
vs a Cassandra Otway the text never styles "Lady"), and by two names meeting in one
sentence ("Mr. Knightley and Mr. John Knightley" are two people).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ficlens.characters.gender import decide_gender
from ficlens.characters.names import PARTICLES, NameForm, title_key, words_match
from ficlens.characters.nicknames import DIMINUTIVES, is_diminutive, short_to_full
from ficlens.model import Gender

#: Sentences two forms must share before they are taken to name different people.
MIN_COOCCURRENCES = 2
#: Mentions back (in text order) searched for an ambiguous form's referent.
CONTEXT_WINDOW = 40
#: A candidate named recently wins an ambiguous mention only if this many times its
#: unambiguous mentions reach the most named candidate's (a sister named three times
#: does not take her brother's bare surname).
RARE_RECENT = 4
#: See :func:`_same_given_name`.
RARE_FULL_NAME = 2
#: See :func:`_side_by_side`.
SIDE_BY_SIDE = 5
#: A gendered "Mrs. X" this many times more frequent than a full name "Y X" of unknown
#: gender is someone else.
DOMINANCE = 2
#: Professional titles that go with a surname ("Dr. Bull"); "Mrs. Rachel", "Miss Lucy",
#: "Lady Catherine", "Aunt Polly" show that the others also take a first name.
SURNAME_TITLES: frozenset[str] = frozenset("""
dr professor captain colonel general major lieutenant sergeant inspector detective constable
judge reverend admiral commander
""".split())
EQUIVALENT_TITLES: dict[str, str] = {
    "mister": "mr", "monsieur": "mr", "m": "mr", "herr": "mr", "signor": "mr", "senor": "mr",
    "señor": "mr", "missus": "mrs", "madame": "mrs", "mme": "mrs", "frau": "mrs",
    "signora": "mrs", "senora": "mrs", "señora": "mrs", "mademoiselle": "miss",
    "mlle": "miss", "fraulein": "miss", "fräulein": "miss", "signorina": "miss",
    "senorita": "miss", "señorita": "miss", "doctor": "dr", "prof": "professor",
    "capt": "captain", "col": "colonel", "gen": "general", "lt": "lieutenant",
    "sgt": "sergeant", "rev": "reverend",
}
#: Titles of the young and unmarried: an ambiguous "Miss Bennet" is one of the Bennet
#: daughters (found by context); an ambiguous "Mrs. Bennet" or "Lady Bertram" is the
#: mother, a character of her own.
YOUNG_TITLES: frozenset[str] = frozenset(("miss", "master", "ms"))
#: Titles of married people and of the gentry: "Mrs. Bennet" is often the mother of a
#: "Jane Bennet" (see :func:`_cooccurrence_keys`).
PARENT_TITLES: frozenset[str] = frozenset(("mr", "mrs", "sir", "lady", "lord"))
#: Titles of rank worn with a given name ("Sir Thomas", "Lady Catherine").
NOBLE_TITLES: frozenset[str] = frozenset(("sir", "lady", "lord", "dame"))
#: Titles that one person does not wear alongside another with the same surname (Mr.
#: vs Mrs. vs Captain vs Sir Walter Elliot); ranks of nobility ("Countess Olenska") do
#: go with "Madame".
EXCLUSIVE_TITLES: frozenset[str] = frozenset(
    ("mr", "mrs", "miss", "ms", "master", "lady", "sir", "lord")) | SURNAME_TITLES
#: The exception: a doctor is also "Mr." ("Doctor Losberne" is Mr. Losberne).
SHARED_TITLES: frozenset[str] = frozenset(("dr", "mr"))


@dataclass
class FormInfo:
    """A distinct name form (by full key) and what is known about it."""

    form: NameForm
    count: int
    first: int
    genders: Counter = field(default_factory=Counter)


@dataclass
class Cluster:
    index: int
    words: tuple[str, ...]
    forms: dict[str, int] = field(default_factory=dict)
    titled: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    names: set[tuple[str, ...]] = field(default_factory=set)
    bare_given: set[str] = field(default_factory=set)
    #: Mentions of each given name in a name of two words or more ("jane" of "Miss Jane Bates").
    given_counts: Counter = field(default_factory=Counter)
    genders: Counter = field(default_factory=Counter)
    count: int = 0
    label: str | None = None  # the seed's name, for a cluster seeded from metadata
    merged_into: int | None = None

    @property
    def gender(self) -> Gender | None:
        return decide_gender(self.genders)

    def absorb(self, other: Cluster) -> None:
        """Take over ``other``'s forms (it is the same person)."""
        for key, count in other.forms.items():
            self.forms[key] = self.forms.get(key, 0) + count
        for title, names in other.titled.items():
            self.titled.setdefault(title, set()).update(names)
        self.names |= other.names
        self.bare_given |= other.bare_given
        self.given_counts.update(other.given_counts)
        self.genders.update(other.genders)
        self.count += other.count
        other.merged_into = self.index

    def add(self, info: FormInfo) -> None:
        form = info.form
        self.forms[form.full_key] = self.forms.get(form.full_key, 0) + info.count
        self.count += info.count
        self.genders.update(info.genders)
        words = tuple(word.lower() for word in form.words)
        self.names.add(words)
        for title in form.title_keys:
            self.titled.setdefault(title, set()).add(words)
        if not form.titles:
            self.bare_given.add(words[0])
        if len(words) > 1:
            self.given_counts[words[0]] += info.count
        if _fuller(form.words, self.words):
            self.words = form.words



def _fuller(candidate: tuple[str, ...], current: tuple[str, ...]) -> bool:
    if len(candidate) != len(current):
        return len(candidate) > len(current)
    return len(" ".join(candidate)) > len(" ".join(current))


@dataclass
class Clustering:
    """The clusters, and for each form's full key the cluster indices it may belong to."""

    clusters: list[Cluster]
    candidates: dict[str, list[int]]


def form_order(info: FormInfo) -> tuple:
    """Fullest forms first; titled before bare; then frequency and first appearance."""
    return (-len(info.form.words), -bool(info.form.titles), -info.count, info.first)


def cluster_forms(forms: Iterable[FormInfo], cooccur: Counter,
                  seeds: Iterable[NameForm] = ()) -> Clustering:
    """Cluster ``forms``; ``seeds`` (e.g. AO3 character tags) start clusters first."""
    clusters: list[Cluster] = []
    candidates: dict[str, list[int]] = {}
    index = _WordIndex()
    for seed in seeds:
        cluster = Cluster(len(clusters), seed.words, label=seed.display())
        cluster.add(FormInfo(seed, 0, -1, Counter()))
        clusters.append(cluster)
        index.add(cluster)
    forms = sorted(forms, key=form_order)
    bare_counts = {info.form.key: info.count for info in forms
                   if not info.form.titles and len(info.form.words) == 1}
    side_by_side = _side_by_side(forms, bare_counts)
    for info in forms:
        if info.form.full_key in side_by_side:
            candidates[info.form.full_key] = []
            continue
        found = _place(info, clusters, index, cooccur, bare_counts)
        if len(found) == 1:
            clusters[found[0]].add(info)
            index.add(clusters[found[0]])
        candidates[info.form.full_key] = found
    for key, found in candidates.items():
        candidates[key] = list(dict.fromkeys(_final(clusters, index) for index in found))
    return Clustering(clusters, candidates)


def _side_by_side(forms: list[FormInfo], bare_counts: dict[str, int]) -> set[str]:
    """Two people's given names written side by side ("hands John Sherlock's watch"),
    not one person's full name: an untitled two-word form written at most
    :data:`RARE_FULL_NAME` times whose words both open other full names (John Watson,
    Sherlock Holmes), whose second word ends none, and whose words are each used alone
    :data:`SIDE_BY_SIDE` times as often as the pair ("Mistah Frank" is a title)."""
    given = Counter(info.form.words[0].lower() for info in forms if len(info.form.words) > 1)
    last = Counter(info.form.words[-1].lower() for info in forms if len(info.form.words) > 1)
    found = set()
    for info in forms:
        words = tuple(word.lower() for word in info.form.words)
        if (len(words) != 2 or info.form.titles or info.count > RARE_FULL_NAME
                or last[words[1]] > 1 or given[words[0]] < 2 or not given[words[1]]):
            continue
        if min(bare_counts.get(word, 0) for word in words) >= SIDE_BY_SIDE * info.count:
            found.add(info.form.full_key)
    return found


def _place(info: FormInfo, clusters: list[Cluster], index: _WordIndex, cooccur: Counter,
           bare_counts: dict[str, int]) -> list[int]:
    """The clusters ``info`` may belong to, creating or merging clusters as needed."""
    found = [cluster.index for cluster in index.lookup(info.form, clusters)
             if cluster.merged_into is None and compatible(info, cluster, cooccur, bare_counts)]
    if not found:
        found = _same_given_name(info, clusters, cooccur) or _elided(info.form, clusters)
    form = info.form
    if len(found) > 1 and not form.titles and len(form.words) == 1:
        found = (_bare_surname(form.key, [clusters[i] for i in found])
                 or _bare_given_name(form.key, [clusters[i] for i in found]) or found)
    if len(found) > 1 and not form.titles and len(form.words) > 1:
        found = _merge_namesakes(form, [clusters[i] for i in found]) or found
    if len(found) > 1 and form.titles:
        found = (_noble_styled(form, [clusters[i] for i in found])
                 or _styled_alike(form, [clusters[i] for i in found])
                 or _the_one_man(form, [clusters[i] for i in found]) or found)
    if not found or (len(found) > 1 and form.titles and not _one_of_them(form, [
            clusters[i] for i in found])):
        clusters.append(Cluster(len(clusters), form.words))
        found = [len(clusters) - 1]
    return found


def _one_of_them(form: NameForm, candidates: list[Cluster]) -> bool:
    """Whether an ambiguous titled form names one of its candidates (found by context):
    "Miss Bennet" is one of the Bennet daughters, "Mr. Cavendish" one of the Cavendish
    brothers; but "Mrs. Bennet", or "Mr." beside candidates who are not all men, is a
    parent, a character of its own."""
    titles = _titles(form)
    if titles <= YOUNG_TITLES:
        return True
    return titles == {"mr"} and all(c.gender == "he/him" for c in candidates)


def _noble_styled(form: NameForm, candidates: list[Cluster]) -> list[int]:
    """ "Sir John" beside Sir John Middleton, John Willoughby and John Dashwood is the
    one the text styles "Sir": a baronet's or a peer's title goes with his own name."""
    noble = _titles(form) & NOBLE_TITLES
    return _styled_with(noble, candidates) if len(form.words) == 1 else []


def _styled_alike(form: NameForm, candidates: list[Cluster]) -> list[int]:
    """ "Apprentice Olms" beside Apprentice Yuuni Olms and her mother Banmei Olms, or
    "Captain Migollen" beside Captain Lida Migollen and Joun Migollen, is the one the
    text styles so: a rank or an office goes with its holder's own names. Not for the
    styles of marriage and family ("Mr.", "Mrs.", "Miss"), which many of one name share."""
    return _styled_with(_titles(form) - PARENT_TITLES - YOUNG_TITLES, candidates)


def _styled_with(titles: set[str], candidates: list[Cluster]) -> list[int]:
    """The one candidate the text styles with any of ``titles``, else none."""
    if not titles:
        return []
    styled = [c.index for c in candidates if titles & {same_title(t) for t in c.titled}]
    return styled if len(styled) == 1 else []


def _the_one_man(form: NameForm, candidates: list[Cluster]) -> list[int]:
    """ "Mr. Archer" beside Newland Archer and rarely named Archers of unknown gender
    (a "May Archer" whose pronouns disagree, a once-named "Adeline Archer") is the one
    man among them, when he outnumbers the rest together."""
    if _titles(form) != {"mr"}:
        return []
    men = [c for c in candidates if c.gender == "he/him"]
    if len(men) != 1:
        return []
    others = sum(c.count for c in candidates if c is not men[0])
    return [men[0].index] if men[0].count > DOMINANCE * others else []


def _merge_namesakes(form: NameForm, candidates: list[Cluster]) -> list[int]:
    """ "Vakil Mahmoud Ali" and "Pleader Mahmoud Ali" both end in the full name "Mahmoud
    Ali": one man under two styles. Merge such clusters into the first."""
    words = tuple(word.lower() for word in form.words)
    if len(_core(words)) < 2:
        return []  # "de Bourgh" is only a surname: Lady Catherine and Sir Lewis stay two
    if not all(tuple(w.lower() for w in c.words[-len(words):]) == words for c in candidates):
        return []
    target = candidates[0]
    for other in candidates[1:]:
        target.absorb(other)
    return [target.index]


def _final(clusters: list[Cluster], index: int) -> int:
    while clusters[index].merged_into is not None:
        index = clusters[index].merged_into
    return index


def _bare_surname(word: str, candidates: list[Cluster]) -> list[int]:
    """A bare surname shared by a man and a woman ("Weston" with Mr. and Mrs. Weston)
    names the man: in this fiction women are rarely called by surname alone."""
    by_surname = [c for c in candidates if len(c.words) == 1 or c.words[-1].lower() == word]
    if len(by_surname) < len(candidates):
        return []
    kept = [c.index for c in candidates if c.gender != "she/her"]
    return kept if 0 < len(kept) < len(candidates) else []


def _bare_given_name(word: str, candidates: list[Cluster]) -> list[int]:
    """A bare word that is one person's given name ("Cassandra Otway") and only the
    last word of the others' names (a rare "Katharine Cassandra" that joined Katharine
    Hilbery) names the person who carries it first."""
    given = [c.index for c in candidates
             if any(len(name) > 1 and name[0] == word for name in c.names)]
    return given if len(given) == 1 else []


def _same_given_name(info: FormInfo, clusters: list[Cluster], cooccur: Counter) -> list[int]:
    """A full name seen at most :data:`RARE_FULL_NAME` times ("Lydia Wickham", "Katharine
    Rodney") joins the earlier full name with its first name: a married or imagined
    surname is likelier than a second person nearly never named. Not for a man, whose
    surname marriage does not change ("John Willoughby" is not Sir John Middleton)."""
    form = info.form
    if form.titles or len(form.words) < 2 or info.count > RARE_FULL_NAME:
        return []
    given = form.words[0].lower()
    stated = decide_gender(info.genders)
    for cluster in clusters:
        if (cluster.merged_into is not None or len(cluster.words) < 2
                or cluster.words[0].lower() != given):
            continue
        if stated is not None and cluster.gender not in (None, stated):
            continue
        if "he/him" in (stated, cluster.gender):
            continue  # a man's surname does not change: "John Willoughby" is not Sir John
        if any(cooccur[frozenset((form.full_key, other))] for other in cluster.forms):
            continue
        return [cluster.index]
    return []


def _elided(form: NameForm, clusters: list[Cluster]) -> list[int]:
    """ "Be'y" for Berry, "Ha'ie" for Hattie: a spoken form with letters dropped where the
    apostrophe stands names the one character whose name it abbreviates ("Teal'c",
    abbreviating no one, stays a name of its own)."""
    if form.titles or len(form.words) != 1:
        return []
    head, apostrophe, tail = form.words[0].lower().partition("'")
    if not apostrophe or len(head) < 2 or not tail:
        return []
    found = [cluster.index for cluster in clusters if cluster.merged_into is None and any(
        len(word) > len(head) + len(tail) and word.startswith(head) and word.endswith(tail)
        and "'" not in word for name in cluster.names for word in name)]
    return found if len(found) == 1 else []


def compatible(info: FormInfo, cluster: Cluster, cooccur: Counter,
               bare_counts: dict[str, int] | None = None) -> bool:
    """Whether the form can name the cluster's person (see the module docstring)."""
    form = info.form
    if "the" in form.title_keys:
        return _article_compatible(info, cluster)
    gender = cluster.gender
    stated = form.gender or decide_gender(info.genders)
    if gender is not None and stated is not None and gender != stated:
        return False
    if not _words_compatible(form.words, cluster):
        return False
    counts = [cooccur[frozenset((form.full_key, other))]
              for other in _cooccurrence_keys(form, cluster)]
    # "Mr. Emerson" beside "George" once and beside "Mr. George Emerson" once: a father
    # met twice beside his son's names, so for a parent's style the meetings add up
    together = sum(counts) if _parent_style(form, cluster) else max(counts, default=0)
    if together >= MIN_COOCCURRENCES:
        return False
    return not _title_conflict(info, cluster, bare_counts or {})


def _cooccurrence_keys(form: NameForm, cluster: Cluster) -> set[str]:
    """The cluster's forms; for "Mr."/"Mrs."/"Sir"/"Lady" + surname also its bare first
    name, which joins it later: "Mrs. Bennet" talking to "Jane" is not Jane Bennet."""
    if not form.titles and len(form.words) == 1 and len(cluster.words) > 1 and (
            form.key == cluster.words[0].lower()):
        return set()  # "Charles" beside "Charles Hayter" is no evidence of two people
    keys = set(cluster.forms)
    if _parent_style(form, cluster):
        keys.add(cluster.words[0].lower())
    return keys


def _parent_style(form: NameForm, cluster: Cluster) -> bool:
    """ "Mr."/"Mrs."/"Sir"/"Lady" + a word that is not the cluster's first name ("Mrs.
    Bennet" against Jane Bennet): a parent's (or spouse's) style as well as its own."""
    parental = _titles(form) & PARENT_TITLES
    return bool(parental) and len(cluster.words) > 1 and cluster.words[0].lower() != form.key


def _words_compatible(words: tuple[str, ...], cluster: Cluster) -> bool:
    """Words match the cluster's fullest name; a diminutive only matches a given name the
    text also uses without a title (no "Kitty" for an always-titled "Lady Catherine"),
    and never one it styles "Sir"/"Lady"/"Lord" + given name: a baronet or a peer's
    daughter is not called by a pet name (Kitty Bennet is not Lady Catherine, though
    the text once writes "Catherine de Bourgh" without the title)."""
    lowered = tuple(word.lower() for word in words)
    if lowered in cluster.names:
        return True
    fullest = tuple(word.lower() for word in cluster.words)
    if cluster.label is not None and words_match(fullest, lowered):
        return True  # a tag's "John Watson" is the text's "Dr. John H. Watson"
    noble = {name[0] for title, names in cluster.titled.items()
             if same_title(title) in NOBLE_TITLES for name in names if name}
    bare_given = cluster.bare_given - noble if lowered[0] not in noble else cluster.bare_given
    return any(_name_compatible(lowered, full, bare_given)
               for full in {fullest, *cluster.names})


def _name_compatible(lowered: tuple[str, ...], full: tuple[str, ...],
                     bare_given: set[str]) -> bool:
    if len(lowered) == 1 == len(full):
        return related_given_names(lowered[0], full[0]) and full[0] in bare_given
    if not words_match(lowered, full):
        return False
    if lowered[0] in (full[0], full[-1]) or lowered[0] in PARTICLES:
        return True
    return full[0] in bare_given


def _title_conflict(info: FormInfo, cluster: Cluster, bare_counts: dict[str, int]) -> bool:
    """Title + surname ("Mrs. Lynde", "Miss de Bourgh") against a cluster: another person when a
    professional title needs a surname the cluster lacks ("Dr. Tom" is not Tom Bull),
    when the cluster uses another title with the same surname (Major vs Mrs. Callendar,
    Miss Josephine Barry vs Mrs. Barry), when "Lady" + surname meets a first-named woman
    the text never styles "Lady" ("Lady Otway", a knight's or a lord's wife by his
    surname, is not Cassandra Otway), or when its gendered title meets a full name of
    unknown gender that it far outnumbers (Mrs. Moore vs Ralph Moore: a wife is named
    after her husband)."""
    form = info.form
    core = _core(tuple(word.lower() for word in form.words))
    if len(core) != 1 or not form.titles:
        return False
    word = core[0]
    titles = _titles(form)
    if (titles & SURNAME_TITLES and len(cluster.words) > 1 and cluster.words[-1].lower() != word
            and not _styled_with_given(titles, word, cluster)):
        return True
    for other, names in cluster.titled.items():
        other = same_title(other)
        if (other not in titles and other in EXCLUSIVE_TITLES and titles & EXCLUSIVE_TITLES
                and titles | {other} != SHARED_TITLES
                and any(name[-1] == word for name in names)):
            return True
    if titles == {"lady"} and _parent_style(form, cluster) and "lady" not in {
            same_title(title) for title in cluster.titled}:
        return True
    if len(cluster.words) < 2:
        return False
    prospective = cluster.count + bare_counts.get(cluster.words[0].lower(), 0)
    return (form.gender == "she/her" and cluster.gender is None
            and info.count > DOMINANCE * max(1, prospective))


def _styled_with_given(titles: set[str], word: str, cluster: Cluster) -> bool:
    """Whether the cluster wears one of ``titles`` before a full name that starts with
    ``word``: "Captain Pellon" is Captain Pellon BarCarran, as the text calls him."""
    return any(same_title(title) in titles and len(name) > 1 and name[0] == word
               for title, names in cluster.titled.items() for name in names)


def _core(words: tuple[str, ...]) -> tuple[str, ...]:
    """Name words without particles: "de bourgh" is one surname."""
    return tuple(word for word in words if word not in PARTICLES)


def _titles(form: NameForm) -> set[str]:
    """The form's titles, one key per title ("Doctor" and "Dr." alike)."""
    return {same_title(title) for title in form.title_keys}


def same_title(title: str) -> str:
    """One key for spellings of the same title ("doctor" -> "dr")."""
    return EQUIVALENT_TITLES.get(title, title)


def _article_compatible(info: FormInfo, cluster: Cluster) -> bool:
    """ "the Major" joins a cluster titled Major; "the Hatter" only its own kind."""
    words = tuple(word.lower() for word in info.form.words)
    if len(words) == 1 and title_key(words[0]) is not None:
        wanted = same_title(title_key(words[0]) or "")
        return any(same_title(title) == wanted for title in cluster.titled)
    return words in cluster.names and "the" in cluster.titled


class _WordIndex:
    """Clusters by their lower-case words, given-name prefixes and diminutive families."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[int]] = {}

    def add(self, cluster: Cluster) -> None:
        for full_key in cluster.forms:
            for word in full_key.split():
                for key in _index_keys(word):
                    self.by_key.setdefault(key, set()).add(cluster.index)
        for word in cluster.words:
            for key in _index_keys(word.lower()):
                self.by_key.setdefault(key, set()).add(cluster.index)

    def lookup(self, form: NameForm, clusters: list[Cluster]) -> list[Cluster]:
        found: set[int] = set()
        for word in form.words:
            for key in _index_keys(word.lower()):
                found |= self.by_key.get(key, set())
        return [clusters[index] for index in sorted(found)]


def _index_keys(word: str) -> set[str]:
    keys = {word, "prefix:" + word[:3]}
    keys.update("family:" + full for full in short_to_full().get(word, ()))
    if word in DIMINUTIVES:
        keys.add("family:" + word)
    return keys


def resolve_mentions(keys: list[str], clustering: Clustering) -> list[int | None]:
    """The cluster of each mention (given by its form's full key, in text order). A bare
    given name that one candidate wears in more than :data:`RARE_FULL_NAME` full names
    is not another's who wears it in at most that many: Miss Bates, once "Miss Jane
    Bates" (her sister's name), does not take Jane Fairfax's bare "Jane"."""
    clusters = clustering.clusters
    options = [clustering.candidates.get(key, []) for key in keys]
    for position, (key, candidates) in enumerate(zip(keys, options, strict=True)):
        if len(candidates) > 1 and " " not in key:
            worn = [c for c in candidates if clusters[c].given_counts[key] > RARE_FULL_NAME]
            if worn and len(worn) < len(candidates):
                options[position] = worn
    return resolve_by_context(options, [cluster.count for cluster in clusters])


def resolve_by_context(options: list[list[int]], counts: list[int]) -> list[int | None]:
    """For each mention (in text order) one of its candidate clusters: the only one, else
    the one named unambiguously most recently (within :data:`CONTEXT_WINDOW` mentions)
    among those named at least a :data:`RARE_RECENT`-th as often as the most named, else
    the one among those named unambiguously next (a bare "Mr. Cavendish" that opens a
    scene before "John Cavendish" is named in it), else the most frequent. Ambiguous
    mentions do not count as recent: a run of bare "Archer"s must not feed on its own
    first guess."""
    resolved: list[int | None] = []
    last_seen: dict[int, int] = {}
    upcoming: dict[int, list[int]] = {}  # positions of each cluster's unambiguous mentions
    for position, candidates in enumerate(options):
        if len(candidates) == 1:
            upcoming.setdefault(candidates[0], []).append(position)
    for position, candidates in enumerate(options):
        choice = None
        if len(candidates) == 1:
            choice = candidates[0]
        elif candidates:
            most = max(counts[c] for c in candidates)
            named = [c for c in candidates if RARE_RECENT * counts[c] >= most]
            recent = [(last_seen[c], c) for c in named
                      if c in last_seen and position - last_seen[c] <= CONTEXT_WINDOW]
            if not recent:
                for c in named:
                    later = upcoming.get(c, [])
                    at = bisect.bisect_right(later, position)
                    if at < len(later) and later[at] - position <= CONTEXT_WINDOW:
                        recent.append((-later[at], c))
            choice = max(recent)[1] if recent else max(candidates,
                                                       key=lambda c: (counts[c], -c))
        if len(candidates) == 1:
            last_seen[candidates[0]] = position
        resolved.append(choice)
    return resolved


def related_given_names(first: str, second: str) -> bool:
    """Two given names that can be the same person's ("Lizzy" and "Eliza")."""
    a, b = first.lower(), second.lower()
    if a == b or is_diminutive(a, b) or is_diminutive(b, a):
        return True
    return bool(short_to_full().get(a, frozenset()) & short_to_full().get(b, frozenset()))
