"""The sandbox as a real process: `helpcentre sandbox serve`, started and stopped through SandboxProcess."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from billing_sandbox.database import DATABASE_FILENAME
from billing_sandbox.process import DATA_SET_HEADER, SandboxProcess, SandboxStartError


def test_reset_twice_gives_byte_identical_databases(tmp_path: Path) -> None:
    with SandboxProcess(tmp_path / "first"):
        pass
    with SandboxProcess(tmp_path / "second"):
        pass
    first = (tmp_path / "first" / DATABASE_FILENAME).read_bytes()
    second = (tmp_path / "second" / DATABASE_FILENAME).read_bytes()
    assert first == second


def test_serves_over_http_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    sandbox = SandboxProcess(tmp_path / "data").start()
    try:
        assert sandbox.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(sandbox.url + "healthz", timeout=10) as response:
            assert response.read() == b'{"status":"ok"}\n'
        with urllib.request.urlopen(sandbox.url + "billing", timeout=10) as response:
            # Redirected to the login page: no session yet.
            assert response.url == sandbox.url + "login?next=/billing"
            assert b"<h1>Log in</h1>" in response.read()
            assert response.headers["Server"] == "therasoft-sandbox"
        assert sandbox.stop() == 0
        assert "Stopped." in sandbox.stderr_text()
    finally:
        sandbox.close()


def test_reset_while_serving_then_stop_cleanly_on_sigint(tmp_path: Path) -> None:
    with SandboxProcess(tmp_path / "data", allow_reset=True) as sandbox:
        sandbox.reset_data()
        assert "re-seeded" in sandbox.stderr_text()
        assert sandbox.stop(signal.SIGINT) == 0
        assert "Stopped." in sandbox.stderr_text()


def test_a_sandbox_that_cannot_start_fails_fast_with_its_error(tmp_path: Path) -> None:
    sandbox = SandboxProcess(tmp_path / "data", env={"SANDBOX_TODAY": "someday"})
    with pytest.raises(SandboxStartError) as raised:
        sandbox.start()
    message = str(raised.value)
    assert message.startswith("the sandbox did not start: it closed its output before printing its URL (exit code 1).")
    assert "Error: SANDBOX_TODAY=someday: use a date like 2026-11-15" in message
    assert sandbox.returncode == 1


def test_a_taken_port_is_reported(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "helpcentre", "sandbox", "serve", "--port", str(port), "--data", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"Error: cannot listen on 127.0.0.1:{port}: Address already in use" in result.stderr


def test_the_demo_login_signs_in_over_http_for_a_browser_to_reuse(tmp_path: Path) -> None:
    with SandboxProcess(tmp_path / "data", allow_reset=True) as sandbox:
        state = sandbox.signed_in_state()
        (cookie,) = state["cookies"]
        assert (cookie["name"], cookie["domain"], cookie["httpOnly"], cookie["sameSite"]) == (
            "sandbox_session",
            "127.0.0.1",
            True,
            "Lax",
        )
        name = sandbox.new_data_set()
        request = urllib.request.Request(
            sandbox.url + "billing",
            headers={"Cookie": f"sandbox_session={cookie['value']}", DATA_SET_HEADER: name},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.url == sandbox.url + "billing", "signed in: no detour to the login page"
            assert "Visa ending in 4242" in response.read().decode()
        sandbox.drop_data_set(name)
