"""The real pipeline on real inputs: every sample file, a PDNC novel, the demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficlens.cli import main
from ficlens.errors import NotEnglishError

pytestmark = pytest.mark.integration

# The 40-chapter work takes minutes to parse; the slow run covers it.
LONG_SAMPLES = {"serpents-mouth-40ch.html"}
NOT_ENGLISH = {"zhan-chinese.html"}


def sample_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def check_output(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    text = data["text"]
    for quote in data["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
        assert 0 <= quote["confidence"] <= 1
    ids = {c["id"] for c in data["characters"]}
    for quote in data["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in ids
        assert set(quote["addressees"]) <= ids
    for mention in data["mentions"]:
        assert 0 <= mention["start"] < mention["end"] <= len(text)
    for chapter in data["chapters"]:
        assert 0 <= chapter["start"] <= chapter["end"] <= len(text)
    return data


def analyze_one(path: Path, out: Path) -> tuple[int, Path]:
    code = main(["-q", "analyze", str(path), "-o", str(out)])
    return code, out / f"{path.stem}.json"


def test_analyze_every_sample_file(samples_dir, tmp_path, request):
    run_long = request.config.getoption("-m") and "slow" in request.config.getoption("-m")
    for path in sample_files(samples_dir):
        if path.name in LONG_SAMPLES and not run_long:
            continue
        code, output = analyze_one(path, tmp_path)
        if path.name in NOT_ENGLISH:
            assert code == NotEnglishError.exit_code, path.name
            continue
        assert code == 0, path.name
        data = check_output(output)
        assert data["quotes"], f"{path.name}: no quotes found"


@pytest.mark.slow
def test_analyze_the_long_ao3_work(ao3_dir, tmp_path):
    code, output = analyze_one(ao3_dir / "serpents-mouth-40ch.html", tmp_path)
    assert code == 0
    assert len(check_output(output)["chapters"]) == 40


def test_analyze_a_pdnc_novel(pdnc_dir, tmp_path):
    novel = pdnc_dir / "data" / "TheGambler" / "novel_text.txt"
    code, output = analyze_one(novel, tmp_path)
    assert code == 0
    data = check_output(output)
    assert len(data["quotes"]) > 500 and len(data["characters"]) > 5
    assert data["text"] == novel.read_text(encoding="utf-8")


def test_analyze_is_byte_identical_across_runs(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["-q", "demo", "-o", str(first)]) == 0
    assert main(["-q", "demo", "-o", str(second)]) == 0
    name = "demo_story.json"
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_analyze_directory_writes_one_json_per_work(tmp_path):
    stories = tmp_path / "in"
    stories.mkdir()
    (stories / "one.txt").write_text('"Hello there," said Anya to Xander. He waved at her.')
    (stories / "two.txt").write_text('"Goodbye," Willow whispered. She closed the door.')
    assert main(["-q", "analyze", str(stories), "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["one.json", "two.json"]
