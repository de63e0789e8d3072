"""A picture is framed on a page at rest: transitions ended, images in view loaded or failed.

A menu measured while it slides open frames a picture that the screenshot (which finishes
transitions at once) no longer fills; an image still loading is drawn blank in one run and
broken or loaded in the next. Every scenario runs in one browser, launched once for the module.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from capture.watched_browser import watched_context
from local_http import QuietHandler, serving_with

from helpcentre.capture.page.masks import MASK_COLOUR, PageMasks
from helpcentre.capture.page.quiet import until_still

SLIDING_MENU = """<style>
  #menu { height: 0; overflow: hidden; transition: height 400ms ease; }
  #menu.open { height: 160px; }
  .spinner { width: 20px; height: 20px; background: #333; animation: turn 1s linear infinite; }
  @keyframes turn { to { transform: rotate(360deg); } }
</style>
<div class="spinner"></div>
<button id="account" onclick="document.getElementById('menu').classList.add('open')">Alex</button>
<ul id="menu"><li>Account</li><li>Log out</li></ul>"""


LOGO = "%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='20'%3E%3Crect width='40' height='20'/%3E%3C/svg%3E"


class SlowImages(QuietHandler):
    """The page, an avatar that fails 0.6 s late, and one that takes longer than any wait."""

    def do_GET(self) -> None:
        if self.path == "/avatar-slow.png":
            time.sleep(0.6)
        elif self.path == "/avatar-never.png":
            time.sleep(5)
        body = b"<!doctype html><title>still</title>" if self.path == "/" else b""
        self.send_response(200 if self.path == "/" else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


async def _scenarios(base_url: str) -> dict:
    found: dict = {}
    async with watched_context() as (browser, context):
        page = await context.new_page()
        await page.goto(base_url)
        await page.set_content(SLIDING_MENU)

        # An endless spinner is no motion to wait for.
        began = time.perf_counter()
        found["spinner"] = (await until_still(page), time.perf_counter() - began)

        # A menu sliding open is measured at its full height.
        await page.click("#account")
        still = await until_still(page)
        found["menu"] = (still, (await page.locator("#menu").bounding_box())["height"])

        # An avatar whose answer comes late is waited for until it has failed.
        await page.evaluate("""() => {
          const image = new Image(32, 32);
          image.src = '/avatar-slow.png';
          document.body.append(image);
        }""")
        still = await until_still(page)
        found["slow image"] = (still, await page.evaluate("() => document.images[0].complete"))

        # One that never answers is given up on at the deadline.
        await page.evaluate("""() => {
          const image = new Image(32, 32);
          image.src = '/avatar-never.png';
          document.body.append(image);
        }""")
        began = time.perf_counter()
        found["hung image"] = (await until_still(page, 300), time.perf_counter() - began)

        # An avatar that failed, and one still on its way, beside a drawing that loaded: each is a
        # picture of its own page, taken the way a step's is.
        for avatar in ("/avatar-fails.png", "/avatar-never.png"):
            await page.goto(base_url)
            await page.set_content(
                f"""<p>Signed in as Alex</p>
              <img src="data:image/svg+xml,{LOGO}" alt="Logo">
              <img src="{avatar}" width="32" height="32" alt="">""",
                wait_until="domcontentloaded",
            )
            await until_still(page, 300)
            masks = PageMasks(page, [])
            await masks.mark_elements()
            picture = await page.screenshot(mask=masks.screenshot_mask(), mask_color=MASK_COLOUR)
            found[avatar] = (picture, (await masks.read()).rects)
    return found


@pytest.fixture(scope="module")
def scenarios() -> dict:
    with serving_with(SlowImages) as origin, ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _scenarios(origin + "/")).result()


def test_an_endless_spinner_is_not_waited_for(scenarios):
    still, seconds = scenarios["spinner"]
    assert still
    assert seconds < 0.5


def test_a_menu_sliding_open_is_measured_at_its_full_height(scenarios):
    assert scenarios["menu"] == (True, 160)


def test_an_image_in_view_is_waited_for_until_it_has_loaded_or_failed(scenarios):
    assert scenarios["slow image"] == (True, True)


def test_an_image_that_never_answers_is_given_up_on_at_the_deadline(scenarios):
    still, seconds = scenarios["hung image"]
    assert not still
    assert 0.3 <= seconds < 2


def test_an_image_that_failed_or_never_came_is_painted_over_and_recorded_as_masked(scenarios):
    failed, failed_rects = scenarios["/avatar-fails.png"]
    hung, hung_rects = scenarios["/avatar-never.png"]
    # Broken in one run and blank in the next would otherwise be two different pictures.
    assert failed == hung
    # Only the avatar: the drawing that loaded is in the picture as drawn.
    assert len(failed_rects) == 1 and len(failed_rects[0]) == 1
    assert failed_rects == hung_rects
    x, y, width, height = failed_rects[0][0]
    assert (width, height) == (32, 32)
