"""HTML in front matter, in a real Chromium: every page shows it as the text typed, and runs none of it.

The help centre is `tests/integration/payload_centre.py`: titles such as
`Refunds <img src=x onerror=alert(1)>` and `Pay invoices < $100`, and more of the same in the
summaries, tags and category. Each test visits pages of it with a dialog listener on, and fails on
any alert, on any element the text would have made, and on any text that does not read as typed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from integration.payload_centre import (
    CARDS,
    CARDS_SUMMARY,
    CARDS_TITLE,
    CATEGORY_DESCRIPTION,
    CATEGORY_TITLE,
    RAW_HTML,
    RAW_HTML_TITLE,
    REFUNDS,
    REFUNDS_ID,
    REFUNDS_OLD_PATH,
    REFUNDS_STEP,
    REFUNDS_SUMMARY,
    REFUNDS_TAGS,
    REFUNDS_TITLE,
    SITE_NAME,
    SMALL_INVOICES_SUMMARY,
    SMALL_INVOICES_TAGS,
    SMALL_INVOICES_TITLE,
    TAB_TITLE,
    build_payload_centre,
)
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from helpcentre.static_server import SiteServer

# Elements that only the typed text could have made, and scripts that only it could hold.
INJECTED_ELEMENTS = 'img[src="x"], b, i, tab'
INJECTED_SCRIPTS = """() => Array.from(document.scripts)
  .filter(script => script.type !== "application/ld+json" && script.textContent.includes("alert("))
  .map(script => script.outerHTML)"""

# In an article's body: an attribute that runs a script, an address that does or carries a
# document, or an element that brings in another page or sends what is typed elsewhere.
UNSAFE_IN_BODY = """() => Array.from(document.querySelectorAll('.hc-body *')).flatMap(element => {
  const found = Array.from(element.attributes)
    .filter(attribute => attribute.name.startsWith('on')
      || (['href', 'src', 'action', 'data', 'formaction'].includes(attribute.name)
          && /^\\s*(javascript|data):/i.test(attribute.value)))
    .map(attribute => `<${element.localName} ${attribute.name}="${attribute.value}">`)
  const embedding = ['iframe', 'object', 'embed', 'form'].includes(element.localName)
  return embedding ? [...found, `<${element.localName}>`] : found
})"""


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same build as tests/integration/test_front_matter_text.py's: one a session."""
    return build_payload_centre(tmp_path_factory.getbasetemp() / "payload-centre")


@pytest.fixture(scope="module")
def payload_url(payload_site: Path) -> Iterator[str]:
    with SiteServer(payload_site) as server:
        yield server.url


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """Every alert, confirm or prompt the page opens; each is dismissed, and recorded."""
    opened: list[str] = []

    def record(dialog) -> None:
        opened.append(f"{dialog.type}({dialog.message!r}) on {page.url}")
        dialog.dismiss()

    page.on("dialog", record)
    return opened


def visit(page: Page, url: str) -> None:
    page.goto(url)
    # A broken image's onerror runs once its request has failed.
    page.wait_for_load_state("networkidle")
    assert_nothing_ran(page)


def assert_nothing_ran(page: Page) -> None:
    expect(page.locator(INJECTED_ELEMENTS), f"elements made from text on {page.url}").to_have_count(0)
    assert page.evaluate(INJECTED_SCRIPTS) == [], f"scripts made from text on {page.url}"


def nav(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Navigation")


def test_the_article_shows_every_field_as_typed_and_runs_none_of_it(page: Page, payload_url: str, dialogs: list[str]):
    visit(page, f"{payload_url}{REFUNDS}/")

    expect(page).to_have_title(f"{REFUNDS_TITLE} - {SITE_NAME}")
    expect(page.get_by_role("heading", level=1)).to_have_text(REFUNDS_TITLE)
    expect(page.locator(".hc-summary")).to_have_text(REFUNDS_SUMMARY)
    expect(page.get_by_role("navigation", name="Breadcrumb").get_by_role("listitem")).to_have_text(
        [SITE_NAME, CATEGORY_TITLE, REFUNDS_TITLE]
    )
    # The theme's sidebar, with the category, the article and its siblings.
    expect(nav(page).get_by_text(CATEGORY_TITLE, exact=True).first).to_be_visible()
    for title in (REFUNDS_TITLE, CARDS_TITLE, SMALL_INVOICES_TITLE):
        expect(nav(page).get_by_role("link", name=title, exact=True)).to_be_visible()
    # The header shows the title once the heading scrolls away.
    expect(page.locator(".md-header__topic").last).to_have_text(REFUNDS_TITLE)
    # The footer's previous and next pages; their accessible names too, escaped once only.
    expect(page.get_by_role("link", name=f"Previous: {SMALL_INVOICES_TITLE}", exact=True)).to_contain_text(
        SMALL_INVOICES_TITLE
    )
    related = page.get_by_role("region", name="Related articles")
    expect(related.get_by_role("link", name=CARDS_TITLE, exact=True)).to_be_visible()

    # What search engines read.
    expect(page.locator('meta[name="description"]')).to_have_attribute("content", REFUNDS_SUMMARY)
    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    article = next(data for data in map(json.loads, blocks) if data["@type"] == "Article")
    assert (article["headline"], article["description"]) == (REFUNDS_TITLE, REFUNDS_SUMMARY)
    assert dialogs == []


def test_a_sibling_page_of_the_category_lists_the_article_as_typed(page: Page, payload_url: str, dialogs: list[str]):
    visit(page, f"{payload_url}{CARDS}/")

    expect(page.get_by_role("heading", level=1)).to_have_text(CARDS_TITLE)
    expect(page.locator(".hc-summary")).to_have_text(CARDS_SUMMARY)
    expect(nav(page).get_by_role("link", name=REFUNDS_TITLE, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=f"Previous: {CATEGORY_TITLE}", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=f"Next: {SMALL_INVOICES_TITLE}", exact=True)).to_be_visible()
    related = page.get_by_role("region", name="Related articles")
    expect(related.get_by_role("link", name=SMALL_INVOICES_TITLE, exact=True)).to_be_visible()
    assert dialogs == []


def test_the_home_category_and_missing_pages_list_the_articles_as_typed(
    page: Page, payload_url: str, dialogs: list[str]
):
    visit(page, payload_url)
    card = page.get_by_role("region", name="Browse by topic").get_by_role("link").first
    expect(card).to_contain_text(CATEGORY_TITLE)
    expect(card).to_contain_text(CATEGORY_DESCRIPTION)
    promoted = page.get_by_role("region", name="Popular articles")
    expect(promoted.locator(".hc-article-list__title")).to_have_text([REFUNDS_TITLE, SMALL_INVOICES_TITLE])
    expect(promoted.locator(".hc-article-list__summary")).to_have_text([REFUNDS_SUMMARY, SMALL_INVOICES_SUMMARY])

    visit(page, f"{payload_url}billing/")
    expect(page).to_have_title(f"{CATEGORY_TITLE} - {SITE_NAME}")
    expect(page.get_by_role("heading", level=1)).to_have_text(CATEGORY_TITLE)
    expect(page.locator(".hc-summary")).to_have_text(CATEGORY_DESCRIPTION)
    expect(page.locator('meta[name="description"]')).to_have_attribute("content", CATEGORY_DESCRIPTION)
    expect(page.locator(".hc-article-list__title")).to_have_text([CARDS_TITLE, SMALL_INVOICES_TITLE, REFUNDS_TITLE])
    expect(nav(page).get_by_role("link", name=REFUNDS_TITLE, exact=True)).to_be_visible()

    visit(page, f"{payload_url}policies/")
    expect(nav(page).get_by_role("link", name=TAB_TITLE, exact=True)).to_be_visible()

    visit(page, f"{payload_url}no-such-page/")
    expect(page.get_by_role("heading", level=1)).to_have_text("We can't find that page")
    promoted = page.get_by_role("region", name="Popular articles")
    expect(promoted.locator(".hc-article-list__title")).to_have_text([REFUNDS_TITLE, SMALL_INVOICES_TITLE])
    assert dialogs == []


def test_the_short_link_and_the_old_path_reach_the_article_as_typed(page: Page, payload_url: str, dialogs: list[str]):
    for path in (f"a/{REFUNDS_ID}/", f"{REFUNDS_OLD_PATH}/"):
        page.goto(f"{payload_url}{path}#step-2")
        expect(page).to_have_url(f"{payload_url}{REFUNDS}/#step-2")
        page.wait_for_load_state("networkidle")
        expect(page.get_by_role("heading", level=1)).to_have_text(REFUNDS_TITLE)
        assert_nothing_ran(page)
    assert dialogs == []


def search(page: Page, query: str) -> Locator:
    """Type into the theme's search box; return the documents it lists, once they are shown."""
    page.get_by_role("textbox", name="Search", exact=True).click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__list > li")
    expect(results.first).to_be_visible()
    page.wait_for_load_state("networkidle")
    return results


@pytest.mark.parametrize(
    ("query", "title", "tags"),
    [
        ("refunds", REFUNDS_TITLE, REFUNDS_TAGS),
        ("invoices", SMALL_INVOICES_TITLE, SMALL_INVOICES_TAGS),
        ("cards", CARDS_TITLE, []),
        ("move on", TAB_TITLE, []),
    ],
)
def test_search_results_show_titles_and_tags_as_typed(
    page: Page, payload_url: str, dialogs: list[str], query: str, title: str, tags: list[str]
):
    visit(page, f"{payload_url}billing/")
    results = search(page, query)
    found = results.filter(has=page.locator("h1", has_text=re.compile("^" + re.escape(title) + "$")))
    expect(found).to_have_count(1)
    expect(found.locator(".md-tag")).to_have_text(tags)
    assert_nothing_ran(page)
    assert dialogs == []


def test_the_print_view_and_the_pdf_show_the_article_as_typed(
    page: Page, payload_site: Path, payload_url: str, dialogs: list[str], tmp_path: Path
):
    visit(page, f"{payload_url}{REFUNDS}/")
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", level=1)).to_have_text(REFUNDS_TITLE)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".hc-summary")).to_have_text(REFUNDS_SUMMARY)
    expect(page.locator(".hc-summary")).to_be_visible()
    expect(page.locator(".hc-body li").first).to_contain_text(REFUNDS_STEP)
    assert dialogs == []

    command = [sys.executable, "-m", "helpcentre", "pdf", "-f", "mkdocs.yml", str(REFUNDS_ID)]
    command += ["-d", str(payload_site), "-o", str(tmp_path)]
    result = subprocess.run(command, cwd=payload_site.parent, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    # Lines break where the paper ends, so the text is compared without its spaces.
    printed = "".join("".join(sheet.extract_text().split()) for sheet in PdfReader(tmp_path / f"{REFUNDS}.pdf").pages)
    for typed in (REFUNDS_TITLE, REFUNDS_SUMMARY, REFUNDS_STEP, f"{REFUNDS_TITLE} - {SITE_NAME}"):
        # The last is Chromium's footer, which shows the page's <title>.
        assert "".join(typed.split()) in printed, f"{typed!r} is not printed as typed"


def test_markup_that_lint_cannot_see_reaches_the_page_with_nothing_in_it_that_runs(
    page: Page, payload_url: str, dialogs: list[str]
):
    """A snippet of event handlers, script addresses and embedded pages: the build keeps its words only."""
    visit(page, f"{payload_url}{RAW_HTML}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(RAW_HTML_TITLE)
    body = page.locator(".hc-body")
    # What the markup says is still there for the reader.
    expect(body.get_by_role("img", name="A broken chart")).to_be_attached()
    expect(body.locator("details > summary")).to_have_text("More about refund terms")
    expect(body.locator("details")).to_contain_text("Refunds take five days.")
    for text in ("Read the terms", "Open the terms", "Pay the refund fee", "ask us"):
        expect(body.get_by_text(text, exact=True)).to_be_visible()
    assert page.evaluate(UNSAFE_IN_BODY) == []

    # Following each link and closing the details would run what was there.
    for text in ("Read the terms", "Open the terms", "Pay the refund fee", "ask us"):
        body.get_by_text(text, exact=True).click()
    body.locator("details > summary").click()
    expect(body.locator("details")).not_to_have_attribute("open", "")
    page.wait_for_load_state("networkidle")
    expect(page).to_have_url(f"{payload_url}{RAW_HTML}/#")
    assert dialogs == []
