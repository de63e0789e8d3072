"""A step's frame is looked for again rather than silently becoming the whole viewport.

Every scenario runs in one browser, launched once for the module.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.async_api import async_playwright

from helpcentre.browser import launch_options
from helpcentre.capture.errors import FrameLost
from helpcentre.capture.page import frame_lookup
from helpcentre.capture.page.frame_lookup import element_handles, frame_touched

MENU = """<header><nav aria-label="Main">
  <button id="setup" aria-controls="setup-menu" aria-expanded="true">Setup</button>
  <ul role="menu" id="setup-menu" aria-label="Setup">
    <li role="menuitem">Therasoft Billing</li><li role="menuitem">Practice</li>
  </ul>
</nav></header>
<main><h1>Home</h1><p>Welcome back.</p></main>"""

RECORDED = "menu 'Setup' with its button"


async def _scenarios() -> dict:
    found: dict = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        page = await browser.new_page(viewport={"width": 800, "height": 500})
        await page.set_content(MENU)
        item = page.get_by_role("menuitem", name="Therasoft Billing")

        # Under load the handles came back empty: the frame is looked for again and found.
        found["handles lost"] = await frame_touched(page, [item], [], RECORDED)

        # The menu shows again only after a while (a starved machine redrawing it).
        await page.evaluate("document.getElementById('setup-menu').style.display = 'none'")
        await page.evaluate("setTimeout(() => { document.getElementById('setup-menu').style.display = ''; }, 300)")
        found["shown late"] = await frame_touched(page, [item], await element_handles([item]), RECORDED)

        # It never shows again: an error of the run, not a picture of the whole viewport.
        await page.evaluate("document.getElementById('setup-menu').style.display = 'none'")
        began = time.monotonic()
        try:
            await frame_touched(page, [item], await element_handles([item]), RECORDED)
        except FrameLost as error:
            found["lost"] = str(error)
        found["lost seconds"] = time.monotonic() - began

        # Capture has no baseline: what is gone (a link that led away) is the viewport, at once.
        await page.set_content("<main><h1>Invoice</h1></main>")
        gone = page.get_by_role("menuitem", name="Therasoft Billing")
        began = time.monotonic()
        found["gone at capture"] = await frame_touched(page, [gone], await element_handles([gone]), None)
        found["gone seconds"] = time.monotonic() - began
        await browser.close()
    return found


@pytest.fixture(scope="module")
def scenarios() -> dict:
    patch = pytest.MonkeyPatch()
    # Each attempt waits this long for the element to show: short, so the lost case ends soon.
    patch.setattr(frame_lookup, "SHOW_WAIT_MS", 500)
    patch.setattr(frame_lookup, "HANDLE_WAIT_MS", 500)
    try:
        # In a thread of its own: a browser test of this process may have left its event loop running.
        with ThreadPoolExecutor(1) as thread:
            return thread.submit(asyncio.run, _scenarios()).result()
    finally:
        patch.undo()


def test_a_frame_whose_handles_came_back_empty_is_found_again(scenarios):
    framing = scenarios["handles lost"]
    assert framing is not None and framing.described == RECORDED


def test_a_frame_shown_late_is_waited_for(scenarios):
    framing = scenarios["shown late"]
    assert framing is not None and framing.described == RECORDED


def test_a_container_that_stays_lost_is_an_error_of_the_run_naming_both_frames(scenarios):
    assert scenarios["lost"] == (
        "the picture's container could not be found again in time: the baseline frames menu 'Setup' with its"
        " button, this run found only the viewport; nothing was compared, walk it again"
    )


def test_an_element_that_is_gone_at_capture_is_not_waited_for(scenarios):
    assert scenarios["gone at capture"] is None
    assert scenarios["gone seconds"] < 1.0
