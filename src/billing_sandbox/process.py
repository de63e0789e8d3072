"""Run the sandbox as a separate process for capture, verify and the tests.

    with SandboxProcess(tmp_path / "sandbox") as sandbox:
        page.goto(sandbox.url)          # log in with sandbox.email / sandbox.password
        sandbox.reset_data()            # only with SandboxProcess(..., allow_reset=True)

starts `python -m helpcentre sandbox serve --port 0 --data DIR --reset`, reads the URL it
prints, waits until /healthz answers (failing fast, with the process's stderr, if it dies),
and on exit stops it with SIGTERM (SIGKILL only if it does not stop in time).
"""

from __future__ import annotations

import sys
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from billing_sandbox.demo import DEMO_EMAIL, DEMO_PASSWORD
from helpcentre.child_server import ChildServer, ChildServerStartError

RESET_PATH = "_sandbox/reset"


class SandboxStartError(ChildServerStartError):
    """The sandbox process did not come up; the message holds the end of its stderr."""


class SandboxProcess(ChildServer):
    """The billing sandbox in a child process, as a context manager.

    `url` is the sandbox's base URL (ending in "/"); `email` and `password` are the demo login.
    """

    url_prefix = "Sandbox: "
    description = "the sandbox"
    start_error = SandboxStartError

    email = DEMO_EMAIL
    password = DEMO_PASSWORD

    def __init__(
        self,
        data_dir: Path,
        *,
        reset: bool = True,
        allow_reset: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
        startup_timeout: float = 30.0,
        stop_timeout: float = 10.0,
        env: Mapping[str, str] | None = None,
        python: str = sys.executable,
    ):
        super().__init__(startup_timeout=startup_timeout, stop_timeout=stop_timeout, env=env)
        self.data_dir = Path(data_dir)
        self.reset = reset
        self.allow_reset = allow_reset
        self.host = host
        self.port = port
        self.python = python

    @property
    def command(self) -> list[str]:
        command = [
            self.python,
            "-m",
            "helpcentre",
            "sandbox",
            "serve",
            "--host",
            self.host,
            "--port",
            str(self.port),
            "--data",
            str(self.data_dir),
        ]
        return command + (["--reset"] if self.reset else []) + (["--allow-reset"] if self.allow_reset else [])

    def reset_data(self) -> None:
        """Re-seed the running sandbox's data (needs `allow_reset=True`); logged-in sessions stay logged in."""
        if not self.allow_reset:
            raise RuntimeError("this sandbox was started without allow_reset=True")
        request = urllib.request.Request(self.url + RESET_PATH, data=b"", method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
