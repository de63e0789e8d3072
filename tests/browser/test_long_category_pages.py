"""A long category as customers see it: a short sidebar, the list in pages, on a desktop and a phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser.test_accessibility import assert_no_blocking_violations
from integration.long_category import ARTICLES, SIDEBAR_ARTICLES, build_long_category_site, slug, titles
from playwright.sync_api import Page, expect

from helpcentre.static_server import SiteServer

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def long_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_long_category_site(tmp_path_factory.mktemp("long-category")).site
    with SiteServer(site) as server:
        yield server.url


def test_the_sidebar_shows_the_neighbours_and_opens_the_whole_category(page: Page, long_site_url: str):
    middle = titles()[20]
    page.goto(f"{long_site_url}billing/{slug(middle)}/")
    sidebar = page.locator(".md-sidebar--primary")
    current = sidebar.locator(".md-nav__link--active", has_text=middle).last
    expect(current).to_be_visible()
    listed = sidebar.locator("[data-md-level='1'] > .md-nav__list > .md-nav__item:not(.hc-nav-all)")
    expect(listed).to_have_count(SIDEBAR_ARTICLES)
    sidebar.get_by_role("link", name=f"All {ARTICLES} articles").click()
    expect(page).to_have_url(f"{long_site_url}billing/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Billing & Account")


def test_the_pages_of_a_category_lead_from_the_first_to_the_last_article(page: Page, long_site_url: str):
    page.goto(f"{long_site_url}billing/")
    pages = page.get_by_role("navigation", name="Pages of Billing & Account")
    pages.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(f"{long_site_url}billing/page/2/")
    expect(page.get_by_text(f"{ARTICLES} articles, 11–20 on this page")).to_be_visible()
    page.get_by_role("navigation", name="Pages of Billing & Account").get_by_role("link", name="Page 4").click()
    last = titles()[-1]
    page.get_by_role("link", name=last).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(last)


def test_a_category_page_on_a_phone_fits_and_its_page_links_are_large_enough_to_tap(page: Page, long_site_url: str):
    page.set_viewport_size(PHONE)
    page.goto(f"{long_site_url}billing/page/2/")
    links = page.get_by_role("navigation", name="Pages of Billing & Account").get_by_role("link")
    expect(links).to_have_count(5)  # Previous, 1, 3, 4, Next
    for number in range(5):
        box = links.nth(number).bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        assert box["width"] >= 40 and box["height"] >= 40, box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_phone_menu_lists_the_neighbours_of_the_article(page: Page, long_site_url: str):
    page.set_viewport_size(PHONE)
    first = titles()[0]
    page.goto(f"{long_site_url}billing/{slug(first)}/")
    page.locator(".md-header label[for='__drawer']").click()
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer.get_by_role("link", name=titles()[1])).to_be_visible()
    expect(drawer.get_by_role("link", name=f"All {ARTICLES} articles")).to_be_visible()


@pytest.mark.parametrize("path", ["billing/page/3/", f"billing/{slug('Billing question 20')}/"])
def test_long_category_pages_have_no_serious_violation(page: Page, long_site_url: str, axe_script: Path, path: str):
    page.goto(long_site_url + path)
    expect(page.locator("h1")).to_be_visible()
    assert_no_blocking_violations(page, axe_script)
