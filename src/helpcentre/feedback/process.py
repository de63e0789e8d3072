"""Run the feedback service as a separate process, for the tests and anything else that needs one.

    with FeedbackProcess(tmp_path / "feedback.sqlite3", allow_origins=[site_url]) as service:
        post(service.endpoint, ...)

starts `python -m helpcentre feedback serve --port 0 --db DB --allow-origin ...`, reads the URL
it prints, waits until /healthz answers (failing fast, with its stderr, if it exits), and on
exit stops it with SIGTERM (SIGKILL only if it does not stop in time).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from helpcentre.child_server import ChildServer, ChildServerStartError


class FeedbackStartError(ChildServerStartError):
    """The service did not come up; the message holds the end of its stderr."""


class FeedbackProcess(ChildServer):
    """The feedback service in a child process, as a context manager."""

    url_prefix = "Feedback: "
    description = "the feedback service"
    start_error = FeedbackStartError

    def __init__(
        self,
        database: Path,
        allow_origins: Sequence[str],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        votes_per_minute: int | None = None,
        searches_per_minute: int | None = None,
        config_file: Path | None = None,
        startup_timeout: float = 30.0,
        stop_timeout: float = 10.0,
    ):
        super().__init__(startup_timeout=startup_timeout, stop_timeout=stop_timeout)
        self.database = Path(database)
        self.allow_origins = list(allow_origins)
        self.host = host
        self.port = port
        self.votes_per_minute = votes_per_minute
        self.searches_per_minute = searches_per_minute
        self.config_file = config_file

    @property
    def command(self) -> list[str]:
        command = [sys.executable, "-m", "helpcentre", "feedback", "serve", "--host", self.host]
        command += ["--port", str(self.port), "--db", str(self.database)]
        for origin in self.allow_origins:
            command += ["--allow-origin", origin]
        # With no origin given, the service allows the origin of the config file's site_url.
        if self.config_file is not None:
            command += ["-f", str(self.config_file)]
        if self.votes_per_minute is not None:
            command += ["--max-votes-per-minute", str(self.votes_per_minute)]
        if self.searches_per_minute is not None:
            command += ["--max-searches-per-minute", str(self.searches_per_minute)]
        return command

    @property
    def endpoint(self) -> str:
        """Where votes are posted: what mkdocs.yml's feedback.endpoint names."""
        return self.url + "v1/feedback"

    @property
    def searches_endpoint(self) -> str:
        """Where the search box reports queries: what mkdocs.yml's search.report names."""
        return self.url + "v1/searches"
