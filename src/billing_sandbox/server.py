"""Serve the sandbox with waitress, a production WSGI server, until SIGINT or SIGTERM."""

from __future__ import annotations

from flask import Flask

from helpcentre.wsgi_serving import WaitressServer

# The app refuses a form past 64 KiB with its own page (app.MAX_FORM_BYTES); waitress refuses a
# body past this before reading it (413), so a huge upload costs the server neither memory nor disk.
MAX_REQUEST_BODY_BYTES = 1024 * 1024


class SandboxServer(WaitressServer):
    """The sandbox listening on `host:port`; `port=0` lets the OS pick a free port."""

    def __init__(self, app: Flask, host: str = "127.0.0.1", port: int = 0, threads: int = 4):
        super().__init__(
            app,
            host=host,
            port=port,
            threads=threads,
            ident="therasoft-sandbox",
            description="the sandbox",
            max_request_body_size=MAX_REQUEST_BODY_BYTES,
        )
