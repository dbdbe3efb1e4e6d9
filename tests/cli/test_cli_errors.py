"""Every user mistake ends in one line on stderr and its documented exit code."""

import pytest

from ficlens.cli import main
from ficlens.errors import (
    EmptyStoryError,
    InputNotFoundError,
    NotEnglishError,
    UnsupportedFormatError,
)


@pytest.fixture
def run(capsys):
    def invoke(*args):
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.err
    return invoke


def test_cli_missing_file(run, tmp_path):
    code, err = run("analyze", str(tmp_path / "nope.txt"), "-o", str(tmp_path))
    assert code == InputNotFoundError.exit_code
    assert err.strip().startswith("ficlens: error:") and "no such file" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_cli_empty_file(run, tmp_path):
    story = tmp_path / "empty.txt"
    story.write_text("  \n\n ")
    code, err = run("analyze", str(story), "-o", str(tmp_path))
    assert code == EmptyStoryError.exit_code and "empty" in err


def test_cli_binary_file(run, tmp_path):
    story = tmp_path / "noise.txt"
    story.write_bytes(bytes(range(256)) * 20)
    code, err = run("analyze", str(story), "-o", str(tmp_path))
    assert code == UnsupportedFormatError.exit_code and "binary" in err


def test_cli_unsupported_suffix(run, tmp_path):
    story = tmp_path / "story.docx"
    story.write_bytes(b"PK\x03\x04")
    code, err = run("analyze", str(story), "-o", str(tmp_path))
    assert code == UnsupportedFormatError.exit_code and "unsupported file type" in err


def test_cli_not_english(run, tmp_path):
    story = tmp_path / "fr.txt"
    story.write_text("Elle marchait vers la porte et regardait la pluie tomber sur le jardin, "
                     "mais il disait que cela cesserait bientôt et elle ne le croyait pas. " * 5)
    code, err = run("analyze", str(story), "-o", str(tmp_path))
    assert code == NotEnglishError.exit_code and "English" in err


def test_cli_bad_option_is_a_usage_error(run):
    code, _ = run("analyze", "--no-such-option")
    assert code == 2
