"""``ficlens serve``: index, on-the-fly reports, and nothing outside the folder."""

from __future__ import annotations

import http.client
import threading

import pytest
from click.testing import CliRunner

from ficlens.cli import cli
from ficlens.model import Character, Document, Metadata, Paragraph, Quote
from ficlens.server import make_server
from ficlens.writers.json import write_json


def small_document(title: str) -> Document:
    text = '"Come in," Mara said.'
    return Document(text=text, metadata=Metadata(title=title, fandoms=["Original Work"]),
                    paragraphs=[Paragraph(0, len(text))],
                    characters=[Character("c0", "Mara")],
                    quotes=[Quote("q0", 1, 9, speaker="c0", confidence=0.9, type="explicit")])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    tmp_path = tmp_path_factory.mktemp("serve")
    root = tmp_path / "site"
    (root / "nested").mkdir(parents=True)
    write_json(small_document("First <b>story</b>"), root / "first.json")
    write_json(small_document("Second story"), root / "nested" / "second.json")
    (root / "notes.json").write_text('{"not": "an analysis"}', encoding="utf-8")
    (root / ".hidden.json").write_text("{}", encoding="utf-8")
    (root / "story.txt").write_text("raw story", encoding="utf-8")
    (tmp_path / "secret.json").write_text('{"secret": 1}', encoding="utf-8")
    (root / "escape.json").symlink_to(tmp_path / "secret.json")
    (root / "escape.report.html").symlink_to(tmp_path / "secret.json")
    (root / "outside").symlink_to(tmp_path, target_is_directory=True)
    server = make_server(root, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def fetch(port: int, path: str) -> tuple[int, str, http.client.HTTPResponse]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace"), response
    finally:
        connection.close()


def test_serve_index_lists_analyses(site):
    status, body, response = fetch(site, "/")
    assert status == 200
    assert response.getheader("Content-Type").startswith("text/html")
    assert "First &lt;b&gt;story&lt;/b&gt;" in body
    assert "Second story" in body
    assert 'href="/first.report.html"' in body
    assert 'href="/nested/second.report.html"' in body
    assert "an analysis" not in body and "secret" not in body


@pytest.mark.parametrize("path", ["/first.report.html", "/nested/second.report.html"])
def test_serve_renders_reports_from_json(site, path):
    status, body, response = fetch(site, path)
    assert status == 200
    assert 'id="ficlens-data"' in body
    assert "sandbox" in response.getheader("Content-Security-Policy")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_serve_serves_outputs_as_files(site):
    status, body, response = fetch(site, "/first.json")
    assert status == 200 and response.getheader("Content-Type") == "application/json"
    assert '"format_version"' in body


@pytest.mark.parametrize(("path", "expected"), [
    ("/../secret.json", 403),
    ("/%2e%2e/secret.json", 403),
    ("/%2E%2E%2Fsecret.json", 403),
    ("/nested/../../secret.json", 403),
    ("/nested/%2e%2e/%2e%2e/secret.json", 403),
    ("//etc/passwd", 404),  # http.server folds the leading slashes: <root>/etc/passwd
    ("/%2Fetc%2Fpasswd", 403),
    ("/..%5csecret.json", 403),
    ("/first.json%00.html", 403),
    ("/escape.json", 403),
    ("/escape.report.html", 403),
    ("/outside/secret.json", 403),
    ("/.hidden.json", 404),
    ("/story.txt", 404),
    ("/missing.report.html", 404),
    ("/notes.report.html", 404),
    ("/%ff.json", 400),
])
def test_serve_refuses_paths_outside_or_unknown(site, path, expected):
    status, body, _ = fetch(site, path)
    assert status == expected, path
    assert "secret" not in body and "raw story" not in body


def test_serve_cli_refuses_missing_directory(tmp_path):
    result = CliRunner().invoke(cli, ["serve", str(tmp_path / "nope")])
    assert result.exit_code != 0
