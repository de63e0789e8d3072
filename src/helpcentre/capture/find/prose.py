"""Find what a step's words name on the live page, by accessible name, choosing the role from what is there."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page, expect

from helpcentre.articles.inference import CONTAINER_ROLES, TOGGLE_ROLES, UNDER, Intent, Scope
from helpcentre.articles.names import words_pattern
from helpcentre.articles.walkthrough import Locator
from helpcentre.baselines.aria_tree import AriaNode, matching_names, parse_aria_snapshot
from helpcentre.capture.errors import NotResolved
from helpcentre.capture.find.locate import resolve
from helpcentre.capture.find.reading_order import first_after_words, toggle_in_row
from helpcentre.capture.find.suggest import Asked, asked_by, not_named, override_hint
from helpcentre.capture.page.reading import QUIET_S, PageReadings
from helpcentre.plurals import counted

LABEL_WAIT_MS = 5_000


@dataclass
class Resolved:
    """A control found for an intent: the locator that names it, how the name matched, the element."""

    spec: Locator
    element: PlaywrightLocator
    how: str = "exact"

    def describe(self) -> str:
        note = {
            "exact": "",
            "as read": "",
            "case": " (only the case differs)",
            "start": " (its name begins with the label)",
        }
        return self.spec.describe() + note.get(self.how, f" ({self.how})")


async def snapshot_tree(root: Page | PlaywrightLocator) -> AriaNode:
    locator = root.locator("body") if isinstance(root, Page) else root
    return parse_aria_snapshot(await locator.aria_snapshot(timeout=10_000))


async def resolve_scope(
    page: Page, scope: Scope, timeout_ms: float, readings: PageReadings | None = None, asked: Asked | None = None
) -> Resolved:
    return await _resolve_named(page, page, scope.label, scope.roles, None, "container", timeout_ms, asked, readings)


async def resolve_intent(
    page: Page,
    intent: Intent,
    number: int,
    timeout_ms: float,
    readings: PageReadings | None = None,
    named: tuple[str, ...] = (),
) -> Resolved:
    """The one element an acting or `show` intent names, waiting up to the timeout for it to appear.

    `readings` is what the walk last read of the page; a name is looked for there first. `named`
    are the names the step gives (its bold labels, its fields): a failure never offers one of them.
    """
    if intent.locator is not None:
        element = resolve(page, intent.locator)
        await _wait_for_one(element, intent.locator, timeout_ms)
        return Resolved(intent.locator, element, "override")
    within: Resolved | None = None
    root: Page | PlaywrightLocator = page
    after: str | None = None
    if intent.scope is not None and intent.scope.noun == UNDER:
        # Words that head a part of the page, not a container's name: the first match after them.
        after = intent.scope.label
    elif intent.scope is not None:
        within = await resolve_scope(page, intent.scope, timeout_ms, readings, Asked(number, overridden=False))
        root = within.element
    assert intent.label is not None
    kind = "container" if intent.kind == "show" else ("field" if intent.kind == "set" else "control")
    asked = asked_by(intent, number, named)
    try:
        return await _resolve_named(
            page, root, intent.label, intent.roles, within, kind, timeout_ms, asked, readings, after
        )
    except NotResolved as missing:
        # "Tick the box of **tom.becker**" names a toggle; "Click the ticket **…**" clicks the row (rows.py).
        ticks = missing.missing is not None and all(role in TOGGLE_ROLES for role in intent.roles)
        in_row = await toggle_in_row(root, intent.label, intent.roles) if ticks else None
        if in_row is None:
            raise
        spec = (
            in_row.model_copy(update={"within": in_row.within.model_copy(update={"within": within.spec})})
            if within
            else in_row
        )
        return Resolved(spec, resolve(page, spec), "in the row that shows the label")


async def _resolve_named(
    page: Page,
    root: Page | PlaywrightLocator,
    label: str,
    roles: tuple[str, ...],
    within: Resolved | None,
    kind: str,
    timeout_ms: float,
    asked: Asked | None = None,
    readings: PageReadings | None = None,
    after: str | None = None,
) -> Resolved:
    """When `root` is the page, what `readings` hold of it is tried first: a name found there
    once, and on the live page once, is settled without reading the page again."""
    # Pages here are drawn by the time they have loaded; a label that is still missing after a
    # short wait, or once the page is quiet, is missing, and the writer hears so sooner.
    deadline = time.monotonic() + min(timeout_ms, LABEL_WAIT_MS) / 1000
    number = asked.number if asked is not None and asked.overridden else None
    whole_page = readings if readings is not None and root is page else None
    known = whole_page.body_aria if whole_page is not None else None
    while True:
        from_reading = known is not None
        if known is not None:
            tree, known = parse_aria_snapshot(known), None
        elif whole_page is not None:
            whole_page.forget()
            tree = parse_aria_snapshot(await whole_page.aria())
        else:
            tree = await snapshot_tree(root)
        matches = matching_names(tree, label, roles)
        distinct: dict[tuple[str, str], str] = {}
        for match in matches:
            distinct.setdefault((match.node.role, match.node.name), match.how)
        if len(distinct) == 1:
            (role, name), how = next(iter(distinct.items()))
            spec = Locator(role=role, name=name, exact=True, within=within.spec if within else None)
            element = root.get_by_role(role, name=name, exact=True)  # type: ignore[arg-type]
            count = await element.count()
            if count == 1:
                return Resolved(spec, element, how)
            index = await first_after_words(page, element, after) if count > 1 and after else None
            if index is not None:
                return Resolved(
                    spec.model_copy(update={"nth": index}), element.nth(index), f"the first after '{after}'"
                )
            if count > 1 and not from_reading:
                raise NotResolved(
                    f"{counted(count, kind)} are {role} '{name}'{_inside(within)}",
                    override_hint(number, spec, 0, _spec(within)),
                )
        elif len(distinct) > 1 and not from_reading:
            shown = [f"{role} '{name}'" for role, name in distinct]
            listed = ", ".join(shown[:6]) + (f" and {len(shown) - 6} more" if len(shown) > 6 else "")
            first_role, first_name = next(iter(distinct))
            spec = Locator(role=first_role, name=first_name, exact=True, within=within.spec if within else None)
            raise NotResolved(
                f"'{label}' names {counted(len(distinct), kind)}{_inside(within)}: {listed}",
                override_hint(number, spec, None, _spec(within)),
            )
        if from_reading:
            # An earlier reading that does not settle it decides nothing: read the page now.
            continue
        if time.monotonic() >= deadline or (readings is not None and await readings.quiet()):
            raise not_named(tree, label, roles, kind, _spec(within), asked)
        await page.wait_for_timeout(100)


def _inside(within: Resolved | None) -> str:
    return f" in {within.spec.describe()}" if within else ""


def _spec(within: Resolved | None) -> Locator | None:
    return within.spec if within is not None else None


async def _wait_for_one(element: PlaywrightLocator, spec: Locator, timeout_ms: float) -> None:
    try:
        await element.first.wait_for(state="attached", timeout=timeout_ms)
    except PlaywrightError:
        raise NotResolved(f"not found: {spec.describe()}") from None
    count = await element.count()
    if count > 1:
        raise NotResolved(f"{count} elements match {spec.describe()}; add exact, within or nth")


def _container_of(intent: Intent) -> Scope | None:
    """The container a text is looked for in; words that only head a part of the page name none."""
    return intent.scope if intent.scope is not None and intent.scope.noun != UNDER else None


def text_pattern(label: str, ignore_case: bool = False) -> re.Pattern[str]:
    """The label as whole words, as a reader reads them: "Active" is not found inside "Inactive";
    "I'm sure" is found as "I’m sure", "Save changes" across a non-breaking space."""
    return re.compile(rf"(?<![\w]){words_pattern(label)}(?![\w])", re.IGNORECASE if ignore_case else 0)


async def find_text(
    page: Page, intent: Intent, timeout_ms: float, readings: PageReadings | None = None
) -> tuple[PlaywrightLocator, str, Resolved | None]:
    """The visible elements showing a `check` intent's text; waits for it, then accepts a case-only difference."""
    assert intent.label is not None
    scope = _container_of(intent)
    within = await resolve_scope(page, scope, timeout_ms, readings) if scope is not None else None
    root: Page | PlaywrightLocator = within.element if within else page
    exact = root.get_by_text(text_pattern(intent.label)).filter(visible=True)
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        # In short waits, so that a page that has finished drawing without the text is not waited on.
        wait_ms = max(1.0, min(QUIET_S * 1000, (deadline - time.monotonic()) * 1000))
        try:
            await expect(exact.first).to_be_visible(timeout=wait_ms)
            return await _in_a_container_first(exact), "exact", within
        except AssertionError:
            pass
        if time.monotonic() >= deadline or (readings is not None and await readings.quiet()):
            break
    loose = root.get_by_text(text_pattern(intent.label, ignore_case=True)).filter(visible=True)
    if await loose.count():
        return await _in_a_container_first(loose), "case", within
    # Missing words may be a renamed heading or control: verify looks for what stands in their place.
    raise NotResolved(f"'{intent.label}' is not shown{_inside(within)}", missing=(intent.label, ()))


_IN_A_CONTAINER = """elements => elements.findIndex(el => el.closest(
  'section[aria-label], section[aria-labelledby], [role=region], dialog, [role=dialog], [role=alertdialog], ' +
  'form[aria-label], form[aria-labelledby], table, [role=table], [role=grid]'))"""


async def _in_a_container_first(found: PlaywrightLocator) -> PlaywrightLocator:
    """Of the places a text is shown, the one inside a panel, dialog or table: what the picture frames.

    "Status: Active" in the Payment Method panel says more than the same word in a passing notice.
    """
    index = await found.evaluate_all(_IN_A_CONTAINER)
    return found.nth(index) if index > 0 else found


async def text_shown_now(page: Page, intent: Intent, readings: PageReadings | None = None) -> bool:
    """Whether a check already holds, without waiting: a check that held before its action proves nothing."""
    assert intent.label is not None
    root: Page | PlaywrightLocator = page
    scope = _container_of(intent)
    if scope is not None:
        tree = parse_aria_snapshot(await readings.aria()) if readings is not None else await snapshot_tree(page)
        matches = matching_names(tree, scope.label, scope.roles)
        if len(matches) != 1:
            return False
        node = matches[0].node
        root = page.get_by_role(node.role, name=node.name, exact=True)  # type: ignore[arg-type]
    return await root.get_by_text(text_pattern(intent.label)).filter(visible=True).count() > 0


__all__ = [
    "CONTAINER_ROLES",
    "NotResolved",
    "Resolved",
    "find_text",
    "resolve_intent",
    "resolve_scope",
    "snapshot_tree",
    "text_shown_now",
]
