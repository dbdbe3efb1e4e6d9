"""Word lists for speech tags, action beats and vocatives (lemmas, lower case)."""

from __future__ import annotations

#: Verbs that report speech (or a sound made while speaking), by lemma.
SPEECH_VERBS = frozenset("""
say ask reply answer respond retort rejoin return add continue begin resume repeat echo
remark observe declare announce state mention note comment explain reason argue insist
protest object agree admit confess concede acknowledge allow grant suggest propose offer
promise warn caution threaten demand command order instruct direct beg plead implore
entreat urge beseech pray inquire enquire query question wonder interrupt interject
interpose chime correct counter tease joke jest quip muse recall remind reassure assure
soothe console comfort encourage prompt press persist prod taunt mock jeer scoff sneer
scold chide reprimand rebuke admonish reproach lecture nag complain grumble grouse whine
whimper moan groan sigh sob wail weep cry shout yell scream shriek screech squeal squeak
yelp howl holler bellow roar thunder boom bark snap snarl growl hiss spit rasp croak
croon purr coo sing chirp trill warble lilt hum drawl drone murmur mutter mumble whisper
breathe gasp pant wheeze choke splutter sputter stammer stutter lisp slur blurt babble
chatter prattle gush rave rant laugh chuckle giggle titter snicker snigger cackle
chortle guffaw snort sniff sniffle huff grunt exclaim call speak talk tell utter voice
intone chant recite read pronounce proclaim affirm assert aver avow vow swear curse
greet hail welcome thank apologize apologise finish conclude trail venture volunteer
hazard supply offer inform advise counsel confide concur acquiesce relent summarize
interrupt urge mouth exhale squawk bleat bray yap yammer pipe rumble grate grind
smirk simper sing-song singsong demur dissent cajole coax wheedle plead flirt tut think
""".split())

#: A verb and the particle right after it that together report speech, by the verb's
#: lemma: (particle, the speech verb they mean). "went on", "put in", "broke in".
PHRASAL_SPEECH: dict[str, tuple[str, str]] = {
    "go": ("on", "continue"), "put": ("in", "interject"), "break": ("in", "interrupt"),
    "cut": ("in", "interrupt"), "strike": ("in", "interrupt"), "burst": ("out", "exclaim"),
    "speak": ("up", "speak"),
}

#: Verbs of a short action beat that fan fiction often uses as a tag
#: ("Hey," Xander grinned.). Only read as a tag when joined to the quote by a comma.
BEAT_VERBS = frozenset("""
smile grin smirk beam nod shrug look glance frown wink pout scowl grimace blush flush
roll raise tilt cock lean turn shake sniff huff snort laugh giggle chuckle sigh
""".split())

#: Verbs of thought and perception, whose subjects in the narration show whose eyes
#: the story looks through ("Anne felt", "she wondered").
COGNITION_VERBS = frozenset("""
think feel wonder know see hear remember wish hope fear believe suppose realize realise
notice perceive reflect consider imagine doubt understand recollect long resolve
""".split())

#: Verbs whose direct object is the person spoken to ("she told Harry").
ADDRESS_OBJECT_VERBS = frozenset("""
tell ask answer assure reassure inform advise warn remind beg implore entreat urge
question thank greet hail address command order instruct scold chide reprimand rebuke
admonish tease taunt mock interrupt console comfort soothe correct caution
""".split())

#: Parts of a person that stand for them as the subject of a beat or tag ("Dallas's hand
#: came down on his shoulder", "her voice shook"): the possessor is the actor.
BODY_WORDS = frozenset("""
hand hands arm arms eye eyes face voice lips lip mouth head gaze glance smile grin
expression brow brows eyebrow eyebrows tone jaw chin cheeks cheek heart fingers finger
shoulders shoulder features look laugh
""".split())

#: Nouns naming what was said, whose possessor is the speaker ('"No." was his reply').
SPEECH_NOUNS = frozenset("""
answer reply remark comment exclamation retort rejoinder response question cry observation
greeting words whisper query inquiry enquiry word
""".split())
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
THIRD_PERSON = frozenset({"he", "she", "him", "her", "they", "them"})
#: Words that may stand before a vocative inside a quote ("Now Buffy,", "Oh, Anne!").
VOCATIVE_OPENERS = frozenset("""
now oh o well dear my yes no ah hey hi hello look listen come please thank thanks good
goodbye morning evening night why but and so really indeed sir madam
""".split())
MALE_TITLES = frozenset("""
mr sir lord rev reverend father uncle brother monsieur herr signor don captain colonel
general major lieutenant sergeant count duke prince king baron mister master
""".split())
FEMALE_TITLES = frozenset("""
mrs miss ms lady madam madame mme mademoiselle mlle aunt mother sister frau signora
donna duchess princess queen baroness countess mistress dame
""".split())

#: Irregular past forms of speech verbs (regular ones are derived by :func:`speech_lemma`).
IRREGULAR_FORMS = {
    "said": "say", "says": "say", "told": "tell", "spoke": "speak", "spoken": "speak",
    "began": "begin", "begun": "begin", "sang": "sing", "swore": "swear", "sworn": "swear",
    "spat": "spit", "read": "read", "thought": "think", "went": "go", "cried": "cry",
}


def speech_lemma(word: str) -> str | None:
    """The speech verb a word form belongs to ("replied" -> "reply"), or None.

    For tokens whose lemma the parser got wrong, typically because a dash or a quote
    mark stuck to them ("said--", "began--").
    """
    word = word.lower()
    if word in SPEECH_VERBS:
        return word
    if word in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[word]
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"),
                                ("d", ""), ("s", ""), ("es", ""), ("ing", ""),
                                ("ing", "e")):
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)] + replacement
            if stem in SPEECH_VERBS:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in SPEECH_VERBS:
                return stem[:-1]
    return None
