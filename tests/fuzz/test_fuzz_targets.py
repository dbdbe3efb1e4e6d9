"""Runs each reader's atheris fuzz target for a short fixed budget, and replays the
corpus of inputs that once crashed a reader (tests/fuzz_corpus/<format>/)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FUZZ = REPO / "fuzz"
CORPUS = REPO / "tests" / "fuzz_corpus"
SUFFIX = {"text": ".txt", "html": ".html", "epub": ".epub"}
RUNS = 1500

sys.path.insert(0, str(FUZZ))
from common import check_reader  # noqa: E402


def corpus_files():
    return [pytest.param(path, fmt, id=f"{fmt}/{path.name}")
            for fmt in SUFFIX for path in sorted((CORPUS / fmt).glob("*")) if path.is_file()]


@pytest.mark.parametrize("path, fmt", corpus_files())
def test_fuzz_corpus_inputs_no_longer_crash(path, fmt):
    check_reader(path.read_bytes(), SUFFIX[fmt])


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed")
@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_fuzz_target_runs_clean_for_a_fixed_budget(fmt, tmp_path):
    # libFuzzer adds new inputs to the corpus folder it is given: fuzz a copy.
    working_corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / fmt, working_corpus)
    result = subprocess.run(
        [sys.executable, str(FUZZ / f"fuzz_{fmt}.py"), f"-runs={RUNS}", "-seed=1",
         f"-artifact_prefix={tmp_path}/", str(working_corpus)],
        capture_output=True, text=True, timeout=300, cwd=FUZZ)
    assert result.returncode == 0, result.stderr[-3000:]
