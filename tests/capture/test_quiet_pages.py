"""One frame for a page that vouches for its quiet, and the slow way for any page that cannot.

Every scenario runs in one browser, launched once for the module; each test checks one of them.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from capture.watched_browser import watched_context
from playwright.async_api import Page

from helpcentre.capture.page.masks import MASK_ATTRIBUTE, KeptMarks, MaskReading, PageMasks
from helpcentre.capture.page.quiet import QUIET_MS, change_count, quiet_now
from helpcentre.capture.page.refusal import page_state
from helpcentre.capture.photograph import ShotReading, settled_screenshot

FORM = """<form>
  <p class="practice-name">Willow Creek Counseling</p>
  <label>Card number <input value="5555 5555 5555 4444"></label>
  <label>Name on card <input id="name"></label>
  <p id="status">Not saved</p>
  <button type="button" id="save">Save</button>
</form>
<script>
  document.getElementById('save').addEventListener('click', () =>
    setTimeout(() => { document.getElementById('status').textContent = 'Saved'; }, 30));
</script>"""

CHANGE_WHILE_SHOT = """() => new MutationObserver((records, observer) => {
  if (records.some(record => [...record.addedNodes].some(node => node.nodeName.startsWith('X-PW-')))) {
    observer.disconnect();
    document.getElementById('status').textContent = 'Changed while shot';
  }
}).observe(document.documentElement, {childList: true})"""

OPTIONS = {"type": "png", "animations": "disabled", "caret": "hide", "mask_color": "#8a8f98"}


async def _shot(page: Page) -> tuple[bytes, ShotReading, int]:
    masks = PageMasks(page, [page.get_by_label("Card number")])

    async def read() -> ShotReading:
        changes = await change_count(page)
        return ShotReading("", [], await masks.read(), changes)

    return await settled_screenshot(page, 5.0, OPTIONS, masks, read)


async def _scenarios() -> dict:
    found: dict = {}
    async with watched_context() as (browser, context):
        page = await context.new_page()
        await page.set_content(FORM)

        # A page at rest: one frame, the same as a screenshot taken long after.
        png, _, frames = await _shot(page)
        await asyncio.sleep(0.3)
        found["quiet"] = (frames, png == await _plain(page))

        # A click whose result comes 30 ms later: the picture waits for it.
        await page.click("#save")
        png, _, frames = await _shot(page)
        await asyncio.sleep(0.3)
        found["late change"] = (frames, png == await _plain(page), await page.text_content("#status"))

        # The page changes while its one frame is taken (when the mask pane comes): not kept.
        await page.evaluate(CHANGE_WHILE_SHOT)
        png, _, frames = await _shot(page)
        await asyncio.sleep(0.3)
        found["change during shot"] = (frames, png == await _plain(page), await page.text_content("#status"))

        # Typing leaves the document as it was; a new element does not.
        before = await page_state(page)
        await page.fill("#name", "Dana Whitfield")
        typed = await page_state(page)
        await page.evaluate("document.getElementById('status').after(document.createElement('hr'))")
        grown = await page_state(page)
        found["typing"] = (typed.same_document_as(before), grown.same_document_as(typed))

        # Marks are reused while the document is unchanged, and made again once it changed.
        kept = KeptMarks()
        locators = [page.get_by_label("Card number")]
        first = PageMasks(page, locators, kept)
        await first.mark_elements(reuse=True)
        second = PageMasks(page, locators, kept)
        await second.mark_elements(reuse=True)
        await page.evaluate("document.getElementById('status').textContent = 'Edited'")
        third = PageMasks(page, locators, kept)
        await third.mark_elements(reuse=True)
        reading: MaskReading = await third.read()
        painted = await page.locator(f'[{MASK_ATTRIBUTE}="{third.mark}"]').count()
        found["marks"] = (first.mark, second.mark, third.mark, reading.changed, painted)

        # A canvas draws where the watch cannot see: two frames must agree.
        canvas_page = await context.new_page()
        await canvas_page.set_content(FORM + "<canvas width=40 height=40></canvas>")
        _, _, frames = await _shot(canvas_page)
        found["canvas"] = (frames, await quiet_now(canvas_page))

        # A page opened without the watch is shot the slow way too.
        bare = await browser.new_page()
        await bare.set_content(FORM)
        _, _, frames = await _shot(bare)
        found["no watch"] = (frames, await quiet_now(bare))

        # A page that never rests for QUIET_MS cannot vouch for itself.
        busy = await context.new_page()
        await busy.set_content(
            FORM
            + "<script>setInterval(() => { document.getElementById('status').dataset.tick = Date.now(); }, 10)</script>"
        )
        found["busy"] = await quiet_now(busy)
    return found


async def _plain(page: Page) -> bytes:
    return await page.screenshot(**OPTIONS, mask=[page.get_by_label("Card number")])


@pytest.fixture(scope="module")
def scenarios() -> dict:
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _scenarios()).result()


def test_a_page_at_rest_is_shot_once_and_the_frame_is_the_settled_picture(scenarios):
    assert scenarios["quiet"] == (1, True)


def test_a_change_that_comes_just_after_the_action_is_waited_for(scenarios):
    frames, same_as_later, status = scenarios["late change"]
    assert status == "Saved"
    assert same_as_later, "the picture shows the page before its late change"
    # One frame, unless a starved machine ran the page's timer late, during the frame.
    assert frames >= 1


def test_a_frame_taken_while_the_page_changed_is_not_kept(scenarios):
    frames, same_as_later, status = scenarios["change during shot"]
    assert status == "Changed while shot"
    assert frames >= 2
    assert same_as_later


def test_typing_keeps_the_document_and_a_new_element_does_not(scenarios):
    assert scenarios["typing"] == (True, False)


def test_marks_are_reused_until_the_document_changes(scenarios):
    first, second, third, changed, painted = scenarios["marks"]
    assert first and second == first
    assert third != first
    assert not changed
    assert painted == 1


def test_a_page_with_a_canvas_is_shot_until_two_frames_agree(scenarios):
    frames, vouched = scenarios["canvas"]
    assert vouched is None
    assert frames >= 2


def test_a_page_without_the_watch_is_shot_until_two_frames_agree(scenarios):
    assert scenarios["no watch"] == (2, None)


def test_a_page_that_never_rests_cannot_vouch_for_itself(scenarios):
    assert QUIET_MS > 10
    assert scenarios["busy"] is None
