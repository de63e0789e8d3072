"""A key pressed in a step: on the element that has the focus, as a reader's keyboard does."""

from __future__ import annotations

from playwright.async_api import Page


async def press_where_focused(page: Page, key: str, timeout_ms: float) -> None:
    """Press `key` on the focused element, so that a navigation it starts (a search form sent with
    Enter) is waited for as a click's is; on the page itself when nothing has the focus."""
    focused = page.locator("*:focus")
    if await focused.count() == 1:
        await focused.press(key, timeout=timeout_ms)
    else:
        await page.keyboard.press(key)
