"""The card-change article with the keyboard alone, in a real Chromium: search, open it, copy a step's link."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

GUIDE = "billing/change-card-or-bank-info/"
GUIDE_TITLE = "How to change the card or bank info for your Therasoft monthly invoice"
# Far more Tab presses than either walk needs today; a walk that needs more has lost its way.
MAX_TABS = 12

# Whether the focused element shows its focus: a ring (outline or box-shadow), or, for the theme's
# search box, the search dialog that opens around it (a moment after it takes the focus). The
# theme's light/dark switch is a visually hidden radio button whose picture is the label after it.
SHOWN_ELEMENT = """element => element.matches("input.md-option") ? element.nextElementSibling : element"""
FOCUS_SHOWN = (
    """() => {
    const focused = document.activeElement
    if (!focused || focused === document.body)
        return false
    const element = ("""
    + SHOWN_ELEMENT
    + """)(focused)
    const style = getComputedStyle(element)
    const ringed = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none"
    const searchOpened = element.matches("[data-hc-search-query]") && document.getElementById("__search").checked
    return ringed || searchOpened
}"""
)
FOCUS_NAME = """() => {
    const element = document.activeElement
    if (!element || element === document.body)
        return "nothing (the page itself)"
    return element.getAttribute("aria-label") || element.textContent.trim().replace(/\\s+/g, " ").slice(0, 60)
        || element.outerHTML.slice(0, 80)
}"""


def assert_focus_is_visible(page: Page) -> str:
    """The focused element is on screen and shows its focus; return its name, for messages."""
    try:
        page.wait_for_function(FOCUS_SHOWN, timeout=2000)
    except PlaywrightTimeoutError:
        name = page.evaluate(FOCUS_NAME)
        raise AssertionError(f"the focus on {name!r} is not visible: no outline, no box-shadow") from None
    shown = page.locator(":focus").evaluate_handle(SHOWN_ELEMENT).as_element()
    assert shown is not None and shown.is_visible(), f"the focus on {page.evaluate(FOCUS_NAME)!r} is off screen"
    return page.evaluate(FOCUS_NAME)


def tab_to(page: Page, target: Locator, limit: int = MAX_TABS) -> list[str]:
    """Press Tab until `target` has the focus, checking the focus is visible at every stop; return the stops."""
    stops: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(assert_focus_is_visible(page))
        if target.evaluate("element => element === document.activeElement"):
            return stops
    raise AssertionError(f"{target} not reached in {limit} Tab presses; the focus went through: {stops}")


def test_search_open_the_card_change_article_and_copy_a_step_link_with_the_keyboard_alone(
    browser: Browser, site_url: str
):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(site_url)

        tab_to(page, page.get_by_role("searchbox", name="Search the help centre"))
        page.keyboard.type("change card")
        first_result = page.locator(".md-search-result__list > li > a").first
        # Results are shown as they come for each letter typed; these are the whole query's.
        expect(first_result).to_have_attribute("href", re.compile(r"\?h=change\+card$"))
        page.keyboard.press("ArrowDown")
        expect(first_result).to_be_focused()
        assert_focus_is_visible(page)
        page.keyboard.press("Enter")

        expect(page).to_have_url(re.compile("^" + re.escape(site_url + GUIDE)))
        page.wait_for_load_state()
        expect(page.locator("h1")).to_have_text(GUIDE_TITLE)
        # The theme's skip link comes first, and passes over the header and the navigation.
        tab_to(page, page.get_by_role("link", name="Skip to content"), limit=1)
        page.keyboard.press("Enter")
        copy_step_3 = page.get_by_role("link", name="Copy link to step 3")
        tab_to(page, copy_step_3)
        page.keyboard.press("Enter")

        expect(page.get_by_role("status").filter(has_text="Link to step 3 copied")).to_be_visible()
        assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}a/101/#step-3"
    finally:
        context.close()
