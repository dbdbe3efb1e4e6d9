"""Archive of Our Own downloads: the work's metadata, chapters and notes.

AO3's "Download HTML" page and its EPUB (the same page converted by calibre and
split into several files, with classes renamed) share one skeleton, which both
readers hand to this module as :class:`Ao3Page`:

* ``#preface``: a ``<dl>`` of tags (``Rating:``, ``Fandom:``, ``Series:``, ``Stats:``…),
  the title ``<h1>``, the ``.byline``, then ``<p>Summary</p>`` and ``<p>Notes</p>``
  each followed by a ``<blockquote>``;
* ``#chapters``: per chapter a meta ``<div>`` with ``<h2 class="heading">`` and
  optional ``Chapter Summary``/``Chapter Notes`` blockquotes, a ``userstuff`` div
  with the story text, and an ``#endnotesN`` div with ``Chapter End Notes``;
  a one-chapter work has just the text div (after an ``<h2 class="toc-heading">``);
* ``#afterword``: ``#endnotes`` with the work's ``End Notes``.

Notes and summaries become metadata; only the ``userstuff`` text becomes story text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from ficlens.model import Metadata, Series
from ficlens.readers.blocks import TEXT_KINDS, ChapterDraft, flatten, local_name, text_of
from ficlens.readers.limits import strip_control

AO3_WORK_URL = re.compile(r"https?://(?:www\.)?archiveofourown\.org/works/\d+")
_CHAPTER_PREFIX = re.compile(r"^Chapter\s+\d+\s*:\s*(?=\S)", re.IGNORECASE)
_SERIES_PART = re.compile(r"Part\s+(\d+)\s+of\s*$", re.IGNORECASE)
_STATS_DATE = re.compile(r"\b(Published|Updated|Completed):\s*(\d{4}-\d{2}-\d{2})")
_SPACE = re.compile(r"\s+")
_REGIONS = "//*[@id='preface' or @id='chapters' or @id='afterword']"

# ``<dt>`` label (lower case, no colon) -> Metadata field.
TAG_FIELDS = {
    "rating": "rating", "ratings": "rating",
    "archive warning": "warnings", "archive warnings": "warnings",
    "category": "categories", "categories": "categories",
    "fandom": "fandoms", "fandoms": "fandoms",
    "relationship": "relationships", "relationships": "relationships",
    "character": "characters", "characters": "characters",
    "additional tag": "tags", "additional tags": "tags",
}
# AO3's language names for the languages most works are in -> BCP 47 codes.
LANGUAGE_CODES = {
    "english": "en", "español": "es", "français": "fr", "deutsch": "de", "italiano": "it",
    "português brasileiro": "pt-BR", "português europeu": "pt-PT", "русский": "ru",
    "polski": "pl", "nederlands": "nl", "中文-普通话 國語": "zh", "中文-广东话 粵語": "yue",
    "日本語": "ja", "한국어": "ko", "tiếng việt": "vi", "bahasa indonesia": "id",
    "türkçe": "tr", "svenska": "sv", "suomi": "fi", "dansk": "da", "norsk": "no",
    "čeština": "cs", "magyar": "hu", "українська": "uk", "ελληνικά": "el",
}


@dataclass
class Ao3Page:
    """The three regions of an AO3 download, gathered from one or more documents."""

    preface: list[etree._Element] = field(default_factory=list)
    chapter_parts: list[etree._Element] = field(default_factory=list)
    afterword: list[etree._Element] = field(default_factory=list)


def find_page(roots: Iterable[etree._Element]) -> Ao3Page | None:
    """The AO3 regions of ``roots`` (in order), or None when they are not an AO3 download."""
    page = Ao3Page()
    for root in roots:
        for region in root.xpath(_REGIONS):
            region_id = region.get("id")
            if region_id == "preface":
                page.preface.append(region)
            elif region_id == "afterword":
                page.afterword.append(region)
            else:
                page.chapter_parts.extend(child for child in region if local_name(child))
    if not page.preface or not page.chapter_parts:
        return None
    links = (href for element in page.preface for href in element.xpath(".//a/@href"))
    if not any(AO3_WORK_URL.match(href) for href in links):
        return None
    return page


def clean(text: str | None) -> str:
    return _SPACE.sub(" ", strip_control(text or "")).strip()


def inline_text(element: etree._Element) -> str:
    """The text of a small element (a heading, a label, a link) on one line."""
    return clean(text_of(element))


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def labelled_blockquotes(container: etree._Element) -> dict[str, list[str]]:
    """``<p>Label</p><blockquote>…</blockquote>`` pairs under ``container``, by label."""
    found: dict[str, list[str]] = {}
    for paragraph in container.iter("p"):
        label = inline_text(paragraph).rstrip(":").lower()
        if not label or len(label) > 40:
            continue
        following = paragraph.getnext()
        if following is not None and local_name(following) == "blockquote":
            text = text_of(following)
            if text:
                found.setdefault(label, []).append(text)
    return found


def clean_chapter_title(heading: str) -> str:
    """``Chapter 3: Title`` -> ``Title`` (AO3's EPUB drops the prefix); ``Chapter 2`` stays."""
    return _CHAPTER_PREFIX.sub("", clean(heading))


def metadata(page: Ao3Page) -> Metadata:
    """Everything the preface and afterword say about the work."""
    meta = Metadata(source_format="ao3")
    for preface in page.preface:
        for tag_list in preface.iter("dl"):
            _read_tag_list(tag_list, meta)
        for heading in preface.iter("h1"):
            meta.title = meta.title or inline_text(heading)
        for byline in preface.xpath(".//*[contains(concat(' ', @class, ' '), ' byline ')]"):
            meta.authors = meta.authors or _authors(byline)
        labels = labelled_blockquotes(preface)
        if labels.get("summary") and meta.summary is None:
            meta.summary = "\n\n".join(labels["summary"])
        meta.notes.extend(labels.get("notes", []))
        for href in preface.xpath(".//a/@href"):
            match = AO3_WORK_URL.match(href)
            if match and meta.url is None:  # the same work whatever the download says
                meta.url = re.sub(r"^http://(?:www\.)?", "https://", match.group(0))
    if meta.title is None:
        for bold in (b for preface in page.preface for b in preface.xpath(".//p//b")):
            meta.title = inline_text(bold) or None
            break
    for afterword in page.afterword:
        meta.notes.extend(labelled_blockquotes(afterword).get("end notes", []))
    return meta


def _authors(byline: etree._Element) -> list[str]:
    names = [inline_text(link) for link in byline.xpath(".//a[@rel='author']")]
    if names:
        return [name for name in names if name]
    text = re.sub(r"^by\s+", "", inline_text(byline), flags=re.IGNORECASE)
    return [text] if text else []


def _read_tag_list(tag_list: etree._Element, meta: Metadata) -> None:
    label = ""
    for child in tag_list:
        name = local_name(child)
        if name == "dt":
            label = inline_text(child).rstrip(":").lower()
        elif name == "dd":
            _read_tag_value(label, child, meta)


def _read_tag_value(label: str, value: etree._Element, meta: Metadata) -> None:
    links = [inline_text(link) for link in value.iter("a")]
    text = inline_text(value)
    if label in TAG_FIELDS:
        target = TAG_FIELDS[label]
        names = [name for name in links if name] or ([text] if text else [])
        if target == "rating":
            meta.rating = names[0] if names else None
        else:
            getattr(meta, target).extend(names)
    elif label == "language" and text:
        meta.language = LANGUAGE_CODES.get(text.lower(), text)
    elif label == "series":
        meta.series.extend(_series(value))
    elif label == "stats":
        for key, date in _STATS_DATE.findall(text):
            if key == "Published":
                meta.published = date
            elif meta.updated is None or key == "Updated":
                meta.updated = date


def _series(value: etree._Element) -> list[Series]:
    """``Part 1 of <a>Name</a>, Part 3 of <a>Other</a>`` -> Series records."""
    found = []
    for link in value.iter("a"):
        previous = link.getprevious()
        before = previous.tail if previous is not None else link.getparent().text
        match = _SERIES_PART.search(clean(before))
        name = inline_text(link)
        if name:
            found.append(Series(name, int(match.group(1)) if match else None))
    return found


def chapter_drafts(page: Ao3Page, work_title: str | None) -> list[ChapterDraft]:
    """One draft per chapter, with its heading, summary, notes and text blocks."""
    drafts: list[ChapterDraft] = []
    single_title: str | None = None
    for part in page.chapter_parts:
        classes = _classes(part)
        if "toc-heading" in classes:
            single_title = inline_text(part) or None
        elif (part.get("id") or "").startswith("endnotes"):
            if drafts:
                drafts[-1].end_notes.extend(
                    labelled_blockquotes(part).get("chapter end notes", []))
        elif not any(name.startswith("userstuff") for name in classes) and _is_chapter_meta(part):
            drafts.append(_chapter_meta(part))
        else:
            blocks = flatten(part)
            if not any(block.kind in TEXT_KINDS for block in blocks):
                continue
            if not drafts:
                drafts.append(ChapterDraft(title=single_title or work_title))
            drafts[-1].blocks.extend(blocks)
    return drafts


def _headings(part: etree._Element) -> list[etree._Element]:
    return part.xpath(
        "descendant-or-self::h2[contains(concat(' ', normalize-space(@class), ' '), ' heading ')]")


def _is_chapter_meta(part: etree._Element) -> bool:
    return bool(_headings(part))


def _chapter_meta(part: etree._Element) -> ChapterDraft:
    heading = _headings(part)[0]
    labels = labelled_blockquotes(part)
    summary = "\n\n".join(labels.get("chapter summary", [])) or None
    return ChapterDraft(title=clean_chapter_title(inline_text(heading)) or None,
                        summary=summary, notes=labels.get("chapter notes", []))
