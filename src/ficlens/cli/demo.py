"""``ficlens demo``: analyse the bundled story and write every output."""

from __future__ import annotations

from pathlib import Path

import click

from ficlens.demo import DEMO_NAME, run_demo, summary_lines
from ficlens.writers.outputs import OutputOptions, write_outputs


@click.command("demo")
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("ficlens-demo"), show_default=True,
              help="Directory to write the demo's outputs into.")
def command(output_dir: Path) -> None:
    """Analyse a short story bundled with ficlens, print a summary and write all outputs."""
    doc = run_demo()
    for line in summary_lines(doc):
        click.echo(line)
    options = OutputOptions(tables=True, html=True, network=True)
    for path in write_outputs(doc, output_dir, DEMO_NAME, options):
        click.echo(f"wrote {path}")
