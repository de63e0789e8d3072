"""The writers' live preview: MkDocs' dev server, with the billing sandbox that walkthroughs run against.

MkDocs rebuilds the site and reloads open pages whenever an article, mkdocs.yml or a screenshot
changes (the helpcentre plugin adds the screenshots folder to what it watches). A rebuild that fails
is reported in the terminal and the server keeps running; pages wait until the next good build.

Rebuilds are MkDocs' dirty ones: every article is read again (lint, links, the search index need
them all), but only the pages an edit touches are rendered again: the edited article, the pages
generated from every article (home, categories), an article whose screenshots changed, and all of
them when mkdocs.yml changed. So a preview of 5,000 articles reloads in seconds, not minutes. Other
pages keep their sidebars until the next edit of theirs; a page's new title shows in its
neighbours' sidebars after a restart.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
from pathlib import Path

from billing_sandbox.process import SandboxProcess
from helpcentre.project import Project, load_project

SANDBOX_DATA_DIR = ".cache/sandbox"


class PreviewError(Exception):
    """The preview cannot run; the message says why."""


class PortInUse(PreviewError):
    """`port` is taken; `for_sandbox` says whether the site or the sandbox wanted it."""

    def __init__(self, host: str, port: int, error: OSError, *, for_sandbox: bool = False):
        reason = os.strerror(error.errno) if error.errno else str(error)
        super().__init__(f"cannot listen on {host}:{port}: {reason}")
        self.port = port
        self.for_sandbox = for_sandbox


class Preview:
    """The help centre served for writing, and the sandbox when a target needs it, as a context manager.

    Entering it loads the project (raising ProjectError), checks that the ports are free and starts
    the sandbox (raising SandboxStartError); `serve_until_stopped()` then builds and serves the site
    until KeyboardInterrupt; leaving stops the sandbox.
    """

    def __init__(
        self,
        config_file: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        sandbox_port: int | None = 8001,
    ):
        self.config_file = Path(config_file)
        self.host = host
        self.port = port
        self.sandbox_port = sandbox_port
        self.sandbox: SandboxProcess | None = None
        self.project: Project | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    def __enter__(self) -> Preview:
        self.project = load_project(self.config_file)
        ensure_port_free(self.host, self.port)
        if self.sandbox_port is not None and wants_sandbox(self.project):
            if self.sandbox_port:
                ensure_port_free(self.host, self.sandbox_port, for_sandbox=True)
            self.sandbox = SandboxProcess(
                self.project.root / SANDBOX_DATA_DIR, reset=False, host=self.host, port=self.sandbox_port
            )
            self.sandbox.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.sandbox is not None:
            self.sandbox.close()

    def serve_until_stopped(self) -> None:
        """Build, serve and rebuild on every change until KeyboardInterrupt, which MkDocs handles itself."""
        # Material prints an end-of-life banner on every build; the site layer is kept movable instead.
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        from mkdocs.commands.serve import serve
        from mkdocs.exceptions import MkDocsException

        # MkDocs warns at every dirty build that the navigation may be stale, which `strict: true`
        # would turn into a failed build; the module docstring says what is and is not rebuilt.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_build_warning)
        try:
            serve(str(self.config_file), livereload=True, build_type="dirty", dev_addr=f"{self.host}:{self.port}")
        except MkDocsException as error:
            # Only the first build gets here: MkDocs logs a failed rebuild and keeps serving.
            summary = str(error).rstrip("!")
            raise PreviewError(
                f"the site did not build ({summary}); fix the problems above and start the preview again"
            ) from None
        except OSError as error:
            # Another server took the port while the site was building.
            if error.errno != errno.EADDRINUSE:
                raise
            raise PortInUse(self.host, self.port, error) from None


def _not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def wants_sandbox(project: Project) -> bool:
    """Whether a walkthrough target runs against the bundled sandbox."""
    return any(target.sandbox for target in project.settings.targets.values())


def ensure_port_free(host: str, port: int, *, for_sandbox: bool = False) -> None:
    """Raise PortInUse before anything starts, rather than after the first build, when a port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        # create_server sets SO_REUSEADDR as both servers do, so a port in TIME_WAIT counts as free.
        with socket.create_server((host, port), family=family):
            pass
    except OSError as error:
        raise PortInUse(host, port, error, for_sandbox=for_sandbox) from None
