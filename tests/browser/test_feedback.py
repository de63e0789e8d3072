"""The "Was this article helpful?" widget in a real Chromium: from the click to the row in SQLite.

Each site here is the repository's own help centre, built with HELPCENTRE_FEEDBACK_URL set
the way a publisher sets it, and served on its own origin.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from helpcentre.feedback.process import FeedbackProcess
from helpcentre.site import build_site
from helpcentre.static_server import SiteServer

GUIDE = "billing/change-card-or-bank-info/"
GUIDE_ID = 101
QUESTION = "Was this article helpful?"
THANKS = "Thanks for your feedback."
FAILED = "Sorry, we could not send your feedback. The article is all here."


def build_with_endpoint(project_root: Path, site_dir: Path, feedback_endpoint: str) -> None:
    """Build the help centre into `site_dir`, its widget posting to `feedback_endpoint` ("" for none)."""
    with pytest.MonkeyPatch.context() as patch:
        # mkdocs.yml reads the endpoint with !ENV, as a publisher sets it.
        patch.setenv("HELPCENTRE_FEEDBACK_URL", feedback_endpoint)
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
            build_with_endpoint(project_root, root / "site", service.endpoint)
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


def test_a_no_with_a_comment_is_stored(page: Page, feedback_site: FeedbackSite):
    page.goto(feedback_site.url + GUIDE)
    widget = page.get_by_role("region", name=QUESTION)
    expect(widget.get_by_role("heading", name=QUESTION)).to_be_visible()
    widget.get_by_role("button", name="No").click()
    comment = widget.get_by_role("textbox", name="What were you looking for? (optional)")
    expect(comment).to_be_focused()
    comment.fill("I could not find the Save button.")
    widget.get_by_role("button", name="Send").click()

    expect(widget.get_by_role("status")).to_have_text(THANKS)
    expect(widget.get_by_role("button")).to_have_count(0)
    assert newest_vote(feedback_site.service.database) == (
        GUIDE_ID,
        0,
        "I could not find the Save button.",
        feedback_site.url + GUIDE,
    )


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
