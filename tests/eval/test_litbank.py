"""LitBank quotation loader: token alignment to the original text, spans, speakers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ficlens.errors import ConfigError, InputNotFoundError
from ficlens.eval.litbank import load_litbank, load_work, speaker_name, work_names

ORIGINAL = (
    "Front matter that is not part of the excerpt.\n\n"
    "CHAPTER I\n\n"
    "\u201cGood morning,\u201d said Ann to her brother, \u201chave you\n"
    "heard the news?\u201d\n\n"
    "Bo shook his head.\n\n"
    "\u201cNo.\u201d\n\n"
    "Later text that the excerpt does not reach.\n")
SENTENCES = [
    "CHAPTER I \u201c Good morning , \u201d said Ann to her brother , \u201c have you heard "
    "the news ? \u201d",
    "Bo shook his head .",
    "\u201c No . \u201d",
]
ANNOTATIONS = [
    "QUOTE\tQ1\t0\t2\t0\t5\t\u201c Good morning , \u201d",
    "QUOTE\tQ2\t0\t13\t0\t20\t\u201c have you heard the news ? \u201d",
    "QUOTE\tQ3\t2\t0\t2\t3\t\u201c No . \u201d",
    "ATTRIB\tQ1\tAnn_Smith-0",
    "ATTRIB\tQ2\tAnn_Smith-0",
    "ATTRIB\tQ3\tBo-1",
]


def make_corpus(root: Path, name: str = "1_tiny_story") -> Path:
    (root / "original").mkdir(parents=True)
    (root / "quotations" / "tsv").mkdir(parents=True)
    (root / "original" / f"{name}.txt").write_text(ORIGINAL, encoding="utf-8")
    tsv = root / "quotations" / "tsv"
    (tsv / f"{name}_brat.txt").write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    (tsv / f"{name}_brat.ann").write_text("\n".join(ANNOTATIONS) + "\n", encoding="utf-8")
    return root


def test_litbank_spans_index_the_original_paragraphs(tmp_path: Path) -> None:
    gold = load_work(make_corpus(tmp_path), "1_tiny_story")
    assert gold.text.startswith("CHAPTER I")
    assert gold.text.endswith("\u201cNo.\u201d")
    texts = [gold.text[start:end] for quote in gold.quotes for start, end in quote.spans]
    assert texts == ["Good morning,", "have you\nheard the news?", "No."]


def test_litbank_speakers_become_characters(tmp_path: Path) -> None:
    gold = load_work(make_corpus(tmp_path), "1_tiny_story")
    assert [quote.speaker for quote in gold.quotes] == ["Ann_Smith-0", "Ann_Smith-0", "Bo-1"]
    assert [(c.id, c.name) for c in gold.characters] == [("Ann_Smith-0", "Ann Smith"),
                                                         ("Bo-1", "Bo")]


@pytest.mark.parametrize(("entity", "name"), [
    ("Winnie_Verloc-3", "Winnie Verloc"), ("Bo-1", "Bo"), ("the_old_man-12", "the old man"),
])
def test_litbank_speaker_name(entity: str, name: str) -> None:
    assert speaker_name(entity) == name


def test_litbank_work_selection(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    assert work_names(root) == ["1_tiny_story"]
    assert [g.name for g in load_litbank(root, ["1_TINY_STORY"])] == ["1_tiny_story"]
    with pytest.raises(ConfigError):
        work_names(root, ["missing"])
    with pytest.raises(InputNotFoundError):
        work_names(tmp_path / "nowhere")


def test_litbank_real_corpus_aligns_every_quote(litbank_dir: Path) -> None:
    """Each gold span reads the same words as LitBank's own quotation column."""
    for gold in load_litbank(litbank_dir):
        name = gold.name
        annotated = {}
        ann = litbank_dir / "quotations" / "tsv" / f"{name}_brat.ann"
        for line in ann.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if fields[0] == "QUOTE":
                annotated[fields[1]] = re.sub(r"\W", "", fields[6])
        for quote in gold.quotes:
            start, end = quote.spans[0]
            assert re.sub(r"\W", "", gold.text[start:end]) == annotated[quote.id], (name, quote.id)
        assert len(gold.quotes) == len(annotated)


@pytest.mark.integration
def test_litbank_cli_reports_quote_figures(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ficlens.cli.eval import command

    root = make_corpus(tmp_path / "litbank")
    result = CliRunner().invoke(command, ["litbank", str(root)])
    assert result.exit_code == 0, result.output
    assert "quote_f1" in result.output
    assert "1_tiny_story" in result.output
