"""A table row that opens on click, found by the text a reader sees in it.

"Click the ticket **Printer jammed**", "Click the card ending **3156**": many lists open an
item when its row is clicked, with no link or button in the row to name. When nothing on the
page is a control named by the label, the one row of a table or grid (role=row, not a header
row) whose text shows the label as whole words is what the step clicks: the text itself, as a
person would. Several such rows are refused with the rows listed, as several controls are.
"""

from __future__ import annotations

from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.articles.inference import Intent
from helpcentre.articles.walkthrough import Locator
from helpcentre.capture.errors import NotResolved
from helpcentre.capture.find.prose import Resolved, resolve_intent, resolve_scope, text_pattern
from helpcentre.capture.page.reading import PageReadings


async def resolve_or_row(
    page: Page,
    intent: Intent,
    number: int,
    timeout_ms: float,
    readings: PageReadings | None = None,
    named: tuple[str, ...] = (),
) -> Resolved:
    """The control an intent names (`resolve_intent`); for a click that names no control, the
    one table row showing the label."""
    try:
        return await resolve_intent(page, intent, number, timeout_ms, readings, named)
    except NotResolved as problem:
        if intent.kind != "click" or intent.locator is not None or problem.missing is None or intent.label is None:
            raise
        row = await row_showing(page, intent, timeout_ms, readings)
        if row is None:
            raise
        return row


async def row_showing(
    page: Page, intent: Intent, timeout_ms: float, readings: PageReadings | None = None
) -> Resolved | None:
    """The row whose text shows the intent's label, and the text in it to click; None without one."""
    assert intent.label is not None
    within = await resolve_scope(page, intent.scope, timeout_ms, readings) if intent.scope is not None else None
    root: Page | PlaywrightLocator = within.element if within is not None else page
    words = text_pattern(intent.label)
    rows = (
        root.get_by_role("row")
        .filter(has=page.get_by_text(words))
        .filter(has_not=page.get_by_role("columnheader"))
        .filter(visible=True)
    )
    count = await rows.count()
    if count == 0:
        return None
    names = [await _row_name(rows.nth(index)) for index in range(min(count, 6))]
    if count > 1:
        shown = ", ".join(f"row '{name}'" for name in names)
        raise NotResolved(f"'{intent.label}' is shown in {count} rows: {shown}; name something only one row shows")
    row = rows.first
    spec = Locator(role="row", name=names[0], exact=True, within=within.spec if within is not None else None)
    return Resolved(spec, row.get_by_text(words).filter(visible=True).first, "by its text")


async def _row_name(row: PlaywrightLocator) -> str:
    """A row's accessible name as the ARIA snapshot gives it: the text of its cells."""
    snapshot = await row.aria_snapshot(timeout=5_000)
    first = snapshot.splitlines()[0] if snapshot else ""
    if '"' in first:
        return first.split('"', 1)[1].rsplit('"', 1)[0].replace('\\"', '"')
    return " ".join((await row.inner_text(timeout=5_000)).split())
