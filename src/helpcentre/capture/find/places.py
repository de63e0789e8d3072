"""Where a step's check found its words, so that verify looks there and nowhere else.

"Verify the status is **Active**" is bound at capture to the place it was read: the container
around the text, described as a reader would name it ("region 'Payment Method'", "the part
headed 'Invoice November 2026'"). A later walk that finds the word only somewhere else (a
passing notice that still says "Status: Active.") has found other words, not the same ones:
that is `text` drift at the step, never a new picture to accept.
"""

from __future__ import annotations

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.capture.find.prose import text_pattern
from helpcentre.capture.page.framing import CONTAINER_HELPERS

# An element outside every container is on "the page": still a place, the coarsest one.
PAGE = "the page"

_PLACES_SCRIPT = (
    """elements => {
"""
    + CONTAINER_HELPERS
    + """
  return elements.map(el => {
    const container = containerOf(el);
    return container ? describe(container) : '"""
    + PAGE
    + """';
  });
}"""
)


async def places_of(found: PlaywrightLocator) -> list[str]:
    """The place of each element `found` matches, in document order."""
    try:
        return await found.evaluate_all(_PLACES_SCRIPT)
    except PlaywrightError:
        return []


def _showing(page: Page, label: str) -> PlaywrightLocator:
    return page.get_by_text(text_pattern(label, ignore_case=True)).filter(visible=True)


async def bind_check(
    page: Page, label: str, chosen: PlaywrightLocator, recorded: str | None
) -> tuple[PlaywrightLocator, str, str | None]:
    """The element a check stands for, its place, and why it no longer counts (None when it does).

    At capture (`recorded` is None) the chosen element's place is recorded. At verify the
    element in the recorded place is preferred; when the words are in no such place any more,
    the reason names where they were and where they are now.
    """
    own = await places_of(chosen)
    if recorded is None or recorded in own:
        return chosen, own[0] if own else PAGE, None
    showing = _showing(page, label)
    places = await places_of(showing)
    if recorded in places:
        return showing.nth(places.index(recorded)), recorded, None
    now = ", ".join(dict.fromkeys(places)) or "nowhere"
    why = f"**{label}** is no longer shown in {recorded}, where the baseline found it; the page shows it in {now}"
    return chosen, own[0] if own else PAGE, why


__all__ = ["PAGE", "bind_check", "places_of"]
