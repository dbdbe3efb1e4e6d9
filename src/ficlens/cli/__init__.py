"""The ``ficlens`` command line: a thin layer over :mod:`ficlens.api`.

Each command lives in its own module under :mod:`ficlens.cli` and is registered on
:data:`cli` in :data:`COMMAND_MODULES`. Library errors become one line on stderr and
the exit code of their class (see the README's "Exit codes").
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from ficlens import __version__
from ficlens.errors import FicLensError

COMMAND_MODULES = ("analyze", "demo", "eval", "corpus", "query", "report", "serve")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ficlens")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """ficlens reads fiction as data: characters and their names, every line of
    dialogue with its speaker and addressees, and the network of who talks to whom."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[
        min(verbose, 2)]
    logging.basicConfig(level=level, format="ficlens: %(levelname)s: %(message)s")


for _name in COMMAND_MODULES:
    _module = importlib.import_module(f"ficlens.cli.{_name}")
    cli.add_command(_module.command)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``ficlens`` script; returns the process exit code."""
    try:
        cli.main(args=argv, prog_name="ficlens", standalone_mode=False)
    except FicLensError as error:
        click.echo(f"ficlens: error: {error}", err=True)
        return error.exit_code
    except click.exceptions.Abort:
        click.echo("ficlens: interrupted", err=True)
        return 130
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("ficlens: interrupted", err=True)
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
