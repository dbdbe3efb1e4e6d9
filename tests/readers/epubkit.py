"""Builders of small EPUB files for the reader tests (all text is invented here)."""

from __future__ import annotations

import zipfile
from pathlib import Path

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>"""

OPF = """<?xml version="1.0" encoding="utf-8"?>{doctype}
<package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>{title}</dc:title>
    <dc:creator opf:role="aut">Wren Halloway</dc:creator>
    <dc:language>en</dc:language>
    <dc:identifier id="id">urn:uuid:00000000-0000-0000-0000-000000000001</dc:identifier>
    <dc:subject>Adventure</dc:subject>
    <dc:subject>Found Family</dc:subject>
    <dc:description>&lt;p&gt;Two friends &lt;b&gt;cross&lt;/b&gt; a river.&lt;/p&gt;
    </dc:description>
    <dc:source>https://example.org/stories/42</dc:source>
    <dc:date opf:event="publication">2021-05-04</dc:date>
    <meta name="calibre:series" content="River Tales"/>
    <meta name="calibre:series_index" content="2"/>
  </metadata>
  <manifest>
{items}
  </manifest>
  <spine{spine_attrs}>
{itemrefs}
  </spine>
</package>"""

XHTML = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>
<body>{body}</body></html>"""


def xhtml(body: str, title: str = "page") -> str:
    return XHTML.format(title=title, body=body)


def ncx(entries: list[tuple[str, str]]) -> str:
    points = "".join(
        f'<navPoint id="n{i}" playOrder="{i}"><navLabel><text>{label}</text></navLabel>'
        f'<content src="{src}"/></navPoint>' for i, (label, src) in enumerate(entries, 1))
    return ('<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
            f'version="2005-1"><navMap>{points}</navMap></ncx>')


def nav(entries: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="{src}">{label}</a></li>' for label, src in entries)
    return ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops"><body>'
            f'<nav epub:type="toc"><ol>{links}</ol></nav></body></html>')


def write_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def epub_members(documents: list[tuple[str, str]], *, toc: str | None = "ncx",
                 toc_entries: list[tuple[str, str]] | None = None, title: str = "River Book",
                 doctype: str = "", version: str = "2.0",
                 extra_items: str = "", spine_order: list[str] | None = None,
                 ) -> dict[str, str | bytes]:
    """Members of an EPUB whose spine holds ``documents`` ((file name, xhtml) pairs)."""
    items = [f'<item id="d{i}" href="{name}" media-type="application/xhtml+xml"/>'
             for i, (name, _) in enumerate(documents)]
    members: dict[str, str | bytes] = {"META-INF/container.xml": CONTAINER}
    spine_attrs = ""
    if toc == "ncx":
        items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
        members["OEBPS/toc.ncx"] = ncx(toc_entries or [])
        spine_attrs = ' toc="ncx"'
    elif toc == "nav":
        items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
                     'properties="nav"/>')
        members["OEBPS/nav.xhtml"] = nav(toc_entries or [])
    order = spine_order or [f"d{i}" for i in range(len(documents))]
    itemrefs = "\n".join(f'<itemref idref="{ref}"/>' for ref in order)
    if toc == "nav":
        itemrefs = '<itemref idref="nav"/>\n' + itemrefs
    members["OEBPS/content.opf"] = OPF.format(
        title=title, version=version, doctype=doctype, spine_attrs=spine_attrs,
        items="\n".join(items) + extra_items, itemrefs=itemrefs)
    for name, content in documents:
        members[f"OEBPS/{name}"] = content
    return members
