"""An axe-core audit in a real Chromium: no serious or critical violation on the pages customers use most."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from billing_sandbox.process import SandboxProcess

GUIDE = "billing/change-card-or-bank-info/"
BLOCKING_IMPACTS = ("serious", "critical")


def blocking_violations(page: Page, axe_script: Path) -> list[dict]:
    """axe's violations on the page as it is now, with every rule axe runs by default, kept to serious and critical."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script))
    results = page.evaluate('axe.run(document, {resultTypes: ["violations"]})')
    return [violation for violation in results["violations"] if violation["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            lines.append(f"  at {' '.join(str(part) for part in node['target'])}: {node['html']}")
            lines.append("    " + node["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


def assert_no_blocking_violations(page: Page, axe_script: Path) -> None:
    violations = blocking_violations(page, axe_script)
    if violations:
        pytest.fail(f"axe found on {page.url}:\n{describe(violations)}", pytrace=False)


@pytest.mark.parametrize(
    ("path", "status"),
    [("", 200), ("billing/", 200), (GUIDE, 200), ("no-such-page/", 404)],
    ids=["home", "category", "card-change article", "404"],
)
def test_help_centre_page_has_no_serious_violation(
    page: Page, site_url: str, axe_script: Path, path: str, status: int
) -> None:
    response = page.goto(site_url + path)
    assert response is not None and response.status == status
    expect(page.locator("h1")).to_be_visible()
    assert_no_blocking_violations(page, axe_script)


@pytest.mark.parametrize("path", ["", "billing/", GUIDE], ids=["home", "category", "card-change article"])
def test_help_centre_page_in_dark_mode_has_no_serious_violation(
    browser: Browser, site_url: str, axe_script: Path, path: str
) -> None:
    # As a reader whose system is set to dark: the site follows it, and every colour still holds.
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(site_url + path)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        assert_no_blocking_violations(page, axe_script)
        if path == GUIDE:
            # Its header toggle switches to light, and the next page keeps the reader's choice.
            page.get_by_title("Switch to light mode").click()
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
            page.goto(site_url + "billing/")
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
            assert_no_blocking_violations(page, axe_script)
    finally:
        context.close()


def test_search_results_have_no_serious_violation(page: Page, site_url: str, axe_script: Path) -> None:
    page.goto(site_url)
    page.get_by_role("searchbox", name="Search the help centre").fill("change card")
    first_result = page.locator(".md-search-result__list > li > a").first
    expect(first_result).to_be_visible()
    # On a result, as the arrow keys put it: its tint is behind the result's text.
    page.keyboard.press("ArrowDown")
    expect(first_result).to_be_focused()
    assert_no_blocking_violations(page, axe_script)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    with SandboxProcess(tmp_path_factory.mktemp("sandbox")) as running:
        yield running


def test_sandbox_billing_page_and_card_details_have_no_serious_violation(
    page: Page, sandbox: SandboxProcess, axe_script: Path
) -> None:
    page.goto(sandbox.url)
    page.get_by_label("Email").fill(sandbox.email)
    page.get_by_label("Password").fill(sandbox.password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Setup").click()
    page.get_by_role("menu", name="Setup").get_by_role("menuitem", name="Therasoft Billing").click()
    expect(page.get_by_role("heading", name="Therasoft Billing", level=1)).to_be_visible()
    assert_no_blocking_violations(page, axe_script)

    page.get_by_role("button", name="Card Details").click()
    expect(page.get_by_role("dialog", name="Card Details")).to_be_visible()
    assert_no_blocking_violations(page, axe_script)
