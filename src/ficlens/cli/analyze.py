"""``ficlens analyze``: analyse a story file or a directory of stories."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import click

from ficlens.api import analyze_document
from ficlens.characters.inventory import load_character_list
from ficlens.cli.options import ProgressBar, output_dir_option
from ficlens.progress import progress_listener
from ficlens.readers import read_path
from ficlens.writers.outputs import OutputOptions, write_outputs

logger = logging.getLogger(__name__)


@click.command("analyze")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@output_dir_option
@click.option("--tables", is_flag=True,
              help="Also write characters, quotes, mentions and interactions as .tsv and .parquet.")
@click.option("--html", is_flag=True,
              help="Also write an interactive report, OUTDIR/<stem>.report.html.")
@click.option("--network", is_flag=True,
              help="Also write the character network as .graphml and .gexf.")
@click.option("--characters", "characters_file", type=click.Path(path_type=Path),
              help="A character list (CSV or JSON, see docs/characters.md): keep exactly "
                   "these characters and link the text's mentions to them.")
def command(input_path: Path, output_dir: Path, tables: bool, html: bool, network: bool,
            characters_file: Path | None) -> None:
    """Analyse INPUT (a .txt, AO3 .html, .epub file, or a directory of them) and
    write OUTDIR/<input stem>.json for each work."""
    options = OutputOptions(tables=tables, html=html, network=network)
    inventory = load_character_list(characters_file) if characters_file else None
    for doc in read_path(input_path):
        if inventory is not None:
            doc.characters = copy.deepcopy(inventory)
        name = Path(doc.metadata.source_path or "story").stem
        bar = ProgressBar(name)
        try:
            with progress_listener(bar):
                analyze_document(doc)
        finally:
            bar.close()
        for path in write_outputs(doc, output_dir, name, options):
            click.echo(str(path))
