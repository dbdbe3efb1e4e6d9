"""Person-mention tagging on a spaCy ``Doc`` (called by the parse stage, block by block).

Returns one code per token: 0 outside a person mention, 1 at its first token, 2 inside.
Mentions are proper names with any title before them ("Buffy", "Mr. Giles"). The
tagger is ficlens's own, trained on LitBank (:mod:`ficlens.ner`); when its weights
are missing, spaCy's PERSON entities are used instead (and a warning is logged once).
"""

from __future__ import annotations

import numpy as np

from ficlens.ner.model import BEGIN, INSIDE, OUTSIDE, get_tagger

__all__ = ["BEGIN", "INSIDE", "OUTSIDE", "person_tags", "spacy_person_tags"]


def person_tags(spacy_doc) -> np.ndarray:
    tagger = get_tagger()
    if tagger is None:
        return spacy_person_tags(spacy_doc)
    return tagger.tag(spacy_doc)


def spacy_person_tags(spacy_doc) -> np.ndarray:
    """The fallback: spaCy's PERSON entities as BIO codes."""
    tags = np.zeros(len(spacy_doc), dtype=np.int8)
    for ent in spacy_doc.ents:
        if ent.label_ == "PERSON":
            tags[ent.start] = BEGIN
            tags[ent.start + 1:ent.end] = INSIDE
    return tags
