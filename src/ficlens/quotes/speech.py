"""Speech or mention: a quoted title, term or scare-quoted word is not dialogue.

A reader tells them apart by where the marks stand and what they hold. Speech
starts a paragraph, follows punctuation ("she said, "…"), or follows a word of
saying ("cried "Help!""); a mention sits inside a running sentence ("the "new
people" whom…", "a copy of "The Marble Faun"") and holds a word or a title rather
than a sentence. Only quotations whose opening mark follows a word are judged;
those are kept when they read like an utterance.
"""

from __future__ import annotations

import re

from ficlens.model import Paragraph
from ficlens.quotes.marks import ALL_MARKS
from ficlens.quotes.scanner import RawQuote

# Words after which a quotation in mid-sentence is speech ('shouting "Stop thief!"').
SPEECH_WORDS = frozenset(
    "say says said saying cry cries cried crying call calls called calling answer answers "
    "answered answering reply replies replied replying shout shouts shouted shouting "
    "exclaim exclaims exclaimed exclaiming whisper whispers whispered whispering murmur "
    "murmurs murmured murmuring mutter mutters muttered muttering ask asks asked asking "
    "add adds added adding announce announces announced announcing return returned "
    "continue continued repeat repeated began begin begins yell yelled scream screamed "
    "shriek shrieked roar roared sob sobbed gasp gasped groan groaned moan moaned sigh "
    "sighed laugh laughed snap snapped hiss hissed growl growled bark barked sing sang "
    "sung singing ejaculate ejaculated ejaculating exclamation exclamations cries shouts "
    "tell told telling write wrote written writing think thought thinking utter uttered "
    "declare declared insist insisted interrupt interrupted rejoin rejoined retort retorted "
    "demand demanded inquire inquired enquire enquired observe observed remark remarked "
    "respond responded go goes went like with".split())
# Words of saying that, right before a quotation, name a thing ("what they called
# "the girl's room""); "called out "Help!"" has "out" before its quotation instead.
NAMING_WORDS = frozenset("call calls called calling term termed".split())
# Little words that stay lower case in a title ("The Hare and Many Friends").
TITLE_SMALL_WORDS = frozenset("a an and as at by de for from in la le of on or the to".split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z]*$")
_SKIP_BEFORE = frozenset(ALL_MARKS + " \t\n")
# How far back to look for the word before a quotation.
LOOKBACK_CHARS = 40


def follows_word(text: str, mark_position: int, paragraph_start: int) -> bool:
    """Whether the opening mark at ``mark_position`` stands right after a word."""
    position = mark_position - 1
    while position >= paragraph_start and text[position] in _SKIP_BEFORE:
        position -= 1
    return position >= paragraph_start and text[position].isalnum()


def word_before(text: str, mark_position: int, paragraph_start: int) -> str:
    window = text[max(paragraph_start, mark_position - LOOKBACK_CHARS):mark_position]
    match = _WORD_BEFORE.search(window)
    return match.group(1).lower() if match else ""


def is_title(words: list[str]) -> bool:
    """Every word capitalised except little ones ("Sense and Sensibility")."""
    letters = [word.strip("_*,.;:'\"") for word in words]
    letters = [word for word in letters if word]
    if not letters or not letters[0][0].isupper():
        return False
    return all(word[0].isupper() or word.lower() in TITLE_SMALL_WORDS for word in letters)


def reads_like_utterance(content: str) -> bool:
    """Whether quoted words read as something said rather than a term or a title."""
    stripped = content.strip().rstrip("-\u2014\u2013 _*")
    if not stripped:
        return False
    words = stripped.split()
    if stripped[-1] in "!?":
        return True
    if is_title(words):
        return False
    if stripped[0].isupper() and len(words) >= 2 and stripped[-1] in ".,;:\u2026":
        return True
    return len(words) >= 5


def is_mention(text: str, content_start: int, content_end: int, mark_position: int,
               paragraph_start: int) -> bool:
    """Whether the quotation ``text[content_start:content_end]`` opened at
    ``mark_position`` is a mention (title, term, scare quote) rather than speech."""
    if not follows_word(text, mark_position, paragraph_start):
        return False
    before = word_before(text, mark_position, paragraph_start)
    if before in SPEECH_WORDS and before not in NAMING_WORDS:
        return False
    return not reads_like_utterance(text[content_start:content_end])


def mentions(text: str, raw: list[RawQuote], paragraphs: list[Paragraph]) -> set[int]:
    """Indices of the quotations in ``raw`` that are mentions, not speech."""
    found: set[int] = set()
    for index, quote in enumerate(raw):
        if quote.nested_in is not None or quote.continues or quote.outer_start >= quote.start:
            continue
        if text[quote.outer_start] not in ALL_MARKS:
            continue
        paragraph_start = paragraphs[quote.paragraph].start
        if is_mention(text, quote.start, quote.end, quote.outer_start, paragraph_start):
            found.add(index)
    return found


def without(raw: list[RawQuote], dropped: set[int]) -> list[RawQuote]:
    """``raw`` less the quotations ``dropped`` and those nested in them, re-indexed."""
    if not dropped:
        return raw
    new_index: dict[int, int] = {}
    kept: list[RawQuote] = []
    for index, quote in enumerate(raw):
        if index in dropped or (quote.nested_in is not None and quote.nested_in in dropped):
            continue
        new_index[index] = len(kept)
        kept.append(quote)
    for quote in kept:
        if quote.nested_in is not None:
            quote.nested_in = new_index[quote.nested_in]
    return kept
