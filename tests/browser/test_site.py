"""The built help centre in a real Chromium: what customers see and do."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml
from browser.card_change_guide import PICTURES
from browser.search_box import search
from playwright.sync_api import Page, expect

GUIDE = "billing/change-card-or-bank-info/"


@pytest.mark.parametrize("query", ["change card", "update bank account", "Terasoft billing"])
def test_search_puts_the_card_change_guide_first(page: Page, site_url: str, query: str):
    paths = search(page, site_url, query)
    assert paths[0] == f"/{GUIDE}", f"{query!r} ranked: {paths}"


def test_a_first_search_result_opens_the_article(page: Page, site_url: str):
    search(page, site_url, "Terasoft billing")
    page.locator(".md-search-result__list > li > a").first.click()
    expect(page.locator("h1")).to_have_text("How to change the card or bank info for your Therasoft monthly invoice")


def test_search_finds_nothing_for_gibberish(page: Page, site_url: str):
    page.goto(site_url)
    page.get_by_role("searchbox", name="Search the help centre").click()
    page.keyboard.type("qqzzxx")
    expect(page.locator(".md-search-result__meta")).to_have_text("No articles match “qqzzxx”")


def test_the_article_page_shows_breadcrumbs_title_summary_and_steps(page: Page, site_url: str):
    page.goto(site_url + GUIDE)
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(crumbs.get_by_role("listitem")).to_have_text(
        [
            "Therasoft Help Centre",
            "Billing & Account",
            "How to change the card or bank info for your Therasoft monthly invoice",
        ]
    )
    expect(page.locator(".hc-summary")).to_contain_text("Add or edit the card or bank account")
    steps = page.locator(".hc-body ol").first.get_by_role("listitem")
    expect(steps).to_have_count(5)
    expect(steps).to_contain_text(
        [
            "Go to the Setup menu",
            "Select Therasoft Billing",
            "Click the Card Details button",
            "Add/Edit your card or bank info",
            "Verify the status is Active",
        ]
    )
    crumbs.get_by_role("link", name="Billing & Account").click()
    expect(page.locator("h1")).to_have_text("Billing & Account")


def test_related_articles_link_to_their_pages(page: Page, site_url: str):
    page.goto(site_url + GUIDE)
    related = page.get_by_role("region", name="Related articles")
    expect(related.get_by_role("link")).to_have_text(
        [
            "Therasoft Basics",
            "Therasoft Terms of Use & BAA",
            "Email Payment Receipts to multiple emails",
            "Therasoft Reference Guide",
            "Getting Started",
        ]
    )
    related.get_by_role("link", name="Therasoft Basics").click()
    expect(page).to_have_url(site_url + "getting-started/therasoft-basics/")
    expect(page.locator("h1")).to_have_text("Therasoft Basics")
    expect(page.get_by_text("The Therasoft Basics guide is a PDF, attached to this article.")).to_be_visible()


def test_the_contact_box_reaches_the_billing_department(page: Page, site_url: str, project_root):
    config = yaml.load((project_root / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    plugin = next(p["helpcentre"] for p in config["plugins"] if isinstance(p, dict) and "helpcentre" in p)
    page.goto(site_url + GUIDE)
    box = page.get_by_role("complementary", name="Still need help?")
    expect(box).to_be_visible()
    link = box.get_by_role("link", name="Contact our billing department")
    expect(link).to_have_attribute("href", plugin["contact"]["url"])
    body_link = page.get_by_role("link", name="click here to contact our billing department")
    expect(body_link).to_have_attribute("href", plugin["contact"]["url"])


def test_home_shows_categories_with_counts_and_promoted_articles(page: Page, site_url: str):
    page.goto(site_url)
    expect(page.get_by_role("searchbox", name="Search the help centre")).to_be_visible()
    cards = page.get_by_role("region", name="Browse by topic").get_by_role("link")
    expect(cards).to_have_count(4)
    expect(cards.first).to_contain_text("Billing & Account")
    expect(cards.first).to_contain_text("6 articles")
    promoted = page.get_by_role("region", name="Popular articles").get_by_role("link")
    expect(promoted.first).to_contain_text("How to change the card or bank info")
    cards.first.click()
    expect(page.locator("h1")).to_have_text("Billing & Account")
    listed = page.locator(".hc-article-list li")
    expect(listed).to_have_count(6)
    expect(listed.get_by_role("link", name="Pre-pay for future invoices")).to_contain_text(
        "Pay ahead for a number of months"
    )


def test_the_site_makes_no_request_outside_its_origin(page: Page, site_url: str):
    origin = urlsplit(site_url).netloc
    outside: list[str] = []

    def refuse_other_hosts(route):
        if urlsplit(route.request.url).netloc != origin:
            outside.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", refuse_other_hosts)
    page.on("websocket", lambda socket: outside.append(socket.url))
    for path in ("", "billing/", GUIDE, "getting-started/therasoft-reference-guide/", "no-such-page/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    search(page, site_url, "payment method")
    page.wait_for_load_state("networkidle")
    assert outside == []


def test_each_step_of_the_card_change_guide_shows_its_screenshot(page: Page, site_url: str):
    page.goto(site_url + GUIDE)
    steps = page.locator(".hc-body ol").first.locator(":scope > li")
    expect(steps).to_have_count(5)
    for number, alt in enumerate(PICTURES, start=1):
        image = steps.nth(number - 1).get_by_role("img", name=alt)
        image.scroll_into_view_if_needed()
        expect(image).to_have_attribute("src", f"../../screenshots/{GUIDE}{number:02d}.published.png")
        expect(image).to_have_attribute("loading", "lazy")
        expect(image).to_have_js_property("complete", True)
        width = image.evaluate("img => img.naturalWidth")
        assert width == int(image.get_attribute("width")) and width > 0
    # Click to enlarge.
    steps.nth(2).get_by_role("img").click()
    enlarged = page.locator(".gslide.current .gslide-image img")
    expect(enlarged).to_be_visible()
    expect(enlarged).to_have_attribute("src", re.compile(r"/03\.published\.png$"))


def test_a_picture_shows_it_opens_larger_and_the_keyboard_opens_it(page: Page, site_url: str):
    page.goto(site_url + GUIDE)
    picture = page.locator("#step-3 a.glightbox")
    hint = picture.evaluate("link => getComputedStyle(link, '::after').backgroundImage")
    assert hint.startswith('url("data:image/svg+xml'), hint
    # Tabbed to from the step's own Copy link, it shows the focus, and Enter opens it.
    page.get_by_role("link", name="Copy link to step 3").focus()
    page.keyboard.press("Tab")
    expect(picture).to_be_focused()
    assert picture.evaluate("link => getComputedStyle(link).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    enlarged = page.locator(".gslide.current .gslide-image img")
    expect(enlarged).to_be_visible()
    expect(enlarged).to_have_attribute("src", re.compile(r"/03\.published\.png$"))


def test_customers_read_only_when_screenshots_were_checked(page: Page, site_url: str):
    page.goto(site_url + GUIDE)
    # The site fixture builds after the record of a clean verify on 26 November 2026.
    expect(page.get_by_role("note")).to_have_text("Checked against the billing page on 26 November 2026.")
    # Never verified is the writers' concern: customers read nothing of it.
    page.goto(site_url + "billing/change-requests/")
    expect(page.get_by_role("note")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("verified")
    page.goto(site_url + "getting-started/therasoft-basics/")
    expect(page.get_by_role("note")).to_have_count(0)


def test_staff_read_that_screenshots_were_never_verified(page: Page, agents_site_url: str):
    page.goto(agents_site_url + "billing/change-requests/")
    expect(page.get_by_role("note")).to_contain_text("have not been verified against the billing page yet")


def test_a_reader_scrolling_back_up_a_long_article_on_a_phone_gets_back_to_top(page: Page, site_url: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + GUIDE)
    back = page.get_by_role("button", name="Back to top")
    # Material keeps it `hidden` (its stylesheet slides it out of sight) until the reader scrolls up again.
    assert back.evaluate("button => button.hidden")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("window.scrollY > 2000")
    page.mouse.wheel(0, -400)
    page.wait_for_function("!document.querySelector('.md-top').hidden")
    back.click()
    page.wait_for_function("window.scrollY === 0")
