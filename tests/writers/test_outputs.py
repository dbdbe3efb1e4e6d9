"""write_outputs: which files each option adds."""

from __future__ import annotations

import pytest

from ficlens.writers.outputs import OutputOptions, report_path, write_outputs

TABLE_FILES = {f"tides.{table}.{suffix}" for table in
               ("characters", "quotes", "mentions", "interactions")
               for suffix in ("tsv", "parquet")}


@pytest.mark.parametrize(("options", "expected"), [
    (OutputOptions(), {"tides.json"}),
    (OutputOptions(tables=True), {"tides.json"} | TABLE_FILES),
    (OutputOptions(network=True), {"tides.json", "tides.graphml", "tides.gexf"}),
    (OutputOptions(html=True), {"tides.json", "tides.report.html"}),
])
def test_outputs_options_choose_files(hand_built_doc, tmp_path, options, expected):
    written = write_outputs(hand_built_doc, tmp_path, "tides", options)
    assert {path.name for path in written} == expected
    assert {path.name for path in tmp_path.iterdir()} == expected


def test_outputs_report_never_overwrites_an_html_story(tmp_path):
    assert report_path(tmp_path, "story").name == "story.report.html"
