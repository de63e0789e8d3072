"""Serve a WSGI app with waitress, a production WSGI server, until SIGINT or SIGTERM."""

from __future__ import annotations

import logging
import signal
from types import FrameType
from typing import Any

from waitress.server import create_server

log = logging.getLogger(__name__)


class WaitressServer:
    """`app` listening on `host:port`; `port=0` lets the OS pick a free port.

    The socket is bound and listening once this object exists, so its URL can be handed out
    before `serve_until_stopped` runs: connections wait in the listen backlog meanwhile.
    `description` names the server in the log ("the sandbox"); `waitress_options` go to waitress.
    """

    def __init__(
        self,
        app: Any,
        *,
        host: str,
        port: int,
        threads: int,
        ident: str,
        description: str,
        **waitress_options: Any,
    ):
        self.description = description
        self._server = create_server(app, host=host, port=port, threads=threads, ident=ident, **waitress_options)

    @property
    def url(self) -> str:
        listening = getattr(self._server, "effective_listen", None)
        host, port = listening[0] if listening else (self._server.effective_host, self._server.effective_port)
        if ":" in str(host):
            host = f"[{host}]"
        return f"http://{host}:{port}/"

    def serve_until_stopped(self) -> None:
        """Serve until SIGINT or SIGTERM, then finish the requests in flight and close the sockets."""
        previous = signal.signal(signal.SIGTERM, _stop_on_signal)
        # Ctrl-C stops it too, also when it was started from a shell's background job, which
        # starts programs with SIGINT ignored.
        previous_interrupt = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            # waitress's loop catches SystemExit and KeyboardInterrupt and stops its worker threads.
            self._server.run()
        finally:
            signal.signal(signal.SIGTERM, previous)
            signal.signal(signal.SIGINT, previous_interrupt)
            self.close()

    def close(self) -> None:
        self._server.close()
        log.info("%s stopped", self.description)


def _stop_on_signal(signum: int, _frame: FrameType | None) -> None:
    log.info("received %s", signal.Signals(signum).name)
    raise SystemExit(0)
