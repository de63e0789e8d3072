"""A body announced larger than the service takes is answered 413 before it is read, and the
client gets to read that answer.

waitress reads a request's whole body before the app sees it, and refuses one announced past its
`max_request_body_size` with a 413 of its own and an immediate close: a client still sending the
body then meets a broken pipe or a reset connection, never the answer. With
`answer_oversized_bodies_unread`, the app answers such a request as soon as its headers are in: it
sees the Content-Length announced and an empty body, so it answers 413 in its own words, CORS
headers and all. The connection then closes gracefully: the answer goes out, the server says it
will send nothing more, and it reads and discards what the client still sends (at most
`max_drained_bytes`, for at most `drain_seconds`) before it closes, so the client can finish
sending and read the answer.
"""

from __future__ import annotations

import functools
import socket
import time
from collections.abc import Callable
from typing import Any

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.utilities import RequestEntityTooLarge

from helpcentre.feedback.request_deadline import listeners_of

# What a client that announced too large a body may still send after the 413, read and thrown
# away so that it can read the answer: a few MiB, a few milliseconds on any network.
MAX_DRAINED_BYTES = 4 * 1024 * 1024


class HeadersOnlyParser(HTTPRequestParser):
    """A request parser that completes a request at its headers when its announced body is too large."""

    def __init__(self, adj: Any, *, max_body_bytes: int, on_body_left_unread: Callable[[int], None]):
        super().__init__(adj)
        self.max_body_bytes = max_body_bytes
        self.on_body_left_unread = on_body_left_unread

    def received(self, data: bytes) -> int:
        had_headers = self.headers_finished
        consumed = super().received(data)
        if had_headers or not self.headers_finished or self.chunked or self.content_length <= self.max_body_bytes:
            return consumed
        if self.error is not None and not isinstance(self.error, RequestEntityTooLarge):
            return consumed
        # The app gets the request with no body; nothing else can follow it on this connection.
        self.error = None
        self.completed = True
        self.expect_continue = False
        self.connection_close = True
        self.headers["CONNECTION"] = "close"
        # The rest of `data` is this body's beginning: swallowed, so that it is not read as a request.
        self.on_body_left_unread(max(0, self.content_length - (len(data) - consumed)))
        return len(data)


class DrainingChannel(HTTPChannel):
    """A connection that, closing with a refused body still on its way, reads and discards it first."""

    max_body_bytes: int
    drain_seconds: float = 3.0
    max_drained_bytes: int = MAX_DRAINED_BYTES
    _unread_body_bytes = 0
    _draining_until: float | None = None

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.parser_class = functools.partial(
            HeadersOnlyParser, max_body_bytes=self.max_body_bytes, on_body_left_unread=self._body_left_unread
        )

    def _body_left_unread(self, size: int) -> None:
        self._unread_body_bytes = min(size, self.max_drained_bytes)

    def handle_close(self) -> None:
        if self._draining_until is None and self._unread_body_bytes > 0 and self.connected:
            try:
                # The answer is flushed: tell the client nothing more comes, and hear it out.
                self.socket.shutdown(socket.SHUT_WR)
            except OSError:
                pass
            else:
                self._draining_until = time.monotonic() + self.drain_seconds
                return
        super().handle_close()

    def readable(self) -> bool:
        # Called on every turn of waitress's loop (at least once a second), in the loop's thread.
        if self._draining_until is None:
            return super().readable()
        if time.monotonic() >= self._draining_until:
            super().handle_close()
            return False
        return True

    def writable(self) -> bool:
        return False if self._draining_until is not None else super().writable()

    def handle_read(self) -> None:
        if self._draining_until is None:
            super().handle_read()
            return
        try:
            data = self.socket.recv(self.adj.recv_bytes)
        except OSError:
            data = b""
        self._unread_body_bytes -= len(data)
        if not data or self._unread_body_bytes <= 0:
            super().handle_close()


def answer_oversized_bodies_unread(server: Any, max_body_bytes: int, drain_seconds: float) -> None:
    """Make a server from waitress's `create_server` hand a request whose announced body is over
    `max_body_bytes` to the app unread, and drain that body for up to `drain_seconds` before closing."""
    for listener in listeners_of(server):
        base = listener.channel_class
        listener.channel_class = type(
            base.__name__,
            (DrainingChannel, base),
            {"max_body_bytes": max_body_bytes, "drain_seconds": drain_seconds},
        )
