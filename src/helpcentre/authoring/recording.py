"""`helpcentre record`'s session: the target opened, signed in, for a writer to do a task in.

The target's data is put back before the window opens and again once it is closed (its reset,
or the sandbox's seed data), so that what the writer did is never the next walk's starting
point, even when nothing was recorded or the recording was cut short.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from collections.abc import Awaitable, Callable

from playwright.async_api import Page, async_playwright

from helpcentre.authoring.recorder import RecordedStep, Recorder, page_fingerprint
from helpcentre.browser import launch_options
from helpcentre.capture import TargetPool
from helpcentre.project import Project

# What the writer does in the window, when a program does it (the tests): awaited with the page.
Writer = Callable[[Page], Awaitable[None]]


async def record_in_browser(
    project: Project, target_name: str, start: str, *, headless: bool = False, writer: Writer | None = None
) -> list[RecordedStep]:
    """Open the target, signed in, in a browser window, and record until it is closed or Enter is
    pressed; with `writer`, until it has done the task."""
    pool = TargetPool(project.settings.targets, None, project.root)
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**launch_options(headless=headless))
            target = await pool.for_worker(target_name, {})
            await target.reset()
            try:
                context = await browser.new_context(
                    viewport={"width": target.settings.viewport.width, "height": target.settings.viewport.height},
                    storage_state=await target.session(browser),
                )
                recorder = Recorder(on_sandbox=target.resettable)
                await recorder.attach(context)
                page = await context.new_page()
                await page.goto(target.base_url + start.lstrip("/"))
                if writer is not None:
                    await writer(page)
                else:
                    await _until_done(page, browser)
                fingerprint = await page_fingerprint(page)
                with contextlib.suppress(Exception):
                    await browser.close()
                return recorder.steps(fingerprint)
            finally:
                # What the writer changed is put back, whatever the recording became.
                await target.reset()
    finally:
        pool.close()


async def _until_done(page: Page, browser) -> None:
    """Until the writer closes the window (or the browser), or presses Enter in the terminal."""
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def finish(*_args) -> None:
        loop.call_soon_threadsafe(lambda: done.done() or done.set_result(None))

    page.on("close", finish)
    browser.on("disconnected", finish)
    # A thread of its own: a pending read must not keep the program from ending.
    threading.Thread(target=lambda: (sys.stdin.readline(), finish()), daemon=True).start()
    await done


__all__ = ["Writer", "record_in_browser"]
