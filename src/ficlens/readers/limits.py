"""Input limits and hostile-input checks shared by every reader.

* :func:`read_limited` refuses files larger than the input limit (default 100 MiB;
  ``FICLENS_MAX_INPUT_BYTES`` or a ``max_bytes`` argument changes it).
* :func:`check_zip_members` and :func:`read_member` refuse zip bombs (too much
  uncompressed data in total, or a large member compressed more than 100:1) and
  member names that climb out of the archive (``../``, absolute paths).
* :func:`parse_xml` parses XML with entity resolution, DTD loading and network
  access switched off, and refuses documents that declare entities at all.
* :func:`strip_control` removes control characters (other than ``\\n`` and ``\\t``).
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from lxml import etree

from ficlens.errors import (
    ConfigError,
    InputNotFoundError,
    InputTooLargeError,
    UnsafeInputError,
)

ENV_MAX_INPUT_BYTES = "FICLENS_MAX_INPUT_BYTES"
DEFAULT_MAX_INPUT_BYTES = 100 * 1024 * 1024
# Zip archives (EPUB): the sum of the declared uncompressed sizes of all members.
DEFAULT_MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
# A member larger than RATIO_CHECK_MIN_BYTES may not be compressed more than this.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_MIN_BYTES = 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
# No single XML/XHTML member we parse may be larger than this once decompressed.
MAX_MEMBER_BYTES = 64 * 1024 * 1024

_MIB = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")

# Control characters (Unicode category Cc) other than \n and \t, plus invisible
# characters that only get in the tokenizer's way (BOM, zero-width space, soft hyphen).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u200b\u00ad]")


def strip_control(text: str) -> str:
    """``text`` without control characters (``\\n`` and ``\\t`` are kept)."""
    return _CONTROL.sub("", text)


def max_input_bytes(override: int | None = None) -> int:
    """The input size limit: ``override``, else ``$FICLENS_MAX_INPUT_BYTES``, else 100 MiB."""
    if override is not None:
        if override <= 0:
            raise ConfigError(f"max_bytes must be a positive number of bytes, not {override}")
        return override
    raw = os.environ.get(ENV_MAX_INPUT_BYTES, "").strip()
    if not raw:
        return DEFAULT_MAX_INPUT_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(
            f"{ENV_MAX_INPUT_BYTES}={raw!r} is not a whole number of bytes") from None
    if value <= 0:
        raise ConfigError(f"{ENV_MAX_INPUT_BYTES}={raw!r} must be a positive number of bytes")
    return value


def _too_large(name: str, size: int, limit: int) -> InputTooLargeError:
    return InputTooLargeError(
        f"{name}: {size / _MIB:.1f} MiB is over the input limit of {limit / _MIB:.1f} MiB "
        f"(raise it with {ENV_MAX_INPUT_BYTES} or max_bytes)")


def read_limited(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path``; :class:`InputTooLargeError` when it is over the limit."""
    limit = max_input_bytes(max_bytes)
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_large(path.name, size, limit)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputNotFoundError(f"{path}: cannot be read ({error.strerror})") from None
    if len(data) > limit:  # the file grew, or stat() does not know its size
        raise _too_large(path.name, len(data), limit)
    return data


def unsafe_member_name(member: str) -> bool:
    """True when a zip member name is absolute or climbs out of the archive."""
    if member.startswith(("/", "\\")) or _DRIVE.match(member):
        return True
    return any(part == ".." for part in re.split(r"[\\/]", member))


def check_zip_members(archive: zipfile.ZipFile, name: str,
                      max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED_BYTES) -> None:
    """Refuse path traversal and zip bombs, judging by the archive's directory alone."""
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UnsafeInputError(
            f"{name}: the archive holds {len(infos)} files (limit {MAX_ZIP_MEMBERS})")
    total = 0
    for info in infos:
        if unsafe_member_name(info.filename):
            raise UnsafeInputError(
                f"{name}: archive member {info.filename!r} has an unsafe path "
                "(absolute or containing '..')")
        total += info.file_size
        if info.file_size > RATIO_CHECK_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_COMPRESSION_RATIO:
                raise UnsafeInputError(
                    f"{name}: archive member {info.filename!r} is compressed {ratio:.0f}:1 "
                    f"(limit {MAX_COMPRESSION_RATIO}:1); refusing a likely zip bomb")
    if total > max_uncompressed:
        raise UnsafeInputError(
            f"{name}: the archive unpacks to {total / _MIB:.1f} MiB "
            f"(limit {max_uncompressed / _MIB:.1f} MiB); refusing a likely zip bomb")


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
                limit: int = MAX_MEMBER_BYTES) -> bytes:
    """The decompressed bytes of one member, never reading more than ``limit`` bytes.

    zipfile stops at the declared size and checks the CRC, so a member that lies
    about its size fails with ``BadZipFile`` (the caller turns that into a
    :class:`~ficlens.errors.CorruptInputError`).
    """
    if info.file_size > limit:
        raise UnsafeInputError(
            f"{name}: archive member {info.filename!r} is {info.file_size / _MIB:.1f} MiB "
            f"(limit {limit / _MIB:.0f} MiB)")
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeInputError(f"{name}: archive member {info.filename!r} is too large")
    return data


def xml_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads DTDs or touches the network."""
    return etree.XMLParser(
        resolve_entities=False, load_dtd=False, dtd_validation=False, no_network=True,
        huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse ``data`` safely; :class:`etree.XMLSyntaxError` propagates to the caller.

    A document whose DTD declares entities is refused outright with
    :class:`UnsafeInputError` (the policy of defusedxml): no story needs them, and
    they are how XXE and "billion laughs" attacks begin. They are never expanded.
    """
    root = etree.fromstring(data, xml_parser())
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None:
        for entity in dtd.iterentities():
            kind = "an external" if entity.system_url else "an"
            raise UnsafeInputError(
                f"{name}: declares {kind} XML entity {entity.name!r}; "
                "refusing it (entities are never expanded)")
    return root
