"""A step's picture: the page at rest, masked, framed, and what the step records beside it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.articles.walkthrough import Shot
from helpcentre.baselines.shot import Box, StepShot
from helpcentre.capture.errors import StepProblem
from helpcentre.capture.explicit import the_one
from helpcentre.capture.page.framing import FRAME_ATTRIBUTE, Frame
from helpcentre.capture.page.masks import MASK_COLOUR, MaskReading, PageMasks, redact
from helpcentre.capture.page.quiet import change_count, quiet_now, still_quiet
from helpcentre.capture.page.reading import PageReadings
from helpcentre.capture.page.text_size import text_size
from helpcentre.capture.timings import StepClock
from helpcentre.capture.walk_settings import WalkSettings


async def photograph(
    page: Page,
    number: int,
    text: str,
    shot: Shot | None,
    framing: Frame | None,
    highlight: list[PlaywrightLocator],
    masks: PageMasks,
    settings: WalkSettings,
    *,
    readings: PageReadings | None = None,
    clock: StepClock | None = None,
) -> StepShot:
    """The step's screenshot once the page is still (`settled_screenshot`), with masks painted.

    `shot` gives an element or region to photograph; otherwise `framing`, the container of
    what the step touched; with neither, the viewport. `masks` may be marked already. What
    the step records besides the picture (boxes, masked text, ARIA, and the page's words into
    `readings` when the walk checks labels) is read while the kept frame is taken, and the
    page is known not to have changed meanwhile, so the reading is of the page in the picture.
    """
    # Fewer retries in the settle loop: start once the page has loaded (each screenshot also
    # waits for the fonts).
    await page.wait_for_load_state("load")
    viewport = page.viewport_size or {"width": 1280, "height": 800}
    clip = None
    subject = page.locator("body")
    described = "the viewport"
    if shot is not None and shot.element is not None:
        subject = await the_one(page, shot.element, settings)
        await subject.scroll_into_view_if_needed(timeout=settings.action_timeout_ms)
        box = await subject.bounding_box(timeout=settings.action_timeout_ms)
        if box is None:
            raise StepProblem("not visible, so it cannot be photographed", shot.element)
        clip = _padded(Box(box["x"], box["y"], box["width"], box["height"]), shot.padding, viewport)
        if clip.width <= 0 or clip.height <= 0:
            raise StepProblem("outside the viewport, so it cannot be photographed", shot.element)
        described = shot.element.describe()
    elif shot is not None and shot.region is not None:
        region = shot.region
        clip = _padded(Box(region.x, region.y, region.width, region.height), shot.padding, viewport)
        described = "a pixel region"
    elif framing is not None and framing.width > 0 and framing.height > 0:
        clip = Box(framing.x, framing.y, framing.width, framing.height)
        subject = page.locator(f"[{FRAME_ATTRIBUTE}]") if framing.has_container else (highlight or [subject])[0]
        described = framing.describe()

    origin = clip or Box(0, 0, viewport["width"], viewport["height"])
    check_labels = readings is not None and settings.check_labels

    async def read() -> ShotReading:
        # The page's count of changes (its watch) comes first: the reading is at least that new.
        changes = await change_count(page)
        # The page's words read since its last change are still its words.
        if readings is not None and (changes is None or readings.words_at != changes):
            readings.forget()
        highlight_reads = [_boxes_in_shot(locator.first, origin) for locator in highlight]
        page_words = [readings.words()] if readings is not None and check_labels else []
        aria, masked, *found = await asyncio.gather(
            subject.first.aria_snapshot(timeout=settings.action_timeout_ms),
            masks.read(),
            *highlight_reads,
            *page_words,
        )
        return ShotReading(aria, found[: len(highlight_reads)], masked, changes)

    options = {
        "type": "png",
        "animations": "disabled",
        "caret": "hide",
        "scale": "css",
        "mask_color": MASK_COLOUR,
    }
    if clip is not None:
        options["clip"] = clip.as_dict()
    png, reading, frames = await settled_screenshot(page, settings.settle_timeout_s, options, masks, read)
    if clock is not None:
        clock.switch("post_shot")
        clock.frames = frames
    boxes = [box for found_boxes in reading.highlight for box in found_boxes]
    highlight_box = _union(boxes) if boxes else None
    mask_boxes = [box for rects in reading.masked.rects for box in _in_shot(rects, origin)]
    aria = redact(reading.aria, reading.masked.values)
    url = on_target(page.url, settings.base_url)
    small_text = await text_size(page, origin)
    return StepShot(number, text, png, aria, url, highlight_box, mask_boxes, frame=described, text_px=small_text)


def on_target(url: str, base_url: str) -> str:
    """`http://127.0.0.1:43211/billing?tab=card` as `/billing?tab=card`: the same on every run."""
    if url.startswith(base_url):
        return "/" + url[len(base_url) :].lstrip("/")
    return url


def _union(boxes: list[Box]) -> Box:
    left = min(box.x for box in boxes)
    top = min(box.y for box in boxes)
    right = max(box.x + box.width for box in boxes)
    bottom = max(box.y + box.height for box in boxes)
    return Box(left, top, right - left, bottom - top)


@dataclass
class ShotReading:
    """What a step records besides its picture, read while the picture's kept frame is taken."""

    aria: str
    highlight: list[list[Box]]
    masked: MaskReading
    # The page's count of changes when the reading began (None without the page's watch).
    changes: int | None = None


async def settled_screenshot(
    page: Page,
    timeout_s: float,
    options: dict,
    masks: PageMasks,
    read: Callable[[], Awaitable[ShotReading]],
) -> tuple[bytes, ShotReading, int]:
    """The picture of a page that has stopped changing, so no half-drawn state is kept.

    A page whose watch (`quiet.py`) vouches that it has been quiet, and that stays quiet while
    it is shot, gives its one frame; `read` runs while the page's quiet is awaited and the
    frame taken, and counts only when nothing changed from its start to the frame's end. Any other page is shot until
    two consecutive frames are byte-identical, with `read` run while the kept frame is taken:
    nothing changed meanwhile, so the reading is of the page in the picture. Also returns how
    many frames were taken. When the page changed after the masks were marked, an element the
    marks miss may have come: the masks are marked again, and the frames taken again; when it
    changes again while its frames stay the same, every mask is looked for again in each frame
    instead.
    """
    deadline = time.monotonic() + timeout_s
    if not masks.mark:
        await masks.mark_elements()
    # The page is read while its quiet is awaited, and while its frame is taken.
    reading_now = asyncio.ensure_future(read())
    try:
        changes = await quiet_now(page)
    except BaseException:
        reading_now.cancel()
        raise
    if changes is not None:
        frame, reading = await asyncio.gather(page.screenshot(**options, mask=masks.screenshot_mask()), reading_now)
        if reading.changes != changes:
            # It changed while it was read, before it went quiet: read the quiet page again.
            reading = await read()
        if reading.changes == changes and not reading.masked.changed and await still_quiet(page, changes):
            return frame, reading, 1
        previous = frame
    else:
        previous, _ = await asyncio.gather(page.screenshot(**options, mask=masks.screenshot_mask()), reading_now)
    frames = 1
    changed_unseen = 0
    while True:
        current, reading = await asyncio.gather(page.screenshot(**options, mask=masks.screenshot_mask()), read())
        frames += 1
        if current == previous and not reading.masked.changed:
            return current, reading, frames
        if time.monotonic() > deadline:
            raise StepProblem(f"the page did not settle within {timeout_s:g} s (it kept changing)")
        if reading.masked.changed:
            changed_unseen += current == previous
            if changed_unseen >= 2:
                masks.in_each_frame = True
            # Marked again, also when every mask is looked for in each frame: what shows of the
            # personal data and the images is placed again.
            await masks.mark_elements()
            current = await page.screenshot(**options, mask=masks.screenshot_mask())
            frames += 1
        previous = current


def _padded(box: Box, padding: int, viewport: dict[str, int]) -> Box:
    left = max(0.0, box.x - padding)
    top = max(0.0, box.y - padding)
    right = min(float(viewport["width"]), box.x + box.width + padding)
    bottom = min(float(viewport["height"]), box.y + box.height + padding)
    # Whole pixels, so the same element always gives the same image size.
    left, top = int(left), int(top)
    return Box(left, top, int(right + 0.999) - left, int(bottom + 0.999) - top)


# One round trip for every element a locator matches: their visible rectangles.
_VISIBLE_RECTS = """elements => elements
  .filter(element => element.checkVisibility ? element.checkVisibility() : true)
  .map(element => element.getBoundingClientRect())
  .filter(rect => rect.width > 0 && rect.height > 0)
  .map(rect => [rect.x, rect.y, rect.width, rect.height])"""


async def _boxes_in_shot(locator, origin: Box) -> list[Box]:
    try:
        rects = await locator.evaluate_all(_VISIBLE_RECTS)
    except PlaywrightError:
        return []
    return _in_shot(rects, origin)


def _in_shot(rects: list[list[float]], origin: Box) -> list[Box]:
    """The parts of these page rectangles inside the picture, in the picture's pixels."""
    boxes = []
    for x, y, width, height in rects:
        left, top = max(x, origin.x), max(y, origin.y)
        right = min(x + width, origin.x + origin.width)
        bottom = min(y + height, origin.y + origin.height)
        if right > left and bottom > top:
            boxes.append(Box(left - origin.x, top - origin.y, right - left, bottom - top))
    return boxes
