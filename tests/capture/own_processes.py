"""The processes a test starts, told apart from any other on the machine by a mark in their environment.

A process inherits its parent's environment, and keeps it when its parent dies and it is handed to
PID 1: what the test's run left behind carries the mark, and a sandbox someone runs elsewhere on
the machine does not.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

MARK = "HELPCENTRE_TEST_RUN"


class OwnProcesses:
    """Starts a test's processes with a mark of its own; finds and ends whatever carries the mark."""

    def __init__(self) -> None:
        self.mark = uuid.uuid4().hex
        self._started: list[subprocess.Popen] = []

    def start(self, command: list[str], cwd: Path) -> subprocess.Popen:
        """`command`, marked, in a process group of its own, its stderr a pipe."""
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, MARK: self.mark},
            start_new_session=True,
        )
        self._started.append(process)
        return process

    def running(self) -> list[str]:
        """`pid command` of each marked process still running, whoever its parent is now."""
        found = []
        wanted = f"{MARK}={self.mark}".encode()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if wanted not in (entry / "environ").read_bytes().split(b"\0"):
                    continue
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except (OSError, IndexError):
                continue  # gone meanwhile, or not ours to read
            if state != "Z":
                found.append(f"{entry.name} {command[:160]}")
        return found

    def wait_until_none_run(self, seconds: float) -> list[str]:
        """Wait until no marked process runs, at most `seconds`; those still running then."""
        deadline = time.monotonic() + seconds
        while (running := self.running()) and time.monotonic() < deadline:
            time.sleep(0.1)
        return running

    def end_all(self) -> None:
        """SIGKILL what the test started: the process groups it began, while their leader lives
        (so the group is still theirs), and every process that carries the mark."""
        for process in self._started:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
        for line in self.running():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(line.split()[0]), signal.SIGKILL)
        for process in self._started:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
            if process.stderr:
                process.stderr.close()
