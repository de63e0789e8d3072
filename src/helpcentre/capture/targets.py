"""The apps that walks run against: the bundled sandbox (one fresh copy per worker) or a URL."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser

from helpcentre.capture.session import Credentials, TargetError, sign_in
from helpcentre.settings import LoginForm, TargetSettings

SANDBOX_DATA_PREFIX = "helpcentre-sandbox-"

# The sandbox's login page uses the default field names; its demo credentials are public.
SANDBOX_LOGIN = LoginForm()


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
    _sign_in_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def session(self, browser: Browser) -> dict | None:
        if self.login is None or self.credentials is None:
            return None
        async with self._sign_in_lock:
            if self.storage_state is None:
                self.storage_state = await sign_in(
                    browser, self.settings, self.base_url, self.login, self.credentials, self.name
                )
        return self.storage_state

    async def reset(self) -> None:
        """Fresh seed data before each article, so no article sees another's changes."""
        if self.resettable:
            await asyncio.to_thread(_post, self.base_url + "_sandbox/reset")


def _post(url: str) -> None:
    request = urllib.request.Request(url, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()


class TargetPool:
    """Starts what a worker needs, lazily, and stops everything at the end of the run."""

    def __init__(self, targets: dict[str, TargetSettings], url_override: str | None):
        self._targets = targets
        self._url_override = url_override
        self._stack = contextlib.ExitStack()
        self._shared: dict[str, RunningTarget] = {}

    def _settings(self, name: str) -> TargetSettings:
        if name not in self._targets:
            raise TargetError(f"no target '{name}' in mkdocs.yml")
        return self._targets[name]

    async def for_worker(self, name: str, worker_cache: dict[str, RunningTarget]) -> RunningTarget:
        if name in worker_cache:
            return worker_cache[name]
        settings = self._settings(name)
        if self._url_override is None and settings.sandbox:
            # One sandbox per worker: articles change its data, so they must not share one.
            running = await asyncio.to_thread(self._start_sandbox, name, settings)
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
        data_dir = Path(
            self._stack.enter_context(tempfile.TemporaryDirectory(prefix=f"{SANDBOX_DATA_PREFIX}{os.getpid()}-"))
        )
        process = self._stack.enter_context(SandboxProcess(data_dir=data_dir, allow_reset=True))
        base_url = process.url if process.url.endswith("/") else process.url + "/"
        credentials = Credentials(DEMO_EMAIL, DEMO_PASSWORD)
        return RunningTarget(name, settings, base_url, SANDBOX_LOGIN, credentials, resettable=True)

    def close(self) -> None:
        self._stack.close()
