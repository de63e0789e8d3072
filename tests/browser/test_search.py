"""The search box in a real Chromium: what a customer types, and what the box makes of it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from browser.search_box import RESULTS, search
from playwright.sync_api import Page, Route, expect

from helpcentre.search import INDEX_DIR

GUIDE = "billing/change-card-or-bank-info/"
PREPAY = "billing/pre-pay-future-invoices/"
INVOICES = "billing/view-print-or-pay-invoices/"


def indexed(site: Path, word: str) -> bool:
    """Whether the index holds `word` itself, as the search box's engine reads the index."""
    listed = site / INDEX_DIR / "words" / f"{word[:2]}.json"
    return listed.exists() and word in json.loads(listed.read_text(encoding="utf-8"))


def test_prepay_finds_the_pre_pay_article_and_says_how_it_read_the_query(page: Page, site_url: str):
    paths = search(page, site_url, "prepay")
    assert paths[0] == f"/{PREPAY}", paths
    expect(page.locator("[data-hc-search-corrected]")).to_have_text("Showing results for pre-pay")


def test_a_misspelt_word_is_corrected_and_the_correction_shown(page: Page, site_url: str):
    paths = search(page, site_url, "Terasoft billing")
    assert paths[0] == f"/{GUIDE}", paths
    notice = page.locator("[data-hc-search-corrected]")
    expect(notice).to_have_text("Showing results for therasoft billing")
    expect(notice.locator("strong")).to_have_text("therasoft billing")
    # The article opens with the words it matched marked, as corrected, since those are the ones it has.
    opened = parse_qs(urlsplit(page.locator(RESULTS).first.get_attribute("href")).query)["h"][0]
    assert set(opened.split()) == {"therasoft", "billing"}


def test_a_word_found_as_typed_is_never_corrected(page: Page, site_url: str):
    paths = search(page, site_url, "receipts")
    assert paths[0] == "/clients/email-payment-receipts-to-multiple-emails/", paths
    expect(page.locator("[data-hc-search-corrected]")).to_be_hidden()


def test_a_synonym_from_mkdocs_yml_finds_what_the_articles_call_it(page: Page, site_url: str, built_site: Path):
    # mkdocs.yml: invoice: [bill, statement]. No article says "statement".
    paths = search(page, site_url, "statement")
    assert not indexed(built_site, "statement")
    assert f"/{INVOICES}" in paths[:3], paths
    expect(page.locator("[data-hc-search-corrected]")).to_be_hidden()


def test_a_query_with_a_word_no_article_has_still_finds_the_others(page: Page, site_url: str, built_site: Path):
    paths = search(page, site_url, "update bank account")
    assert not indexed(built_site, "update")
    assert paths[0] == f"/{GUIDE}", paths


def test_the_box_says_it_is_starting_until_the_index_has_loaded(page: Page, site_url: str):
    held: list[Route] = []
    page.route("**/assets/helpcentre/search-engine.js", lambda route: held.append(route))
    page.goto(site_url + GUIDE)
    box = page.get_by_role("textbox", name="Search", exact=True)
    box.click()
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Initializing search")
    # The index is asked for when the box takes the focus; it is held back until here.
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "focusing the search box did not ask for search-engine.js"
    held[0].continue_()
    expect(meta).to_have_text("Type to start searching")
    box.press_sequentially("card")
    expect(meta).to_have_text(re.compile(r"^\d+ matching articles$"))


def test_the_keyboard_moves_through_the_results_and_escape_closes_them(page: Page, site_url: str):
    page.goto(site_url + GUIDE)
    page.keyboard.press("/")
    box = page.get_by_role("textbox", name="Search", exact=True)
    expect(box).to_be_focused()
    page.keyboard.type("invoice")
    # The results of the whole query, not of a prefix typed on the way.
    expect(page.locator("[data-hc-search]")).to_have_attribute("data-hc-search-shown", "invoice")
    links = page.locator(RESULTS)
    expect(links.nth(1)).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(box).not_to_be_focused()


def test_the_searched_words_are_marked_in_the_article_opened(page: Page, site_url: str):
    page.goto(f"{site_url}{GUIDE}?h=bank+card")
    marks = page.locator(".hc-body mark[data-md-highlight]")
    expect(marks.first).to_be_visible()
    assert {text.lower() for text in marks.all_text_contents()} == {"bank", "card"}
    expect(page.locator("h1 mark")).to_have_text(["card", "bank"])


def test_a_results_title_and_snippet_stay_text_on_a_phone(page: Page, site_url: str):
    page.set_viewport_size({"width": 390, "height": 844})
    search(page, site_url, "change card")
    first = page.locator(RESULTS).first
    expect(first.locator("h1")).to_contain_text("How to change the card or bank info")
    expect(first.locator("h1 mark").first).to_have_text(re.compile("^(change|card)$", re.IGNORECASE))
    expect(first.locator(".md-tag")).to_contain_text(["payment method", "card", "bank account"])
    box = first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390


def type_query(page: Page, query: str) -> None:
    page.get_by_role("textbox", name="Search", exact=True).click()
    page.keyboard.type(query)
    expect(page.locator("[data-hc-search]")).to_have_attribute("data-hc-search-shown", query)


def test_a_query_no_article_answers_says_so_and_offers_the_popular_articles_and_a_person(page: Page, site_url: str):
    page.goto(site_url + GUIDE)
    for query in ("cancel subscription", "scan", "ach", "canada"):
        page.get_by_role("textbox", name="Search", exact=True).fill("")
        type_query(page, query)
        dialog = page.locator("[data-hc-search]")
        expect(page.locator(".md-search-result__meta")).to_have_text(f"No articles match “{query}”")
        expect(page.locator(RESULTS)).to_have_count(0)
        # Nothing matched by a fragment of a word, so nothing marked.
        expect(dialog.locator("mark")).to_have_count(0)
        none = dialog.locator("[data-hc-search-none]")
        expect(none).to_be_visible()
        expect(none.get_by_role("heading", name="Popular articles")).to_be_visible()
        expect(none.get_by_role("listitem")).to_have_text(
            ["How to change the card or bank info for your Therasoft monthly invoice", "Getting Started"]
        )
        expect(none.get_by_role("link", name="Contact our billing department")).to_have_attribute(
            "href", "mailto:billing@example.com"
        )
    none.get_by_role("link", name="Getting Started").click()
    expect(page.locator("h1")).to_have_text("Getting Started")


def test_a_query_near_a_word_of_the_help_centre_offers_it(page: Page, site_url: str):
    page.goto(site_url + GUIDE)
    type_query(page, "zom")
    suggestion = page.locator("[data-hc-search-suggestion]")
    expect(suggestion).to_have_text("Did you mean zoom?")
    suggestion.get_by_role("link", name="zoom").click()
    expect(page.locator("[data-hc-search]")).to_have_attribute("data-hc-search-shown", "zoom")
    expect(page.locator(RESULTS).first).to_have_attribute(
        "href", re.compile(r"/policies/terms-of-use-and-baa/\?h=zoom$")
    )
    expect(suggestion).to_be_hidden()


def test_a_page_only_read_fetches_nothing_of_search(page: Page, site_url: str):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(site_url + GUIDE, wait_until="load")
    page.wait_for_load_state("networkidle")
    searching = ("/hc-search/", "search-query.js", "search-engine.js")
    assert not [path for path in fetched if any(part in path for part in searching)]
    # The reader shows intent: "/" focuses the box, and search's files come.
    page.keyboard.press("/")
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    assert {"/assets/helpcentre/search-query.js", "/assets/helpcentre/search-engine.js", "/hc-search/meta.json"} <= set(
        fetched
    )
    type_query(page, "receipts")
    # One query: the words sharing its first letters, their postings, the titles of the results.
    assert [path for path in fetched if path.startswith("/hc-search/") and path != "/hc-search/meta.json"] == [
        "/hc-search/words/re.json",
        "/hc-search/postings/0.json",
        "/hc-search/pages/0.json",
    ]


def test_what_is_typed_before_the_search_script_arrives_is_searched(page: Page, site_url: str):
    held: list[Route] = []
    page.route("**/assets/helpcentre/search.js", lambda route: held.append(route))
    page.goto(site_url, wait_until="domcontentloaded")
    page.get_by_role("searchbox", name="Search the help centre").fill("receipts")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(25)
    assert held, "the page did not ask for search.js"
    held[0].continue_()
    expect(page.locator("[data-hc-search]")).to_have_attribute("data-hc-search-shown", "receipts")
    expect(page.locator(RESULTS).first).to_have_attribute("href", re.compile(r"/clients/email-payment-receipts"))
