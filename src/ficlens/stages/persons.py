"""Person-mention tagging on a spaCy ``Doc`` (called by the parse stage, block by block).

Returns one code per token: 0 outside a person mention, 1 at its first token, 2 inside.
This first version reads spaCy's PERSON entities.
"""

from __future__ import annotations

import numpy as np

OUTSIDE, BEGIN, INSIDE = 0, 1, 2


def person_tags(spacy_doc) -> np.ndarray:
    tags = np.zeros(len(spacy_doc), dtype=np.int8)
    for ent in spacy_doc.ents:
        if ent.label_ == "PERSON":
            tags[ent.start] = BEGIN
            tags[ent.start + 1:ent.end] = INSIDE
    return tags
