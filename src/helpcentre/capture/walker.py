"""Walk one article's steps in a page and photograph each step, deterministically."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, expect

from helpcentre.articles import Article
from helpcentre.articles.walkthrough import Action, Expectation, Locator, Step
from helpcentre.capture.locate import nearest_candidates, resolve

MASK_COLOUR = "#8a8f98"
MASKED_TEXT = "‹masked›"


@dataclass(frozen=True)
class Box:
    """A rectangle in screenshot pixels."""

    x: float
    y: float
    width: float
    height: float

    def as_dict(self) -> dict[str, float]:
        return {
            "x": round(self.x, 1),
            "y": round(self.y, 1),
            "width": round(self.width, 1),
            "height": round(self.height, 1),
        }


@dataclass
class StepShot:
    number: int
    text: str
    png: bytes
    aria: str
    url: str
    highlight: Box | None
    masks: list[Box] = field(default_factory=list)
    # The bold UI labels of the step's text that were on the page neither before nor after it.
    missing_labels: list[str] | None = None


class StepProblem(Exception):
    """A step could not be done: the locator it needed, and why."""

    def __init__(self, reason: str, locator: Locator | None = None):
        self.reason = reason
        self.locator = locator
        super().__init__(reason)


class StepFailed(Exception):
    """A walk stopped at a step. Names the article, the step and the locator."""

    def __init__(
        self,
        article: Article,
        number: int,
        reason: str,
        locator: Locator | None,
        candidates: str,
        screenshot: bytes | None,
    ):
        self.article = article
        self.number = number
        self.reason = reason
        self.locator = locator
        self.candidates = candidates
        self.screenshot = screenshot
        self.shots_before: list[StepShot] = []
        step = article.steps[number - 1].text if number <= len(article.steps) else ""
        self.step_text = step
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"{self.article.ref}: step {self.number}"
        if self.step_text:
            where += f" ({self.step_text})"
        what = self.reason
        if self.locator is not None:
            what += f": {self.locator.describe()}"
        if self.candidates:
            what += f"; {self.candidates}"
        return f"{where}: {what}"


@dataclass
class WalkSettings:
    base_url: str
    masks: list[Locator]
    action_timeout_ms: float = 10_000
    settle_timeout_s: float = 5.0
    on_step: Callable[[int], None] | None = None
    check_labels: bool = False


async def walk(page: Page, article: Article, settings: WalkSettings) -> list[StepShot]:
    """Do every step of the article's walkthrough; return one shot per step, or raise StepFailed."""
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None, f"{article.ref} has no walkthrough"
    masks = [*settings.masks, *walkthrough.mask]
    shots: list[StepShot] = []
    number = 0
    try:
        await page.goto(urljoin(settings.base_url, walkthrough.start.lstrip("/")))
        for number, step in enumerate(walkthrough.steps, start=1):
            prose = article.steps[number - 1] if number <= len(article.steps) else None
            text = prose.text if prose else ""
            seen = await _page_words(page) if settings.check_labels else ""
            if step.shot_before_acting:
                await _check_visible(page, step.highlighted, settings)
                shot = await photograph(page, step, number, text, masks, settings)
                await _perform_all(page, step, settings)
            else:
                await _perform_all(page, step, settings)
                shot = await photograph(page, step, number, text, masks, settings)
            if settings.check_labels:
                seen += "\n" + await _page_words(page)
                shot.missing_labels = [
                    label for label in (prose.bold_labels if prose else []) if not label_on_page(label, seen)
                ]
            shots.append(shot)
            if settings.on_step is not None:
                settings.on_step(number)
    except StepProblem as problem:
        failure = await _failure(page, article, number, problem)
        failure.shots_before = shots
        raise failure from None
    except PlaywrightError as error:
        failure = await _failure(page, article, number, StepProblem(_first_line(error.message)))
        failure.shots_before = shots
        raise failure from None
    return shots


async def _page_words(page: Page) -> str:
    """Accessible names and visible text of the whole page, where a UI label must appear."""
    aria = await page.locator("body").aria_snapshot()
    visible = await page.evaluate("document.body.innerText")
    return f"{aria}\n{visible}"


def label_on_page(label: str, page_words: str) -> bool:
    """Whether a label stands on the page as whole words, exactly as the article spells it."""
    words = r"\s+".join(re.escape(word) for word in label.split())
    return re.search(rf"(?<![\w]){words}(?![\w])", page_words) is not None


async def _failure(page: Page, article: Article, number: int, problem: StepProblem) -> StepFailed:
    candidates = await nearest_candidates(page, problem.locator) if problem.locator else ""
    try:
        screenshot = await page.screenshot(type="png", animations="disabled", caret="hide", timeout=5000)
    except PlaywrightError:
        screenshot = None
    return StepFailed(article, max(number, 1), problem.reason, problem.locator, candidates, screenshot)


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "failed"


async def _perform_all(page: Page, step: Step, settings: WalkSettings) -> None:
    """The step's own action, its follow-ups, and only then the step's expectation."""
    await perform(page, step, settings, check=False)
    for action in step.then:
        await perform(page, action, settings)
    if step.expect is not None:
        await check_expectation(page, step.expect, settings)


async def _one(page: Page, spec: Locator, settings: WalkSettings):
    """The single element a locator names; a missing or ambiguous one is a StepProblem."""
    found = resolve(page, spec)
    try:
        await found.first.wait_for(state="attached", timeout=settings.action_timeout_ms)
    except PlaywrightError:
        raise StepProblem("not found", spec) from None
    count = await found.count()
    if count > 1:
        raise StepProblem(f"{count} elements match; add exact, within or nth", spec)
    return found


async def _check_visible(page: Page, spec: Locator | None, settings: WalkSettings) -> None:
    if spec is not None:
        found = await _one(page, spec, settings)
        try:
            await found.wait_for(state="visible", timeout=settings.action_timeout_ms)
        except PlaywrightError:
            raise StepProblem("not visible", spec) from None


async def perform(page: Page, action: Action, settings: WalkSettings, check: bool = True) -> None:
    timeout = settings.action_timeout_ms
    kind = action.action
    try:
        if kind == "goto":
            await page.goto(urljoin(settings.base_url, (action.value or "/").lstrip("/")))
        elif kind == "fill" and action.fields is not None:
            for label, value in action.fields.items():
                field_spec = Locator(label=label, exact=True)
                await (await _one(page, field_spec, settings)).fill(value, timeout=timeout)
        elif kind == "press" and action.target is None:
            await page.keyboard.press(action.value or "")
        elif kind != "expect":
            target = action.target
            assert target is not None
            found = await _one(page, target, settings)
            if kind == "click":
                await found.click(timeout=timeout)
            elif kind == "fill":
                await found.fill(action.value or "", timeout=timeout)
            elif kind == "select":
                await found.select_option(action.value, timeout=timeout)
            elif kind == "check":
                await found.check(timeout=timeout)
            elif kind == "press":
                await found.press(action.value or "", timeout=timeout)
            elif kind == "hover":
                await found.hover(timeout=timeout)
            elif kind == "wait_for":
                await found.wait_for(state=action.state, timeout=timeout)
    except PlaywrightError as error:
        raise StepProblem(f"{kind} failed: {_first_line(error.message)}", action.target) from None
    if check and action.expect is not None:
        await check_expectation(page, action.expect, settings)


async def check_expectation(page: Page, expectation: Expectation, settings: WalkSettings) -> None:
    timeout = settings.action_timeout_ms
    spec = expectation.target
    found = await _one(page, spec, settings) if spec is not None else page.locator("body")
    try:
        if expectation.visible is not None:
            if expectation.visible:
                await expect(found).to_be_visible(timeout=timeout)
            else:
                await expect(found).to_be_hidden(timeout=timeout)
        if expectation.text is not None:
            await expect(found).to_contain_text(expectation.text, timeout=timeout)
        if expectation.value is not None:
            await expect(found).to_have_value(expectation.value, timeout=timeout)
    except AssertionError as error:
        reason = _expectation_reason(expectation, str(error))
        raise StepProblem(reason, spec) from None


def _expectation_reason(expectation: Expectation, message: str) -> str:
    actual = next(
        (line.split(":", 1)[1].strip() for line in message.splitlines() if line.startswith("Actual value")), ""
    )
    if expectation.text is not None:
        wanted = f"expected text '{expectation.text}'"
    elif expectation.value is not None:
        wanted = f"expected value '{expectation.value}'"
    else:
        wanted = "expected it visible" if expectation.visible else "expected it hidden"
    return f"{wanted}, found {actual!r}" if actual else wanted


async def photograph(
    page: Page, step: Step, number: int, text: str, masks: list[Locator], settings: WalkSettings
) -> StepShot:
    """The step's screenshot once two consecutive frames are identical, with masks painted."""
    # Fewer retries in the settle loop: start once the page and its fonts have loaded.
    await page.wait_for_load_state("load")
    await page.evaluate("document.fonts.ready.then(() => undefined)")
    viewport = page.viewport_size or {"width": 1280, "height": 800}
    clip = None
    subject = page.locator("body")
    if step.shot.element is not None:
        subject = await _one(page, step.shot.element, settings)
        await subject.scroll_into_view_if_needed(timeout=settings.action_timeout_ms)
        box = await subject.bounding_box(timeout=settings.action_timeout_ms)
        if box is None:
            raise StepProblem("not visible, so it cannot be photographed", step.shot.element)
        clip = _padded(Box(box["x"], box["y"], box["width"], box["height"]), step.shot.padding, viewport)
        if clip.width <= 0 or clip.height <= 0:
            raise StepProblem("outside the viewport, so it cannot be photographed", step.shot.element)
    elif step.shot.region is not None:
        region = step.shot.region
        clip = _padded(Box(region.x, region.y, region.width, region.height), step.shot.padding, viewport)

    mask_locators = [resolve(page, spec) for spec in [*masks, *step.mask]]
    options = {
        "type": "png",
        "animations": "disabled",
        "caret": "hide",
        "scale": "css",
        "mask": mask_locators,
        "mask_color": MASK_COLOUR,
    }
    if clip is not None:
        options["clip"] = clip.as_dict()
    png = await settled_screenshot(page, settings.settle_timeout_s, options)

    origin = clip or Box(0, 0, viewport["width"], viewport["height"])
    highlight = None
    if step.highlighted is not None:
        boxes = await _boxes_in_shot(resolve(page, step.highlighted), origin)
        highlight = boxes[0] if len(boxes) == 1 else None
    mask_boxes = [box for locator in mask_locators for box in await _boxes_in_shot(locator, origin)]
    aria = await subject.aria_snapshot(timeout=settings.action_timeout_ms)
    aria = await _redact(aria, mask_locators)
    return StepShot(number, text, png, aria, page.url, highlight, mask_boxes)


async def settled_screenshot(page: Page, timeout_s: float, options: dict) -> bytes:
    """Shoot until two consecutive frames are byte-identical, so no half-drawn state is kept."""
    deadline = time.monotonic() + timeout_s
    previous = await page.screenshot(**options)
    while True:
        current = await page.screenshot(**options)
        if current == previous:
            return current
        if time.monotonic() > deadline:
            raise StepProblem(f"the page did not settle within {timeout_s:g} s (it kept changing)")
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
    boxes = []
    for x, y, width, height in rects:
        left, top = max(x, origin.x), max(y, origin.y)
        right = min(x + width, origin.x + origin.width)
        bottom = min(y + height, origin.y + origin.height)
        if right > left and bottom > top:
            boxes.append(Box(left - origin.x, top - origin.y, right - left, bottom - top))
    return boxes


async def _redact(aria: str, mask_locators) -> str:
    """Masked text never reaches a baseline in Git, in pixels or in the ARIA snapshot."""
    secrets: set[str] = set()
    for locator in mask_locators:
        try:
            values = await locator.evaluate_all("els => els.map(e => ('value' in e && e.value) || e.innerText || '')")
        except PlaywrightError:
            continue
        for value in values:
            secrets.update(part.strip() for part in str(value).splitlines() if len(part.strip()) >= 3)
    for secret in sorted(secrets, key=len, reverse=True):
        aria = aria.replace(secret, MASKED_TEXT)
    return aria
