"""DuckDB views over the Parquet parts and the ``ficlens query`` command (no spaCy)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ficlens.cli import main
from ficlens.corpus import dataset
from ficlens.corpus.manifest import Manifest, SourceFile
from ficlens.corpus.query import run_query
from ficlens.errors import ConfigError, InputNotFoundError
from ficlens.model import Character, Document, Metadata, Quote


def write_work(out, work_id: str, fandom: str, quotes: int) -> None:
    text = " ".join(f'"Line {index}," said Ann.' for index in range(quotes)) or "Quiet."
    doc = Document(text=text, metadata=Metadata(title=work_id, fandoms=[fandom]),
                   characters=[Character("c0", "Ann", ["Ann"], "she/her")],
                   quotes=[Quote(f"q{index}", 1, 7, speaker="c0") for index in range(quotes)])
    json_relative = work_id.replace(".txt", ".json")
    tables = dataset.corpus_tables(doc, work_id, json_relative)
    dataset.write_parts(tables, out, dataset.part_key(work_id))


@pytest.fixture
def corpus_out(tmp_path):
    write_work(tmp_path, "a.txt", "Made Up", 3)
    write_work(tmp_path, "sub/b.txt", "Made Up", 1)
    write_work(tmp_path, "c.txt", "Other", 0)
    with Manifest(tmp_path / "manifest.sqlite") as manifest:
        manifest.sync([SourceFile("a.txt", "/in/a.txt", 1, 1, "a.json")], lambda *_: True)
        manifest.mark_failed("a.txt", "CorruptInputError: broken")
    return tmp_path


def test_query_views_cover_every_part(corpus_out):
    result = run_query(corpus_out, "SELECT work_id, count(*) AS n FROM quotes "
                                   "GROUP BY work_id ORDER BY work_id")
    assert result.columns == ["work_id", "n"]
    assert result.rows == [("a.txt", 3), ("sub/b.txt", 1)]
    assert run_query(corpus_out, "SELECT count(*) FROM works").rows == [(3,)]


def test_query_joins_quotes_to_speakers(corpus_out):
    result = run_query(corpus_out, """
        SELECT c.gender, count(*) FROM quotes q
        JOIN characters c ON c.work_id = q.work_id AND c.id = q.speaker GROUP BY ALL""")
    assert result.rows == [("she/her", 4)]


def test_query_manifest_table(corpus_out):
    result = run_query(corpus_out, "SELECT work_id, state, error FROM manifest")
    assert result.rows == [("a.txt", "failed", "CorruptInputError: broken")]


@pytest.mark.parametrize("sql", ["SELECT nope FROM works", "SELEC 1", "SELECT * FROM missing"])
def test_query_bad_sql_is_a_config_error(corpus_out, sql):
    with pytest.raises(ConfigError, match="query failed"):
        run_query(corpus_out, sql)


def test_query_without_dataset(tmp_path):
    with pytest.raises(InputNotFoundError):
        run_query(tmp_path, "SELECT 1")


@pytest.mark.parametrize("output_format", ["table", "csv", "json"])
def test_query_cli_formats(corpus_out, capsys, output_format):
    sql = "SELECT work_id, fandoms, quotes FROM works ORDER BY work_id"
    assert main(["query", str(corpus_out), sql, "--format", output_format]) == 0
    out = capsys.readouterr().out
    if output_format == "json":
        records = json.loads(out)
        assert records[0] == {"work_id": "a.txt", "fandoms": ["Made Up"], "quotes": 3}
    elif output_format == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["work_id", "fandoms", "quotes"] and len(rows) == 4
    else:
        lines = out.splitlines()
        assert lines[0].split() == ["work_id", "fandoms", "quotes"]
        assert lines[-1] == "(3 rows)" and lines[2].startswith("a.txt")


def test_query_cli_error_is_one_line(corpus_out, capsys):
    assert main(["query", str(corpus_out), "SELECT nope FROM works"]) == ConfigError.exit_code
    err = capsys.readouterr().err.strip()
    assert err.startswith("ficlens: error: query failed") and len(err.splitlines()) == 1


# The example queries of the README's "Corpus scale" section.
README_QUERIES = {
    "dialogue_share_by_gender_per_fandom": """
WITH spoken AS (
  SELECT CASE WHEN q.speaker IS NULL THEN 'unattributed'
              ELSE coalesce(c.gender, 'unknown') END AS gender,
         length(q.text) AS chars,
         unnest(CASE WHEN len(w.fandoms) = 0 THEN ['(no fandom)'] ELSE w.fandoms END) AS fandom
  FROM quotes q
  JOIN works w USING (work_id)
  LEFT JOIN characters c ON c.work_id = q.work_id AND c.id = q.speaker
)
SELECT fandom, gender, count(*) AS quotes,
       round(100.0 * sum(chars) / sum(sum(chars)) OVER (PARTITION BY fandom), 1) AS pct_of_dialogue
FROM spoken
GROUP BY fandom, gender
ORDER BY fandom, pct_of_dialogue DESC""",
    "top_speakers": """
SELECT coalesce(w.title, w.work_id) AS work, c.name, c.gender,
       count(*) AS quotes, sum(length(q.text)) AS characters_spoken
FROM quotes q
JOIN characters c ON c.work_id = q.work_id AND c.id = q.speaker
JOIN works w ON w.work_id = q.work_id
GROUP BY ALL
ORDER BY quotes DESC
LIMIT 10""",
    "works_with_most_quotes": """
SELECT coalesce(w.title, w.work_id) AS work, w.words, count(q.id) AS quotes,
       round(1000.0 * count(q.id) / nullif(w.words, 0), 1) AS quotes_per_1000_words
FROM works w
LEFT JOIN quotes q USING (work_id)
GROUP BY w.work_id, w.title, w.words
ORDER BY quotes DESC
LIMIT 10""",
}


@pytest.mark.parametrize("name", sorted(README_QUERIES))
def test_query_readme_examples_run(corpus_out, name):
    result = run_query(corpus_out, README_QUERIES[name])
    assert result.rows, name
