"""The "Was this article helpful?" widget in a real Chromium: from the click to the row in SQLite.

Each site here is the repository's own help centre, built with HELPCENTRE_FEEDBACK_URL set
the way a publisher sets it, and served on its own origin.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from playwright.sync_api import Page, Request, expect

from helpcentre.cli import cli
from helpcentre.feedback.process import FeedbackProcess
from helpcentre.site import build_site
from helpcentre.static_server import SiteServer

GUIDE = "billing/change-card-or-bank-info/"
GUIDE_ID = 101
QUESTION = "Was this article helpful?"
THANKS = "Thanks for your feedback."
FAILED = "Sorry, we could not send your feedback. The article is all here."


def build_with_endpoint(project_root: Path, site_dir: Path, feedback_endpoint: str, search_report: str = "") -> None:
    """Build the help centre into `site_dir`, its widget posting to `feedback_endpoint` ("" for none)
    and its search box reporting to `search_report` ("" for none)."""
    with pytest.MonkeyPatch.context() as patch:
        # mkdocs.yml reads the endpoints with !ENV, as a publisher sets them.
        patch.setenv("HELPCENTRE_FEEDBACK_URL", feedback_endpoint)
        patch.setenv("HELPCENTRE_SEARCH_REPORT_URL", search_report)
        build_site(project_root / "mkdocs.yml", site_dir, strict=True)


def newest_vote(database: Path) -> tuple:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(
            "SELECT article_id, helpful, comment, page_url FROM votes ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()


class FeedbackSite:
    def __init__(self, url: str, service: FeedbackProcess):
        self.url = url
        self.service = service


@pytest.fixture(scope="module")
def feedback_site(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FeedbackSite]:
    """The site and the feedback service, each on its own port; the service allows the site's origin only."""
    root = tmp_path_factory.mktemp("feedback-site")
    # The server is bound before the build, so the service can be told the site's origin.
    with SiteServer(root / "site") as site:
        with FeedbackProcess(root / "feedback.sqlite3", [site.url]) as service:
            build_with_endpoint(project_root, root / "site", service.endpoint, service.searches_endpoint)
            yield FeedbackSite(site.url, service)


@pytest.fixture(scope="module")
def site_with_service_stopped(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("feedback-stopped")
    with SiteServer(root / "site") as site:
        with FeedbackProcess(root / "feedback.sqlite3", [site.url]) as service:
            endpoint = service.endpoint
        build_with_endpoint(project_root, root / "site", endpoint)
        yield site.url


@pytest.fixture(scope="module")
def site_without_endpoint(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("feedback-none")
    build_with_endpoint(project_root, root / "site", "")
    with SiteServer(root / "site") as site:
        yield site.url


def test_a_no_is_counted_when_clicked_and_its_comment_follows(page: Page, feedback_site: FeedbackSite):
    database = feedback_site.service.database
    page.goto(feedback_site.url + GUIDE)
    widget = page.get_by_role("region", name=QUESTION)
    expect(widget.get_by_role("heading", name=QUESTION)).to_be_visible()
    with page.expect_response(
        lambda response: response.url == feedback_site.service.endpoint and response.status == 201
    ):
        widget.get_by_role("button", name="No").click()
    comment = widget.get_by_role("textbox", name="What were you looking for? (optional)")
    expect(comment).to_be_focused()
    # Counted before any comment: a reader who leaves now has said No.
    assert newest_vote(database) == (GUIDE_ID, 0, None, feedback_site.url + GUIDE)
    comment.fill("I could not find the Save button.")
    widget.get_by_role("button", name="Send").click()

    expect(widget.get_by_role("status")).to_have_text(THANKS)
    expect(widget.get_by_role("button")).to_have_count(0)
    # The comment is the same vote's, not a second one.
    assert newest_vote(database) == (GUIDE_ID, 0, "I could not find the Save button.", feedback_site.url + GUIDE)
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("SELECT COUNT(*) FROM vote_comment_keys").fetchone() == (0,)
    finally:
        connection.close()


def test_a_yes_can_be_given_with_the_keyboard(page: Page, feedback_site: FeedbackSite):
    page.goto(feedback_site.url + GUIDE)
    widget = page.get_by_role("region", name=QUESTION)
    widget.get_by_role("button", name="No").focus()
    page.keyboard.press("Shift+Tab")
    yes = widget.get_by_role("button", name="Yes")
    expect(yes).to_be_focused()
    # The focus ring is drawn, not only the focus moved.
    assert yes.evaluate("button => getComputedStyle(button).outlineStyle") == "solid"
    page.keyboard.press("Enter")

    status = widget.get_by_role("status")
    expect(status).to_have_text(THANKS)
    # The buttons are gone; the focus stays in the widget rather than jumping to the page's top.
    expect(status).to_be_focused()
    assert newest_vote(feedback_site.service.database) == (GUIDE_ID, 1, None, feedback_site.url + GUIDE)


def test_a_failed_post_says_so_and_leaves_the_article_readable(page: Page, site_with_service_stopped: str):
    page.goto(site_with_service_stopped + GUIDE)
    widget = page.get_by_role("region", name=QUESTION)
    widget.get_by_role("button", name="Yes").click()

    expect(widget.get_by_role("status")).to_have_text(FAILED)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How to change the card or bank info for your Therasoft monthly invoice"
    )
    expect(page.locator(".hc-body ol").first.get_by_role("listitem").first).to_contain_text("Go to the Setup menu")
    # The reader may try again.
    expect(widget.get_by_role("button", name="Yes")).to_be_visible()


def test_without_an_endpoint_there_is_no_widget(page: Page, site_without_endpoint: str):
    page.goto(site_without_endpoint + GUIDE)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("region", name=QUESTION)).to_have_count(0)
    expect(page.get_by_text(QUESTION)).to_have_count(0)


def stored_searches(database: Path) -> list[tuple]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("SELECT query, results, opened_path FROM searches ORDER BY id").fetchall()
    finally:
        connection.close()


def stored_searches_once(database: Path, count: int) -> list[tuple]:
    """The searches stored, once there are `count` of them: a report sent is stored a moment later."""
    deadline = time.monotonic() + 10
    stored = stored_searches(database)
    while len(stored) < count and time.monotonic() < deadline:
        time.sleep(0.05)
        stored = stored_searches(database)
    return stored


def test_searches_reach_the_managers_report_as_text_only(page: Page, feedback_site: FeedbackSite):
    reports: list[Request] = []
    page.on("request", lambda request: reports.append(request) if request.url.endswith("/v1/searches") else None)
    page.goto(feedback_site.url)
    searchbox = page.get_by_role("searchbox", name="Search the help centre")
    searchbox.click()
    # Typed key by key: only the query the customer settles on is reported, not each prefix.
    with page.expect_request(lambda request: request.url.endswith("/v1/searches") and request.method == "POST"):
        page.keyboard.type("qqzzxx")
    expect(page.locator(".md-search-result__meta")).to_have_text("No articles match “qqzzxx”")
    header_box = page.get_by_role("textbox", name="Search", exact=True)
    header_box.fill("")
    header_box.press_sequentially("Terasoft billing")
    first = page.locator(".md-search-result__list > li > a").first
    expect(first).to_have_attribute(
        "href", re.compile(r"change-card-or-bank-info/\?h=(therasoft\+billing|billing\+therasoft)$")
    )
    with page.expect_request(lambda request: '"opened"' in (request.post_data or "")):
        first.click()
    expect(page.locator("h1")).to_contain_text("How to change the card or bank info")

    # The settled query and the opened result are reported at about the same moment, and the
    # browser sends them without waiting for each other: they may be stored in either order.
    stored = stored_searches_once(feedback_site.service.database, 3)
    results = int(stored[1][1])
    assert stored[0] == ("qqzzxx", 0, None)
    assert sorted(stored[1:], key=lambda search: search[2] is not None) == [
        ("Terasoft billing", results, None),
        ("Terasoft billing", results, f"/{GUIDE}"),
    ]
    assert results > 1
    for request in reports:
        headers = request.all_headers()
        assert "cookie" not in headers
        assert headers["content-type"].startswith("text/plain")
        assert set(json.loads(request.post_data)) <= {"query", "results", "opened"}

    report = CliRunner().invoke(
        cli, ["feedback", "report", "--searches", "--db", str(feedback_site.service.database), "--format", "json"]
    )
    assert report.exit_code == 0, report.output
    lists = json.loads(report.output)
    assert {"query": "Terasoft billing", "searches": 1, "opens": 1} in [
        {key: entry[key] for key in ("query", "searches", "opens")} for entry in lists["top"]
    ]
    assert [entry["query"] for entry in lists["no_results"]] == ["qqzzxx"]
    assert lists["never_opened"] == []


def test_without_a_report_endpoint_searching_asks_nothing_of_any_other_host(page: Page, site_without_endpoint: str):
    origin = urlsplit(site_without_endpoint).netloc
    elsewhere: list[str] = []
    page.on(
        "request", lambda request: elsewhere.append(request.url) if urlsplit(request.url).netloc != origin else None
    )
    page.goto(site_without_endpoint)
    page.get_by_role("searchbox", name="Search the help centre").click()
    page.keyboard.type("change card")
    expect(page.locator(".md-search-result__list > li").first).to_be_visible()
    # Longer than the search box waits before it calls a query settled.
    page.wait_for_timeout(2000)
    page.locator(".md-search-result__list > li > a").first.click()
    expect(page.locator("h1")).to_contain_text("How to change the card or bank info")
    assert elsewhere == []
