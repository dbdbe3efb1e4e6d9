"""Stage directions inside quotation marks.

Some authors put the narrator's words in parentheses inside a speech ("Indeed!
(in a tone of wonder) I had no idea…"); a reader takes the parenthesis as
narration, so the speech is cut there into parts of one utterance. A parenthesis is
a stage direction when it reads like one: a participle ("smiling", "turning to
Emma"), "with a sigh", "in a low tone", "to Mrs. Bates", or an audience's reaction
("laughter", "cheers"). The speaker's own asides ("as you know") stay in the speech.
"""

from __future__ import annotations

import re

_PARENTHESIS = re.compile(r"\(([^()]{1,160})\)")
_NOT_PARTICIPLES = frozenset(
    "nothing something anything everything morning evening being thing during "
    "according king ring string wing spring bring sing sting".split())
_WITH_FOLLOWERS = frozenset("a an his her their some great much".split())
_REACTIONS = frozenset("laughter cheers cheering applause hear sensation".split())


def is_stage_direction(inside: str) -> bool:
    words = [word.strip(",.;:!?-_").lower() for word in inside.split()]
    words = [word for word in words if word]
    if not words:
        return False
    first = words[0]
    if first.endswith("ing") and len(first) > 5 and first not in _NOT_PARTICIPLES:
        return True
    if first == "with" and len(words) > 1 and words[1] in _WITH_FOLLOWERS:
        return True
    if first == "in" and len(words) > 2 and words[1] in ("a", "an") and \
            words[-1] in ("tone", "voice", "whisper", "accent") or "tone" in words[:4]:
        return True
    if first == "to" and len(words) <= 4 and inside.split()[1][:1].isupper():
        return True
    return words[-1] in _REACTIONS or first in _REACTIONS


def speech_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut around the stage directions it holds (untrimmed parts)."""
    parts: list[tuple[int, int]] = []
    position = start
    for match in _PARENTHESIS.finditer(text, start, end):
        if is_stage_direction(match.group(1)):
            parts.append((position, match.start()))
            position = match.end()
    parts.append((position, end))
    return parts
