"""The apps that walks run against: the bundled sandbox, or a URL.

One sandbox serves a whole run: it is started while the browser starts, signed in to once
over HTTP, and gives each article a fresh copy of its seed data of its own, so that articles
walked at the same time never see each other's changes.

A live target has one set of data: its reset (see `reset`) puts it back before each article's
walk, and its articles walk `parallel` at a time (one unless the product isolates each walk).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import tempfile
import threading
import urllib.request
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from playwright.async_api import Browser, Page
from playwright.async_api import Error as PlaywrightError

from helpcentre.capture.errors import ResetError, ResetFailed, TargetError
from helpcentre.capture.target.reset import DataReset
from helpcentre.capture.target.sandbox_port import SANDBOX_HOST, free_sandbox_port
from helpcentre.capture.target.saved_session import signed_out
from helpcentre.capture.target.session import Credentials, sign_in, sign_in_on
from helpcentre.capture.target.sign_in_form import login_url
from helpcentre.guide import guide_address
from helpcentre.settings import LoginForm, TargetSettings

SANDBOX_DATA_PREFIX = "helpcentre-sandbox-"

# The sandbox's login page uses the default field names; its demo credentials are public.
SANDBOX_LOGIN = LoginForm()

log = logging.getLogger(__name__)

# Live targets without a reset already said so: once per command, though record walks twice.
_SAID_UNRESET: set[str] = set()

if TYPE_CHECKING:
    from billing_sandbox.process import SandboxProcess
    from helpcentre.articles import Article


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
    # A live target's reset, and its places for walks at once (None: as many as there are workers).
    data_reset: DataReset | None = None
    walks: asyncio.Semaphore | None = None
    # Whether this target's reset took the session along, once a walk has seen it; None before.
    reset_signs_out: bool | None = None
    _sign_in_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def session(self, browser: Browser) -> dict | None:
        """The signed-in storage state every article's context starts from; signed in once per run."""
        if self.login is None:
            return None
        async with self._sign_in_lock:
            if self.storage_state is None and self.sandbox is not None:
                self.storage_state = await asyncio.to_thread(self.sandbox.signed_in_state)
            elif self.storage_state is None:
                self.storage_state = await sign_in(
                    browser, self.settings, self.base_url, self.login, self.credentials, self.name
                )
        return self.storage_state

    @contextlib.asynccontextmanager
    async def turn(self, article: Article, page: Page | None = None) -> AsyncIterator[None]:
        """The article's turn to walk: a place among the target's `parallel`, its data put back first.

        A reset that puts a database back often takes the sessions in it along, so `page` is
        signed in again after it, where the target signs in with a form. A reset or sign-in that
        fails raises `ResetFailed`: that article is not walked, the others are.
        """
        async with self.walks or contextlib.nullcontext():
            if self.data_reset is not None:
                try:
                    await self.data_reset.run(article.ref)
                    # A reset that kept the session once keeps it every time: it is looked at once a run.
                    if page is not None and self.credentials is not None and self.reset_signs_out is not False:
                        await self._signed_in_again(page)
                except ResetError as error:
                    raise ResetFailed(article, error) from None
                except TargetError as error:
                    raise ResetFailed(article, ResetError(f"after the reset, {error}")) from None
            yield

    async def _signed_in_again(self, page: Page) -> None:
        """`page` signed in, if the reset took its session along; the walk then opens its start."""
        assert self.login is not None and self.credentials is not None
        try:
            await page.goto(self.base_url)
        except PlaywrightError as error:
            raise TargetError(f"cannot open target '{self.name}': {error.message.strip().splitlines()[0]}") from None
        if await signed_out(page, self.base_url, login_url(self.base_url, self.login.path)):
            self.reset_signs_out = True
            await sign_in_on(page, self.base_url, self.login, self.credentials, self.name)
        else:
            self.reset_signs_out = False

    async def reset(self, article_ref: str = "") -> None:
        """Put the data back outside a walk (record, inspect): the sandbox's seed data, or a live target's reset."""
        if self.resettable:
            await asyncio.to_thread(_post, self.base_url + "_sandbox/reset")
        elif self.data_reset is not None:
            await self.data_reset.run(article_ref)

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


def base_url_of(settings: TargetSettings, url_override: str | None) -> str:
    """The address walks start from, ending in /: the one given on the command line, else the target's."""
    url = url_override or settings.url
    assert url is not None
    return url if url.endswith("/") else url + "/"


def reset_after(
    targets: dict[str, TargetSettings], name: str, url_override: str | None, root: Path, article_ref: str = ""
) -> None:
    """Put a live target's data back after explain or record walked on it; nothing to do for the sandbox."""
    settings = targets[name]
    if not settings.sandbox and settings.reset is not None:
        DataReset.of(name, settings.reset, base_url_of(settings, url_override), root).run_now(article_ref)


def _post(url: str) -> None:
    request = urllib.request.Request(url, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()


class TargetPool:
    """Starts what the walks need, once, and stops everything at the end of the run."""

    def __init__(self, targets: dict[str, TargetSettings], url_override: str | None, root: Path | None = None):
        self._targets = targets
        self._url_override = url_override
        # Where reset commands run: the project's root.
        self._root = root or Path.cwd()
        self._resets: dict[str, DataReset | None] = {}
        self._stack = contextlib.ExitStack()
        self._shared: dict[str, RunningTarget] = {}
        self._starting: dict[str, asyncio.Future[RunningTarget]] = {}
        # Sandboxes start in threads; closing the pool waits for none of them, so it says it is closed.
        self._lock = threading.Lock()
        self._closed = False

    def start(self, names: Iterable[str]) -> None:
        """Start the sandboxes these targets need now, in the background, while the browser starts.

        A live target's reset is made ready now too, so that a missing variable stops the run before any walk.
        """
        for name in names:
            settings = self._settings(name)
            if not settings.sandbox:
                self._data_reset(name, settings)
            if self._url_override is None and settings.sandbox and name not in self._starting:
                # A port asked for that is taken stops the run here, before the browser starts.
                port = free_sandbox_port()
                starting = asyncio.ensure_future(asyncio.to_thread(self._start_sandbox, name, settings, port))
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

    def _data_reset(self, name: str, settings: TargetSettings) -> DataReset | None:
        """A live target's reset, made once per run; a target without one says so, once."""
        if name in self._resets:
            return self._resets[name]
        if settings.reset is None:
            if name not in _SAID_UNRESET:
                _SAID_UNRESET.add(name)
                log.warning(
                    "target '%s' has no reset: the walks change its data and may depend on each other; see %s",
                    name,
                    guide_address("walkthroughs/reset-the-products-data"),
                )
            self._resets[name] = None
        else:
            base_url = base_url_of(settings, self._url_override)
            self._resets[name] = DataReset.of(name, settings.reset, base_url, self._root)
        return self._resets[name]

    def _remote(self, name: str, settings: TargetSettings) -> RunningTarget:
        base_url = base_url_of(settings, self._url_override)
        if settings.sandbox:
            # A sandbox started by hand (--target): its demo login is public.
            from billing_sandbox import DEMO_EMAIL, DEMO_PASSWORD

            return RunningTarget(name, settings, base_url, SANDBOX_LOGIN, Credentials(DEMO_EMAIL, DEMO_PASSWORD))
        login = settings.login
        credentials = Credentials.from_environment(login, name) if login is not None else None
        return RunningTarget(
            name,
            settings,
            base_url,
            login,
            credentials,
            data_reset=self._data_reset(name, settings),
            walks=asyncio.Semaphore(settings.parallel),
        )

    def _start_sandbox(self, name: str, settings: TargetSettings, port: int = 0) -> RunningTarget:
        from billing_sandbox import DEMO_EMAIL, DEMO_PASSWORD
        from billing_sandbox.process import SandboxProcess

        # Named after this process, so the next run can tell a folder a killed run left behind.
        with self._lock:
            if self._closed:
                raise TargetError("the run ended before the sandbox started")
            data_dir = Path(
                self._stack.enter_context(tempfile.TemporaryDirectory(prefix=f"{SANDBOX_DATA_PREFIX}{os.getpid()}-"))
            )
            process = SandboxProcess(data_dir=data_dir, allow_reset=True, host=SANDBOX_HOST, port=port)
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
