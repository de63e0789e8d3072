"""The apps that walks run against: the bundled sandbox, or a URL.

One sandbox serves a whole run: it is started while the browser starts, signed in to once
over HTTP, and gives each article a fresh copy of its seed data of its own, so that articles
walked at the same time never see each other's changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
import threading
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from playwright.async_api import Browser

from helpcentre.capture.session import Credentials, TargetError, sign_in
from helpcentre.settings import LoginForm, TargetSettings

SANDBOX_DATA_PREFIX = "helpcentre-sandbox-"

# The sandbox's login page uses the default field names; its demo credentials are public.
SANDBOX_LOGIN = LoginForm()

if TYPE_CHECKING:
    from billing_sandbox.process import SandboxProcess


@dataclass
class RunningTarget:
    """One reachable copy of a target, signed in once and reused by every article walked on it."""

    name: str
    settings: TargetSettings
    base_url: str
    login: LoginForm | None
    credentials: Credentials | None
    resettable: bool = False
    storage_state: dict | None = None
    # The sandbox this run started: it signs in over HTTP and gives each walk data of its own.
    sandbox: SandboxProcess | None = None
    _sign_in_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def session(self, browser: Browser) -> dict | None:
        """The signed-in storage state every article's context starts from; signed in once per run."""
        if self.login is None or self.credentials is None:
            return None
        async with self._sign_in_lock:
            if self.storage_state is None and self.sandbox is not None:
                self.storage_state = await asyncio.to_thread(self.sandbox.signed_in_state)
            elif self.storage_state is None:
                self.storage_state = await sign_in(
                    browser, self.settings, self.base_url, self.login, self.credentials, self.name
                )
        return self.storage_state

    async def reset(self) -> None:
        """Put the seed data back (for a browser that uses the sandbox's own data: record, inspect)."""
        if self.resettable:
            await asyncio.to_thread(_post, self.base_url + "_sandbox/reset")

    async def fresh_data(self) -> dict[str, str]:
        """HTTP headers that give one walk a fresh copy of the seed data; none for a target that has none."""
        if self.sandbox is None:
            return {}
        from billing_sandbox.process import DATA_SET_HEADER

        return {DATA_SET_HEADER: await asyncio.to_thread(self.sandbox.new_data_set)}

    def release(self, headers: dict[str, str]) -> None:
        """Drop a walk's data once its context has closed (the run's data folder goes at the end anyway)."""
        from billing_sandbox.process import DATA_SET_HEADER

        if self.sandbox is not None and DATA_SET_HEADER in headers:
            with contextlib.suppress(OSError):
                self.sandbox.drop_data_set(headers[DATA_SET_HEADER])


def _post(url: str) -> None:
    request = urllib.request.Request(url, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()


class TargetPool:
    """Starts what the walks need, once, and stops everything at the end of the run."""

    def __init__(self, targets: dict[str, TargetSettings], url_override: str | None):
        self._targets = targets
        self._url_override = url_override
        self._stack = contextlib.ExitStack()
        self._shared: dict[str, RunningTarget] = {}
        self._starting: dict[str, asyncio.Future[RunningTarget]] = {}
        # Sandboxes start in threads; closing the pool waits for none of them, so it says it is closed.
        self._lock = threading.Lock()
        self._closed = False

    def start(self, names: Iterable[str]) -> None:
        """Start the sandboxes these targets need now, in the background, while the browser starts."""
        for name in names:
            settings = self._settings(name)
            if self._url_override is None and settings.sandbox and name not in self._starting:
                starting = asyncio.ensure_future(asyncio.to_thread(self._start_sandbox, name, settings))
                # A run stopped while its sandbox starts never asks how the start went: nothing to report.
                starting.add_done_callback(lambda done: done.cancelled() or done.exception())
                self._starting[name] = starting

    def _settings(self, name: str) -> TargetSettings:
        if name not in self._targets:
            raise TargetError(f"no target '{name}' in mkdocs.yml")
        return self._targets[name]

    async def for_worker(self, name: str, worker_cache: dict[str, RunningTarget]) -> RunningTarget:
        if name in worker_cache:
            return worker_cache[name]
        settings = self._settings(name)
        if self._url_override is None and settings.sandbox:
            # One sandbox for every worker: each article walks on a data set of its own.
            self.start([name])
            running = await asyncio.shield(self._starting[name])
        else:
            running = self._shared.get(name) or self._remote(name, settings)
            self._shared[name] = running
        worker_cache[name] = running
        return running

    def _remote(self, name: str, settings: TargetSettings) -> RunningTarget:
        url = self._url_override or settings.url
        assert url is not None
        base_url = url if url.endswith("/") else url + "/"
        if settings.sandbox:
            # A sandbox started by hand (--target): its demo login is public.
            from billing_sandbox import DEMO_EMAIL, DEMO_PASSWORD

            return RunningTarget(name, settings, base_url, SANDBOX_LOGIN, Credentials(DEMO_EMAIL, DEMO_PASSWORD))
        if settings.login is None:
            return RunningTarget(name, settings, base_url, None, None)
        return RunningTarget(
            name, settings, base_url, settings.login, Credentials.from_environment(settings.login, name)
        )

    def _start_sandbox(self, name: str, settings: TargetSettings) -> RunningTarget:
        from billing_sandbox import DEMO_EMAIL, DEMO_PASSWORD
        from billing_sandbox.process import SandboxProcess

        # Named after this process, so the next run can tell a folder a killed run left behind.
        with self._lock:
            if self._closed:
                raise TargetError("the run ended before the sandbox started")
            data_dir = Path(
                self._stack.enter_context(tempfile.TemporaryDirectory(prefix=f"{SANDBOX_DATA_PREFIX}{os.getpid()}-"))
            )
            process = SandboxProcess(data_dir=data_dir, allow_reset=True)
            self._stack.callback(process.close)
        process.start()
        with self._lock:
            closed = self._closed
        if closed:
            process.close()
            raise TargetError("the run ended before the sandbox started")
        base_url = process.url if process.url.endswith("/") else process.url + "/"
        credentials = Credentials(DEMO_EMAIL, DEMO_PASSWORD)
        running = RunningTarget(name, settings, base_url, SANDBOX_LOGIN, credentials, resettable=True, sandbox=process)
        # Signed in here, in the sandbox's thread, while the browser starts.
        running.storage_state = process.signed_in_state()
        return running

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._stack.close()
