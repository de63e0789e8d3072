"""A stock react-admin app (Material UI, client-side routing), run as a real app to walk.

tests/fixtures/react_admin/app is a small facilities and IT helpdesk built from react-admin's
own components and English messages: nothing of its UI is ours but the choice of components and
its data. ./scripts/test installs it (`npm ci`) and builds it (`vite build`) into node_modules/
and dist/; its server.mjs serves dist/ and a JSON REST API (json-server) from seed.json, and
`POST /__reset` puts the seed back, which is the help centre's target reset.

Run it by hand to write or try the fixture help centre against it:

    .venv/bin/python tests/realapps/react_admin_app.py

prints the environment the help centre's mkdocs.yml reads, and serves until Ctrl-C.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HELP_CENTRE = Path(__file__).resolve().parents[1] / "fixtures" / "react_admin"
APP = HELP_CENTRE / "app"

# The one account server.mjs accepts; test data only, never a real account.
USERNAME = "frontdesk"
PASSWORD = "walkthrough-only-2026"

# What the help centre's mkdocs.yml reads (targets.helpdesk).
URL_ENV = "HELPDESK_URL"
USERNAME_ENV = "HELPDESK_USER"
PASSWORD_ENV = "HELPDESK_PASSWORD"

# What a build is made of; scripts/bootstrap.sh (app_build_inputs_hash) hashes the same files.
BUILD_INPUTS = ("package-lock.json", "index.html", "vite.config.js", "src")
BUILT_STAMP = APP / "dist" / ".helpcentre-built"
SERVER_LOG = "server.log"
START_SECONDS = 30


class HelpdeskAppError(RuntimeError):
    """The app could not be served; the message says why, and what to run."""


@dataclass
class RunningHelpdesk:
    """server.mjs serving the built app; `url` is its root, ending in "/"."""

    url: str
    process: subprocess.Popen
    log_path: Path

    def environment(self) -> dict[str, str]:
        """The variables the fixture help centre's mkdocs.yml reads."""
        return {URL_ENV: self.url, USERNAME_ENV: USERNAME, PASSWORD_ENV: PASSWORD}

    def api(self, path: str, method: str = "GET") -> bytes:
        """The body of one request to the server (`api/tickets`, `__reset`)."""
        request = urllib.request.Request(self.url + path, method=method, data=b"" if method != "GET" else None)
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def build_inputs_hash(app: Path = APP) -> str:
    """The SHA-256 of the build's inputs, concatenated in the byte order of their paths."""
    files = []
    for name in BUILD_INPUTS:
        path = app / name
        files.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(app).as_posix().encode()):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def check_built(app: Path = APP) -> None:
    """HelpdeskAppError unless the app's dist/ holds a build of its current sources."""
    how = "./scripts/test installs and builds it (npm ci and vite build)"
    stamp = app / BUILT_STAMP.relative_to(APP)
    if shutil.which("node") is None:
        raise HelpdeskAppError(f"the react-admin helpdesk needs Node.js, and there is no node on PATH; {how}")
    if not stamp.is_file():
        raise HelpdeskAppError(f"the react-admin helpdesk is not built ({app / 'dist'} has no build); {how}")
    if stamp.read_text().strip() != build_inputs_hash(app):
        raise HelpdeskAppError(f"the react-admin helpdesk's build is older than its sources or lock; {how}")


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[RunningHelpdesk]:
    """server.mjs on a free port of 127.0.0.1, its log in `folder`, waited for; stopped when the block ends."""
    check_built()
    port = _free_port()
    log_path = folder / SERVER_LOG
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            ["node", "server.mjs", "--host", "127.0.0.1", "--port", str(port)],
            cwd=APP,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_stop_with_parent,
        )
    running = RunningHelpdesk(f"http://127.0.0.1:{port}/", process, log_path)
    try:
        _wait_until_it_answers(running)
        yield running
    finally:
        _stop(process)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_it_answers(running: RunningHelpdesk) -> None:
    """Until its page and its API both answer 200; fails at once if the server exited."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise HelpdeskAppError(f"server.mjs exited {running.process.returncode}: {running.log().strip()}")
        with contextlib.suppress(OSError, urllib.error.URLError):
            running.api("")
            running.api("api/technicians")
            return
        time.sleep(0.1)
    raise HelpdeskAppError(
        f"server.mjs did not answer at {running.url} within {START_SECONDS} s: {running.log().strip()}"
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _stop_with_parent() -> None:
    """In the child: SIGTERM it when the process that started it dies, even by SIGKILL (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    import tempfile

    # Ctrl-C and kill both stop it cleanly, also when started as a background job (SIGINT ignored).
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with tempfile.TemporaryDirectory(prefix="helpdesk-") as folder, serve(Path(folder)) as running:
            for name, value in running.environment().items():
                print(f"export {name}={value}")
            print(f"# the helpdesk: {running.url} ({USERNAME} / {PASSWORD}); Ctrl-C stops it", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                running.process.wait()
    except HelpdeskAppError as error:
        print(f"react_admin_app.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
