"""The "Last updated" date comes from Git history, and still works in a shallow clone or outside Git."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from integration.conftest import MKDOCS_YML, FixtureProject, article_text


def git(root: Path, *args: str, when: str | None = None) -> str:
    environment = dict(os.environ, GIT_AUTHOR_NAME="Writer", GIT_AUTHOR_EMAIL="writer@example.com")
    environment.update(GIT_COMMITTER_NAME="Writer", GIT_COMMITTER_EMAIL="writer@example.com")
    if when:
        environment.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    completed = subprocess.run(["git", *args], cwd=root, env=environment, capture_output=True, text=True, check=True)
    return completed.stdout


def shown_date(result, page: str) -> str:
    match = re.search(r'<time datetime="([0-9-]+)">([^<]+)</time>', result.page(page))
    assert match, f"no Last updated date on {page}"
    return match.group(1)


def exported_dates(result) -> dict[int, str]:
    document = json.loads((result.site / "articles.json").read_text(encoding="utf-8"))
    return {article["id"]: article["updated"] for article in document["articles"]}


def history(tmp_path: Path) -> FixtureProject:
    """Two articles written in March; one edited again in September."""
    project = FixtureProject(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("docs/billing/pay.md", article_text(1, "Pay an invoice"))
    project.write("docs/billing/card.md", article_text(2, "Change your card"))
    git(project.root, "init", "-q", "-b", "main")
    git(project.root, "add", ".")
    git(project.root, "commit", "-q", "-m", "First articles", when="2026-03-02T10:00:00+00:00")
    project.write("docs/billing/card.md", article_text(2, "Change your card", body="Now with more detail.\n"))
    git(project.root, "commit", "-q", "-am", "More detail", when="2026-09-15T22:30:00-07:00")
    return project


def test_each_article_shows_its_last_commit_date(tmp_path):
    project = history(tmp_path)
    result = project.build()
    assert result.returncode == 0, result.output
    assert shown_date(result, "billing/pay/index.html") == "2026-03-02"
    # 22:30 in California is the next day in UTC: dates are UTC, the same wherever the site is built.
    assert shown_date(result, "billing/card/index.html") == "2026-09-16"
    assert exported_dates(result) == {1: "2026-03-02", 2: "2026-09-16"}
    assert "2 March 2026" in result.page("billing/pay/index.html")


def test_an_edit_not_yet_committed_is_dated_by_the_file(tmp_path):
    project = history(tmp_path)
    project.write("docs/billing/pay.md", article_text(1, "Pay an invoice", body="Edited today.\n"))
    os.utime(project.root / "docs/billing/pay.md", (1_790_000_000, 1_790_000_000))  # 2026-09-21 UTC
    result = project.build()
    assert result.returncode == 0, result.output
    assert shown_date(result, "billing/pay/index.html") == "2026-09-21"


def test_a_shallow_clone_still_dates_every_article(tmp_path):
    project = history(tmp_path)
    git(project.root, "commit", "-q", "--allow-empty", "-m", "Later", when="2026-10-01T09:00:00+00:00")
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{project.root}", str(clone)], check=True, capture_output=True
    )
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    result = FixtureProject(clone).build()
    assert result.returncode == 0, result.output
    # Only the newest commit is there: it stands for every file, a date no earlier than the real one.
    assert exported_dates(result) == {1: "2026-10-01", 2: "2026-10-01"}


def test_outside_git_the_files_give_the_dates(tmp_path):
    project = FixtureProject(tmp_path / "plain")
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("docs/billing/pay.md", article_text(1, "Pay an invoice"))
    os.utime(project.root / "docs/billing/pay.md", (1_780_000_000, 1_780_000_000))  # 2026-05-28 UTC
    result = project.build()
    assert result.returncode == 0, result.output
    assert shown_date(result, "billing/pay/index.html") == "2026-05-28"
