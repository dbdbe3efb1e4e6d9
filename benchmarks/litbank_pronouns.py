"""Third-person pronoun resolution against LitBank's coreference annotation.

    python benchmarks/litbank_pronouns.py ../shared/data/litbank [--cache DIR] [-j 2]

Each ``coref/conll`` excerpt is read by ficlens up to its coref stage (building its own
characters). A gold chain stands for the ficlens character whose name mentions overlap
its mentions most; a single-token gold mention that is a third-person pronoun (he, him,
his, himself, she, her, hers, herself) in such a chain counts. Accuracy is the share of
those pronouns resolved to the chain's character; precision is the same among the ones
ficlens resolved at all. Chains that hold no name ficlens found (a friend only ever
called "my good friend") are not scored.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from ficlens.eval.harness import PARSE_UPTO, parsed_document
from ficlens.ner.litbank import align_tokens
from ficlens.pipeline import STAGES, run_pipeline, stage_name

PRONOUNS = frozenset("he him his himself she her hers herself".split())
CHAIN_MARK = re.compile(r"^\(?(\d+)\)?$")


def read_conll(path: Path) -> tuple[list[str], list[tuple[int, int, int]]]:
    """The excerpt's tokens and its mentions as (chain, first token, last token)."""
    tokens: list[str] = []
    mentions: list[tuple[int, int, int]] = []
    opened: dict[int, list[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        row = len(tokens)
        tokens.append(cells[3])
        for mark in cells[-1].strip().split("|"):
            match = CHAIN_MARK.match(mark)
            if match is None:
                continue
            chain = int(match.group(1))
            if mark.startswith("(") and mark.endswith(")"):
                mentions.append((chain, row, row))
            elif mark.startswith("("):
                opened.setdefault(chain, []).append(row)
            elif opened.get(chain):
                mentions.append((chain, opened[chain].pop(), row))
    return tokens, mentions


def score_excerpt(root: Path, cache: Path | None, name: str) -> Counter:
    tokens, mentions = read_conll(root / "coref" / "conll" / f"{name}.conll")
    full = (root / "original" / f"{name.removesuffix('_brat')}.txt").read_text(encoding="utf-8")
    offsets = align_tokens(tokens, full)
    base, text_end = offsets[0][0], offsets[-1][1]
    offsets = [(start - base, end - base) for start, end in offsets]
    doc = parsed_document(full[base:text_end], cache)
    coref = [stage_name(stage) for stage in STAGES].index("coref")
    doc = run_pipeline(doc, STAGES[PARSE_UPTO:coref + 1])
    names = [m for m in doc.mentions if m.kind == "name" and m.character]
    votes: dict[int, Counter] = {}
    for chain, first, last in mentions:
        start, end = offsets[first][0], offsets[last][1]
        for mention in names:
            if mention.start < end and start < mention.end:
                votes.setdefault(chain, Counter())[mention.character] += 1
    holder = {chain: counts.most_common(1)[0][0] for chain, counts in votes.items()}
    found = {m.start: m for m in doc.mentions}
    counts: Counter = Counter()
    for chain, first, last in mentions:
        if first != last or tokens[first].lower() not in PRONOUNS or chain not in holder:
            continue
        counts["pronouns"] += 1
        mention = found.get(offsets[first][0])
        if mention is None or mention.character is None:
            counts["unresolved"] += 1
        else:
            counts["resolved"] += 1
            counts["right"] += mention.character == holder[chain]
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("litbank", type=Path)
    parser.add_argument("--cache", type=Path, help="parse cache (as for ficlens eval)")
    parser.add_argument("-j", "--jobs", type=int, default=1)
    args = parser.parse_args()
    names = sorted(path.stem for path in (args.litbank / "coref" / "conll").glob("*.conll"))
    total: Counter = Counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        for counts in pool.map(partial(score_excerpt, args.litbank, args.cache), names):
            total.update(counts)
    pronouns = max(1, total["pronouns"])
    print(f"excerpts: {len(names)}, gold pronouns scored: {total['pronouns']}")
    print(f"accuracy {total['right'] / pronouns:.3f}, precision "
          f"{total['right'] / max(1, total['resolved']):.3f}, unresolved "
          f"{total['unresolved'] / pronouns:.3f}")


if __name__ == "__main__":
    main()
