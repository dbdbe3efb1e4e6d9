"""Closed word lists shared by the gold-span definition, the features and the evaluation.

All entries are lower case. They are hand-written (no data copied from anywhere).
"""

from __future__ import annotations

# Words that precede a name and belong to the mention ("Mr. Sawyer", "Aunt Polly").
TITLES: frozenset[str] = frozenset("""
mr mr. mrs mrs. ms ms. miss missus mister master mistress madam madame mme mme. mlle mlle.
mademoiselle monsieur m. messrs messrs. sir dame lady lord dr dr. doctor prof prof.
professor rev rev. reverend st st. saint father mother brother sister aunt auntie aunty uncle
cousin grandma grandpa granny grandmother grandfather nana papa mama mamma
captain capt capt. colonel col col. general gen. major lieutenant lt lt. sergeant sgt sgt.
corporal private admiral commander commodore ensign officer agent detective inspector
constable sheriff deputy marshal chief judge justice senator governor president mayor
councilman chancellor ambassador sultan king queen prince princess emperor empress czar
tsar duke duchess earl count
countess baron baroness marquis marquess marchioness viscount viscountess squire farmer
parson vicar rector bishop cardinal pope abbot abbess friar deacon elder nurse coach
principal headmaster headmistress herr frau fräulein señor senor señora senora signor
signora signorina esq esq.
""".split())

# Words that open a common-noun phrase ("the boy", "his mother"): never a name.
DETERMINERS: frozenset[str] = frozenset("""
the a an this that these those his her their our your its my thy some no every each any
all most one both other another such what which whose many several few neither either
""".split())

# Epithets that may sit before a name without being part of it ("poor Jo", "old Matthew").
EPITHETS: frozenset[str] = frozenset("""
old young little poor dear dearest darling sweet good bad big
""".split())

# Lower-case particles allowed between capitalised name words ("Ludwig van Beethoven").
PARTICLES: frozenset[str] = frozenset("""
de van von der den du da di le la d' del della ten ter y bin ibn al
""".split())

# Capitalised words that LitBank marks as PER but that are not character names.
DEITIES: frozenset[str] = frozenset("""
god lord christ jesus heaven providence satan devil allah jehovah
""".split())

# Capitalised words that are not names: pronoun-like ("Nobody"), addresses ("Reader"),
# kin ("Pa") and group words ("Englishman").
NOT_NAMES: frozenset[str] = frozenset("""
nobody everybody everyone someone somebody anybody anyone none people men women man woman
he she they we you i me him them us reader gentlemen ladies son daughter author pa ma
catholic protestant oriental englishman englishmen frenchman frenchmen irishman irishmen
scotchman dutchman majesty highness excellency lordship ladyship honour honor
""".split())
