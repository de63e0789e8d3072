"""Run one of helpcentre's servers (the sandbox, the feedback service) as a child process.

The child prints `<Prefix>: <url>` on stdout once its socket listens, then only logs (to stderr).
`ChildServer` starts it, reads that URL, waits until its health check answers (failing fast, with
the child's stderr, if it exits), and on exit stops it with SIGTERM (SIGKILL only if it does not
stop in time). Subclasses say which command to run and how the child names its URL.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import IO, ClassVar, Self

log = logging.getLogger(__name__)


# Set for a server this module starts: the process that must outlive it.
PARENT_ENV = "HELPCENTRE_PARENT_PID"


def stop_with_parent() -> None:
    """End this server when the process that started it ends, even when that one was killed.

    A capture killed with SIGKILL cannot stop its sandboxes; they notice that their parent has
    gone and stop themselves, so no server is left running and its data folder can be removed.
    """
    parent = os.environ.get(PARENT_ENV, "")
    if not parent.isdigit():
        return
    expected = int(parent)

    def watch() -> None:
        while os.getppid() == expected:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="stop-with-parent", daemon=True).start()


class ChildServerStartError(RuntimeError):
    """The child process did not come up; the message holds the end of its stderr."""


class ChildServer:
    """A server in a child process, as a context manager. `url` is its base URL, ending in "/"."""

    # What the child prints before its URL, e.g. "Sandbox: ".
    url_prefix: ClassVar[str]
    # Answers 200 once the server is ready; relative to `url`.
    health_path: ClassVar[str] = "healthz"
    # Who the messages are about, e.g. "the sandbox".
    description: ClassVar[str]
    start_error: ClassVar[type[ChildServerStartError]] = ChildServerStartError

    def __init__(
        self,
        *,
        startup_timeout: float = 30.0,
        stop_timeout: float = 10.0,
        env: Mapping[str, str] | None = None,
    ):
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.env = dict(env) if env is not None else None
        self._process: subprocess.Popen[str] | None = None
        self._stderr: IO[bytes] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._url: str | None = None
        self._reader: threading.Thread | None = None

    @property
    def command(self) -> list[str]:
        raise NotImplementedError

    @property
    def url(self) -> str:
        if self._url is None:
            raise RuntimeError(
                f"{self.description} is not running: call start() or use `with {type(self).__name__}(...)`"
            )
        return self._url

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    @property
    def returncode(self) -> int | None:
        return self._process.poll() if self._process else None

    def start(self) -> Self:
        if self._process is not None:
            raise RuntimeError(f"this {type(self).__name__} was already started")
        # stderr goes to a file, not a pipe: a chatty server can never block on a full pipe.
        self._stderr = tempfile.TemporaryFile()
        environment = {**os.environ, **(self.env or {}), "PYTHONUNBUFFERED": "1", PARENT_ENV: str(os.getpid())}
        log.debug("starting %s: %s", self.description, " ".join(self.command))
        self._process = subprocess.Popen(
            self.command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            env=environment,
        )
        # A thread reads stdout so that waiting for the URL line can time out on every platform.
        self._reader = threading.Thread(target=self._read_stdout, name=f"{type(self).__name__}-stdout", daemon=True)
        self._reader.start()
        deadline = time.monotonic() + self.startup_timeout
        try:
            self._url = self._wait_for_url(deadline)
            self._wait_until_healthy(deadline)
        except BaseException:
            self.stop()
            raise
        log.info("%s is ready at %s", self.description, self._url)
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
            if line.startswith(self.url_prefix):
                return line[len(self.url_prefix) :].strip()

    def _wait_until_healthy(self, deadline: float) -> None:
        health = self._url + self.health_path
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

    def _failure(self, what: str) -> ChildServerStartError:
        code = self._process.poll() if self._process else None
        status = f" (exit code {code})" if code is not None else ""
        return self.start_error(
            f"{self.description} did not start: {what}{status}.\ncommand: {' '.join(self.command)}\n"
            f"stderr:\n{self.stderr_text(tail=4000) or '(empty)'}"
        )

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
                log.warning(
                    "%s did not stop within %gs of %s; killing it",
                    self.description,
                    self.stop_timeout,
                    signal.Signals(signal_number).name,
                )
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

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()
