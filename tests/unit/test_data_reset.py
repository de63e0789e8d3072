"""A live target's reset on its own: how it is declared, where its request goes, and the one line a failure is.

The walks that the reset comes before are in tests/capture/test_target_reset.py.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from local_http import QuietHandler, serving_with

from helpcentre.capture import ResetError, TargetError
from helpcentre.capture.target.reset import DataReset
from helpcentre.project import ProjectError, load_project
from helpcentre.settings import ResetSettings

CASES = yaml.safe_load((Path(__file__).parent / "reset_settings_cases.yml").read_text())


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{case['error'].split(':')[0]}" for n, case in enumerate(CASES)])
def test_a_reset_declared_wrongly_is_refused_in_one_line_naming_the_setting(tmp_path, case):
    settings = {
        "contact": {"url": "mailto:x@example.com"},
        "categories": [{"key": "billing", "title": "Billing"}],
        "targets": {"crm": case["target"]},
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "X", "plugins": [{"helpcentre": settings}]}))
    with pytest.raises(ProjectError) as raised:
        load_project(tmp_path / "mkdocs.yml")
    assert str(raised.value) == (
        f"mkdocs.yml: plugins.helpcentre.{case['error']} (see guide/docs/reference/settings.md#{case['anchor']})"
    )


def a_reset(request: dict | None = None, command: list[str] | None = None, **more) -> ResetSettings:
    return ResetSettings.model_validate({"request": request, "command": command, **more})


@pytest.mark.parametrize(
    ("path", "url"),
    [
        # As a link on the target's page is read: from the origin, or from the target's own URL.
        ("/test/reset", "https://staging.example.com/test/reset"),
        ("test/reset", "https://staging.example.com/app/test/reset"),
        ("../admin/reset", "https://staging.example.com/admin/reset"),
    ],
)
def test_a_request_path_is_read_as_a_link_on_the_target(path, url):
    reset = DataReset.of("crm", a_reset({"path": path}), "https://staging.example.com/app/", Path("."))
    assert reset.url == url


def test_a_header_from_a_variable_that_is_not_set_stops_the_run_naming_it(monkeypatch):
    monkeypatch.delenv("RESET_TOKEN", raising=False)
    settings = a_reset({"path": "/reset", "headers": {"X-Token": {"env": "RESET_TOKEN"}}})
    with pytest.raises(TargetError) as raised:
        DataReset.of("crm", settings, "http://127.0.0.1:9/", Path("."))
    assert str(raised.value) == "target 'crm' resets its data with a header from the environment: set RESET_TOKEN"


@pytest.fixture(scope="module")
def product() -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A server whose /reset works, /broken fails with an HTML page and /moved sends to a login page."""
    received: list[dict[str, str]] = []

    class Handler(QuietHandler):
        def do_POST(self) -> None:
            received.append({"path": self.path, **self.headers})
            answers = {
                "/reset": (200, {}, "reset to the seed data"),
                "/broken": (
                    500,
                    {"Content-Type": "text/html"},
                    "<html><head><style>p {}</style></head>\n<body><h1>Server error</h1>\n"
                    "<p>database is &quot;locked&quot;</p>\n</body></html>",
                ),
                "/moved": (302, {"Location": "/login"}, ""),
            }
            status, headers, body = answers[self.path]
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())

    with serving_with(Handler) as origin:
        yield f"{origin}/app/", received


def test_a_reset_runs_to_its_end_from_a_thread_whose_event_loop_is_running(product):
    # As in a command that holds a synchronous browser session while it puts the data back.
    url, received = product
    reset = DataReset.of("crm", a_reset({"path": "/reset"}), url, Path("."))

    async def inside_a_running_loop() -> None:
        reset.run_now("billing/x")

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, inside_a_running_loop()).result()
    assert received[-1]["path"] == "/reset"


def test_a_request_sends_its_headers_literal_and_from_the_environment(product, monkeypatch):
    url, received = product
    monkeypatch.setenv("RESET_TOKEN", "s3cret")
    headers = {"X-Token": {"env": "RESET_TOKEN"}, "X-Purpose": "helpcentre"}
    DataReset.of("crm", a_reset({"path": "/reset", "headers": headers}), url, Path(".")).run_now("billing/x")
    assert received[-1]["path"] == "/reset"
    assert (received[-1]["X-Token"], received[-1]["X-Purpose"]) == ("s3cret", "helpcentre")


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (
            "/broken",
            "reset of target 'crm' failed: POST {origin}/broken answered 500 Internal Server Error:"
            ' Server error | database is "locked"',
        ),
        # A redirect (to a login page, say) reset nothing: it is not followed.
        ("/moved", "reset of target 'crm' failed: POST {origin}/moved answered 302 Found, to /login: no output"),
    ],
)
def test_a_request_that_fails_is_one_line_with_its_status_and_the_last_words_of_its_answer(product, path, line):
    url, _ = product
    origin = url.removesuffix("/app/")
    with pytest.raises(ResetError) as raised:
        DataReset.of("crm", a_reset({"path": path}), url, Path(".")).run_now()
    assert str(raised.value) == line.format(origin=origin)


def test_a_request_to_a_product_that_is_not_there_is_one_line():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with pytest.raises(ResetError) as raised:
        DataReset.of("crm", a_reset({"path": "/reset"}), f"http://127.0.0.1:{port}/", Path(".")).run_now()
    assert str(raised.value) == (
        f"reset of target 'crm' failed: POST http://127.0.0.1:{port}/reset could not be sent: [Errno 111] Connection refused"
    )


def test_a_command_that_cannot_be_started_is_one_line(tmp_path):
    with pytest.raises(ResetError) as raised:
        DataReset.of("crm", a_reset(command=["./scripts/missing.sh"]), "http://x/", tmp_path).run_now()
    assert str(raised.value) == (
        "reset of target 'crm' failed: ./scripts/missing.sh could not be started: No such file or directory"
    )


def test_a_command_that_takes_too_long_is_stopped_with_what_it_started(tmp_path):
    # The shell's child, `sleep`, would outlive a shell stopped alone and keep its output open.
    command = ["sh", "-c", "echo $$ > shell.pid; sleep 30 & echo $! > child.pid; wait"]
    began = time.monotonic()
    with pytest.raises(ResetError) as raised:
        DataReset.of("crm", a_reset(command=command, timeout=1), "http://x/", tmp_path).run_now()
    assert str(raised.value) == (
        "reset of target 'crm' failed: sh -c 'echo $$ > shell.pid; sleep 30 & echo $! > child.pid; wait'"
        " took over 1 s and was stopped"
    )
    assert time.monotonic() - began < 10
    child = int((tmp_path / "child.pid").read_text())
    assert not _running(child), "the command's own children are stopped too"


def _running(pid: int) -> bool:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        except FileNotFoundError:
            return False
        if state == "Z":  # Gone, waiting for its parent (init) to collect it.
            return False
        time.sleep(0.05)  # Polled until the deadline.
    return True
