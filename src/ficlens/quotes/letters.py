"""Letters quoted in full are documents, not speech.

Novels often print a letter as quoted paragraphs: a salutation ("MY DEAR SIR," alone
in its paragraph, or "Dear Smith,--I have received yours…") and then paragraphs that
are nothing but quotation. A reader takes that as a letter being read, so the
salutation's quotation and the whole-paragraph quotations right after it are left
out of the speech. A salutation followed by a speech tag ("My dear," said he) is
speech and stays.
"""

from __future__ import annotations

import re

from ficlens.model import Paragraph
from ficlens.quotes.marks import ALL_MARKS
from ficlens.quotes.scanner import RawQuote

SALUTATION = re.compile(
    r"(?:my |MY )?(?:[Dd]ear(?:est)?|DEAR(?:EST)?|Sir|SIR|Madam|MADAM|Gentlemen|GENTLEMEN)"
    r"\b[^,\n.!?\"]{0,40},\s*(?P<dash>--|\u2014)?")
_EDGE = frozenset(ALL_MARKS + " \t\n")


def fills_paragraph(text: str, quote: RawQuote, paragraph: Paragraph) -> bool:
    """Whether only quotation marks and spaces surround the quotation in its paragraph."""
    before = text[paragraph.start:quote.start]
    after = text[quote.end:paragraph.end]
    return all(char in _EDGE for char in before) and all(char in _EDGE for char in after)


def opens_letter(text: str, quote: RawQuote, paragraph: Paragraph) -> bool:
    match = SALUTATION.match(text, quote.start, quote.end)
    if match is None or not fills_paragraph(text, quote, paragraph):
        return False
    return match.end() == quote.end or match.group("dash") is not None


def letter_quotes(text: str, raw: list[RawQuote], paragraphs: list[Paragraph]) -> set[int]:
    """Indices of the top-level quotations that make up quoted letters."""
    top = [index for index, quote in enumerate(raw) if quote.nested_in is None]
    letters: set[int] = set()
    position = 0
    while position < len(top):
        quote = raw[top[position]]
        if not opens_letter(text, quote, paragraphs[quote.paragraph]):
            position += 1
            continue
        letters.add(top[position])
        position += 1
        while position < len(top):
            following = raw[top[position]]
            previous = raw[top[position - 1]]
            if following.paragraph - previous.paragraph > 1 or not fills_paragraph(
                    text, following, paragraphs[following.paragraph]):
                break
            letters.add(top[position])
            position += 1
    return letters
