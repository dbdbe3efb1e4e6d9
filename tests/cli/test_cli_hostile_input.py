"""Hostile and broken inputs: each ends in one line and its documented exit code."""

from __future__ import annotations

import zipfile

import pytest

from ficlens.cli import main
from ficlens.errors import CorruptInputError, InputTooLargeError, UnsafeInputError

CONTAINER = ('<?xml version="1.0"?><container version="1.0" '
             'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
             '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
             '</rootfiles></container>')


def epub(path, members: dict[str, bytes | str], compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        archive.writestr("mimetype", "application/epub+zip")
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def run(capsys):
    def invoke(*args):
        code = main(list(args))
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) <= 1 and "Traceback" not in err
        return code, err
    return invoke


def test_cli_zip_bomb_is_refused(run, tmp_path):
    bomb = epub(tmp_path / "bomb.epub", {"META-INF/container.xml": CONTAINER,
                                         "content.opf": b"\0" * (40 * 1024 * 1024)})
    code, err = run("analyze", str(bomb), "-o", str(tmp_path))
    assert code == UnsafeInputError.exit_code and "compress" in err


def test_cli_path_traversal_member_is_refused(run, tmp_path):
    evil = epub(tmp_path / "evil.epub", {"META-INF/container.xml": CONTAINER,
                                         "../../etc/evil.xhtml": "<p>x</p>"})
    code, err = run("analyze", str(evil), "-o", str(tmp_path))
    assert code == UnsafeInputError.exit_code and "evil.xhtml" in err


def test_cli_external_entity_is_never_resolved(run, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    package = (f'<?xml version="1.0"?><!DOCTYPE package [<!ENTITY leak SYSTEM "file://{secret}">]>'
               '<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata '
               'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&leak;</dc:title>'
               '</metadata><manifest/><spine/></package>')
    xxe = epub(tmp_path / "xxe.epub", {"META-INF/container.xml": CONTAINER,
                                       "content.opf": package})
    code, err = run("analyze", str(xxe), "-o", str(tmp_path / "out"))
    assert code == UnsafeInputError.exit_code and "entit" in err
    assert "TOP-SECRET-VALUE" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_cli_truncated_epub_is_corrupt(run, tmp_path):
    whole = epub(tmp_path / "whole.epub", {"META-INF/container.xml": CONTAINER,
                                           "content.opf": "<package/>" * 200})
    truncated = tmp_path / "truncated.epub"
    truncated.write_bytes(whole.read_bytes()[:300])
    code, err = run("analyze", str(truncated), "-o", str(tmp_path))
    assert code == CorruptInputError.exit_code and "truncated.epub" in err


def test_cli_input_over_the_size_limit(run, tmp_path, monkeypatch):
    story = tmp_path / "long.txt"
    story.write_text('"Hello," said Anya. ' * 200)
    monkeypatch.setenv("FICLENS_MAX_INPUT_BYTES", "1000")
    code, err = run("analyze", str(story), "-o", str(tmp_path))
    assert code == InputTooLargeError.exit_code and "input limit" in err


def test_cli_bad_size_limit_setting_is_a_usage_error(run, tmp_path, monkeypatch):
    story = tmp_path / "s.txt"
    story.write_text("Text.")
    monkeypatch.setenv("FICLENS_MAX_INPUT_BYTES", "lots")
    code, err = run("analyze", str(story), "-o", str(tmp_path))
    assert code == 2 and "FICLENS_MAX_INPUT_BYTES" in err


def test_cli_html_that_is_not_ao3_is_read_as_generic_html(run, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>My Story</title><script>alert(1)</script></head><body>"
                    "<p>\"Where are you going?\" asked Willow.</p><p>\"Out,\" said Xander. "
                    "He closed the door behind him and walked into the night.</p></body></html>")
    code, _ = run("-q", "analyze", str(page), "-o", str(tmp_path))
    assert code == 0
    text = (tmp_path / "page.json").read_text()
    assert "alert(1)" not in text and "My Story" in text
