"""Signing in by hand in a browser window, for a product no form-filling can sign in to (SSO, MFA):
`helpcentre login TARGET` keeps the session for capture, verify and fix (see `saved_session`)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

from playwright.async_api import Browser, BrowserContext, Page, async_playwright
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from helpcentre.browser import launch_options
from helpcentre.capture.errors import TargetError
from helpcentre.capture.target.saved_session import save_session, session_file, signed_out
from helpcentre.capture.target.sign_in_form import login_url
from helpcentre.settings import TargetSettings

# What the writer does in the window before the session is read: sign in, then say so.
WritersTurn = Callable[[Page], Awaitable[None]]
_KEEP_EVERY_SECONDS = 1.0


async def wait_for_writer(page: Page) -> None:
    """Until Enter is pressed here, or the window is closed."""
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def finish(*_args) -> None:
        loop.call_soon_threadsafe(lambda: done.done() or done.set_result(None))

    page.on("close", finish)
    if page.context.browser is not None:
        page.context.browser.on("disconnected", finish)
    # A thread of its own: a pending read must not keep the program from ending.
    threading.Thread(target=lambda: (sys.stdin.readline(), finish()), daemon=True).start()
    await done


async def sign_in_in_a_window(target: TargetSettings, name: str) -> Path:
    """`helpcentre login`: a browser window on target `name` for the writer to sign in; the session is
    saved once Enter is pressed here, or the window closed. Return where it was saved."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options(headless=False))
        try:
            return await sign_in_by_hand(browser, target, name)
        finally:
            with contextlib.suppress(PlaywrightError):
                await browser.close()


async def sign_in_by_hand(
    browser: Browser, target: TargetSettings, name: str, until: WritersTurn = wait_for_writer
) -> Path:
    """Open target `name`'s sign-in page in `browser`, let the writer sign in (`until` returns when
    they are done) and save the session; return where it was saved."""
    if target.url is None or target.login is None:
        raise TargetError(f"target '{name}' has no url and login to sign in to")
    base_url = target.url if target.url.endswith("/") else target.url + "/"
    sign_in_url = login_url(base_url, target.login.path)
    # Without a path of its own, the product's start page leads to its sign-in (an SSO redirect).
    start = sign_in_url if "path" in target.login.model_fields_set else base_url
    # No fixed clock and no origin guard: an identity provider's pages and one-time codes need neither.
    context = await browser.new_context(
        viewport={"width": target.viewport.width, "height": target.viewport.height},
        locale=target.locale,
        timezone_id=target.timezone,
    )
    try:
        page = await context.new_page()
        try:
            await page.goto(start)
        except PlaywrightTimeoutError:
            raise TargetError(f"cannot open target '{name}' at {start}: it did not load in 30 s") from None
        except PlaywrightError as error:
            reason = error.message.strip().splitlines()[0].removeprefix("Page.goto: ")
            raise TargetError(f"cannot open target '{name}' at {start} ({reason})") from None
        state = await _state_after(context, page, until)
        if not page.is_closed() and await signed_out(page, base_url, sign_in_url):
            raise TargetError(
                f"the window still shows the sign-in page of target '{name}', so nothing was saved;"
                " sign in there first, then press Enter"
            )
        if not state.get("cookies") and not state.get("origins"):
            raise TargetError(f"nothing to save: target '{name}' set no cookie and stored nothing in the window")
        path = session_file(name, base_url)
        save_session(path, state)
        return path
    finally:
        with contextlib.suppress(PlaywrightError):
            await context.close()


async def _state_after(context: BrowserContext, page: Page, until: WritersTurn) -> dict:
    """The context's storage state once the writer's turn is over; if the browser was quit by
    then, the last state read while it was open."""
    latest: dict = {}

    async def keep() -> None:
        nonlocal latest
        while True:
            with contextlib.suppress(PlaywrightError):
                latest = dict(await context.storage_state(indexed_db=True))
            await asyncio.sleep(_KEEP_EVERY_SECONDS)

    keeping = asyncio.ensure_future(keep())
    try:
        await until(page)
    finally:
        keeping.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await keeping
    try:
        return dict(await context.storage_state(indexed_db=True))
    except PlaywrightError:
        if latest:
            return latest
        raise TargetError("the browser closed before the session could be read; nothing was saved") from None
