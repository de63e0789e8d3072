"""Run the sandbox as a separate process for capture, verify and the tests.

    with SandboxProcess(tmp_path / "sandbox") as sandbox:
        page.goto(sandbox.url)          # log in with sandbox.email / sandbox.password
        sandbox.reset_data()            # only with SandboxProcess(..., allow_reset=True)
        name = sandbox.new_data_set()   # the same: a fresh copy for requests with the header
        state = sandbox.signed_in_state()  # Playwright storage state of the demo login

starts `python -m helpcentre sandbox serve --port 0 --data DIR --reset`, reads the URL it
prints, waits until /healthz answers (failing fast, with the process's stderr, if it dies),
and on exit stops it with SIGTERM (SIGKILL only if it does not stop in time).
"""

from __future__ import annotations

import http.cookiejar
import json
import sys
import urllib.parse
import urllib.request
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path

from billing_sandbox.demo import DEMO_EMAIL, DEMO_PASSWORD
from helpcentre.child_server import ChildServer, ChildServerStartError

RESET_PATH = "_sandbox/reset"
DATA_SETS_PATH = "_sandbox/data"
# Requests carrying a data set's name here use that copy of the seed (see billing_sandbox.app).
DATA_SET_HEADER = "X-Sandbox-Data"


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
        self._machine_call(RESET_PATH, "POST")

    def new_data_set(self) -> str:
        """The name of a fresh copy of the seed, for the X-Sandbox-Data header (needs `allow_reset=True`).

        Requests that carry it read and write that copy only, so walks on one sandbox never
        see each other's changes.
        """
        return json.loads(self._machine_call(DATA_SETS_PATH, "POST"))["data"]

    def drop_data_set(self, name: str) -> None:
        self._machine_call(f"{DATA_SETS_PATH}/{urllib.parse.quote(name)}", "DELETE")

    def _machine_call(self, path: str, method: str) -> bytes:
        if not self.allow_reset:
            raise RuntimeError("this sandbox was started without allow_reset=True")
        request = urllib.request.Request(self.url + path, data=b"" if method == "POST" else None, method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def signed_in_state(self) -> dict:
        """The demo login's session as Playwright's storage state, signed in through the login form.

        Over HTTP rather than in a browser: the same form and the same cookie, in a few
        milliseconds instead of a page load, a typed form and a redirect.
        """
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        with opener.open(self.url + "login", timeout=30) as response:
            token = _csrf_token(response.read().decode("utf-8"))
        form = urllib.parse.urlencode({"csrf_token": token, "email": self.email, "password": self.password})
        with opener.open(urllib.request.Request(self.url + "login", data=form.encode()), timeout=30) as response:
            response.read()
        if not any(cookie.name == "sandbox_session" for cookie in jar):
            raise SandboxStartError("the sandbox did not sign the demo login in")
        return {"cookies": [_playwright_cookie(cookie) for cookie in jar], "origins": []}


def _playwright_cookie(cookie: http.cookiejar.Cookie) -> dict:
    return {
        "name": cookie.name,
        "value": cookie.value or "",
        "domain": cookie.domain,
        "path": cookie.path,
        "expires": float(cookie.expires) if cookie.expires else -1,
        "httpOnly": cookie.has_nonstandard_attr("HttpOnly"),
        "secure": cookie.secure,
        "sameSite": cookie.get_nonstandard_attr("SameSite") or "Lax",
    }


class _CsrfField(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.token: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("name") == "csrf_token" and self.token is None:
            self.token = found.get("value")


def _csrf_token(page: str) -> str:
    parser = _CsrfField()
    parser.feed(page)
    if not parser.token:
        raise SandboxStartError("the sandbox's login page has no CSRF token")
    return parser.token
