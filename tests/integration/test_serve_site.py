"""`helpcentre serve-site` as a real process: a reader who leaves mid-answer is no error, and a
connection that never finishes its request's headers is dropped within seconds."""

from __future__ import annotations

import os
import select
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpcentre.static_server import HEADERS_TIMEOUT_SECONDS

# Larger than all the buffers between the server and a client that stops reading.
LARGE_FILE_BYTES = 64 * 1024 * 1024


@dataclass
class RunningSite:
    process: subprocess.Popen
    url: str

    @property
    def address(self) -> tuple[str, int]:
        parts = urlsplit(self.url)
        return parts.hostname, parts.port

    def open_sockets(self) -> int:
        """How many sockets the server holds: its listening one, and one per client connected."""
        count = 0
        for fd in Path(f"/proc/{self.process.pid}/fd").iterdir():
            try:
                count += os.readlink(fd).startswith("socket:")
            except FileNotFoundError:
                pass  # closed while counted
        return count

    def stop(self) -> str:
        """Stop it as a service manager does; what it wrote to stderr."""
        self.process.send_signal(signal.SIGTERM)
        _, stderr = self.process.communicate(timeout=30)
        return stderr


@pytest.fixture
def site(tmp_path: Path) -> Iterator[RunningSite]:
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text("<!doctype html><title>Help centre</title>\n")
    with (root / "guide.pdf").open("wb") as large:
        large.truncate(LARGE_FILE_BYTES)
    command = [sys.executable, "-m", "helpcentre", "serve-site", "-d", str(root), "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # The first line names the address; reading it waits for the server, or for its exit.
        line = process.stdout.readline()
        assert line.startswith("Help centre: "), (line, process.poll())
        yield RunningSite(process, line.removeprefix("Help centre: ").strip())
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=30)


def wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what} within {seconds:g} s"
        time.sleep(0.05)


def test_a_reader_who_leaves_mid_download_is_no_error(site: RunningSite):
    idle = site.open_sockets()
    with socket.socket() as reader:
        reader.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        reader.connect(site.address)
        reader.sendall(b"GET /guide.pdf HTTP/1.0\r\n\r\n")
        assert reader.recv(1024).startswith(b"HTTP/1.0 200 ")
        # The reader goes away, as a closed tab does: the connection is reset under the server.
        reader.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    wait_until(lambda: site.open_sockets() == idle, 30, "the server closed the connection")
    with urllib.request.urlopen(site.url, timeout=10) as answer:
        assert answer.status == 200, "the server goes on serving"
    stderr = site.stop()
    assert "Traceback" not in stderr and "Error" not in stderr, stderr
    assert stderr.endswith("Stopped.\n")


def test_a_request_whose_headers_never_end_is_dropped_within_seconds(site: RunningSite):
    started = time.monotonic()
    silent = socket.create_connection(site.address, timeout=10)
    trickle = socket.create_connection(site.address, timeout=10)
    with silent, trickle:
        silent.sendall(b"GET / HTTP/1.1\r\nHost: help.example.com\r\n")
        trickle.sendall(b"GET / HTTP/1.1\r\nX-Slow: ")
        waiting = [silent, trickle]
        dropped_after: dict[socket.socket, float] = {}
        deadline = started + HEADERS_TIMEOUT_SECONDS + 5
        while waiting and time.monotonic() < deadline:
            readable, _, _ = select.select(waiting, [], [], 0.25)
            for connection in readable:
                try:
                    assert connection.recv(1024) == b"", "no answer, only a closed connection"
                except ConnectionResetError:
                    pass
                dropped_after[connection] = time.monotonic() - started
                waiting.remove(connection)
            if trickle in waiting:
                # A byte every quarter second does not put the deadline off.
                trickle.sendall(b"x")
        assert not waiting, f"{len(waiting)} connection(s) still open {time.monotonic() - started:.1f} s on"
    assert all(seconds < HEADERS_TIMEOUT_SECONDS + 2 for seconds in dropped_after.values()), dropped_after
    with urllib.request.urlopen(site.url, timeout=10) as answer:
        assert answer.status == 200
    assert "Traceback" not in site.stop()
