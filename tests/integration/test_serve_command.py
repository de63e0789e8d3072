"""`helpcentre serve` refuses a taken port with a one-line message, before building or starting anything.

The live reload itself is tested in a real browser: tests/browser/test_preview.py.
"""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from integration.conftest import MKDOCS_YML

SANDBOX_TARGET = "      targets:\n        billing: {sandbox: true}\n"


def serve(project, *options: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "helpcentre", "serve", "-f", "mkdocs.yml", *options]
    return subprocess.run(command, cwd=project.root, capture_output=True, text=True, timeout=60)


@pytest.fixture
def taken_port():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield listener.getsockname()[1]


@pytest.fixture
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_taken_site_port_is_a_usage_error(fixture_project, taken_port):
    result = serve(fixture_project, "--port", str(taken_port))
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        f"Error: cannot listen on 127.0.0.1:{taken_port}: Address already in use; choose another port with --port\n"
    )


def test_a_taken_sandbox_port_is_a_usage_error(fixture_project, taken_port, free_port):
    with_sandbox = MKDOCS_YML.replace("      contact:\n", SANDBOX_TARGET + "      contact:\n")
    assert with_sandbox != MKDOCS_YML, "the fixture's mkdocs.yml changed: put the sandbox target elsewhere"
    fixture_project.write("mkdocs.yml", with_sandbox)
    result = serve(fixture_project, "--port", str(free_port), "--sandbox-port", str(taken_port))
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        f"Error: cannot listen on 127.0.0.1:{taken_port}: Address already in use; "
        "choose another port with --sandbox-port\n"
    )
