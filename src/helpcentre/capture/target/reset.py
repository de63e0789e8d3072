"""Putting a live target's data back, so that no walk depends on the one before it.

A target declares a command (run from the project root) or an HTTP request (sent to the target).
It runs before each article's walk, and after explain and record. What it prints is kept for a
failure, which stops the article in one line; a reset that succeeds is only logged.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import html
import logging
import os
import re
import shlex
import signal
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from helpcentre.capture.errors import ResetError, TargetError
from helpcentre.settings import FromEnvironment, ResetSettings

log = logging.getLogger(__name__)

# How much of a failed reset's output its one line keeps.
OUTPUT_LINES = 3
OUTPUT_LINE_CHARACTERS = 160


@dataclass(frozen=True)
class DataReset:
    """One target's reset, ready to run: its URL known and its headers read from the environment."""

    target: str
    settings: ResetSettings
    base_url: str
    root: Path
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, target: str, settings: ResetSettings, base_url: str, root: Path) -> DataReset:
        """Read the request's headers from the environment now, so a missing variable stops the run at once."""
        headers: dict[str, str] = {}
        missing: list[str] = []
        for name, value in (settings.request.headers if settings.request else {}).items():
            if isinstance(value, FromEnvironment):
                if not os.environ.get(value.env):
                    missing.append(value.env)
                    continue
                value = os.environ[value.env]
            headers[name] = value
        if missing:
            raise TargetError(
                f"target '{target}' resets its data with a header from the environment: set {' and '.join(missing)}"
            )
        return cls(target, settings, base_url, root, headers)

    @property
    def url(self) -> str:
        """The request's address: a path starting with / from the target's origin, any other from its URL."""
        assert self.settings.request is not None
        return urljoin(self.base_url, self.settings.request.path)

    async def run(self, article_ref: str = "") -> None:
        """Put the data back; `article_ref` is the article about to be walked, or just walked."""
        began = time.monotonic()
        if self.settings.command is not None:
            output = await self._run_command(self.settings.command, article_ref)
        else:
            output = await asyncio.to_thread(self._send)
        log.debug(
            "reset target '%s' (%s) for %s in %.1f s: %s",
            self.target,
            self.describe(),
            article_ref or "no article",
            time.monotonic() - began,
            output.decode("utf-8", "replace").strip() or "no output",
        )

    def run_now(self, article_ref: str = "") -> None:
        """`run`, from code that is not a coroutine (a command's last step). Where the thread
        already runs an event loop (a synchronous browser session), in a thread of its own."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            asyncio.run(self.run(article_ref))
            return
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as thread:
            thread.submit(asyncio.run, self.run(article_ref)).result()

    def _failed(self, what: str) -> ResetError:
        return ResetError(f"reset of target '{self.target}' failed: {what}")

    async def _run_command(self, command: list[str], article_ref: str) -> bytes:
        shown = shlex.join(command)
        environment = {
            **os.environ,
            "HELPCENTRE_TARGET": self.target,
            "HELPCENTRE_ARTICLE": article_ref,
            "HELPCENTRE_TARGET_URL": self.base_url,
        }
        try:
            # A session of its own, so a script's children are stopped with it.
            process = await asyncio.create_subprocess_exec(
                *command,
                cwd=self.root,
                env=environment,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError as error:
            raise self._failed(f"{shown} could not be started: {error.strerror or error}") from None
        try:
            output, _ = await asyncio.wait_for(process.communicate(), self.settings.timeout)
        except TimeoutError:
            await _stop(process)
            raise self._failed(f"{shown} took over {self.settings.timeout:g} s and was stopped") from None
        except BaseException:
            await _stop(process)
            raise
        if process.returncode:
            ended = (
                f"was stopped by signal {-process.returncode}"
                if process.returncode < 0
                else f"exited with {process.returncode}"
            )
            raise self._failed(f"{shown} {ended}: {last_lines(output)}")
        return output

    def _send(self) -> bytes:
        request_settings = self.settings.request
        assert request_settings is not None
        method, url = request_settings.method, self.url
        data = None if method == "GET" else b""
        request = urllib.request.Request(url, data=data, method=method, headers=self.headers)
        try:
            with _OPENER.open(request, timeout=self.settings.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            body = error.read()
            where = f", to {error.headers['Location']}" if error.headers.get("Location") else ""
            text = _text_of(body, error.headers.get_content_type())
            raise self._failed(f"{method} {url} answered {error.code} {error.reason}{where}: {text}") from None
        except urllib.error.URLError as error:
            raise self._failed(f"{method} {url} could not be sent: {error.reason}") from None
        except OSError as error:
            raise self._failed(f"{method} {url} could not be sent: {error}") from None

    def describe(self) -> str:
        """What the reset does, as a log line names it."""
        if self.settings.command is not None:
            return shlex.join(self.settings.command)
        assert self.settings.request is not None
        return f"{self.settings.request.method} {self.url}"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A reset answered with a redirect (to a login page, say) did not reset anything: it fails."""

    def redirect_request(self, *args, **kwargs) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


async def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        await process.wait()


def last_lines(output: bytes) -> str:
    """The last few lines something printed, on one line."""
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines() if line.strip()]
    if not lines:
        return "no output"
    limit = OUTPUT_LINE_CHARACTERS
    return " | ".join(line if len(line) <= limit else line[: limit - 1] + "…" for line in lines[-OUTPUT_LINES:])


def _text_of(body: bytes, content_type: str) -> str:
    """An error page's words, as a reader sees them, rather than its closing tags."""
    if content_type != "text/html":
        return last_lines(body)
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", body.decode("utf-8", "replace"), flags=re.S | re.I)
    text = re.sub(r"<[^>]*>", "\n", text)
    return last_lines(html.unescape(text).encode())
