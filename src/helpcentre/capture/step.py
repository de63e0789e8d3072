"""One numbered step: its actions, each checked for refusal, then its picture."""

from __future__ import annotations

import asyncio
import time

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.articles.inference import Intent, StepPlan
from helpcentre.articles.steps import BOLD, plain_text
from helpcentre.articles.walkthrough import Expectation, Locator, Shot, Step
from helpcentre.baselines.shot import StepShot
from helpcentre.capture.choosing import click_or_choose, held, set_field
from helpcentre.capture.errors import StepProblem, first_line
from helpcentre.capture.explicit import check_expectation, check_visible, expectation_holds_now, perform
from helpcentre.capture.find.locate import resolve
from helpcentre.capture.find.places import bind_check
from helpcentre.capture.find.prose import Resolved, find_text, text_shown_now
from helpcentre.capture.find.rows import resolve_or_row
from helpcentre.capture.keys import press_where_focused
from helpcentre.capture.next_check import NextChecks
from helpcentre.capture.page.frame_lookup import element_handles, frame_touched
from helpcentre.capture.page.masks import PageMasks
from helpcentre.capture.page.quiet import until_still
from helpcentre.capture.page.reading import PageReadings
from helpcentre.capture.page.refusal import NavigationWatch, page_state, refusal
from helpcentre.capture.page.settling import settle
from helpcentre.capture.photograph import photograph
from helpcentre.capture.timings import StepClock
from helpcentre.capture.walk_settings import WalkSettings


class StepWalk:
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
            await check_visible(self.page, step.highlighted, self.settings)
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
                self.page, last, plan.number, self.settings.action_timeout_ms, self.readings, self._named()
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
            baseline = self.settings.baseline.get(number)
            recorded = baseline.places.get(intent.label) if baseline is not None else None
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
        resolved = await resolve_or_row(self.page, intent, number, timeout, self.readings, self._named())
        self._note(intent, resolved.describe())
        if intent.kind == "show":
            self.checked.append(resolved.element)
            return
        if not any(later.acts for later in self.plan.intents[self.plan.intents.index(intent) + 1 :]):
            await self.next_checks.before_last_action(self.plan, self._checks_hold_now)
        await self._act(intent, resolved)

    def _named(self) -> tuple[str, ...]:
        """The names the step gives: its bold labels and its fields; a failure offers none of them instead."""
        bold = (plain_text(label) for label in BOLD.findall(self.plan.text))
        return (*bold, *(intent.label for intent in self.plan.intents if intent.label))

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
            raise StepProblem(f"failed: {first_line(error.message)}", spec) from None
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
            baseline = self.settings.baseline.get(plan.number)
            recorded = baseline.frame if baseline is not None else None
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
