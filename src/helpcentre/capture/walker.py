"""Walk one article's steps in a page and photograph each step, deterministically."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page, expect

from helpcentre.articles import Article
from helpcentre.articles.inference import Intent, StepPlan
from helpcentre.articles.steps import plain_text
from helpcentre.articles.walkthrough import Action, Expectation, Locator, Shot, Step
from helpcentre.capture.choosing import click_or_choose, held, set_field
from helpcentre.capture.frame_lookup import FrameLost, element_handles, frame_touched
from helpcentre.capture.framing import FRAME_ATTRIBUTE, Frame
from helpcentre.capture.keys import press_where_focused
from helpcentre.capture.label_check import label_on_page, labels_not_shown, labels_to_find, spelled_otherwise
from helpcentre.capture.layout import Box
from helpcentre.capture.locate import nearest_candidates, resolve
from helpcentre.capture.masks import MASK_COLOUR, MaskReading, PageMasks, failure_picture, redact
from helpcentre.capture.next_check import NextChecks
from helpcentre.capture.outcome import NavigationWatch, page_state, refusal
from helpcentre.capture.places import bind_check
from helpcentre.capture.prose import NotResolved, Resolved, find_text, text_shown_now
from helpcentre.capture.quiet import change_count, quiet_now, still_quiet, until_still
from helpcentre.capture.reading import PageReadings
from helpcentre.capture.rows import resolve_or_row
from helpcentre.capture.settling import settle
from helpcentre.capture.text_size import text_size
from helpcentre.capture.timings import RunTimings, StepClock


@dataclass
class StepShot:
    number: int
    text: str
    png: bytes
    aria: str
    url: str
    highlight: Box | None
    masks: list[Box] = field(default_factory=list)
    # The bold UI labels of the step's text that were on the page neither before nor after it,
    # and the page's own spelling of those that differ only in case (what `fix` rewrites).
    missing_labels: list[str] | None = None
    label_spellings: dict[str, str] = field(default_factory=dict)
    # For `explain` and the capture summary: (what was done, the control found, the rule that read
    # the words), the frame, and what to look at again.
    controls: list[tuple[str, str, str]] = field(default_factory=list)
    frame: str = ""
    warnings: list[str] = field(default_factory=list)
    # Where each check found its words ("region 'Payment Method'"), and, at verify, why a word
    # found only somewhere else than its baseline's place no longer counts (text drift).
    places: dict[str, str] = field(default_factory=dict)
    moved: list[str] = field(default_factory=list)
    # The small text's size in the picture, in CSS pixels (see `text_size`).
    text_px: float | None = None


class StepProblem(Exception):
    """A step could not be done: the locator it needed, why, and the override that would settle it."""

    def __init__(
        self,
        reason: str,
        locator: Locator | None = None,
        override: str = "",
        missing: tuple[str, tuple[str, ...]] | None = None,
    ):
        self.reason = reason
        self.locator = locator
        self.override = override
        # (label, roles) when nothing on the page has the name the step needs.
        self.missing = missing
        # The run itself failed here (a frame it could not find again), not the product.
        self.run_error = False
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
        # What the page called things when the step failed, and the name it could not find there.
        self.page_aria = ""
        self.missing: tuple[str, tuple[str, ...]] | None = None
        self.run_error = False
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
    unmask: list[Locator] = field(default_factory=list)
    action_timeout_ms: float = 10_000
    settle_timeout_s: float = 5.0
    on_step: Callable[[int], None] | None = None
    check_labels: bool = False
    # Capture refuses a walk whose bold labels are not on the page; verify reports them as text drift.
    labels_must_match: bool = False
    # Walk only this far (`inspect ARTICLE --step N`).
    stop_after: int | None = None
    # Sees each step's shot as soon as it is taken (capture starts its image work there).
    on_shot: Callable[[StepShot], None] | None = None
    # Where the walk's clocks go (the benchmark reads them).
    timings: RunTimings | None = None
    # Verify: the baseline's manifest entry of each step, by number (its frame, its checks' places).
    baseline: dict[int, dict] = field(default_factory=dict)


async def walk(page: Page, article: Article, settings: WalkSettings) -> list[StepShot]:
    """Do every step of the article's walkthrough; return one shot per step, or raise StepFailed."""
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None, f"{article.ref} has no walkthrough"
    plans = article.plans
    if len(plans) != len(article.steps):
        # Lint reports why (HC110, HC113); capture and verify refuse such an article before walking.
        raise ValueError(f"{article.ref}: the walkthrough cannot be read; run helpcentre lint")
    masks = [*settings.masks, *walkthrough.mask]
    watch = NavigationWatch(page, settings.base_url)
    readings = PageReadings(page)
    shots: list[StepShot] = []
    number = 0
    try:
        with settings.timings.phase("start page") if settings.timings else contextlib.nullcontext():
            await page.goto(urljoin(settings.base_url, walkthrough.start.lstrip("/")))
        if watch.error:
            raise StepProblem(watch.error)
        next_checks = NextChecks(plans)
        for plan in plans:
            if settings.stop_after is not None and plan.number > settings.stop_after:
                break
            number = plan.number
            prose = article.steps[number - 1]
            clock = StepClock(settings.timings.step(article.ref, number) if settings.timings else None)
            # The page this step starts from is the one the last step ended on: read once for both.
            seen = await readings.words() if settings.check_labels else ""
            step_walk = _StepWalk(page, plan, settings, masks, watch, readings, clock, next_checks)
            shot = await step_walk.run()
            if watch.left_target:  # sent elsewhere while the step was shot: the picture is not the target's
                raise StepProblem(watch.left_target)
            if settings.check_labels:
                clock.switch("post_shot")
                seen += "\n" + await readings.words()
                to_find = labels_to_find(prose.bold_labels, plan)
                missing = [label for label in to_find if not label_on_page(plain_text(label), seen)]
                if missing and settings.labels_must_match:
                    raise StepProblem(labels_not_shown(missing, seen))
                shot.missing_labels = missing
                shot.label_spellings = {
                    label: spelled for label in missing if (spelled := spelled_otherwise(label, seen)) is not None
                }
            clock.stop()
            shots.append(shot)
            if settings.on_shot is not None:
                settings.on_shot(shot)
            if settings.on_step is not None:
                settings.on_step(number)
    except (StepProblem, NotResolved, FrameLost) as problem:
        if isinstance(problem, NotResolved):
            problem = StepProblem(problem.reason, override=problem.override, missing=problem.missing)
        elif isinstance(problem, FrameLost):
            problem = StepProblem(str(problem))
            problem.run_error = True
        failure = await _failure(page, article, number, problem, settings)
        failure.shots_before = shots
        raise failure from None
    except PlaywrightError as error:
        failure = await _failure(page, article, number, StepProblem(_first_line(error.message)), settings)
        failure.shots_before = shots
        raise failure from None
    return shots


class _StepWalk:
    """One numbered step: its actions, each checked for refusal, then its picture."""

    def __init__(
        self,
        page: Page,
        plan: StepPlan,
        settings: WalkSettings,
        masks: list[Locator],
        watch: NavigationWatch,
        readings: PageReadings,
        clock: StepClock,
        next_checks: NextChecks,
    ):
        self.page = page
        self.next_checks = next_checks
        self.readings = readings
        self.clock = clock
        self.plan = plan
        self.settings = settings
        self.masks = masks
        self.watch = watch
        self.controls: list[tuple[str, str, str]] = []
        self.warnings: list[str] = []
        # What the step acted on, and what it checked: the picture frames these.
        self.acted: list[tuple[Intent, PlaywrightLocator]] = []
        self.checked: list[PlaywrightLocator] = []
        self.places: dict[str, str] = {}
        self.moved: list[str] = []

    async def run(self) -> StepShot:
        if self.plan.explicit is not None:
            return await self._run_explicit(self.plan.explicit)
        return await self._run_inferred()

    # Spelt-out steps (the list form, or an override with an action).

    async def _run_explicit(self, step: Step) -> StepShot:
        held = await self._expectations_hold_now([step.expect] if step.expect else [])
        if step.shot_before_acting:
            await _check_visible(self.page, step.highlighted, self.settings)
            shot = await self._photograph_explicit(step)
            await self._perform_explicit(step)
        else:
            await self._perform_explicit(step)
            shot = await self._photograph_explicit(step)
        if held and step.expect is not None:
            self._warn_already_held("its expect")
        return shot

    async def _perform_explicit(self, step: Step) -> None:
        for action in step.actions:
            await self._guarded(perform(self.page, action, self.settings, check=action is not step))
        if step.expect is not None:
            await check_expectation(self.page, step.expect, self.settings)

    async def _photograph_explicit(self, step: Step) -> StepShot:
        highlight = [resolve(self.page, step.highlighted)] if step.highlighted is not None else []
        if step.shot.element is not None or step.shot.region is not None:
            return await self._photograph(step.shot, highlight, step.mask)
        subject = step.expect.target if (step.expect and step.expect.target and not step.shot_before_acting) else None
        subject = subject or step.highlighted or step.acted_on
        elements = [resolve(self.page, subject).first] if subject is not None else []
        return await self._photograph(None, highlight, step.mask, elements)

    # Steps read from their words.

    async def _run_inferred(self) -> StepShot:
        plan, override = self.plan, self.plan.override
        intents = plan.intents
        last_first = plan.photographed_before_last_click
        if override is not None and override.shot is not None and override.shot.when is not None:
            last_first = override.shot.when == "before" and bool(intents) and intents[-1].acts
        acting_until = len(intents) - 1 if last_first else len(intents)
        checks = [intent for intent in intents if intent.kind == "check" and not intent.alternative]
        expectations = [override.expect] if override is not None and override.expect is not None else []
        if any(intent.acts for intent in intents) and (checks or expectations):
            held = await self._checks_hold_now(checks) and await self._expectations_hold_now(expectations)
            if held:
                self._warn_already_held("its check")
        elif self.next_checks.warned_about(plan):
            self._warn_already_held("its check", before=f"step {plan.number - 1}'s action")
        for intent in intents[:acting_until]:
            await self._do(intent)
        for expectation in expectations:
            await check_expectation(self.page, expectation, self.settings)
        if last_first:
            last = intents[-1]
            resolved = await resolve_or_row(
                self.page, last, plan.number, self.settings.action_timeout_ms, self.readings
            )
            self._note(last, resolved.describe())
            await self.next_checks.before_last_action(plan, self._checks_hold_now)
            shot = await self._photograph_inferred([resolved.element])
            await self._act(last, resolved)
            return shot
        # The picture shows what was checked; else what the last run of like actions touched:
        # the fields just filled, not the button that opened their dialog.
        trailing = []
        for intent, element in reversed(self.acted):
            if trailing and intent.kind != trailing[-1][0].kind:
                break
            trailing.append((intent, element))
        subject = self.checked or [element for _, element in reversed(trailing) if await _shown(element)]
        return await self._photograph_inferred(subject)

    async def _do(self, intent: Intent) -> None:
        number = self.plan.number
        timeout = self.settings.action_timeout_ms
        if intent.kind == "check":
            found, how, _ = await find_text(self.page, intent, timeout, self.readings)
            recorded = self.settings.baseline.get(number, {}).get("places", {}).get(intent.label)
            element, self.places[intent.label], moved = await bind_check(self.page, intent.label, found.first, recorded)
            self.moved += [moved] if moved else []
            self.checked.append(element)
            self._note(intent, f"text '{intent.label}'" + (" (only the case differs)" if how == "case" else ""))
            return
        if intent.kind == "press":  # a key, where the step left the focus; the page it leads to is the picture
            self._note(intent, f"key {intent.value}")
            await self._guarded(press_where_focused(self.page, intent.value or "", timeout))
            self.acted.append((intent, self.page.locator("body")))
            return
        resolved = await resolve_or_row(self.page, intent, number, timeout, self.readings)
        self._note(intent, resolved.describe())
        if intent.kind == "show":
            self.checked.append(resolved.element)
            return
        if not any(later.acts for later in self.plan.intents[self.plan.intents.index(intent) + 1 :]):
            await self.next_checks.before_last_action(self.plan, self._checks_hold_now)
        await self._act(intent, resolved)

    async def _act(self, intent: Intent, resolved: Resolved) -> None:
        timeout = self.settings.action_timeout_ms
        element = resolved.element
        if intent.kind == "set":  # found again by a mark: a select's name may hold its value
            element = await held(self.page, element, resolved.spec.role)
        self.acted.append((intent, element))
        if intent.kind == "click":
            await self._guarded(click_or_choose(element, resolved.spec.role, timeout), resolved.spec)
            return
        # Typed, ticked or chosen, as the field's kind says (choosing.py).
        value, role = intent.value or "", resolved.spec.role
        setting = set_field(self.page, element, role, resolved.describe(), value, timeout, intent.chooses)
        await self._guarded(setting, resolved.spec)

    async def _guarded(self, action, spec: Locator | None = None) -> None:
        """Do an action, then fail the step if the product refused it."""
        self.clock.switch("action")
        before = await page_state(self.page)
        self.watch.clear()
        began = time.perf_counter()
        try:
            await action
        except PlaywrightError as error:
            raise StepProblem(f"failed: {_first_line(error.message)}", spec) from None
        try:
            await self.page.wait_for_load_state("load", timeout=self.settings.action_timeout_ms)
        except PlaywrightError:
            raise StepProblem("the page did not finish loading after the action", spec) from None
        await settle(self.page, self.settings.settle_timeout_s)  # a debounced search, the request it sends
        self.clock.acted(time.perf_counter() - began)
        if self.watch.left_target:  # Not the product's answer: the walk itself must stop.
            raise StepProblem(self.watch.left_target)
        expected = tuple(intent.label for intent in self.plan.intents if intent.kind == "check" and intent.label)
        refused, after = await refusal(self.page, before, self.watch, expected)
        if not after.same_document_as(before):
            # What the page read before (its controls and their names) may be gone.
            self.readings.forget()
        if refused:
            # What the page offers is no help here: the control was found, the product said no.
            acted = f" ({spec.describe()})" if spec is not None else ""
            raise StepProblem(f"the product refused it{acted}: {refused}")

    async def _checks_hold_now(self, checks: list[Intent]) -> bool:
        for intent in checks:
            if not await text_shown_now(self.page, intent, self.readings):
                return False
        return True

    async def _expectations_hold_now(self, expectations: list[Expectation]) -> bool:
        for expectation in expectations:
            if not await expectation_holds_now(self.page, expectation):
                return False
        return True

    def _warn_already_held(self, what: str, before: str = "its action") -> None:
        self.warnings.append(
            f"step {self.plan.number}: {what} already held before {before}, so it proves nothing;"
            " check something the action changes"
        )

    def _note(self, intent: Intent, resolved: str) -> None:
        if intent.kind == "set":
            resolved += f" = '{intent.value}'"
        self.controls.append((intent.kind, resolved, intent.rule))

    async def _photograph_inferred(self, subject: list[PlaywrightLocator]) -> StepShot:
        override = self.plan.override
        extra_masks = list(override.mask) if override is not None else []
        highlight: list[PlaywrightLocator] | None = None
        if override is not None and override.highlight is not None:
            highlight = [] if override.highlight is False else [resolve(self.page, override.highlight)]
        if override is not None and override.shot is not None and (override.shot.element or override.shot.region):
            return await self._photograph(override.shot, highlight if highlight is not None else subject, extra_masks)
        return await self._photograph(None, highlight if highlight is not None else subject, extra_masks, subject)

    async def _photograph(
        self,
        shot: Shot | None,
        highlight: list[PlaywrightLocator],
        extra_masks: list[Locator],
        frame_elements: list[PlaywrightLocator] | None = None,
    ) -> StepShot:
        plan = self.plan
        self.clock.switch("shot")
        masks = PageMasks(
            self.page,
            [resolve(self.page, spec) for spec in [*self.masks, *extra_masks]],
            self.readings.kept_marks,
            unmask=[resolve(self.page, spec) for spec in self.settings.unmask],
        )
        framing = None
        # Boxes are measured on a page at rest: a menu mid-slide frames a picture it no longer fills.
        await until_still(self.page)
        if shot is None:
            # The masks are marked while the elements to frame are found: neither changes the page.
            wanted = [*(frame_elements or []), *highlight]
            handles, _ = await asyncio.gather(element_handles(wanted), masks.mark_elements(reuse=True))
            recorded = self.settings.baseline.get(plan.number, {}).get("frame")
            framing = await frame_touched(self.page, wanted, handles, recorded)
        shot_taken = await photograph(
            self.page,
            plan.number,
            plan.text,
            shot,
            framing,
            highlight,
            masks,
            self.settings,
            readings=self.readings,
            clock=self.clock,
        )
        shot_taken.controls = self.controls
        shot_taken.warnings = self.warnings
        shot_taken.places, shot_taken.moved = self.places, self.moved
        return shot_taken


async def _shown(element: PlaywrightLocator) -> bool:
    try:
        return await element.is_visible()
    except PlaywrightError:
        return False


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


async def _failure(
    page: Page, article: Article, number: int, problem: StepProblem, settings: WalkSettings
) -> StepFailed:
    candidates = await nearest_candidates(page, problem.locator) if problem.locator else ""
    if problem.override:
        candidates = (candidates + "; " if candidates else "") + problem.override
    screenshot = await failure_picture(
        page, [resolve(page, spec) for spec in settings.masks], [resolve(page, spec) for spec in settings.unmask]
    )
    failure = StepFailed(article, max(number, 1), problem.reason, problem.locator, candidates, screenshot)
    failure.missing = problem.missing
    failure.run_error = problem.run_error
    locator = problem.locator
    if (
        failure.missing is None
        and locator is not None
        and locator.role
        and locator.name
        and "not found" in problem.reason
    ):
        failure.missing = (locator.name, (locator.role,))
    if failure.missing is not None:
        try:
            failure.page_aria = await page.locator("body").aria_snapshot(timeout=5000)
        except PlaywrightError:
            failure.page_aria = ""
    return failure


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "failed"


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
        subject = await _one(page, shot.element, settings)
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
            else:
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
