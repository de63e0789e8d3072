"""Searching the built help centre the way a customer does, for the tests that look at the results."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

RESULTS = ".md-search-result__list > li > a"


def search(page: Page, site_url: str, query: str) -> list[str]:
    """Type `query` into the home page's big box; return the result paths in order, once all are shown."""
    page.goto(site_url)
    page.get_by_role("searchbox", name="Search the help centre").click()
    page.keyboard.type(query)
    # The results of the whole query, not of a prefix typed on the way.
    expect(page.locator("[data-hc-search]")).to_have_attribute("data-hc-search-shown", query)
    results = page.locator(RESULTS)
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching article")
    return [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
