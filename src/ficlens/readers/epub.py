"""EPUB reader (EPUB 2 and 3; AO3 downloads; FanFicFare and calibre books).

The archive is checked before anything is decompressed (:mod:`.limits`: zip bombs,
path traversal), and every XML file is parsed with entities, DTDs and network
access off. ``META-INF/container.xml`` names the OPF package; its metadata
(``dc:title``, ``dc:creator``, ``dc:language``, ``dc:subject`` -> tags,
``dc:description`` -> summary) describes the work, and its spine orders the content
documents.

An AO3 EPUB is AO3's HTML download split into files, so it is read like the HTML
(:mod:`.ao3`): same chapter titles, same text, notes kept apart. Any other EPUB is
read in spine order, leaving out navigation, table-of-contents, cover and title
pages; chapters start where the table of contents (EPUB 3 nav or NCX) points,
titled by its labels, or else at each content document.
"""

from __future__ import annotations

import io
import logging
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import lxml.html
from lxml import etree

from ficlens.errors import CorruptInputError, EmptyStoryError, UnsupportedFormatError
from ficlens.model import Document, Metadata, Series
from ficlens.readers import ao3
from ficlens.readers.blocks import (
    TEXT_KINDS,
    Block,
    ChapterDraft,
    assemble,
    flatten,
    split_by_headings,
    strip_leading_headings,
    text_of,
)
from ficlens.readers.html import decode_html, html_parser, parse_html, read_ao3
from ficlens.readers.limits import check_zip_members, parse_xml, read_limited, read_member

logger = logging.getLogger(__name__)

CONTAINER_PATH = "META-INF/container.xml"
CONTENT_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/html"})
NCX_TYPE = "application/x-dtbncx+xml"
SKIP_GUIDE_TYPES = frozenset({"toc", "cover", "title-page", "copyright-page", "loi", "lot"})
FRONT_MATTER_NAME = re.compile(
    r"(?:^|[_\-. ])(?:toc|nav|contents?|title[_\-]?page|cover|copyright|colophon|"
    r"log[_\-]?page|info(?:rmation)?|about)(?:[_\-. ]|$)")
# A document with a front-matter file name is front matter when shorter than this.
MAX_FRONT_MATTER_WORDS = 400
# A document whose text is mostly links (at least TOC_MIN_LINKS) is a table of contents.
TOC_LINK_SHARE = 0.5
TOC_MIN_LINKS = 3
_URL = re.compile(r"https?://\S+")


@dataclass
class ManifestItem:
    id: str
    path: str
    media_type: str
    properties: set[str] = field(default_factory=set)


@dataclass
class Package:
    """What the OPF file says: metadata, manifest, reading order and landmarks."""

    path: str
    metadata: Metadata
    manifest: dict[str, ManifestItem]
    spine: list[ManifestItem]
    ncx: ManifestItem | None = None
    guide: dict[str, str] = field(default_factory=dict)


@dataclass
class TocEntry:
    path: str
    fragment: str | None
    label: str


def read(path: Path, max_bytes: int | None = None) -> Document:
    data = read_limited(path, max_bytes)
    if not data.strip():
        raise EmptyStoryError(f"{path.name}: the file is empty")
    archive = open_archive(data, path.name)
    try:
        return read_archive(archive, path.name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
        raise CorruptInputError(f"{path.name}: damaged EPUB archive ({error})") from None
    finally:
        archive.close()


def open_archive(data: bytes, name: str) -> zipfile.ZipFile:
    """The zip archive in ``data``, checked for zip bombs and unsafe member names."""
    if not data.startswith(b"PK"):
        raise CorruptInputError(f"{name}: not an EPUB (the file is not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as error:
        raise CorruptInputError(
            f"{name}: the EPUB's zip archive is truncated or corrupt ({error})") from None
    check_zip_members(archive, name)
    return archive


def _member(archive: zipfile.ZipFile, member: str, name: str) -> bytes | None:
    try:
        info = archive.getinfo(member)
    except KeyError:
        return None
    if info.flag_bits & 0x1:
        raise UnsupportedFormatError(f"{name}: the EPUB is encrypted (DRM); ficlens cannot read it")
    return read_member(archive, info, name)


def _xml(archive: zipfile.ZipFile, member: str, name: str) -> etree._Element | None:
    """A parsed XML member with namespaces dropped from tags, or None when missing."""
    data = _member(archive, member, name)
    if data is None:
        return None
    try:
        root = parse_xml(data, f"{name}: {member}")
    except etree.XMLSyntaxError as error:
        raise CorruptInputError(f"{name}: {member} is not well-formed XML ({error})") from None
    return strip_namespaces(root)


def strip_namespaces(root: etree._Element) -> etree._Element:
    for element in root.iter():
        tag = element.tag
        if isinstance(tag, str) and tag.startswith("{"):
            element.tag = tag.rpartition("}")[2]
    return root


def attribute(element: etree._Element, name: str) -> str | None:
    """An attribute by local name, whatever its namespace (``opf:role``, ``epub:type``)."""
    value = element.get(name)
    if value is not None:
        return value
    for key, value in element.attrib.items():
        if key.rpartition("}")[2] == name or key.rpartition(":")[2] == name:
            return value
    return None


def resolve(base_dir: str, href: str) -> tuple[str | None, str | None]:
    """(archive path, fragment) of ``href`` relative to ``base_dir``; path None if outside."""
    href, _, fragment = href.partition("#")
    if not href:
        return None, fragment or None
    joined = posixpath.normpath(posixpath.join(base_dir, unquote(href)))
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None, None
    return joined, fragment or None


def read_archive(archive: zipfile.ZipFile, name: str) -> Document:
    package = read_package(archive, name)
    problems: list[str] = []
    docs = _content_documents(archive, package, name, problems)
    if not docs:
        raise EmptyStoryError(f"{name}: the EPUB has no readable content documents")
    page = ao3.find_page(root for _, root in docs)
    if page is not None:
        doc = read_ao3(page, name, source_format="ao3-epub", fallback=package.metadata)
    else:
        drafts = _generic_drafts(package, docs, toc_entries(archive, package, name))
        try:
            doc = assemble(drafts, package.metadata, name)
        except EmptyStoryError:
            raise EmptyStoryError(f"{name}: the EPUB holds no story text") from None
    for problem in problems:
        logger.warning("%s", problem)
        doc.warn("epub", problem)
    return doc


def read_package(archive: zipfile.ZipFile, name: str) -> Package:
    """Find and read the OPF package named by ``META-INF/container.xml``."""
    opf_path = None
    container = _xml(archive, CONTAINER_PATH, name)
    if container is not None:
        for rootfile in container.iter("rootfile"):
            opf_path = rootfile.get("full-path")
            if opf_path:
                break
    if not opf_path:
        opf_path = next((member for member in archive.namelist()
                         if member.lower().endswith(".opf")), None)
    root = _xml(archive, opf_path, name) if opf_path else None
    if root is None:
        raise CorruptInputError(f"{name}: no OPF package file (is it an EPUB?)")
    return parse_package(root, opf_path)


def parse_package(root: etree._Element, opf_path: str) -> Package:
    base_dir = posixpath.dirname(opf_path)
    manifest: dict[str, ManifestItem] = {}
    for item in root.iter("item"):
        path, _ = resolve(base_dir, item.get("href") or "")
        if path and item.get("id"):
            manifest[item.get("id")] = ManifestItem(
                item.get("id"), path, (item.get("media-type") or "").lower(),
                set((item.get("properties") or "").split()))
    spine_element = root.find(".//spine")
    spine = []
    for itemref in root.iter("itemref"):
        item = manifest.get(itemref.get("idref") or "")
        if item is not None and itemref.get("linear") != "no":
            spine.append(item)
    ncx_id = spine_element.get("toc") if spine_element is not None else None
    ncx = manifest.get(ncx_id or "") or next(
        (item for item in manifest.values() if item.media_type == NCX_TYPE), None)
    guide = {}
    for reference in root.iter("reference"):
        path, _ = resolve(base_dir, reference.get("href") or "")
        if path:
            guide[path] = (reference.get("type") or "").lower()
    return Package(opf_path, opf_metadata(root), manifest, spine, ncx, guide)


def opf_metadata(root: etree._Element) -> Metadata:
    """Dublin Core metadata (plus calibre's and EPUB 3's series) from the OPF."""
    meta = Metadata(source_format="epub")
    texts = {key: [ao3.clean(element.text) for element in root.iter(key)
                   if ao3.clean(element.text)]
             for key in ("title", "language", "subject", "source", "identifier", "relation")}
    meta.title = texts["title"][0] if texts["title"] else None
    meta.language = texts["language"][0] if texts["language"] else None
    meta.tags = list(dict.fromkeys(texts["subject"]))
    creators = [(attribute(c, "role"), ao3.clean(c.text)) for c in root.iter("creator")]
    meta.authors = ([n for role, n in creators if n and role in (None, "aut")]
                    or [n for _, n in creators if n])
    for description in root.iter("description"):
        meta.summary = _html_text(description.text or "") or None
        break
    for value in texts["source"] + texts["identifier"] + texts["relation"]:
        match = _URL.search(value)
        if match:
            meta.url = match.group(0)
            break
    for date in root.iter("date"):
        event = (attribute(date, "event") or "publication").lower()
        value = ao3.clean(date.text)[:10] or None
        if event == "modification":
            meta.updated = value
        elif meta.published is None:
            meta.published = value
    meta.series = _series(root)
    return meta


def _html_text(markup: str) -> str:
    """Plain text of a description that may hold (escaped) HTML."""
    if not markup.strip():
        return ""
    try:
        fragment = lxml.html.fragment_fromstring(
            markup.encode("utf-8"), create_parent="div", parser=html_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return ao3.clean(markup)
    return text_of(fragment)


def _series(root: etree._Element) -> list[Series]:
    metas = list(root.iter("meta"))
    named = {meta.get("name"): meta.get("content") for meta in metas if meta.get("name")}
    if named.get("calibre:series"):
        index = named.get("calibre:series_index") or ""
        part = int(float(index)) if re.fullmatch(r"\d+(?:\.\d+)?", index) else None
        return [Series(ao3.clean(named["calibre:series"]), part)]
    found = []
    for meta in metas:
        if meta.get("property") == "belongs-to-collection" and ao3.clean(meta.text):
            position = next((ao3.clean(m.text) for m in metas
                             if m.get("refines") == f"#{meta.get('id')}"
                             and m.get("property") == "group-position"), "")
            part = int(position) if position.isdigit() else None
            found.append(Series(ao3.clean(meta.text), part))
    return found


def _content_documents(archive: zipfile.ZipFile, package: Package, name: str,
                       problems: list[str]) -> list[tuple[ManifestItem, etree._Element]]:
    docs = []
    for item in package.spine:
        if item.media_type not in CONTENT_TYPES:
            continue
        data = _member(archive, item.path, name)
        if data is None:
            problems.append(f"{name}: spine document {item.path} is missing; skipped")
            continue
        root = parse_content(data, f"{name}: {item.path}")
        if root is None:
            problems.append(f"{name}: spine document {item.path} cannot be parsed; skipped")
            continue
        docs.append((item, root))
    return docs


def parse_content(data: bytes, label: str) -> etree._Element | None:
    """An XHTML content document; lxml's HTML parser is the fallback for bad XML."""
    try:
        return strip_namespaces(parse_xml(data, label))
    except etree.XMLSyntaxError:
        pass
    try:
        text, _ = decode_html(data, label)
        return parse_html(text, label)
    except UnsupportedFormatError:
        return None


def toc_entries(archive: zipfile.ZipFile, package: Package, name: str) -> list[TocEntry]:
    """The table of contents: the EPUB 3 nav document, else the NCX."""
    nav = next((item for item in package.manifest.values() if "nav" in item.properties), None)
    entries: list[TocEntry] = []
    if nav is not None:
        data = _member(archive, nav.path, name)
        root = parse_content(data, f"{name}: {nav.path}") if data else None
        if root is not None:
            entries = _nav_entries(root, posixpath.dirname(nav.path))
    if not entries and package.ncx is not None:
        root = _xml(archive, package.ncx.path, name)
        if root is not None:
            entries = _ncx_entries(root, posixpath.dirname(package.ncx.path))
    return entries


def _nav_entries(root: etree._Element, base_dir: str) -> list[TocEntry]:
    navs = list(root.iter("nav"))
    toc = next((nav for nav in navs if attribute(nav, "type") == "toc"), navs[0] if navs else None)
    entries = []
    for link in toc.iter("a") if toc is not None else ():
        path, fragment = resolve(base_dir, link.get("href") or "")
        if path:
            entries.append(TocEntry(path, fragment, ao3.inline_text(link)))
    return entries


def _ncx_entries(root: etree._Element, base_dir: str) -> list[TocEntry]:
    entries = []
    for point in root.iter("navPoint"):
        content = point.find("content")
        label = point.find("navLabel/text")
        path, fragment = resolve(base_dir, content.get("src") or "") if content is not None \
            else (None, None)
        if path:
            entries.append(TocEntry(path, fragment, ao3.clean(
                label.text if label is not None else "")))
    return entries


def _generic_drafts(package: Package, docs: list[tuple[ManifestItem, etree._Element]],
                    toc: list[TocEntry]) -> list[ChapterDraft]:
    by_path: dict[str, list[TocEntry]] = {}
    for entry in toc:
        by_path.setdefault(entry.path, []).append(entry)
    drafts: list[ChapterDraft] = []
    for item, root in docs:
        body = root.find(".//body")
        body = root if body is None else body
        blocks = flatten(body)
        if is_front_matter(item, package.guide.get(item.path, ""), body, blocks):
            continue
        _add_document(drafts, blocks, by_path.get(item.path, []), has_toc=bool(toc))
    if len(drafts) == 1:
        drafts = split_by_headings(drafts[0].blocks) or drafts
    for draft in drafts:
        strip_leading_headings(draft)
    return drafts


def is_front_matter(item: ManifestItem, guide_type: str, body: etree._Element,
                    blocks: list[Block]) -> bool:
    """Navigation, table of contents, cover, title or copyright page?"""
    if "nav" in item.properties or guide_type in SKIP_GUIDE_TYPES:
        return True
    texts = [block.text for block in blocks if block.kind in TEXT_KINDS]
    words = sum(len(text.split()) for text in texts)
    if words == 0:
        return True
    links = list(body.iter("a"))
    link_chars = sum(len(ao3.inline_text(link)) for link in links)
    if len(links) >= TOC_MIN_LINKS and link_chars >= TOC_LINK_SHARE * sum(map(len, texts)):
        return True
    stem = posixpath.splitext(posixpath.basename(item.path))[0].lower()
    return FRONT_MATTER_NAME.search(stem) is not None and words < MAX_FRONT_MATTER_WORDS


def _add_document(drafts: list[ChapterDraft], blocks: list[Block], entries: list[TocEntry],
                  has_toc: bool) -> None:
    """Add one content document: cut where TOC entries point, else continue or start."""
    cuts: dict[int, str] = {}
    for entry in entries:
        index = 0 if entry.fragment is None else _anchor_index(blocks, entry.fragment)
        if index is not None:
            cuts.setdefault(index, entry.label)
    if not cuts:
        if has_toc and drafts:
            drafts[-1].blocks.extend(blocks)
        else:
            drafts.append(ChapterDraft(blocks=blocks))
        return
    starts = sorted(cuts)
    if starts[0] > 0:
        if drafts:
            drafts[-1].blocks.extend(blocks[:starts[0]])
        else:
            drafts.append(ChapterDraft(blocks=blocks[:starts[0]]))
    for start, end in zip(starts, [*starts[1:], len(blocks)], strict=True):
        drafts.append(ChapterDraft(title=cuts[start] or None, blocks=blocks[start:end]))


def _anchor_index(blocks: list[Block], fragment: str) -> int | None:
    return next((index for index, block in enumerate(blocks) if fragment in block.anchors), None)
