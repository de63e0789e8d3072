"""The sandbox that capture, verify and the other walking commands start can be given a port:
`--sandbox-port N` or HELPCENTRE_SANDBOX_PORT, for people who run several checkouts at once."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from capture.conftest import ProjectCopy, copy_project


@pytest.fixture(scope="module")
def project(project_root, tmp_path_factory) -> ProjectCopy:
    return copy_project(project_root, tmp_path_factory.mktemp("ports") / "project")


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port another program listens on."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server.getsockname()[1]


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as server:
        return server.getsockname()[1]


def busy_line(port: int) -> str:
    return (
        f"Error: cannot start the sandbox on port {port} (HELPCENTRE_SANDBOX_PORT or --sandbox-port):"
        " another program is using it; choose another port, or 0 for any free one\n"
    )


def test_the_sandbox_listens_on_the_port_given(project):
    port = free_port()
    result = project.run("inspect", "/", "--sandbox-port", str(port))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"What the page calls things at http://127.0.0.1:{port}/")


def test_a_busy_port_stops_capture_in_one_line_before_any_walk(project, busy_port):
    before = project.snapshot()
    result = project.run("capture", "billing/change-card-or-bank-info", "--sandbox-port", str(busy_port))
    assert result.returncode == 2
    assert result.stderr == busy_line(busy_port)
    assert project.snapshot() == before


def test_the_port_may_come_from_the_environment(project, busy_port, monkeypatch):
    monkeypatch.setenv("HELPCENTRE_SANDBOX_PORT", str(busy_port))
    result = project.run("verify", "billing/change-card-or-bank-info", "--report", str(project.root / "v"))
    assert result.returncode == 2
    assert result.stderr == busy_line(busy_port)
    monkeypatch.setenv("HELPCENTRE_SANDBOX_PORT", "eighty")
    result = project.run("capture", "billing/change-card-or-bank-info")
    assert result.returncode == 2
    assert result.stderr == (
        "Error: HELPCENTRE_SANDBOX_PORT=eighty: not a port; give a number from 1 to 65535, or 0 for any free one\n"
    )
