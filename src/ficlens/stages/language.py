"""Language stage: refuse stories that are not in English.

A cheap check on a sample of the text: letters that are not Latin script, and the
share of words that are common English function words.
"""

from __future__ import annotations

import re

from ficlens.errors import NotEnglishError
from ficlens.model import Document

FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at by for with from as is was were be been are am "
    "i you he she it we they me him her us them my your his its our their this that "
    "not no what who so if then there here do did have had has will would can could "
    "said into up out all one just like when".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 20000
MIN_WORDS_TO_JUDGE = 30
MIN_FUNCTION_SHARE = 0.12
MAX_NON_LATIN_SHARE = 0.3


def english_score(text: str) -> tuple[float, float]:
    """(share of non-Latin letters, share of English function words) in a sample."""
    sample = _sample(text)
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return 0.0, 0.0
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F) / len(letters)
    words = [word.lower() for word in _WORD.findall(sample)]
    if not words:
        return non_latin, 0.0
    function_share = sum(1 for word in words if word in FUNCTION_WORDS) / len(words)
    return non_latin, function_share


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    middle = len(text) // 2
    return text[:third] + text[middle:middle + third] + text[-third:]


def is_english(text: str) -> bool:
    non_latin, function_share = english_score(text)
    if non_latin > MAX_NON_LATIN_SHARE:
        return False
    if len(_WORD.findall(_sample(text))) < MIN_WORDS_TO_JUDGE:
        return True  # too short to judge: let it through
    return function_share >= MIN_FUNCTION_SHARE


def run(doc: Document) -> Document:
    if not is_english(doc.text):
        declared = doc.metadata.language
        detail = f" (declared language: {declared})" if declared else ""
        raise NotEnglishError(f"the story does not look like English text{detail}; "
                              "ficlens analyses English fiction only")
    return doc
