"""Chromium with one context whose pages carry the walk's watch, for tests of the page's quiet."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from playwright.async_api import Browser, BrowserContext, async_playwright

from helpcentre.browser import launch_options
from helpcentre.capture.page.quiet import watch_pages


@asynccontextmanager
async def watched_context(width: int = 640, height: int = 400) -> AsyncIterator[tuple[Browser, BrowserContext]]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        context = await browser.new_context(viewport={"width": width, "height": height})
        await watch_pages(context)
        try:
            yield browser, context
        finally:
            await browser.close()
