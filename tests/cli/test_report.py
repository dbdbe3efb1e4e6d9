"""``ficlens report``: JSON analysis in, self-contained HTML report out."""

from __future__ import annotations

from ficlens.cli import main
from ficlens.model import Character, Document, Paragraph, Quote
from ficlens.writers.json import write_json


def analysis(tmp_path):
    text = '"Ready?" asked Wren.'
    doc = Document(text=text, paragraphs=[Paragraph(0, len(text))],
                   characters=[Character("c0", "Wren")],
                   quotes=[Quote("q0", 1, 7, speaker="c0", confidence=0.8, type="explicit")])
    return write_json(doc, tmp_path / "wren.json")


def test_report_writes_beside_the_json_by_default(tmp_path, capsys):
    path = analysis(tmp_path)
    assert main(["report", str(path)]) == 0
    report = tmp_path / "wren.report.html"
    assert capsys.readouterr().out.strip() == str(report)
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="ficlens-data"' in page


def test_report_output_option(tmp_path):
    target = tmp_path / "out" / "page.html"
    assert main(["report", str(analysis(tmp_path)), "-o", str(target)]) == 0
    assert target.is_file()


def test_report_errors_have_exit_codes(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.json")]) == 3
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["report", str(broken)]) == 5
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    assert main(["report", str(other)]) == 5
    assert "not a ficlens analysis" in capsys.readouterr().err
