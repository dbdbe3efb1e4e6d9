"""ficlens: read fiction as data: characters, dialogue, speakers, addressees, networks."""

from __future__ import annotations

import logging

from ficlens.api import analyze_document, analyze_path, analyze_text, read_path
from ficlens.errors import FicLensError
from ficlens.model import Document

__version__ = "0.1.0"

__all__ = [
    "Document",
    "FicLensError",
    "__version__",
    "analyze_document",
    "analyze_path",
    "analyze_text",
    "read_path",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
