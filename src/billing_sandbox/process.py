"""Run the sandbox as a separate process for capture, verify and the tests.

    with SandboxProcess(tmp_path / "sandbox") as sandbox:
        page.goto(sandbox.url)          # log in with sandbox.email / sandbox.password
        sandbox.reset_data()            # only with SandboxProcess(..., allow_reset=True)

starts `python -m helpcentre sandbox serve --port 0 --data DIR --reset`, reads the URL it
prints, waits until /healthz answers (failing fast, with the process's stderr, if it dies),
and on exit stops it with SIGTERM (SIGKILL only if it does not stop in time).
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from billing_sandbox.demo import DEMO_EMAIL, DEMO_PASSWORD

log = logging.getLogger(__name__)

URL_PREFIX = "Sandbox: "
HEALTH_PATH = "healthz"
RESET_PATH = "_sandbox/reset"


class SandboxStartError(RuntimeError):
    """The sandbox process did not come up; the message holds the end of its stderr."""


class SandboxProcess:
    """The billing sandbox in a child process, as a context manager.

    `url` is the sandbox's base URL (ending in "/"); `email` and `password` are the demo login.
    """

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
        self.data_dir = Path(data_dir)
        self.reset = reset
        self.allow_reset = allow_reset
        self.host = host
        self.port = port
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.env = dict(env) if env is not None else None
        self.python = python
        self._process: subprocess.Popen[str] | None = None
        self._stderr: IO[bytes] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._url: str | None = None
        self._reader: threading.Thread | None = None

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

    @property
    def url(self) -> str:
        if self._url is None:
            raise RuntimeError("the sandbox is not running: call start() or use `with SandboxProcess(...)`")
        return self._url

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    @property
    def returncode(self) -> int | None:
        return self._process.poll() if self._process else None

    def start(self) -> SandboxProcess:
        if self._process is not None:
            raise RuntimeError("this SandboxProcess was already started")
        # stderr goes to a file, not a pipe: a chatty server can never block on a full pipe.
        self._stderr = tempfile.TemporaryFile()
        environment = {**os.environ, **(self.env or {}), "PYTHONUNBUFFERED": "1"}
        log.debug("starting the sandbox: %s", " ".join(self.command))
        self._process = subprocess.Popen(
            self.command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            env=environment,
        )
        self._reader = threading.Thread(target=self._read_stdout, name="sandbox-stdout", daemon=True)
        self._reader.start()
        deadline = time.monotonic() + self.startup_timeout
        try:
            self._url = self._wait_for_url(deadline)
            self._wait_until_healthy(deadline)
        except BaseException:
            self.stop()
            raise
        log.info("the sandbox is ready at %s", self._url)
        return self

    def _read_stdout(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def _wait_for_url(self, deadline: float) -> str:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._failure(f"it printed no URL within {self.startup_timeout:g}s")
            try:
                line = self._lines.get(timeout=min(remaining, 0.2))
            except queue.Empty:
                continue
            if line is None:
                # End of output: the process is exiting; wait for its exit code to report it.
                try:
                    self._process.wait(timeout=self.stop_timeout)
                except subprocess.TimeoutExpired:
                    pass
                raise self._failure("it closed its output before printing its URL")
            if line.startswith(URL_PREFIX):
                return line[len(URL_PREFIX) :].strip()

    def _wait_until_healthy(self, deadline: float) -> None:
        health = self._url + HEALTH_PATH
        last_error = "no answer yet"
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise self._failure("it exited while starting")
            try:
                with urllib.request.urlopen(health, timeout=2) as response:
                    if response.status == 200:
                        return
                    last_error = f"HTTP {response.status}"
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                last_error = str(error)
            # Polling, not sleeping on a guess: the deadline bounds the wait, this only paces it.
            time.sleep(0.05)
        raise self._failure(f"{health} did not answer within {self.startup_timeout:g}s ({last_error})")

    def _failure(self, what: str) -> SandboxStartError:
        code = self._process.poll() if self._process else None
        status = f" (exit code {code})" if code is not None else ""
        return SandboxStartError(
            f"the sandbox did not start: {what}{status}.\ncommand: {' '.join(self.command)}\n"
            f"stderr:\n{self.stderr_text(tail=4000) or '(empty)'}"
        )

    def reset_data(self) -> None:
        """Re-seed the running sandbox's data (needs `allow_reset=True`); logged-in sessions stay logged in."""
        if not self.allow_reset:
            raise RuntimeError("this sandbox was started without allow_reset=True")
        request = urllib.request.Request(self.url + RESET_PATH, data=b"", method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()

    def stderr_text(self, tail: int | None = None) -> str:
        """What the process wrote to stderr so far (its log), or the last `tail` characters of it."""
        if self._stderr is None:
            return ""
        self._stderr.flush()
        self._stderr.seek(0)
        text = self._stderr.read().decode("utf-8", errors="replace")
        return text[-tail:] if tail else text

    def stop(self, signal_number: int = signal.SIGTERM) -> int | None:
        """SIGTERM (or the signal given), then wait; SIGKILL if it outlives `stop_timeout`. Returns the exit code."""
        process = self._process
        if process is None:
            return None
        if process.poll() is None:
            process.send_signal(signal_number)
            try:
                process.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:
                log.warning("the sandbox did not stop within %gs of SIGTERM; killing it", self.stop_timeout)
                process.kill()
                process.wait()
        # The reader sees end-of-file once the process is gone; close the pipe only after it has.
        if self._reader is not None:
            self._reader.join(timeout=self.stop_timeout)
        if process.stdout and (self._reader is None or not self._reader.is_alive()):
            process.stdout.close()
        return process.returncode

    def close(self) -> None:
        self.stop()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def __enter__(self) -> SandboxProcess:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()
