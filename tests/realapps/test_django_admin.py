"""The help centre of a stock Django admin (tests/fixtures/django_admin), checked and walked for real.

Its articles are written as the admin's users would write them, not to our rules; the app is
Django's own admin, started by the `django_admin` fixture. Capture runs once and verify twice on a
copy of the help centre, each against the same server, with the target's reset putting the seeded
data back before every walk: a walk that deletes a group must find it again the next time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from realapps.django_admin_app import HELP_CENTRE, RunningAdmin

ARTICLES = sorted(
    path.relative_to(HELP_CENTRE / "docs").with_suffix("").as_posix() for path in (HELP_CENTRE / "docs").rglob("*.md")
)

# Articles the engine cannot walk yet, with the gap that stops each: the test says when it closes.
ENGINE_GAPS = {
    "users/remove-several-users-at-once": (
        "an option of a native <select> named in bold in the words is clicked, never chosen: "
        "'Choose **Delete selected users** from the **Action** drop-down' times out clicking "
        "option 'Delete selected users' (the same step as 'Choose the **Action**' with its fields works)"
    ),
}


def _articles() -> list:
    return [
        pytest.param(article, marks=pytest.mark.xfail(strict=True, reason=ENGINE_GAPS[article]))
        if article in ENGINE_GAPS
        else article
        for article in ARTICLES
    ]


@dataclass
class HelpCentreCopy:
    root: Path
    environment: dict[str, str]

    def run(self, *arguments: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "helpcentre", *arguments]
        env = {**os.environ, **self.environment}
        return subprocess.run(command, cwd=self.root, env=env, capture_output=True, text=True, timeout=600)


def copy_help_centre(target: Path, environment: dict[str, str] | None = None) -> HelpCentreCopy:
    """The fixture help centre as committed: no screenshots, reports or site a hand-run left."""
    shutil.copytree(HELP_CENTRE, target, ignore=shutil.ignore_patterns("screenshots", "reports", "site", "__pycache__"))
    return HelpCentreCopy(target, environment or {})


def test_lint_passes_with_only_the_missing_screenshots_to_say(tmp_path: Path) -> None:
    help_centre = copy_help_centre(tmp_path / "help-centre")

    result = help_centre.run("lint")

    assert result.returncode == 0, result.stdout + result.stderr
    problems = result.stdout.splitlines()
    assert [line.split(": ")[1].split()[0] for line in problems] == ["HC161"] * len(ARTICLES), result.stdout
    assert result.stderr.strip().endswith(f"0 error(s), {len(ARTICLES)} warning(s)"), result.stderr


@pytest.fixture(scope="module")
def help_centre(django_admin: RunningAdmin, tmp_path_factory: pytest.TempPathFactory) -> HelpCentreCopy:
    return copy_help_centre(tmp_path_factory.mktemp("django-admin-help") / "help-centre", django_admin.environment())


@pytest.fixture(scope="module")
def captured(help_centre: HelpCentreCopy) -> dict[str, str]:
    """Each article's line in one capture of the whole help centre."""
    result = help_centre.run("capture", "--workers", "1")
    output = result.stdout + result.stderr
    lines = {}
    for line in output.splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] in ("ok", "FAILED"):
            lines[words[1].split(":")[0]] = line.strip()
    assert lines, f"capture named no article (exit {result.returncode}):\n{output}"
    return lines


@pytest.fixture(scope="module")
def verified_twice(help_centre: HelpCentreCopy, captured: dict[str, str]) -> list[dict[str, list[str]]]:
    """Each article's steps as `N status: message`, in two verify runs one after the other."""
    runs = []
    for run in (1, 2):
        steps = help_centre.root / f"verify-{run}.json"
        result = help_centre.run("verify", "--json", str(steps), "--report", str(help_centre.root / f"report-{run}"))
        assert steps.exists(), f"verify run {run} wrote no results (exit {result.returncode}):\n{result.stderr}"
        by_article: dict[str, list[str]] = {}
        for record in json.loads(steps.read_text()):
            by_article.setdefault(record["article"], []).append(
                f"{record['step']} {record['status']}: {record['message']}".rstrip(": ")
            )
        runs.append(by_article)
    return runs


@pytest.mark.browser
@pytest.mark.parametrize("article", _articles())
def test_capture_walks_the_article_on_the_real_app(captured: dict[str, str], article: str) -> None:
    line = captured.get(article, "not walked")
    assert line.split()[0] == "ok", line


@pytest.mark.browser
@pytest.mark.parametrize("article", _articles())
def test_verify_twice_finds_what_capture_saw(verified_twice: list[dict[str, list[str]]], article: str) -> None:
    for run, by_article in enumerate(verified_twice, start=1):
        steps = by_article.get(article, [])
        assert steps and all(step.split()[1] == "ok" for step in steps), f"verify run {run}: {steps}"
