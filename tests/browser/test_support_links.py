"""What support agents paste into replies, in a real Chromium: short links, old paths, step links."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect
from search.engine import search

GUIDE = "billing/change-card-or-bank-info/"
GUIDE_TITLE = "How to change the card or bank info for your Therasoft monthly invoice"
INTERNAL = "agents/billing/link-billing-articles-in-replies/"


def test_a_short_link_lands_on_the_article_and_keeps_the_step(page: Page, site_url: str):
    page.goto(f"{site_url}a/101/")
    expect(page).to_have_url(f"{site_url}{GUIDE}")
    expect(page.locator("h1")).to_have_text(GUIDE_TITLE)

    page.goto(f"{site_url}a/101/#step-3")
    expect(page).to_have_url(f"{site_url}{GUIDE}#step-3")
    expect(page.locator("#step-3")).to_be_in_viewport()


def test_an_old_path_from_redirects_still_reaches_the_article(page: Page, site_url: str):
    old = "billing/how-to-change-the-card-or-bank-info-for-your-therasoft-account-monthly-invoice/"
    page.goto(f"{site_url}{old}#step-2")
    expect(page).to_have_url(f"{site_url}{GUIDE}#step-2")


def test_a_redirect_works_without_script_too(browser: Browser, site_url: str):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}a/101/")
        expect(page).to_have_url(f"{site_url}{GUIDE}")
    finally:
        context.close()


def test_every_step_has_an_anchor_and_a_visible_copy_link(page: Page, site_url: str):
    page.goto(f"{site_url}{GUIDE}")
    steps = page.locator("ol > li.hc-step")
    expect(steps).to_have_count(5)
    for number in range(1, 6):
        step = page.locator(f"#step-{number}")
        expect(step).to_have_class(re.compile(r"\bhc-step\b"))
        expect(step.get_by_role("link", name=f"Copy link to step {number}")).to_be_visible()


def test_copy_link_puts_the_short_link_to_the_step_on_the_clipboard(browser: Browser, site_url: str):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(f"{site_url}{GUIDE}")
        page.get_by_role("link", name="Copy link to step 3").click()
        expect(page.locator("[data-hc-step-link-status]")).to_have_text("Link to step 3 copied")
        expect(page.locator("[data-hc-step-link-status]")).to_have_attribute("role", "status")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == f"{site_url}a/101/#step-3"
        expect(page).to_have_url(f"{site_url}{GUIDE}#step-3")
        # Pasted into a reply and opened, it lands on the article at that step.
        page.goto(copied)
        expect(page).to_have_url(f"{site_url}{GUIDE}#step-3")
    finally:
        context.close()


def test_every_article_says_when_it_was_last_updated(page: Page, site_url: str):
    page.goto(f"{site_url}{GUIDE}")
    updated = page.locator(".hc-updated time")
    expect(updated).to_have_text(re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$"))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", updated.get_attribute("datetime"))


def test_an_internal_article_is_in_the_agents_section_of_the_agents_site_only(page: Page, agents_site_url: str):
    page.goto(f"{agents_site_url}{INTERNAL}")
    expect(page.locator("h1")).to_have_text("Link billing articles and steps in support replies")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("For support agents")
    # Agents read it: no box that sends customers to support, no "Was this article helpful?".
    expect(page.locator(".hc-contact")).to_have_count(0)
    expect(page.get_by_text("Was this article helpful?")).to_have_count(0)
    page.goto(f"{agents_site_url}agents/")
    expect(page.locator(".hc-article-list")).to_contain_text("Link billing articles and steps in support replies")

    for customer_page in ("", "billing/", GUIDE):
        page.goto(f"{agents_site_url}{customer_page}")
        expect(page.locator("body")).not_to_contain_text("Link billing articles and steps")
    # A customers' article there still has both.
    expect(page.locator(".hc-contact")).to_have_count(1)
    expect(page.get_by_text("Was this article helpful?")).to_have_count(1)


def test_the_public_site_has_no_internal_article_anywhere(page: Page, site_url: str, built_site):
    # Its page, its section, its short link: none is served.
    for path in (INTERNAL, "agents/", "a/501/"):
        assert page.goto(f"{site_url}{path}").status == 404, path
    # Nor named in any file: the sitemap, the exports, the redirects, the search's vocabulary.
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv", ".js", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for trace in ("link-billing-articles-in-replies", "Link billing articles and steps"):
                assert trace not in text, f"{path.relative_to(built_site)} names the internal article"
    # Nor in the search index, read through the site's own search engine.
    found = search(built_site, ["link billing articles steps support replies"])[0].urls
    assert not [url for url in found if "link-billing-articles" in url], found


def test_customer_search_never_offers_an_internal_article(page: Page, site_url: str):
    page.goto(site_url)
    page.get_by_role("searchbox", name="Search the help centre").click()
    page.keyboard.type("support replies short link")
    expect(page.locator(".md-search-result__meta")).to_be_visible()
    expect(page.locator(".md-search-result__list")).not_to_contain_text("Link billing articles")


def test_the_copy_link_words_stay_out_of_search_results(built_site):
    # Read through the site's own search engine: the guide's steps are found, its buttons' words are not.
    assert f"/{GUIDE}" in search(built_site, ["setup menu"])[0].urls
    assert f"/{GUIDE}" not in search(built_site, ["copy link"])[0].urls
