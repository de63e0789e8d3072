"""Spelt-out actions: the steps a walkthrough gives as `action:`, `target:` and `expect:`."""

from __future__ import annotations

from urllib.parse import urljoin

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, expect

from helpcentre.articles.walkthrough import Action, Expectation, Locator
from helpcentre.capture.choosing import set_field
from helpcentre.capture.errors import StepProblem, first_line
from helpcentre.capture.find.locate import resolve
from helpcentre.capture.walk_settings import WalkSettings


async def the_one(page: Page, spec: Locator, settings: WalkSettings):
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


async def check_visible(page: Page, spec: Locator | None, settings: WalkSettings) -> None:
    if spec is not None:
        found = await the_one(page, spec, settings)
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
                await (await the_one(page, field_spec, settings)).fill(value, timeout=timeout)
        elif kind == "press" and action.target is None:
            await page.keyboard.press(action.value or "")
        elif kind != "expect":
            target = action.target
            assert target is not None
            found = await the_one(page, target, settings)
            if kind == "click":
                await found.click(timeout=timeout)
            elif kind == "fill":
                await found.fill(action.value or "", timeout=timeout)
            elif kind == "select":
                await set_field(page, found, None, target.describe(), action.value or "", timeout)
            elif kind == "check":
                await found.check(timeout=timeout)
            elif kind == "press":
                await found.press(action.value or "", timeout=timeout)
            elif kind == "hover":
                await found.hover(timeout=timeout)
            elif kind == "wait_for":
                await found.wait_for(state=action.state, timeout=timeout)
    except PlaywrightError as error:
        raise StepProblem(f"{kind} failed: {first_line(error.message)}", action.target) from None
    if check and action.expect is not None:
        await check_expectation(page, action.expect, settings)


async def check_expectation(page: Page, expectation: Expectation, settings: WalkSettings) -> None:
    timeout = settings.action_timeout_ms
    spec = expectation.target
    found = await the_one(page, spec, settings) if spec is not None else page.locator("body")
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


async def expectation_holds_now(page: Page, expectation: Expectation) -> bool:
    """Whether an `expect` holds right now, without waiting for it."""
    found = resolve(page, expectation.target) if expectation.target is not None else page.locator("body")
    try:
        if await found.count() != 1:
            return False
        if expectation.visible is not None and await found.is_visible() != expectation.visible:
            return False
        if expectation.text is not None and expectation.text not in await found.inner_text(timeout=1000):
            return False
        if expectation.value is not None and await found.input_value(timeout=1000) != expectation.value:
            return False
    except PlaywrightError:
        return False
    return True
