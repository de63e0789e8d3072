"""The drift report opened from disk in a real Chromium, used the way a writer uses it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, Route, expect
from verify_results import HOSTILE_TITLE

from helpcentre.report import write_html_report

pytestmark = pytest.mark.browser

PIXELS_STEP = "#billing-change-requests-step-2"
STRUCTURE_STEP = "#billing-change-requests-step-3"
FLOW_STEP = "#billing-change-card-or-bank-info-step-3"

EXPECTED_ALT = "Step 2: expected screenshot, the committed baseline"
ACTUAL_ALT = "Step 2: actual screenshot, captured in this run"
DIFF_ALT = "Step 2: difference between expected and actual, changed pixels highlighted"


@pytest.fixture
def report_url(verify_run) -> str:
    return write_html_report(verify_run.results, verify_run.report_dir).as_uri()


@pytest.fixture
def offline_page(page: Page) -> tuple[Page, list[str], list[str]]:
    """The page, with every request that would leave the disk blocked and recorded, and script errors."""
    left_the_disk: list[str] = []
    errors: list[str] = []

    def only_files(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            left_the_disk.append(route.request.url)
            route.abort()

    page.route("**/*", only_files)
    page.on("request", lambda request: None if request.url.startswith("file://") else left_the_disk.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, left_the_disk, errors


def visible_image_names(page: Page, step: str) -> list[str]:
    # Role queries skip hidden elements: these are the images the reader sees.
    return [image.get_attribute("alt") for image in page.locator(step).get_by_role("img").all()]


def test_the_report_works_offline_and_loads_every_image(offline_page, report_url):
    page, left_the_disk, errors = offline_page

    page.goto(report_url)

    expect(page.get_by_role("heading", level=1)).to_have_text("Documentation drift report")
    page.wait_for_function("() => [...document.images].every(image => image.complete)", timeout=10_000)
    broken = page.eval_on_selector_all("img", "images => images.filter(i => i.naturalWidth === 0).map(i => i.src)")
    assert broken == []
    assert page.eval_on_selector_all("img", "images => images.length") == 21
    assert left_the_disk == []
    assert errors == []


def test_articles_are_in_drift_order_and_titles_stay_text(offline_page, report_url):
    page, _, _ = offline_page
    page.goto(report_url)

    expect(page.get_by_role("navigation", name="Articles to review").get_by_role("link")).to_have_text(
        [
            "Change requests",
            "How to change the card or bank info for your Therasoft monthly invoice",
            "Invoice history",
            "Email Payment Receipts to multiple emails",
        ]
    )
    expect(page.locator("section.article > header h2")).to_have_text(
        [
            "Change requests",
            "How to change the card or bank info for your Therasoft monthly invoice",
            "Invoice history",
            "Email Payment Receipts to multiple emails",
        ]
    )
    page.get_by_text("2 articles, 3 steps").click()
    expect(page.get_by_text(HOSTILE_TITLE, exact=True)).to_be_visible()


def test_the_image_buttons_switch_between_expected_actual_and_diff(offline_page, report_url):
    page, _, _ = offline_page
    page.goto(report_url)
    step = page.locator(PIXELS_STEP)
    views = step.get_by_role("group", name="Step 2 images")

    assert visible_image_names(page, PIXELS_STEP) == [DIFF_ALT]
    expect(views.get_by_role("button", name="Diff")).to_have_attribute("aria-pressed", "true")

    views.get_by_role("button", name="Expected").click()
    assert visible_image_names(page, PIXELS_STEP) == [EXPECTED_ALT]
    expect(views.get_by_role("button", name="Expected")).to_have_attribute("aria-pressed", "true")
    expect(views.get_by_role("button", name="Diff")).to_have_attribute("aria-pressed", "false")

    views.get_by_role("button", name="Actual").focus()
    page.keyboard.press("Enter")
    assert visible_image_names(page, PIXELS_STEP) == [ACTUAL_ALT]

    views.get_by_role("button", name="Side by side").click()
    assert visible_image_names(page, PIXELS_STEP) == [EXPECTED_ALT, ACTUAL_ALT]

    views.get_by_role("button", name="Diff").click()
    assert visible_image_names(page, PIXELS_STEP) == [DIFF_ALT]


def test_the_slider_moves_with_the_keyboard_and_clips_the_expected_image(offline_page, report_url):
    page, _, _ = offline_page
    page.goto(report_url)
    step = page.locator(PIXELS_STEP)

    step.get_by_role("button", name="Slider").click()
    assert visible_image_names(page, PIXELS_STEP) == [ACTUAL_ALT, EXPECTED_ALT]
    page.keyboard.press("Tab")
    slider = step.get_by_role("slider", name="Step 2 slider: expected on the left, actual on the right")
    expect(slider).to_be_focused()
    expected_on_top = step.locator(".slider-over")
    expect(expected_on_top).to_have_css("clip-path", "inset(0px 50% 0px 0px)")

    for _ in range(10):
        page.keyboard.press("ArrowRight")

    expect(slider).to_have_value("60")
    expect(slider).to_have_attribute("aria-valuetext", "60% expected, 40% actual")
    expect(expected_on_top).to_have_css("clip-path", "inset(0px 40% 0px 0px)")
    page.keyboard.press("Home")
    expect(expected_on_top).to_have_css("clip-path", "inset(0px 100% 0px 0px)")


def test_the_aria_diff_colours_added_and_removed_lines(offline_page, report_url):
    page, _, _ = offline_page
    page.goto(report_url)
    diff = page.locator(STRUCTURE_STEP).get_by_role("region", name="ARIA snapshot diff for step 3")

    added = diff.locator(".diff-added")
    removed = diff.locator(".diff-removed")
    expect(added).to_have_text(['+- button "Payment Details"', '+- text: "</script><b>bold</b>"'])
    expect(removed).to_have_text(['-- button "Card Details"'])
    backgrounds = {
        kind: diff.locator(f".diff-{kind}").first.evaluate("line => getComputedStyle(line).backgroundColor")
        for kind in ("added", "removed", "context")
    }
    assert len(set(backgrounds.values())) == 3, backgrounds


def test_a_broken_flow_shows_where_it_stopped(offline_page, report_url):
    page, _, _ = offline_page
    page.goto(report_url)
    step = page.locator(FLOW_STEP)

    expect(step).to_contain_text("not found: button 'Card Details'; buttons here: 'Payment Details', 'Close'")
    failure = step.get_by_role("img", name="Step 3: the page when the step failed")
    expect(failure).to_be_visible()
    assert failure.evaluate("image => image.naturalWidth") > 0


def test_bold_labels_in_the_repair_and_the_summary_read_as_bold_not_as_asterisks(offline_page, report_url):
    page, _, _ = offline_page
    page.goto(report_url)

    repair = page.locator(FLOW_STEP).locator("p.repair")
    expect(repair).to_have_text("helpcentre fix can repair this step: Card Details → Payment Details")
    expect(repair.locator("strong")).to_have_text(["Card Details", "Payment Details"])
    weights = repair.locator("strong").evaluate_all("labels => labels.map(label => getComputedStyle(label).fontWeight)")
    assert [int(weight) >= 600 for weight in weights] == [True, True], weights
    expect(page.locator(STRUCTURE_STEP).locator("p.diff-summary strong")).to_have_text(["Card Details"])
    expect(page.get_by_text("**", exact=False)).to_have_count(0)


def test_a_link_to_a_step_lands_on_it(offline_page, report_url):
    page, _, _ = offline_page
    page.goto(report_url + FLOW_STEP)

    expect(page.locator(FLOW_STEP)).to_be_in_viewport()
    expect(page.locator(FLOW_STEP).get_by_role("heading", level=3)).to_have_text("Step 3 Click the Card Details button")


def test_without_script_every_image_is_shown(browser: Browser, report_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(report_url)

        assert visible_image_names(page, PIXELS_STEP) == [EXPECTED_ALT, ACTUAL_ALT, DIFF_ALT]
        expect(page.locator(PIXELS_STEP).get_by_role("button")).to_have_count(0)
        expect(page.locator(PIXELS_STEP).get_by_role("slider")).to_have_count(0)
        expect(page.locator(".summary-line")).to_have_text(re.compile(r"^5 steps drifted in 3 of 6 articles"))
    finally:
        context.close()
