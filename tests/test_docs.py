"""The README stays honest: every command is documented, every exit code listed."""

import re
from pathlib import Path

import click
import pytest

from ficlens import errors
from ficlens.cli import cli

REPO = Path(__file__).resolve().parents[1]

README = (REPO / "README.md").read_text(encoding="utf-8")


def all_commands(group: click.Group, prefix: str = "ficlens"):
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from all_commands(command, path)


@pytest.mark.parametrize("path, command", list(all_commands(cli)))
def test_docs_every_command_has_help_and_is_in_the_readme(path, command):
    assert (command.help or "").strip(), f"{path} has no help text"
    if not isinstance(command, click.Group):
        assert f"`{path}" in README, f"README does not document {path}"


def test_docs_readme_lists_every_exit_code():
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", README, re.MULTILINE)}
    classes = [value for value in vars(errors).values()
               if isinstance(value, type) and issubclass(value, errors.FicLensError)]
    assert {cls.exit_code for cls in classes} <= documented


def test_docs_exit_codes_are_distinct_per_error_class():
    classes = [value for value in vars(errors).values()
               if isinstance(value, type) and issubclass(value, errors.FicLensError)
               and value is not errors.FicLensError]
    codes = [cls.exit_code for cls in classes]
    assert len(codes) == len(set(codes))
