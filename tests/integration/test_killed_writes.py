"""A run killed while it writes baselines, a report or a search index leaves nothing that Git
lists, and the next run removes what it left; a writer's repository need not ignore anything."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from integration.conftest import FixtureProject
from integration.killed_writer import kill_a_run_while_it_writes

from helpcentre import atomic


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Writer", "-c", "user.email=writer@example.com", *args]
    return subprocess.run(command, cwd=root, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def committed(tmp_path: Path) -> Path:
    """A writer's checkout with one article's baselines committed, and no .gitignore at all."""
    root = tmp_path / "checkout"
    article = root / "screenshots" / "billing" / "view-print-or-pay-invoices"
    article.mkdir(parents=True)
    (article / "01.png").write_bytes(b"the committed shot")
    (article / "01.aria.yml").write_text('- button "Pay"\n')
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "baselines")
    return root


def test_a_run_killed_while_it_writes_leaves_git_status_empty(committed: Path):
    billing = committed / "screenshots" / "billing"
    kill_a_run_while_it_writes(billing / "pre-pay-future-invoices", billing / "view-print-or-pay-invoices")
    assert [path.name for path in billing.iterdir() if path.name.startswith(".")], "the killed run left folders"
    assert git(committed, "status", "--porcelain", "--untracked-files=all") == ""
    assert (billing / "view-print-or-pay-invoices" / "01.png").read_bytes() == b"the committed shot"


def test_the_next_run_removes_what_a_killed_run_left_and_only_that(committed: Path):
    screenshots = committed / "screenshots"
    billing = screenshots / "billing"
    dead = kill_a_run_while_it_writes(billing / "pre-pay-future-invoices", billing / "view-print-or-pay-invoices")
    # What an earlier version left beside the article itself, and a write this process is doing now.
    earlier = billing / f".view-print-or-pay-invoices.{dead}.x1y2.old"
    earlier.mkdir()
    writing = atomic.staging_directory(billing / "change-requests")
    (writing / "01.png").write_bytes(b"being written")

    removed = atomic.remove_leftovers(screenshots)

    assert earlier in removed and len(removed) == 2, "the killed run's staging area goes, and the earlier leftover"
    assert (writing / "01.png").read_bytes() == b"being written", "a run still going on keeps its own"
    assert (billing / "view-print-or-pay-invoices" / "01.png").read_bytes() == b"the committed shot"
    atomic.replace_directory(billing / "change-requests", writing)
    assert sorted(path.name for path in billing.iterdir()) == ["change-requests", "view-print-or-pay-invoices"]


def test_a_build_removes_what_a_killed_build_left_in_the_site(fixture_project: FixtureProject):
    """MkDocs keeps hidden folders when it cleans the site, so a publish would carry them."""
    site = fixture_project.build().site
    kill_a_run_while_it_writes(site / "hc-search-next", site / "hc-search")
    assert [path for path in site.iterdir() if path.name.startswith(".")], "the killed build left folders"
    result = fixture_project.build()
    assert result.returncode == 0, result.output
    assert [path.name for path in site.iterdir() if path.name.startswith(".")] == []
