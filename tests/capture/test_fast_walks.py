"""What makes walks fast without making them wrong: masks marked once per picture, and the clocks
the benchmark reads."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from capture.conftest import GUIDE, copy_project
from playwright.async_api import async_playwright

from helpcentre.browser import launch_options
from helpcentre.capture import CaptureOptions, capture
from helpcentre.capture.page.masks import MASK_ATTRIBUTE, PageMasks
from helpcentre.capture.photograph import ShotReading, settled_screenshot
from helpcentre.capture.timings import RunTimings, StepClock, StepTiming
from helpcentre.project import load_project

FORM = """<form>
  <p class="practice-name">Willow Creek Counseling</p>
  <label>Card number <input value="5555 5555 5555 4444"></label>
  <div id="later"></div>
</form>"""


async def marks_and_a_late_field() -> list:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        page = await browser.new_page()
        await page.set_content(FORM)
        masks = PageMasks(page, [page.locator(".practice-name"), page.get_by_label("Card number")])
        await masks.mark_elements()
        first = await masks.read()
        # A field that comes after the marking: no picture may be kept until it is marked too.
        await page.evaluate(
            """() => document.getElementById('later').innerHTML =
                 '<label>Card number again <input value="4111 1111 1111 1111"></label>'"""
        )
        late = await masks.read()
        await masks.mark_elements()
        again = await masks.read()
        painted = await page.locator(f'[{MASK_ATTRIBUTE}="{masks.mark}"]').count()
        await browser.close()
    return [first, late, again, painted]


def test_a_mask_element_that_comes_after_the_marking_is_noticed_and_marked_next_time():
    with ThreadPoolExecutor(max_workers=1) as thread:
        first, late, again, painted = thread.submit(asyncio.run, marks_and_a_late_field()).result()
    assert not first.changed
    # Each mask's group, then the personal data's: the card number is both.
    assert [len(rects) for rects in first.rects] == [1, 1, 1]
    assert first.values == ["Willow Creek Counseling", "5555 5555 5555 4444"]
    assert late.changed, "the page changed after the marking"
    assert not again.changed
    assert [len(rects) for rects in again.rects] == [1, 2, 2]
    assert "4111 1111 1111 1111" in again.values
    assert painted == 3


async def shots_of_a_page_that_keeps_changing_where_it_does_not_show() -> tuple[bool, ShotReading]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        page = await browser.new_page()
        await page.set_content(
            FORM + '<p hidden id="tick"></p><script>setInterval(() => tick.textContent += "x", 5)</script>'
        )
        masks = PageMasks(page, [page.get_by_label("Card number")])

        async def read() -> ShotReading:
            return ShotReading("", [], await masks.read(), None)

        _, reading, _ = await settled_screenshot(page, 5.0, {"type": "png"}, masks, read)
        await browser.close()
    return masks.in_each_frame, reading


def test_a_page_that_keeps_changing_where_it_does_not_show_is_shot_with_the_masks_looked_for_each_time():
    with ThreadPoolExecutor(max_workers=1) as thread:
        in_each_frame, reading = thread.submit(
            asyncio.run, shots_of_a_page_that_keeps_changing_where_it_does_not_show()
        ).result()
    assert in_each_frame
    assert reading.masked.values == ["5555 5555 5555 4444"] and not reading.masked.changed


async def marks_on_a_page_with_a_shadow_root() -> bool:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        page = await browser.new_page()
        await page.set_content(FORM + "<div id=host></div><script>host.attachShadow({mode: 'open'})</script>")
        masks = PageMasks(page, [page.get_by_label("Card number")])
        await masks.mark_elements()
        await browser.close()
    return masks.in_each_frame


def test_a_page_with_shadow_roots_which_the_watch_cannot_see_into_has_its_masks_looked_for_in_each_frame():
    with ThreadPoolExecutor(max_workers=1) as thread:
        assert thread.submit(asyncio.run, marks_on_a_page_with_a_shadow_root()).result()


def test_a_step_clock_splits_the_time_between_the_parts_it_was_in():
    timing = StepTiming("billing/x", 1)
    clock = StepClock(timing)
    clock.switch("shot")
    clock.switch("post_shot")
    clock.switch("action")
    clock.stop()
    assert timing.total == timing.action + timing.shot + timing.post_shot > 0
    StepClock(None).switch("shot")  # a walk without timings measures nothing


def test_a_capture_reports_where_its_time_went(project_root, tmp_path):
    """The benchmark's figures: the phases before the first step, and each step's three parts."""
    copy = copy_project(project_root, tmp_path / "project")
    project = load_project(copy.root / "mkdocs.yml")
    centre, _ = project.load_help_centre()
    timings = RunTimings()
    options = CaptureOptions(selectors=[GUIDE], workers=1, report_dir=tmp_path / "reports")
    with ThreadPoolExecutor(max_workers=1) as thread:
        result = thread.submit(capture, project, centre, options, timings=timings).result()
    assert not result.failed
    assert result.timings is timings
    assert [(step.article, step.number) for step in timings.steps] == [(GUIDE, number) for number in range(1, 6)]
    assert all(step.shot > 0 for step in timings.steps)
    # The sandbox's pages vouch for their quiet, so pictures can be one frame.
    assert all(step.frames >= 1 for step in timings.steps)
    assert any(step.frames == 1 for step in timings.steps)
    assert {"driver", "browser", "sandbox", "sign-in", "data", "context", "start page"} <= set(timings.phases)
    assert 0 < timings.before_first_step < result.seconds
    assert timings.images_done_at is not None and timings.walks_ended_at is not None
