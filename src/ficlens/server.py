"""A small local web server for a folder of analyses (``ficlens serve``).

``/`` lists every analysed work under the folder (each ``*.json`` written by
ficlens: title, fandom, words, characters, quotes); ``/<path>.report.html`` is the
report of ``<path>.json``, rendered on first request and cached until the JSON
changes (or, when there is no JSON, an existing report file); the other outputs
(``.json``, ``.tsv``, ``.parquet``, ``.graphml``, ``.gexf``) are served as files.

Nothing outside the folder is ever served: request paths are decoded once, and
any ``..`` or ``.`` segment, backslash, NUL byte or empty segment is refused with
403, as is any path (symlinks included) that resolves outside the folder. Hidden
files and other file types are 404. Reports are sent with a sandboxing
Content-Security-Policy on top of their own.
"""

from __future__ import annotations

import html
import json
import logging
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from ficlens.serialize import document_from_dict
from ficlens.writers.html_report import render_template, report_html
from ficlens.writers.outputs import REPORT_SUFFIX

logger = logging.getLogger(__name__)

FILE_TYPES = {
    ".json": "application/json",
    ".tsv": "text/tab-separated-values; charset=utf-8",
    ".parquet": "application/vnd.apache.parquet",
    ".graphml": "application/xml",
    ".gexf": "application/xml",
}
HTML_TYPE = "text/html; charset=utf-8"
INDEX_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
REPORT_POLICY = "sandbox allow-scripts"


class RequestRefused(Exception):
    """A request the server answers with an error status instead of content."""

    def __init__(self, status: HTTPStatus) -> None:
        super().__init__(status.phrase)
        self.status = status


@dataclass(frozen=True)
class WorkSummary:
    """One line of the index page."""

    link: str
    title: str
    fandoms: str
    words: int
    characters: int
    quotes: int


def _is_analysis(data: Any) -> bool:
    return isinstance(data, dict) and "format_version" in data and isinstance(data.get("text"), str)


class ReportLibrary:
    """The analyses under ``root``, with reports and summaries cached by file version."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._lock = threading.Lock()
        self._summaries: dict[Path, tuple[tuple[int, int], WorkSummary | None]] = {}
        self._reports: dict[Path, tuple[tuple[int, int], bytes]] = {}

    def resolve(self, url_path: str) -> Path:
        """The file a request path names, inside :attr:`root`, or :class:`RequestRefused`."""
        decoded = unquote(_path_part(url_path), errors="strict")
        if not decoded.startswith("/") or "\x00" in decoded or "\\" in decoded:
            raise RequestRefused(HTTPStatus.FORBIDDEN)
        parts = decoded[1:].split("/")
        if any(part in ("", ".", "..") for part in parts):
            raise RequestRefused(HTTPStatus.FORBIDDEN)
        if any(part.startswith(".") for part in parts):
            raise RequestRefused(HTTPStatus.NOT_FOUND)
        return self.inside(self.root.joinpath(*parts))

    def inside(self, path: Path) -> Path:
        """``path`` resolved (symlinks followed), refused when that leaves :attr:`root`."""
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError) as error:
            raise RequestRefused(HTTPStatus.NOT_FOUND) from error
        if not resolved.is_relative_to(self.root):
            raise RequestRefused(HTTPStatus.FORBIDDEN)
        return resolved

    def analyses(self) -> list[Path]:
        found = []
        for path in sorted(self.root.rglob("*.json")):
            relative = path.relative_to(self.root)
            if any(part.startswith(".") for part in relative.parts):
                continue
            try:
                if self.inside(path).is_file():
                    found.append(path)
            except RequestRefused:
                continue
        return found

    def summaries(self) -> list[WorkSummary]:
        return [summary for path in self.analyses() if (summary := self.summary(path))]

    def summary(self, path: Path) -> WorkSummary | None:
        version = _version(path)
        with self._lock:
            cached = self._summaries.get(path)
        if cached and cached[0] == version:
            return cached[1]
        data = _load(path)
        summary = None
        if data is not None:
            relative = path.relative_to(self.root).with_suffix("")
            metadata = data.get("metadata") or {}
            summary = WorkSummary(
                link="/" + quote(relative.as_posix() + REPORT_SUFFIX),
                title=str(metadata.get("title") or path.stem),
                fandoms=", ".join(str(f) for f in metadata.get("fandoms") or []),
                words=len(data["text"].split()),
                characters=len(data.get("characters") or []),
                quotes=len(data.get("quotes") or []))
        with self._lock:
            self._summaries[path] = (version, summary)
        return summary

    def report(self, report_path: Path) -> bytes:
        """The report page for ``<name>.report.html``: from ``<name>.json`` when there is one."""
        analysis = self.inside(report_path.with_name(report_path.name[:-len(REPORT_SUFFIX)]
                                                     + ".json"))
        if not analysis.is_file():
            if report_path.is_file():
                return report_path.read_bytes()
            raise RequestRefused(HTTPStatus.NOT_FOUND)
        version = _version(analysis)
        with self._lock:
            cached = self._reports.get(analysis)
        if cached and cached[0] == version:
            return cached[1]
        data = _load(analysis)
        if data is None:
            raise RequestRefused(HTTPStatus.NOT_FOUND)
        page = report_html(document_from_dict(data)).encode("utf-8")
        with self._lock:
            self._reports[analysis] = (version, page)
        return page

    def index(self) -> bytes:
        page = render_template("index.html.j2", root_name=self.root.name,
                               works=self.summaries())
        return page.encode("utf-8")

    def respond(self, url_path: str) -> tuple[bytes, str, str | None]:
        """(body, content type, extra Content-Security-Policy) for a GET of ``url_path``."""
        if _path_part(url_path) in ("/", "/index.html"):
            return self.index(), HTML_TYPE, INDEX_POLICY
        path = self.resolve(url_path)
        if path.name.endswith(REPORT_SUFFIX):
            return self.report(path), HTML_TYPE, REPORT_POLICY
        content_type = FILE_TYPES.get(path.suffix.lower())
        if content_type is None or not path.is_file():
            raise RequestRefused(HTTPStatus.NOT_FOUND)
        return path.read_bytes(), content_type, None


def _path_part(url_path: str) -> str:
    """The path of a request target, without query or fragment (never read as a URL:
    ``//host/x`` stays a path with an empty first segment)."""
    return url_path.split("?", 1)[0].split("#", 1)[0]


def _version(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _load(path: Path) -> dict[str, Any] | None:
    """The analysis in ``path``, or None when it is not one (other JSON, broken file)."""
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
    except (OSError, ValueError) as error:
        logger.warning("%s: skipped (%s)", path, error)
        return None
    return data if _is_analysis(data) else None


def make_handler(library: ReportLibrary) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to ``library``."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "ficlens"
        sys_version = ""

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._answer(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(send_body=False)

        def _answer(self, send_body: bool) -> None:
            try:
                body, content_type, policy = library.respond(self.path)
                status = HTTPStatus.OK
            except RequestRefused as refusal:
                status, policy, content_type = refusal.status, INDEX_POLICY, HTML_TYPE
                body = (f"<!DOCTYPE html><title>{status.value}</title>"
                        f"<p>{html.escape(status.phrase)}</p>").encode()
            except UnicodeDecodeError:
                status, policy, content_type = HTTPStatus.BAD_REQUEST, INDEX_POLICY, HTML_TYPE
                body = b"<!DOCTYPE html><title>400</title><p>Bad request</p>"
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "no-cache")
            if policy:
                self.send_header("Content-Security-Policy", policy)
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            logger.info("%s %s", self.address_string(), format % args)

    return Handler


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server for ``directory`` bound to ``host:port`` (port 0: any free port)."""
    server = ThreadingHTTPServer((host, port), make_handler(ReportLibrary(directory)))
    server.daemon_threads = True
    return server
