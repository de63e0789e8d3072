"""Printing an article in a real Chromium: the article and its screenshots on paper, nothing else."""

from __future__ import annotations

import pytest
from browser.card_change_guide import GUIDE, STEPS, TITLE
from playwright.sync_api import Page, expect

# Stands in for the browser's print dialog, which a test cannot close: records each call, and
# what the screenshots looked like at that moment.
RECORD_PRINT_CALLS = """
window.printCalls = []
window.print = () => window.printCalls.push(
  Array.from(document.querySelectorAll("img.hc-step-shot")).map(img => ({
    src: img.getAttribute("src"), complete: img.complete, naturalWidth: img.naturalWidth,
  }))
)
"""


@pytest.fixture
def guide(page: Page, site_url: str) -> Page:
    page.add_init_script(RECORD_PRINT_CALLS)
    page.goto(site_url + GUIDE)
    return page


def click_print(page: Page) -> list[dict]:
    """Click the Print button; return what the screenshots were when it opened the print dialog."""
    page.get_by_role("button", name="Print").click()
    page.wait_for_function("window.printCalls.length > 0")
    calls = page.evaluate("window.printCalls")
    assert len(calls) == 1, calls
    return calls[0]


def test_the_print_button_loads_every_screenshot_then_opens_the_print_dialog(guide: Page):
    expect(guide.get_by_role("button", name="Print")).to_be_visible()
    shots = click_print(guide)
    assert [shot["src"] for shot in shots] == [f"../../screenshots/{GUIDE}{n:02d}.published.png" for n in range(1, 6)]
    for shot in shots:
        assert shot["complete"] and shot["naturalWidth"] > 0, f"not loaded when the dialog opened: {shot}"
    expect(guide.locator("img.hc-step-shot[loading=lazy]")).to_have_count(0)
    # Ready for the next time.
    expect(guide.get_by_role("button", name="Print")).to_be_enabled()


def test_printing_leaves_out_the_site_around_the_article(guide: Page):
    click_print(guide)
    guide.emulate_media(media="print")
    for part in (
        ".md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-search",
        ".md-footer",
        ".hc-breadcrumbs",
        ".hc-related",
        ".hc-article-tools",
        ".hc-step-link",
        ".hc-feedback",
    ):
        for element in guide.locator(part).all():
            expect(element, f"{part} is printed").to_be_hidden()
    expect(guide.get_by_role("button", name="Print")).to_be_hidden()
    expect(guide.get_by_role("link", name="Download PDF")).to_be_hidden()
    expect(guide.get_by_role("searchbox")).to_be_hidden()
    expect(guide.get_by_role("navigation", name="Breadcrumb")).to_be_hidden()


def test_printing_keeps_the_title_summary_note_and_each_step_with_its_screenshot(guide: Page):
    click_print(guide)
    guide.emulate_media(media="print")
    expect(guide.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(guide.get_by_role("heading", level=1)).to_be_visible()
    expect(guide.locator(".hc-summary")).to_be_visible()
    expect(guide.get_by_role("note")).to_be_visible()
    steps = guide.locator(".hc-body ol").first.locator(":scope > li")
    expect(steps).to_have_count(len(STEPS))
    body_width = guide.locator(".hc-body").bounding_box()["width"]
    for number, text in enumerate(STEPS, start=1):
        step = steps.nth(number - 1)
        expect(step).to_contain_text(text)
        # A step's text and its screenshot are never split over two sheets.
        assert step.evaluate("li => getComputedStyle(li).breakInside") == "avoid"
        image = step.locator("img.hc-step-shot")
        expect(image).to_be_visible()
        assert image.evaluate("img => img.naturalWidth") > 0, f"step {number}'s screenshot is not loaded"
        assert image.bounding_box()["width"] <= body_width, f"step {number}'s screenshot is wider than the paper"
    # On paper the contact button cannot be clicked, so its address is printed.
    contact = guide.get_by_role("complementary", name="Still need help?")
    expect(contact).to_be_visible()
    address = contact.get_by_role("link").get_attribute("href")
    assert address.startswith("mailto:")
    printed_after = contact.get_by_role("link").evaluate("a => getComputedStyle(a, '::after').content")
    assert printed_after == f'" ({address})"'


def test_the_article_links_to_its_pdf_as_a_download(guide: Page, site_url: str):
    link = guide.get_by_role("link", name="Download PDF")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("download", "")
    expect(link).to_have_attribute("href", "../../pdf/billing/change-card-or-bank-info.pdf")
    assert link.evaluate("a => a.href") == site_url + "pdf/billing/change-card-or-bank-info.pdf"
