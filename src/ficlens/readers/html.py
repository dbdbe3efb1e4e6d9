"""HTML reader: AO3 "Download HTML" pages and any other HTML page.

An AO3 download (``#preface`` + ``#chapters``, see :mod:`ficlens.readers.ao3`) gives
full metadata, chapters and notes. Any other page is read generically: the title
from ``<title>`` (else the first ``<h1>``), the text from the block elements of
``<body>`` (``<script>``, ``<style>``, ``<nav>``… ignored), and chapters from
``<h1>``–``<h3>`` headings when one level occurs several times.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

import lxml.html
from lxml import etree

from ficlens.errors import EmptyStoryError, UnsupportedFormatError
from ficlens.model import Document, Metadata
from ficlens.readers import ao3
from ficlens.readers.blocks import (
    ChapterDraft,
    assemble,
    flatten,
    split_by_headings,
)
from ficlens.readers.limits import read_limited, strip_control
from ficlens.readers.text import document_from_text, looks_binary

logger = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                           re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_MARKUP = re.compile(r"<\s*[A-Za-z!/?]")
_SNIFF_BYTES = 4096


def decode_html(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode an HTML file: BOM, then UTF-8, then its ``<meta charset>``, then cp1252.

    Returns the text and a warning message when a guess was needed.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), None
    if b"\x00" in data[:8192]:
        raise UnsupportedFormatError(f"{name}: looks like a binary file, not HTML")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace"), None
        except LookupError:
            pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; decoded as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8 or cp1252; decoded as latin-1"


def html_parser() -> lxml.html.HTMLParser:
    """lxml's HTML parser; it never loads DTDs, expands entities or uses the network."""
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                no_network=True)


def parse_html(text: str, name: str) -> etree._Element:
    """Parse HTML text into a tree (``<html>`` root); refuse what is not HTML at all."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if looks_binary(text):
        raise UnsupportedFormatError(f"{name}: looks like a binary file, not HTML")
    try:
        return lxml.html.document_fromstring(
            strip_control(text).encode("utf-8"), parser=html_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise UnsupportedFormatError(f"{name}: cannot be parsed as HTML ({error})") from None


def read(path: Path, max_bytes: int | None = None) -> Document:
    """Read an AO3 download or any other HTML page."""
    data = read_limited(path, max_bytes)
    if not data.strip():
        raise EmptyStoryError(f"{path.name}: the file is empty")
    text, note = decode_html(data, path.name)
    if looks_binary(text):
        raise UnsupportedFormatError(f"{path.name}: looks like a binary file, not HTML")
    if not _MARKUP.search(text[:_SNIFF_BYTES * 4]):
        doc = document_from_text(strip_control(text), path.name)
        doc.warn("format", f"{path.name}: no HTML markup found; read as plain text")
    else:
        doc = document_from_tree(parse_html(text, path.name), path.name)
    if note:
        logger.warning("%s: %s", path.name, note)
        doc.warn("encoding", note)
    return doc


def document_from_tree(root: etree._Element, name: str) -> Document:
    """The document of a parsed page: the AO3 reading when it is one, else generic."""
    page = ao3.find_page([root])
    if page is not None:
        return read_ao3(page, name, source_format="ao3-html")
    return read_generic(root, name)


def read_ao3(page: ao3.Ao3Page, name: str, source_format: str,
             fallback: Metadata | None = None) -> Document:
    """An AO3 work (HTML or EPUB) from its page regions."""
    metadata = ao3.metadata(page)
    if fallback is not None:
        _fill_missing(metadata, fallback)
    metadata.source_format = source_format
    drafts = ao3.chapter_drafts(page, metadata.title)
    return assemble(drafts, metadata, name)


# What an EPUB's OPF may supply when the AO3 preface lacks it (its dc:subject list
# mixes every kind of AO3 tag, so tags are not taken from it).
FALLBACK_FIELDS = ("title", "authors", "language", "summary", "url", "published", "updated")


def _fill_missing(metadata: Metadata, fallback: Metadata) -> None:
    for key in FALLBACK_FIELDS:
        value = getattr(fallback, key)
        if value and not getattr(metadata, key):
            setattr(metadata, key, value)


def read_generic(root: etree._Element, name: str) -> Document:
    """A page that is not an AO3 download."""
    body = root.find("body")
    blocks = flatten(body if body is not None else root)
    title = _page_title(root)
    drafts = split_by_headings(blocks)
    keep_chapters = drafts is not None
    if drafts is None:
        if title is not None:
            blocks = _without_title_heading(blocks, title)
        drafts = [ChapterDraft(blocks=blocks)]
    metadata = Metadata(title=title, source_format="html")
    language = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    metadata.language = (language.strip() or None) if language else None
    try:
        return assemble(drafts, metadata, name, keep_chapters=keep_chapters)
    except EmptyStoryError:
        raise EmptyStoryError(f"{name}: the HTML page holds no story text") from None


def _page_title(root: etree._Element) -> str | None:
    for path in (".//head/title", ".//h1"):
        for element in root.iterfind(path):
            # <title> is not story content, so the block flattener skips it: read it directly.
            title = " ".join("".join(element.itertext()).split())
            if title:
                return title
    return None


def _without_title_heading(blocks: list, title: str) -> list:
    """Drop a leading heading that repeats the page title."""
    for index, block in enumerate(blocks):
        if block.kind == "blank":
            continue
        if block.kind == "heading" and (block.text == title or index == 0):
            return blocks[:index] + blocks[index + 1:]
        break
    return blocks
