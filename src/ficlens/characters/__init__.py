"""The pieces behind the ``characters`` and ``coref`` stages.

* :mod:`~ficlens.characters.context`: per-token facts both stages share (quotes,
  sentences, paragraphs, headings, sentence starts);
* :mod:`~ficlens.characters.names`, :mod:`~ficlens.characters.nicknames`: names as
  titles + words, their keys, and diminutives ("Meg" for "Margaret");
* :mod:`~ficlens.characters.occurrences`: runs of capitalised name words in the text;
* :mod:`~ficlens.characters.evidence`: which of them are people, on evidence pooled
  over the whole work;
* :mod:`~ficlens.characters.clustering`: the names of one person grouped into a
  character, namesakes kept apart, ambiguous short forms resolved by context;
* :mod:`~ficlens.characters.descriptions`: unnamed characters who speak ("said the
  mariner");
* :mod:`~ficlens.characters.roles`: "the doctor" for the character styled "Doctor
  Losberne", once named;
* :mod:`~ficlens.characters.inventory`, :mod:`~ficlens.characters.linking`: a user's
  character list or AO3 tags, and linking mentions to a fixed list;
* :mod:`~ficlens.characters.gender`: gender from titles and pronouns only;
* :mod:`~ficlens.characters.pronouns`, :mod:`~ficlens.characters.nominals`,
  :mod:`~ficlens.characters.narrator`: pronouns, "the old woman" and a first-person
  narrator resolved to characters.
"""
