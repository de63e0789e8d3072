"""Serve the sandbox with waitress, a production WSGI server, until SIGINT or SIGTERM."""

from __future__ import annotations

from flask import Flask

from helpcentre.wsgi_serving import WaitressServer


class SandboxServer(WaitressServer):
    """The sandbox listening on `host:port`; `port=0` lets the OS pick a free port."""

    def __init__(self, app: Flask, host: str = "127.0.0.1", port: int = 0, threads: int = 4):
        super().__init__(
            app, host=host, port=port, threads=threads, ident="therasoft-sandbox", description="the sandbox"
        )
