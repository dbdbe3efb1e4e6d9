"""``ficlens eval``: measure ficlens against annotated corpora."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ficlens.eval.harness import EvalReport, evaluate, format_report


def _names(value: str | None) -> list[str] | None:
    return [name.strip() for name in value.split(",") if name.strip()] if value else None


def _emit(report: EvalReport, json_path: Path | None) -> None:
    click.echo(format_report(report))
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(report.to_dict(), indent=1, sort_keys=True) + "\n",
                             encoding="utf-8")
        click.echo(f"wrote {json_path}")


def common_options(function):
    function = click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
                            help="Also write every number to this JSON file.")(function)
    function = click.option("--cache", "cache_dir", type=click.Path(file_okay=False,
                                                                     path_type=Path),
                            help="Keep parsed novels here to make reruns fast.")(function)
    function = click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
                            help="Novels analysed in parallel processes.")(function)
    return function


@click.group("eval")
def command() -> None:
    """Measure quotation, character and speaker quality on annotated corpora."""


@command.command("pdnc")
@click.argument("corpus_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False,
                                                             path_type=Path))
@click.option("--novels", help="Comma-separated novel folder names (default: all).")
@click.option("--gold-characters", is_flag=True,
              help="Hand ficlens the gold character list (names, aliases and gender) instead "
                   "of letting it build its own.")
@common_options
def pdnc(corpus_dir: Path, novels: str | None, gold_characters: bool, json_path: Path | None,
         cache_dir: Path | None, jobs: int) -> None:
    """Evaluate on the Project Dialogism Novel Corpus in DIR (DIR/data/<Novel>/...)."""
    from ficlens.eval.pdnc import load_pdnc

    gold = list(load_pdnc(corpus_dir, _names(novels)))
    _emit(evaluate(gold, "PDNC", gold_characters, cache_dir, jobs), json_path)


@command.command("litbank")
@click.argument("corpus_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False,
                                                             path_type=Path))
@click.option("--works", help="Comma-separated work names, e.g. 1342_pride_and_prejudice "
                              "(default: every work with quotation annotations).")
@click.option("--gold-characters", is_flag=True,
              help="Hand ficlens the speakers LitBank names instead of letting it build its own.")
@common_options
def litbank(corpus_dir: Path, works: str | None, gold_characters: bool, json_path: Path | None,
            cache_dir: Path | None, jobs: int) -> None:
    """Evaluate on LitBank's quotations in DIR (DIR/quotations/tsv and DIR/original)."""
    from ficlens.eval.litbank import load_litbank

    gold = list(load_litbank(corpus_dir, _names(works)))
    _emit(evaluate(gold, "LitBank", gold_characters, cache_dir, jobs), json_path)
