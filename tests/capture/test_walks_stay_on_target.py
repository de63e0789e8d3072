"""A walk never leaves its target: a product page that sends the browser to another origin fails the step.

The product here is a tiny local server, and "another origin" a second one on another port that
stands for `http://169.254.169.254/`: no sandbox, one browser, two short walks.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from local_http import QuietHandler, serving_with

ARTICLE = textwrap.dedent(
    """\
    ---
    id: {id}
    title: {title}
    summary: A product page that sends its reader elsewhere.
    category: billing
    walkthrough:
      target: billing
    ---

    1. Click **{label}**
    """
)


@contextmanager
def serving(pages: dict[str, tuple[int, dict[str, str], str]]) -> Iterator[tuple[str, list[str]]]:
    """A server on a free port answering `path: (status, headers, body)`; yields its URL and the paths asked for."""
    asked: list[str] = []

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            status, headers, body = pages.get(self.path, (404, {}, "Not found"))
            self.send_response(status)
            for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body.encode())

    with serving_with(Handler) as origin:
        yield f"{origin}", asked


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory):
    """Two articles walked on a product that leaves: by its own script, and by its server's redirect."""
    root = tmp_path_factory.mktemp("leaving")
    elsewhere_pages = {"/latest/meta-data/": (200, {}, "<h1>ami-id</h1>"), "/report": (200, {}, "<h1>Report</h1>")}
    with serving(elsewhere_pages) as (elsewhere, asked_elsewhere):
        product_pages = {
            "/": (
                200,
                {},
                f"<h1>Billing</h1><button onclick=\"location.href='{elsewhere}/latest/meta-data/'\">Open the report"
                '</button> <a href="/report">Read the report</a>',
            ),
            "/report": (302, {"Location": f"{elsewhere}/report"}, ""),
        }
        with serving(product_pages) as (product, _):
            (root / "mkdocs.yml").write_text(
                "site_name: Leaving\nplugins:\n  - helpcentre:\n      contact: {url: 'mailto:billing@example.com'}\n"
                "      categories: [{key: billing, title: Billing}]\n"
                f"      targets:\n        billing:\n          url: {product}/\n"
            )
            (root / "docs" / "billing").mkdir(parents=True)
            for id, (name, label) in enumerate([("by-script", "Open the report"), ("by-redirect", "Read the report")]):
                text = ARTICLE.format(id=id + 1, title=f"Leave {name}", label=label)
                (root / "docs" / "billing" / f"{name}.md").write_text(text)
            command = [sys.executable, "-m", "helpcentre", "capture", "--workers", "1", "--report", str(root / "r")]
            result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)
        yield root, product, elsewhere, asked_elsewhere, result


def test_a_page_that_sends_the_walk_to_another_origin_fails_the_step_naming_the_address(walked):
    root, product, elsewhere, _, result = walked
    assert result.returncode == 1, result.stderr
    assert (
        "billing/by-script: step 1 (Click **Open the report**):"
        f" the page was sent to {elsewhere}/latest/meta-data/, another origin than the target's ({product});"
        " a walk stays on its target"
    ) in result.stderr
    assert (
        "billing/by-redirect: step 1 (Click **Read the report**):"
        f" the page was sent to {elsewhere}/report, another origin than the target's ({product});"
        " a walk stays on its target"
    ) in result.stderr
    assert not any((root / "screenshots").rglob("*.png")), "nothing of either walk is kept"


def test_a_navigation_the_page_starts_never_reaches_the_other_origin(walked):
    _, _, _, asked_elsewhere, _ = walked
    # Both the script's navigation and the redirect the target's server answers with are stopped
    # in the browser, before they leave: the other origin is never asked for anything.
    assert asked_elsewhere == []
