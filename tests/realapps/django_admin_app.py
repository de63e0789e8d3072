"""A stock Django project's admin, run as a real app to walk: nothing of it is ours but its data.

`django-admin startproject` makes the project in a folder, with its SQLite database there;
the app's own commands make the data (`migrate`, `createsuperuser`, `loaddata` of
tests/fixtures/django_admin/app/seed.json); `runserver` serves it on a free port of 127.0.0.1.
A copy of the database taken right after seeding is what the fixture's
app/reset_database.py puts back.

Run it by hand to write or try the fixture help centre against it:

    .venv/bin/python tests/realapps/django_admin_app.py [FOLDER]

prints the environment the help centre's mkdocs.yml reads, and serves until Ctrl-C.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HELP_CENTRE = Path(__file__).resolve().parents[1] / "fixtures" / "django_admin"
SEED = HELP_CENTRE / "app" / "seed.json"
RESET_SCRIPT = HELP_CENTRE / "app" / "reset_database.py"
# Renames groups when DJANGO_ADMIN_GROUPS_NAME is set: a product release that renamed a label.
LABELS = HELP_CENTRE / "app" / "labels.py"

# The superuser the walkthroughs sign in as; test data only, never a real account.
ADMIN_USERNAME = "helpdesk"
ADMIN_PASSWORD = "walkthrough-only-2026"
ADMIN_EMAIL = "helpdesk@riverside-clinic.example"

# What the help centre's mkdocs.yml reads (targets.django_admin), and the reset script.
URL_ENV = "DJANGO_ADMIN_URL"
USERNAME_ENV = "DJANGO_ADMIN_USER"
PASSWORD_ENV = "DJANGO_ADMIN_PASSWORD"
PROJECT_ENV = "DJANGO_ADMIN_PROJECT"

DATABASE = "db.sqlite3"
SEEDED_COPY = "db.seeded.sqlite3"
SERVER_LOG = "runserver.log"
START_SECONDS = 30


class AdminAppError(RuntimeError):
    """The Django project could not be made or served; the message holds what Django said."""


@dataclass(frozen=True)
class AdminProject:
    """A Django project made by `django-admin startproject`, migrated and seeded."""

    root: Path

    def manage(self, *arguments: str, env: dict[str, str] | None = None) -> str:
        """Run `manage.py ARGUMENTS` in the project; its stdout, or AdminAppError with its stderr."""
        return _run([sys.executable, "manage.py", *arguments], cwd=self.root, env=env)

    def reset(self) -> None:
        """Back to the seeded data, as the target's reset command does it."""
        _run([sys.executable, str(RESET_SCRIPT), str(self.root)], cwd=self.root)


def create_project(folder: Path) -> AdminProject:
    """A new project in `folder` (made if missing, and empty), migrated, with the superuser and the seed."""
    folder.mkdir(parents=True, exist_ok=True)
    _run([sys.executable, "-m", "django", "startproject", "clinic", str(folder)], cwd=folder)
    shutil.copyfile(LABELS, folder / "clinic" / "labels.py")
    with open(folder / "clinic" / "urls.py", "a", encoding="utf-8") as urls:
        urls.write("\nfrom clinic import labels  # noqa: E402\n\nlabels.apply()\n")
    project = AdminProject(folder)
    project.manage("migrate", "--noinput")
    project.manage(
        "createsuperuser",
        "--noinput",
        "--username",
        ADMIN_USERNAME,
        "--email",
        ADMIN_EMAIL,
        env={"DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
    )
    project.manage("loaddata", str(SEED))
    shutil.copyfile(folder / DATABASE, folder / SEEDED_COPY)
    return project


@dataclass
class RunningAdmin:
    """The project served by `runserver`; `url` is the site's root, ending in "/"."""

    project: AdminProject
    url: str
    process: subprocess.Popen

    @property
    def admin_url(self) -> str:
        return f"{self.url}admin/"

    def environment(self) -> dict[str, str]:
        """The variables the fixture help centre's mkdocs.yml and its reset script read."""
        return {
            URL_ENV: self.admin_url,
            USERNAME_ENV: ADMIN_USERNAME,
            PASSWORD_ENV: ADMIN_PASSWORD,
            PROJECT_ENV: str(self.project.root),
        }

    def log(self) -> str:
        return (self.project.root / SERVER_LOG).read_text(errors="replace")


@contextlib.contextmanager
def serve(project: AdminProject, environment: dict[str, str] | None = None) -> Iterator[RunningAdmin]:
    """`runserver` on a free port of 127.0.0.1, waited for; stopped when the block ends.

    `environment` is added to the server's (`{labels.RENAME_ENV: "Team"}` renames groups)."""
    port = _free_port()
    with open(project.root / SERVER_LOG, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=project.root,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(environment or {}), "PYTHONUNBUFFERED": "1"},
            preexec_fn=_stop_with_parent,
        )
    running = RunningAdmin(project, f"http://127.0.0.1:{port}/", process)
    try:
        _wait_for_port(running, port)
        yield running
    finally:
        _stop(process)


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}
    )
    if result.returncode != 0:
        raise AdminAppError(f"{' '.join(command[1:])} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(running: RunningAdmin, port: int) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise AdminAppError(f"runserver exited {running.process.returncode}: {running.log().strip()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise AdminAppError(f"runserver did not listen on port {port} within {START_SECONDS} s: {running.log().strip()}")


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


def main(arguments: list[str]) -> int:
    folder = Path(arguments[0]) if arguments else Path(tempfile.mkdtemp(prefix="django-admin-"))
    project = create_project(folder)
    with serve(project) as running:
        for name, value in running.environment().items():
            print(f"export {name}={value}")
        print(f"# the admin: {running.admin_url} ({ADMIN_USERNAME} / {ADMIN_PASSWORD}); Ctrl-C stops it", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            running.process.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
