"""The preview's web server: loopback only, serving built files from memory, never from disk."""

from __future__ import annotations

import json
import mimetypes
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from markupsafe import escape

from ..builders.lesson.files import script_json
from .labels import LABELS
from .preview_build import STANDARDS, Preview

ASSETS = ("preview.css", "dom.js", "preview.js", "recorder.js", "inspector.js", "outline.js")
LABEL = re.compile(r"\{\{label\.([a-z0-9_]+)\}\}")
EVENT_WAIT = 15.0  # seconds between keep-alive comments on the event stream
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'none'")


def asset(name: str) -> bytes:
    """One of the preview page's own files, shipped with the package."""
    return resources.files("courseforge.serve").joinpath("assets", name).read_bytes()


class PreviewServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 that knows the preview it shows."""

    daemon_threads = True

    def __init__(self, preview: Preview, port: int) -> None:
        self.preview = preview
        self.stopping = threading.Event()
        super().__init__(("127.0.0.1", port), PreviewHandler)

    @property
    def url(self) -> str:
        """The address to open."""
        return f"http://127.0.0.1:{self.server_address[1]}/"


class PreviewHandler(BaseHTTPRequestHandler):
    """GET only: the preview page, its assets, the lesson files, status and events."""

    server: PreviewServer
    protocol_version = "HTTP/1.1"
    TYPES: ClassVar[dict[str, str]] = {".js": "text/javascript", ".css": "text/css",
                                       ".html": "text/html", ".json": "application/json"}

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows builds, not requests."""

    def do_GET(self) -> None:
        """Route one request; anything not built or shipped is 404."""
        if not self._host_allowed():
            self._send(HTTPStatus.FORBIDDEN, b"loopback only", "text/plain")
            return
        path = unquote(urlsplit(self.path).path)
        preview = self.server.preview
        if path == "/":
            self._send(HTTPStatus.OK, self._page(), "text/html", csp=PAGE_CSP)
        elif path.startswith("/assets/") and path[len("/assets/"):] in ASSETS:
            self._file(path, asset(path[len("/assets/"):]))
        elif path == "/status.json":
            self._json(preview.status.as_json(preview.title()))
        elif path == "/outline.json":
            self._json(preview.outline())
        elif path == "/favicon.ico":
            self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        elif path == "/events":
            self._events()
        elif path.startswith("/lesson/"):
            standard, _, name = path[len("/lesson/"):].partition("/")
            files = preview.lesson_files(standard) if standard in STANDARDS else {}
            if name in files:  # only names the build made: nothing else can be reached
                self._file(name, files[name])
            else:
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

    def _host_allowed(self) -> bool:
        """Refuse a page of another site reaching the preview through its own host name."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return host in ("127.0.0.1", "localhost", "[::1]")

    def _page(self) -> bytes:
        preview = self.server.preview
        settings = {"labels": LABELS, "standards": list(STANDARDS)}
        html = asset("preview.html").decode("utf-8")
        html = LABEL.sub(lambda match: str(escape(LABELS[match.group(1)])), html)
        html = (html.replace("{{settings}}", script_json(settings))
                .replace("{{title}}", str(escape(preview.title()))))
        return html.encode("utf-8")

    def _file(self, name: str, data: bytes) -> None:
        suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
        kind = self.TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
        self._send(HTTPStatus.OK, data, kind)

    def _json(self, value: Any) -> None:
        self._send(HTTPStatus.OK, json.dumps(value, ensure_ascii=False).encode("utf-8"),
                   "application/json")

    def _send(self, status: HTTPStatus, data: bytes, kind: str, csp: str | None = None) -> None:
        self.send_response(status)
        charset = "; charset=utf-8" if kind.startswith("text/") or kind.endswith("json") else ""
        self.send_header("Content-Type", kind + charset)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if csp:
            self.send_header("Content-Security-Policy", csp)
        self.end_headers()
        self.wfile.write(data)

    def _events(self) -> None:
        """Server-sent events: the status after every build, until the preview stops."""
        preview = self.server.preview
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        seen = -1
        try:
            while not self.server.stopping.is_set():
                status = preview.wait(seen, EVENT_WAIT)
                if status.version == seen:
                    self.wfile.write(b": waiting\n\n")
                else:
                    seen = status.version
                    data = json.dumps(status.as_json(preview.title()), ensure_ascii=False)
                    self.wfile.write(f"data: {data}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return
