"""Diminutives and pet forms of English given names ("Meg" for "Margaret").

:data:`DIMINUTIVES` is a hand-written table of forms that cannot be guessed from
spelling; :func:`is_diminutive` adds a prefix rule for the many that can ("Dru" for
"Drusilla", "Toby" for "Tobias", "Hallie" for "Halfrek"): a short form, less its pet
ending ("-ie", "-y") and a doubled last letter, that begins the full name.
"""

from __future__ import annotations

from functools import lru_cache

#: Full given name -> its usual short and pet forms (lower case).
DIMINUTIVES: dict[str, tuple[str, ...]] = {
    name: tuple(forms.split()) for name, forms in {
        "abigail": "abby abbie nabby gail",
        "albert": "al bert bertie",
        "alexander": "alex alec sandy xander lex",
        "alexandra": "alex sandra sandy lexie",
        "alfred": "alf alfie fred freddy",
        "alice": "allie elsie",
        "andrew": "andy drew",
        "anne": "annie nan nancy nanny nance",
        "ann": "annie nan nancy nanny nance",
        "anna": "annie nan nancy",
        "anthony": "tony",
        "antonia": "toni tonia",
        "arabella": "bella belle",
        "archibald": "archie",
        "arthur": "art artie",
        "augusta": "gussie",
        "augustus": "gus gussie",
        "barbara": "babs barb bab",
        "bartholomew": "bart",
        "benjamin": "ben benny benjy",
        "bernard": "bernie barney",
        "bridget": "biddy bridie",
        "caroline": "carrie caro lina",
        "catherine": "kate kitty cathy katy kit",
        "katherine": "kate kitty kathy katy kit",
        "charles": "charlie charley chuck chas",
        "charlotte": "lottie lotty charlie",
        "christopher": "chris kit",
        "christina": "chris tina",
        "christine": "chris tina",
        "clarissa": "clara",
        "cornelius": "neil",
        "daniel": "dan danny",
        "deborah": "deb debbie",
        "dorothy": "dolly dot dottie dora",
        "edward": "ed eddie ned ted teddy",
        "edmund": "ed ned",
        "eleanor": "ellie nell nellie nora",
        "elinor": "ellie nell",
        "elizabeth": "eliza liz lizzy lizzie beth betsy betty bess bessie lisa libby",
        "ellen": "nell nellie",
        "emily": "em emmy",
        "emma": "em emmy",
        "euphemia": "effie",
        "frances": "fanny fan frankie",
        "francis": "frank frankie",
        "frederick": "fred freddy freddie fritz",
        "gabriel": "gabe",
        "geoffrey": "geoff jeff",
        "george": "georgie geordie",
        "georgiana": "georgie",
        "gertrude": "gertie trudy",
        "gregory": "greg",
        "harold": "harry hal",
        "helen": "nell nellie",
        "henrietta": "etta hetty",
        "henry": "harry hal hank",
        "isabella": "bella isa",
        "isabel": "bel belle",
        "jacob": "jake",
        "james": "jim jimmy jem jamie",
        "jane": "jenny jinny janey",
        "jennifer": "jen jenny",
        "joanna": "jo",
        "john": "jack johnny jock",
        "jonathan": "jon jonny",
        "joseph": "joe joey",
        "josephine": "jo josie",
        "judith": "judy",
        "julia": "julie",
        "laurence": "larry laurie",
        "lawrence": "larry laurie",
        "leonard": "len lenny leo",
        "louisa": "lou lulu",
        "louise": "lou lulu",
        "lucinda": "lucy cindy",
        "magdalene": "maggie magda",
        "margaret": "meg maggie peggy madge marge margie daisy greta molly",
        "marianne": "marian",
        "martha": "patty mattie",
        "mary": "molly polly mae mamie",
        "matilda": "tilly tilda",
        "matthew": "matt",
        "michael": "mike mick mickey",
        "nathaniel": "nat nate",
        "nicholas": "nick nicky",
        "patrick": "pat paddy",
        "patricia": "pat patty trish",
        "penelope": "penny",
        "peter": "pete",
        "philip": "phil pip",
        "rebecca": "becky becca",
        "richard": "dick rick ricky rich dickon",
        "robert": "bob bobby rob robin bert",
        "ronald": "ron ronnie",
        "rosamond": "rosy",
        "samuel": "sam sammy",
        "sarah": "sally sadie",
        "sophia": "sophie sophy",
        "stephen": "steve",
        "susan": "sue susie sukey",
        "susanna": "sue susie sukey",
        "theodore": "ted teddy theo",
        "theresa": "tess tessa terry",
        "thomas": "tom tommy",
        "timothy": "tim timmy",
        "tobias": "toby",
        "victoria": "vicky tory",
        "walter": "walt wat",
        "william": "will willy willie bill billy",
        "winifred": "winnie freda",
    }.items()
}

_SUFFIXES = ("ie", "ey", "y", "o")
MIN_STEM = 3
#: The prefix rule is for short forms: at most this long, and not a full name of the
#: table themselves ("Mary" is not short for "Margaret").
MAX_SHORT = 6


@lru_cache(maxsize=1)
def short_to_full() -> dict[str, frozenset[str]]:
    """Short form -> the full names it can stand for."""
    index: dict[str, set[str]] = {}
    for full, forms in DIMINUTIVES.items():
        for form in forms:
            index.setdefault(form, set()).add(full)
    return {form: frozenset(fulls) for form, fulls in index.items()}


def stems(short: str) -> set[str]:
    """Possible stems of a short form: "Hallie" -> {"hallie", "hall", "hal"}."""
    word = short.lower()
    found = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            stem = word[: -len(suffix)]
            found.add(stem)
            if len(stem) > MIN_STEM and stem[-1] == stem[-2]:
                found.add(stem[:-1])
    return {stem for stem in found if len(stem) >= MIN_STEM}


def is_diminutive(short: str, full: str) -> bool:
    """Whether ``short`` is a known or spelled-out short form of the given name ``full``."""
    short_l, full_l = short.lower(), full.lower()
    if short_l == full_l or len(short_l) >= len(full_l):
        return False
    if full_l in short_to_full().get(short_l, ()):
        return True
    if len(short_l) > MAX_SHORT or short_l in DIMINUTIVES:
        return False
    return any(full_l.startswith(stem) and len(full_l) >= len(stem) + 2
               for stem in stems(short_l))
