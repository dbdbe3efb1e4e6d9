"""Speaker attribution: deterministic sieves first, the learned ranker for the rest.

Order of decisions, each utterance keeping the first one that applies:

1. ``tag_name``: a speech verb joined to the quote (or between its parts) whose subject
   is a name of a character, or a speech noun its owner ('"Yes," was Fanny's answer');
   ``tag_description``: its subject is the description a character is known by
   ("said the mariner", for someone the story never names);
   ``tag_relation``: its subject names a parent or spouse of the possessor ("said her
   mother", :mod:`ficlens.attribution.relations`);
   ``tag_first_person``: its subject is "I", and the narrator is known;
   ``tag_pronoun_beat``: its subject is "he" or "she" and the sentence right before the
   quote, in its paragraph, has a character of that gender as subject ('Jane heard
   them with horror. "A gamester!" she cried.'); ``tag_pronoun_previous``: the same
   with the last sentence of the narration closing the paragraph before the quote's
   own (after that paragraph's own quote and tag, if any), when the quote opens its
   paragraph ('Japp looked at Poirot.' / '"Hold your fire," he remarked'). Other tags
   with a pronoun or a
   description as subject are left to the ranker, which weighs the coreference
   stage's answer against gender, recency and turn-taking.
   ``beat_joined`` / ``beat_before`` / ``beat_after``: with no speech tag, a clause
   joined to the quote ('"Hey," Xander grinned.'), else the sentence of the same
   paragraph right before (else right after) the quote, has a character's name as
   the subject of its verb (an action beat: 'Xander grinned. "Hey."');
   ``beat_first_person``: no name there, but "I" is that subject and the narrator is
   known ('I shook my head. "No."'); ``beat_pronoun_previous``: the beat's subject is
   "he" or "she" and the narration closing the paragraph before ends with a sentence
   whose subject is a character of that gender ('Anne sighed.' / '"No." She sat
   down.'); ``tag_name_previous``: no beat at all, and that sentence has a speech verb
   that introduces rather than reports ('Mr. Collins began.' / '"Believe me..."').
   Then, once every tag has been read, ``tag_continues``: a quote tagged "she added",
   "he went on" in the paragraph of the utterance before it, whose speaker is known
   and of that gender, is theirs; and ``self_named``: a quote still undecided in which
   the speaker names themself ("I am Riversong K'Vala.",
   :mod:`ficlens.attribution.introductions`).
2. ``continuation``: a paragraph that carries on a quotation left open in the paragraph
   before keeps that quotation's speaker.
3. ``turns``: in a run of dialogue whose tagged turns alternate between two speakers,
   the untagged turns follow the alternation (:mod:`ficlens.attribution.turns`), except
   a turn that addresses its would-be speaker by name or whose pronoun tag rules them out.
4. ``ranker``: the learned ranker over candidate characters (features in
   :mod:`ficlens.attribution.features`), decided easy-first so that turn-taking
   features see the speakers already chosen (:mod:`ficlens.attribution.decode`),
   then run by run as one sequence (:mod:`ficlens.attribution.sequence`).

Every decision's confidence is the precision measured for its sieve on LitBank, or
the ranker's calibrated probability.
"""

from __future__ import annotations

import logging
from collections import Counter

from ficlens.attribution import turns
from ficlens.attribution.addressees import assign_addressees, same_exchange, vocatives
from ficlens.attribution.context import Context, Utterance
from ficlens.attribution.decode import Observer, decide, decode
from ficlens.attribution.features import Evidence, FeatureBuilder, gender_contradicts
from ficlens.attribution.introductions import self_named
from ficlens.attribution.lexicon import FEMALE_TITLES, FIRST_PERSON, MALE_TITLES
from ficlens.attribution.ranker import Ranker
from ficlens.attribution.relations import Families
from ficlens.attribution.subjects import leading_word
from ficlens.attribution.tags import Tag, TagReader
from ficlens.attribution.witness import find_witness
from ficlens.characters.nominals import PERSON_NOUNS
from ficlens.model import Character, Document

logger = logging.getLogger(__name__)

#: What may stand between a quote's end and the narration after it.
_CLOSE_QUOTE = " \n\t\"'\u201d\u2019,.!?"
PRONOUN_GENDER = {"he": "he/him", "him": "he/him", "his": "he/him", "she": "she/her",
                  "her": "she/her"}
#: Share of narration tokens that are first-person pronouns above which a narrator exists.
FIRST_PERSON_SHARE = 0.012



def attribute(doc: Document, ranker: Ranker, observer: Observer | None = None) -> Context:
    """Decide speaker, confidence, type and addressees of every utterance of ``doc``."""
    context = Context(doc)
    reader = TagReader(context)
    families = Families(doc.characters)
    evidence = [collect_evidence(context, reader, u, families) for u in context.utterances]
    narrator = find_narrator(context, evidence)
    genders = {c.id: character_gender(c) for c in doc.characters}
    for utterance, found in zip(context.utterances, evidence, strict=True):
        apply_tag_sieve(utterance, found, narrator, ranker, genders)
    for utterance, found in zip(context.utterances, evidence, strict=True):
        apply_continuing_sieve(context, reader, utterance, found, ranker, genders)
        apply_self_naming_sieve(context, utterance, found, ranker, genders)
    anchored = {u.index for u in context.utterances if u.sieve}

    def fits(utterance: Utterance, speaker: str) -> bool:
        found = evidence[utterance.index]
        return speaker not in found.vocatives and not gender_contradicts(
            found.tag_pronoun, genders.get(speaker))

    turns.apply(context, anchored, ranker.confidence("turns"), fits)
    builder = FeatureBuilder(context, evidence, narrator, genders,
                             turns.turn_anchors(context, anchored))
    decode(builder, ranker, observer)
    for utterance, found in zip(context.utterances, evidence, strict=True):
        utterance.kind = quote_type(found)
    context.evidence, context.features = evidence, builder
    thoughts = {i for i, e in enumerate(evidence) if _thought(reader, e.tags)}
    assign_addressees(context, {i: e.vocatives for i, e in enumerate(evidence)},
                      {i: _tag_addressees(e.tags) for i, e in enumerate(evidence)}, thoughts,
                      find_witness(context, narrator))
    return context


def apply_self_naming_sieve(context: Context, utterance: Utterance, evidence: Evidence,
                            ranker: Ranker, genders: dict[str, str | None]) -> None:
    """``self_named``: a quote no tag decided in which the speaker names themself ('"Let
    us begin again. I am Riversong K'Vala."'), unless its tag's pronoun rules them out."""
    if utterance.sieve is not None:
        return
    speaker = self_named(context, utterance)
    if speaker is not None and not gender_contradicts(evidence.tag_pronoun,
                                                      genders.get(speaker)):
        decide(utterance, speaker, "self_named", ranker.confidence("self_named"))


#: Speech verbs that carry on a speech ("she added", "he went on").
CONTINUING = frozenset(("add", "continue", "resume", "repeat", "pursue", "persist"))


def apply_continuing_sieve(context: Context, reader: TagReader, utterance: Utterance,
                           evidence: Evidence, ranker: Ranker,
                           genders: dict[str, str | None]) -> None:
    """``tag_continues``: a quote tagged "he added", "she went on" in the paragraph of
    the utterance before it carries on that utterance's speech, when its speaker is
    known and of the pronoun's gender ('"Yes," said Anne. Then, aside to Marilla, she
    added: "..."'). Across paragraphs the pronoun is as often the other speaker's."""
    if utterance.sieve is not None or utterance.index == 0:
        return
    previous = context.utterances[utterance.index - 1]
    tag = speech_tag(evidence.tags)
    if (previous.speaker is None or previous.paragraph != utterance.paragraph
            or tag is None or tag.subject_kind != "pronoun" or tag.verb_row is None):
        return
    if reader.lemma(tag.verb_row) in CONTINUING and (
            genders.get(previous.speaker) == evidence.tag_pronoun):
        decide(utterance, previous.speaker, "tag_continues", ranker.confidence("tag_continues"))


def character_gender(character: Character) -> str | None:
    """Gender from titles in the character's names ("Mrs. Weston", "Uncle Arthur"),
    which outrank the coreference stage's count of pronouns."""
    votes = Counter()
    for name in {character.name, *character.aliases}:
        for word in name.lower().replace(".", " ").split():
            if word in MALE_TITLES:
                votes["he/him"] += 1
            elif word in FEMALE_TITLES:
                votes["she/her"] += 1
    if len(votes) == 1:
        return next(iter(votes))
    return character.gender


def collect_evidence(context: Context, reader: TagReader, utterance: Utterance,
                     families: Families) -> Evidence:
    tags = reader.tags(utterance)
    voc = vocatives(context, utterance)
    inside = [m.character for part in utterance.parts
              for m in context.mentions_between(part.start, part.end)
              if m.character and m.kind == "name"]
    pronoun = None
    tag = speech_tag(tags)
    if tag is None and action_beat(tags) is None:
        tag = pronoun_beat(tags, context.doc.text)  # '"No," he shrugged.'
    if tag is not None and tag.subject_kind in ("pronoun", "nominal") and (
            tag.verb_row is not None):
        pronoun = _subject_gender(context, tag)
    relative = families.relative(context, tag) if tag is not None and tag.speech else None
    return Evidence(tags, voc, list(dict.fromkeys(inside)), pronoun, relative=relative)


def _subject_gender(context: Context, tag: Tag) -> str | None:
    """The gender a tag's subject states: its pronoun's, or the head noun's of a
    description ("said the old lady")."""
    if tag.mention is not None:
        words = context.doc.text[tag.mention.start:tag.mention.end].lower().split()
        return _word_gender(words[-1]) if words else None
    if tag.subject_row is None:
        return None
    row, tokens = tag.subject_row, context.tokens
    # "he" of a token "he--"
    word = leading_word(context.doc.text, int(tokens.start[row]), int(tokens.end[row]))
    return _word_gender(word.lower())


def _word_gender(word: str) -> str | None:
    return PRONOUN_GENDER.get(word) or PERSON_NOUNS.get(word)


def speech_tag(tags: list[Tag]) -> Tag | None:
    """The tag that names the speaker: a speech verb joined to the quote, one whose
    subject is a person first ('Mrs. Archer had once said: "..." and though the
    phrase was a daring one, its truth was admitted': not "its truth")."""
    found = [tag for tag in tags if tag.speech and (tag.joined or tag.position == "between")]
    if len(found) > 1 and found[0].position == "after" and _impersonal(found[0]):
        return next((tag for tag in found[1:] if not _impersonal(tag)), found[0])
    return found[0] if found else None


def _impersonal(tag: Tag) -> bool:
    return tag.mention is None and tag.subject_kind not in ("pronoun", "first_person")


def apply_tag_sieve(utterance: Utterance, evidence: Evidence, narrator: str | None,
                    ranker: Ranker, genders: dict[str, str | None]) -> None:
    tag = speech_tag(evidence.tags)
    if tag is None:
        beat = action_beat(evidence.tags)
        if beat is not None and beat.character not in evidence.vocatives:
            sieve = "beat_joined" if beat.joined else f"beat_{beat.position}"
            decide(utterance, beat.character, sieve, ranker.confidence(sieve))
        elif beat is None and narrator and narrator_beat(evidence.tags):
            decide(utterance, narrator, "beat_first_person",
                   ranker.confidence("beat_first_person"))
        elif beat is None:
            _apply_previous_sieves(utterance, evidence, ranker, genders)
        return
    if tag.character and tag.subject_kind == "name" and tag.character not in evidence.vocatives:
        sieve = "tag_description" if tag.mention is not None and (
            tag.mention.kind != "name") else "tag_name"
        decide(utterance, tag.character, sieve, ranker.confidence(sieve))
    elif evidence.relative is not None and evidence.relative not in evidence.vocatives:
        decide(utterance, evidence.relative, "tag_relation", ranker.confidence("tag_relation"))
    elif tag.subject_kind == "first_person" and (narrator or tag.character):
        decide(utterance, narrator or tag.character, "tag_first_person",
               ranker.confidence("tag_first_person"))
    elif tag.subject_kind == "pronoun" and evidence.tag_pronoun:
        # 'Jane heard them with horror. "A gamester!" she cried.', or the sentence ends
        # the narration paragraph before: 'Japp looked at Poirot.' / '"Hold on," he said.'
        for position, sieve in (("before", "tag_pronoun_beat"),
                                ("previous", "tag_pronoun_previous")):
            beat = _beat(evidence.tags, False, position)
            if beat is not None:
                if _the_pronouns(beat.character, evidence, genders):
                    decide(utterance, beat.character, sieve, ranker.confidence(sieve))
                return


def _apply_previous_sieves(utterance: Utterance, evidence: Evidence, ranker: Ranker,
                           genders: dict[str, str | None]) -> None:
    """An utterance with no tag and no named beat that opens its paragraph after a
    narration paragraph whose last sentence has a named subject ('Mr. Collins began.',
    'Anne sighed.'): with a pronoun beat of that character's gender ('He sat down.'),
    ``beat_pronoun_previous``; with no beat and a speech verb there that does not
    report what was said itself, ``tag_name_previous``."""
    previous = _beat(evidence.tags, False, "previous")
    if previous is None:
        return
    if evidence.tag_pronoun:
        if _the_pronouns(previous.character, evidence, genders):
            decide(utterance, previous.character, "beat_pronoun_previous",
                   ranker.confidence("beat_pronoun_previous"))
    elif previous.speech and previous.character not in evidence.vocatives:
        decide(utterance, previous.character, "tag_name_previous",
               ranker.confidence("tag_name_previous"))


def _the_pronouns(character: str | None, evidence: Evidence,
                  genders: dict[str, str | None]) -> bool:
    """Whether ``character``, named as a subject near the quote, can be the "he" or
    "she" of its tag or beat: of that gender, and not addressed in the quote."""
    return character not in evidence.vocatives and genders.get(character) == (
        evidence.tag_pronoun)


#: Where an action beat is looked for, in order: joined to the quote, then the sentence
#: right before it, then the one right after.
BEAT_PLACES = ((True, None), (False, "before"), (False, "after"))


def action_beat(tags: list[Tag]) -> Tag | None:
    """A clause naming a character as the subject of a verb that is not a speech verb,
    joined to the quote ('"Hey," Xander grinned.'); else the sentence of the same
    paragraph right before or right after it, whatever its verb ('Xander grinned.
    "Hey."', 'Dolly interrupted him. "But..."')."""
    for joined, position in BEAT_PLACES:
        beat = _beat(tags, joined, position)
        if beat is not None:
            return beat
    return None


def narrator_beat(tags: list[Tag]) -> bool:
    """Whether "I" is the subject of an action beat in one of the places a name would
    have been ('I shook my head. "No."', '"No," I shrugged.')."""
    return any(_beat(tags, joined, position, "first_person") is not None
               for joined, position in BEAT_PLACES)


def pronoun_beat(tags: list[Tag], text: str) -> Tag | None:
    """An action beat in one of the places a name would have been whose subject is a
    pronoun ('"No," he shrugged.', 'She sat down. "No."'): it gives the speaker's
    gender, as a pronoun tag would. A parenthesis is the narrator's aside, not a beat
    ('"Yes, Beatrice." (Such a quaint name for his mother; she encouraged it.)')."""
    for joined, position in BEAT_PLACES:
        beat = _beat(tags, joined, position, "pronoun")
        aside = beat is not None and text[beat.start:beat.end].lstrip(_CLOSE_QUOTE)[:1] == "("
        if beat is not None and not aside:
            return beat
    return None


def _beat(tags: list[Tag], joined: bool, position: str | None,
          kind: str = "name") -> Tag | None:
    """The first clause, joined to the quote or not, at ``position`` (None: any) whose
    subject is of ``kind``: a character's name, or "I" (a joined one must not be a
    speech tag)."""
    for tag in tags:
        if (tag.joined == joined and position in (None, tag.position)
                and tag.subject_kind == kind and (kind != "name" or tag.character)
                and not (joined and tag.speech)):
            return tag
    return None


def quote_type(evidence: Evidence) -> str:
    """explicit (a name in the tag), anaphoric (a pronoun or description), implicit."""
    tag = speech_tag(evidence.tags)
    if tag is None:
        beat = action_beat(evidence.tags)
        tag = beat if beat is not None and beat.joined else None
    if tag is None or tag.subject_kind is None:
        return "implicit"
    return "explicit" if tag.subject_kind == "name" else "anaphoric"


def _thought(reader: TagReader, tags: list[Tag]) -> bool:
    """Whether the quote's tag is a verb of thinking ('"...," thought Alice')."""
    tag = speech_tag(tags)
    return tag is not None and tag.verb_row is not None and reader.lemma(tag.verb_row) == "think"


def _tag_addressees(tags: list[Tag]) -> list[str]:
    tag = speech_tag(tags)
    return list(tag.addressees) if tag is not None else []


def find_narrator(context: Context, evidence: list[Evidence]) -> str | None:
    """The first-person narrator's character, when the narration is in the first person."""
    if not _first_person_narration(context):
        return None
    votes: Counter[str] = Counter()
    for mention in context.mentions:
        if mention.character and mention.kind == "pronoun" and (
                context.doc.text[mention.start:mention.end].lower() in FIRST_PERSON):
            votes[mention.character] += 1
    if not votes:
        votes = _narrator_votes_from_vocatives(context, evidence)
    if not votes:
        return None
    character, count = votes.most_common(1)[0]
    return character if count >= 2 else None


def _first_person_narration(context: Context) -> bool:
    tokens = context.tokens
    if tokens is None or len(tokens) == 0:
        return False
    narration = first = 0
    step = max(1, len(tokens) // 20000)
    for row in range(0, len(tokens), step):
        if context.inside_quote(int(tokens.start[row])):
            continue
        narration += 1
        first += tokens.lower[row] in ("i", "me", "my", "myself")
    return narration > 0 and first / narration >= FIRST_PERSON_SHARE


def _narrator_votes_from_vocatives(context: Context, evidence: list[Evidence]) -> Counter[str]:
    """Names used to address the speaker of 'I said' quotes, in the turns next to them."""
    votes: Counter[str] = Counter()
    utterances = context.utterances
    for index, found in enumerate(evidence):
        tag = speech_tag(found.tags)
        if tag is None or tag.subject_kind != "first_person":
            continue
        for other in (index - 1, index + 1):
            if 0 <= other < len(utterances) and same_exchange(
                    context, *sorted((utterances[index], utterances[other]),
                                     key=lambda u: u.index)):
                votes.update(evidence[other].vocatives)
    return votes
