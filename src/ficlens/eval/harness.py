"""Runs ficlens over a gold corpus and scores it with every metric in :data:`METRICS`.

Parsing dominates run time and does not change while later stages are being
improved, so the harness can keep each novel's parsed document in a cache folder
(keyed by the text, the spaCy pipeline and the person-tagger weights).
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc as SpacyDoc

from ficlens.characters.inventory import GENDERS
from ficlens.eval.gold import GoldCharacter, GoldNovel
from ficlens.eval.metrics import METRICS
from ficlens.model import Character, Document
from ficlens.nlp import get_nlp
from ficlens.pipeline import STAGES, run_pipeline, stage_name
from ficlens.readers.text import document_from_text
from ficlens.stages import parse

logger = logging.getLogger(__name__)

# Bump when the cached parse layout or the tokenizer changes.
CACHE_VERSION = 3
PARSE_UPTO = [stage_name(stage) for stage in STAGES].index("parse") + 1


@dataclass
class NovelResult:
    name: str
    counts: dict[str, float]
    seconds: float


@dataclass
class EvalReport:
    corpus: str
    setting: str
    novels: list[NovelResult] = field(default_factory=list)

    def rates(self, counts: dict[str, float]) -> dict[str, float]:
        figures: dict[str, float] = {}
        for metric in METRICS:
            figures.update(metric.rates(counts))
        return figures

    def overall_counts(self) -> dict[str, float]:
        total: dict[str, float] = {}
        for novel in self.novels:
            for key, value in novel.counts.items():
                total[key] = total.get(key, 0) + value
        return total

    def columns(self) -> list[str]:
        return [column for metric in METRICS for column in metric.COLUMNS]

    def to_dict(self) -> dict:
        return {
            "corpus": self.corpus,
            "setting": self.setting,
            "novels": {n.name: {"counts": n.counts, "figures": self.rates(n.counts),
                                "seconds": round(n.seconds, 2)} for n in self.novels},
            "overall": {"counts": self.overall_counts(),
                        "figures": self.rates(self.overall_counts())},
        }


def gold_characters(characters: Iterable[GoldCharacter]) -> list[Character]:
    """The gold character list, with its genders (PDNC's M and F read as a user's list
    reads them), as a fixed, user-supplied inventory."""
    return [Character(id=f"c{c.id}", name=c.name, aliases=list(c.aliases),
                      gender=GENDERS.get((c.gender or "").lower()), source="user")
            for c in characters]


def _cache_key(text: str) -> str:
    from ficlens.nlp import model_package

    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(model_package().encode())
    digest.update(str(CACHE_VERSION).encode())
    return digest.hexdigest()[:24]


def parsed_document(text: str, cache_dir: Path | None) -> Document:
    """The document after the parse stage.

    With a cache, spaCy's own output (each block's ``Doc`` with its tensor) is kept,
    and the token table is rebuilt from it on every run, so changes to ficlens's
    person tagger take effect without parsing again.
    """
    doc = run_pipeline(document_from_text(text), STAGES[:PARSE_UPTO - 1])
    if cache_dir is None:
        return run_pipeline(doc, STAGES[PARSE_UPTO - 1:PARSE_UPTO])
    path = cache_dir / f"{_cache_key(text)}.pickle"
    if path.exists():
        with open(path, "rb") as stream:
            offsets, payloads = pickle.load(stream)
        vocab = get_nlp().vocab
        blocks = ((offset, SpacyDoc(vocab).from_bytes(data))
                  for offset, data in zip(offsets, payloads, strict=True))
    else:
        parsed = list(parse.parse_blocks(doc))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        with open(temporary, "wb") as stream:
            pickle.dump(([offset for offset, _ in parsed],
                         [spacy_doc.to_bytes(exclude=["user_data"]) for _, spacy_doc in parsed]),
                        stream, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        blocks = iter(parsed)
    doc.tokens = parse.build_table(blocks, len(doc.text))
    return doc


def analyse_gold_novel(gold: GoldNovel, use_gold_characters: bool,
                       cache_dir: Path | None) -> Document:
    doc = parsed_document(gold.text, cache_dir)
    if use_gold_characters:
        doc.characters = gold_characters(gold.characters)
    return run_pipeline(doc, STAGES[PARSE_UPTO:])


def score_novel(gold: GoldNovel, use_gold_characters: bool,
                cache_dir: Path | None) -> NovelResult:
    began = time.perf_counter()
    doc = analyse_gold_novel(gold, use_gold_characters, cache_dir)
    counts: dict[str, float] = {}
    for metric in METRICS:
        counts.update(metric.count(gold, doc))
    seconds = time.perf_counter() - began
    logger.info("%s scored in %.1f s", gold.name, seconds)
    return NovelResult(gold.name, counts, seconds)


def evaluate(novels: Iterable[GoldNovel], corpus: str, use_gold_characters: bool = False,
             cache_dir: Path | None = None, jobs: int = 1) -> EvalReport:
    report = EvalReport(corpus, "gold characters" if use_gold_characters else "end to end")
    if jobs <= 1:
        for gold in novels:
            report.novels.append(score_novel(gold, use_gold_characters, cache_dir))
        return report
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(score_novel, gold, use_gold_characters, cache_dir)
                   for gold in novels]
        report.novels.extend(future.result() for future in futures)
    return report


def format_report(report: EvalReport) -> str:
    """A fixed-width table: one row per novel and an overall row from summed counts."""
    columns = report.columns()
    width = max([len(n.name) for n in report.novels] + [7])
    lines = [f"{report.corpus} ({report.setting})",
             f"{'novel':<{width}} " + " ".join(f"{c:>10}" for c in columns)]
    for novel in report.novels:
        figures = report.rates(novel.counts)
        lines.append(f"{novel.name:<{width}} " + " ".join(_cell(figures.get(c)) for c in columns))
    overall = report.rates(report.overall_counts())
    lines.append(f"{'overall':<{width}} " + " ".join(_cell(overall.get(c)) for c in columns))
    return "\n".join(lines)


def _cell(value: float | None) -> str:
    return f"{'-':>10}" if value is None else f"{value:>10.3f}"
