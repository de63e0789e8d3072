"""A request must arrive whole within a few seconds of its first byte, or it is answered 408.

waitress reads each request, body and all, before a worker thread sees it, so a client that
sends less than its Content-Length announced holds no worker. But waitress waits for the rest
as long as its `channel_timeout` (two minutes), then closes the connection without a word.
With `answer_late_requests`, such a request gets a 408 that says what arrived, once its
deadline passes: waitress's loop checks at least once a second (its `asyncore_loop_timeout`).
The deadline counts from the first byte, not from the last, so a client that sends a byte now
and then is answered as soon as one that sends nothing.
"""

from __future__ import annotations

import json
import time
from typing import Any

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import BaseWSGIServer, MultiSocketServer
from waitress.utilities import Error


class RequestTimeout(Error):
    """408, its reason as JSON (`{"error": ...}`), like every other answer of the service."""

    code = 408
    reason = "Request Timeout"

    def to_response(self, ident: str | None = None) -> tuple[str, list[tuple[str, str]], bytes]:
        body = json.dumps({"error": self.body}).encode()
        return f"{self.code} {self.reason}", [("Content-Type", "application/json")], body


class DeadlineChannel(HTTPChannel):
    """One client connection whose requests each have `request_timeout` seconds to arrive whole."""

    request_timeout: float = 3.0
    _deadline: float | None = None

    def received(self, data: bytes) -> bool:
        receiving = self.request
        accepted = super().received(data)
        if self.request is None:
            self._deadline = None
        elif self.request is not receiving:
            # A new request began in this data: its time starts now.
            self._deadline = time.monotonic() + self.request_timeout
        return accepted

    def readable(self) -> bool:
        # Called on every turn of waitress's loop, in the loop's thread, as `received` is. Only a
        # request the channel is still reading can be late: while an earlier one is served, the
        # channel reads nothing, and the client cannot be blamed for that wait.
        readable = super().readable()
        if readable and self._deadline is not None and time.monotonic() >= self._deadline:
            self._answer_late_request()
            return super().readable()
        return readable

    def _answer_late_request(self) -> None:
        # What `received` does with a request that has arrived whole, for one that never will:
        # waitress's ErrorTask answers it, on a worker thread, then closes the connection.
        with self.requests_lock:
            request, self._deadline = self.request, None
            if request is None or self.will_close or self.close_when_flushed:
                return
            request.error = RequestTimeout(what_arrived(request, self.request_timeout))
            request.completed = True
            self.request = None
            self.requests.append(request)
            if len(self.requests) == 1:
                self.server.add_task(self)


def what_arrived(request: HTTPRequestParser, seconds: float) -> str:
    """The 408's message: which part of the request did not arrive in time."""
    within = f"within {seconds:g} s"
    if not request.headers_finished:
        return f"the request's headers did not end {within}; nothing was saved"
    if request.chunked or request.body_rcv is None:
        return f"the request's body did not end {within}; nothing was saved"
    return (
        f"the request's body stopped short: {len(request.body_rcv)} of the {request.content_length} bytes"
        f" its Content-Length announced arrived {within}; nothing was saved"
    )


def listeners_of(server: Any) -> list[BaseWSGIServer]:
    """The listening servers of a server from waitress's `create_server`, whose `channel_class` serves each client."""
    # One listening server, or several (one per address) in a MultiSocketServer's map.
    listeners = list(server.map.values()) if isinstance(server, MultiSocketServer) else [server]
    return [listener for listener in listeners if isinstance(listener, BaseWSGIServer)]


def answer_late_requests(server: Any, seconds: float) -> None:
    """Make a server from waitress's `create_server` answer 408 to any request not whole `seconds` after it began."""
    channel_class = type("DeadlineChannel", (DeadlineChannel,), {"request_timeout": seconds})
    for listener in listeners_of(server):
        listener.channel_class = channel_class
