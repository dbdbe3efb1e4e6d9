"""Input limits and hostile-input checks (readers.limits)."""

from __future__ import annotations

import io
import zipfile

import pytest
from epubkit import epub_members, write_zip, xhtml
from lxml import etree

from ficlens.errors import ConfigError, InputTooLargeError, UnsafeInputError
from ficlens.readers import limits, read_file

MIB = 1024 * 1024


def test_limits_default_env_and_override(monkeypatch):
    monkeypatch.delenv(limits.ENV_MAX_INPUT_BYTES, raising=False)
    assert limits.max_input_bytes() == 100 * MIB
    monkeypatch.setenv(limits.ENV_MAX_INPUT_BYTES, "2048")
    assert limits.max_input_bytes() == 2048
    assert limits.max_input_bytes(512) == 512


@pytest.mark.parametrize("value", ["lots", "-5", "0", "1.5"])
def test_limits_bad_environment_value(monkeypatch, value):
    monkeypatch.setenv(limits.ENV_MAX_INPUT_BYTES, value)
    with pytest.raises(ConfigError, match=limits.ENV_MAX_INPUT_BYTES):
        limits.max_input_bytes()


def test_limits_bad_override():
    with pytest.raises(ConfigError, match="max_bytes must be a positive"):
        limits.max_input_bytes(0)


@pytest.mark.parametrize("name, content", [
    ("story.txt", "Ina walked home. " * 200),
    ("story.html", "<html><body><p>" + "Ina walked home. " * 200 + "</p></body></html>"),
])
def test_limits_too_large_by_parameter(write_file, name, content):
    path = write_file(name, content)
    with pytest.raises(InputTooLargeError, match="over the input limit"):
        read_file(path, max_bytes=1000)
    assert read_file(path, max_bytes=10_000).text


def test_limits_too_large_by_environment(write_file, monkeypatch, make_epub):
    monkeypatch.setenv(limits.ENV_MAX_INPUT_BYTES, "100")
    with pytest.raises(InputTooLargeError, match=limits.ENV_MAX_INPUT_BYTES):
        read_file(write_file("story.txt", "Ina walked home. " * 20))
    with pytest.raises(InputTooLargeError, match="book.epub"):
        read_file(make_epub([("c1.xhtml", xhtml("<p>Hi.</p>"))]))


@pytest.mark.parametrize("member, unsafe", [
    ("OEBPS/c1.xhtml", False), ("a..b/c.xhtml", False), ("..hidden", False),
    ("../c.xhtml", True), ("a/../../c.xhtml", True), ("/etc/passwd", True),
    ("\\windows\\x", True), ("C:/x.xhtml", True), ("a\\..\\..\\x", True),
])
def test_limits_unsafe_member_name(member, unsafe):
    assert limits.unsafe_member_name(member) is unsafe


def test_limits_total_uncompressed_size(tmp_path):
    members = epub_members([("c1.xhtml", xhtml("<p>" + "words " * 2000 + "</p>"))])
    path = write_zip(tmp_path / "big.epub", members)
    with zipfile.ZipFile(path) as archive:
        limits.check_zip_members(archive, "big.epub")
        with pytest.raises(UnsafeInputError, match=r"unpacks to .* MiB"):
            limits.check_zip_members(archive, "big.epub", max_uncompressed=10_000)


def test_limits_compression_ratio_only_for_large_members(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("small.txt", b"a" * 100_000)  # > 100:1 but under 1 MiB
    with zipfile.ZipFile(buffer) as archive:
        limits.check_zip_members(archive, "ok.zip")
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"a" * (2 * MIB))
    with zipfile.ZipFile(buffer) as archive, pytest.raises(UnsafeInputError, match="big.txt"):
        limits.check_zip_members(archive, "bomb.zip")


def test_limits_read_member_is_bounded(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.xhtml", b"x" * 5000)
    with zipfile.ZipFile(buffer) as archive:
        info = archive.getinfo("a.xhtml")
        assert len(limits.read_member(archive, info, "z")) == 5000
        with pytest.raises(UnsafeInputError, match="a.xhtml"):
            limits.read_member(archive, info, "z", limit=4000)


@pytest.mark.parametrize("value, expected", [
    ("plain", "plain"), ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("bell\x07 nul\x00 esc\x1b del\x7f c1\x85", "bell nul esc del c1"),
    ("zero\u200bwidth \ufeffbom soft\u00adhyphen", "zerowidth bom softhyphen"),
    ("carriage\rreturn", "carriagereturn"),
])
def test_limits_strip_control(value, expected):
    assert limits.strip_control(value) == expected


def test_limits_parse_xml_accepts_plain_xml():
    root = limits.parse_xml(b'<?xml version="1.0"?><a><b>text</b></a>', "ok.xml")
    assert root.findtext("b") == "text"


@pytest.mark.parametrize("declaration, fragment", [
    ('<!ENTITY leak SYSTEM "file:///etc/hostname">', "external XML entity 'leak'"),
    ('<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">', "XML entity 'lol'"),
])
def test_limits_parse_xml_refuses_entities(declaration, fragment):
    data = f'<?xml version="1.0"?><!DOCTYPE a [{declaration}]><a>text</a>'.encode()
    with pytest.raises(UnsafeInputError, match=fragment):
        limits.parse_xml(data, "evil.xml")


def test_limits_parse_xml_never_reads_external_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSPHRASE", encoding="utf-8")
    data = (f'<!DOCTYPE a [<!ENTITY leak SYSTEM "file://{secret}">]><a>&leak;</a>').encode()
    root = etree.fromstring(data, limits.xml_parser())  # the parser alone, no refusal
    assert "TOP-SECRET" not in etree.tostring(root, encoding="unicode")
