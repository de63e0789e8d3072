"""Serve a built site over HTTP, with the site's own 404 page for unknown paths."""

from __future__ import annotations

import functools
import http.server
import io
import logging
import socket
import sys
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

# A browser sends a request's line and headers at once: a connection that has not sent them
# whole this long after it opened is dropped, so that it holds no thread of the server.
HEADERS_TIMEOUT_SECONDS = 5.0


class _ReaderWithDeadline(io.RawIOBase):
    """A connection's incoming bytes; while `deadline` is set, reading past it raises TimeoutError."""

    def __init__(self, connection: socket.socket):
        self._connection = connection
        self.deadline: float | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the request's headers did not end in time")
            # Each wait for bytes gets only what is left: a byte now and then does not put it off.
            self._connection.settimeout(left)
        return self._connection.recv_into(buffer)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    headers_timeout: float = HEADERS_TIMEOUT_SECONDS

    def setup(self) -> None:
        super().setup()
        self.rfile.close()
        self._incoming = _ReaderWithDeadline(self.connection)
        self.rfile = io.BufferedReader(self._incoming)

    def handle_one_request(self) -> None:
        self._incoming.deadline = time.monotonic() + self.headers_timeout
        super().handle_one_request()

    def parse_request(self) -> bool:
        try:
            return super().parse_request()
        finally:
            # The answer is written without a deadline, however slowly the client reads it.
            self._incoming.deadline = None
            self.connection.settimeout(None)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args) -> None:
        log.debug("%s %s", self.address_string(), format % args)


class _SiteHTTPServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A reader who leaves (a closed tab, a cancelled download) is no error of the server's.
        if isinstance(sys.exc_info()[1], ConnectionError):
            log.debug("%s left before the answer was sent", client_address[0])
            return
        super().handle_error(request, client_address)


class SiteServer:
    """A threaded HTTP server for a directory; `port=0` lets the OS pick a free port.

    A client that leaves mid-answer is only logged, and one that does not send its request's
    headers within `HEADERS_TIMEOUT_SECONDS` is dropped.
    """

    def __init__(self, directory: Path, host: str = "127.0.0.1", port: int = 0):
        handler = functools.partial(_SiteHandler, directory=str(directory))
        self._server = _SiteHTTPServer((host, port), handler)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def start(self) -> SiteServer:
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=10)

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
