"""The help centre of a stock Django admin (tests/fixtures/django_admin), checked and walked for real.

Its articles are written as the admin's users would write them, not to our rules; the app is
Django's own admin, started by the `django_admin` fixture. Capture runs once and verify twice on a
copy of the help centre, each against the same server, with the target's reset putting the seeded
data back before every walk: a walk that deletes a group must find it again the next time.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from realapps.django_admin_app import HELP_CENTRE, RunningAdmin, serve
from realapps.help_centres import HelpCentreCopy, articles_of, capture_lines, copy_help_centre, lint_codes, verify_twice

ARTICLES = articles_of(HELP_CENTRE)
# One article of each kind the admin has: a form with selects, a list searched, a confirmation (the
# one the rename and explain walk). The benchmark (scripts/bench/real_app_drift.py) walks all four.
WALKED = ["groups/delete-a-group", "users/add-a-user-to-a-group", "users/find-a-user-by-email"]

# Articles the engine cannot walk yet, with the gap that stops each: the test says when it closes.
ENGINE_GAPS: dict[str, str] = {}


def _articles() -> list:
    return [
        pytest.param(article, marks=pytest.mark.xfail(strict=True, reason=ENGINE_GAPS[article]))
        if article in ENGINE_GAPS
        else article
        for article in WALKED
    ]


def test_lint_passes_with_only_the_missing_screenshots_to_say(tmp_path: Path) -> None:
    help_centre = copy_help_centre(HELP_CENTRE, tmp_path / "help-centre")

    result, codes = lint_codes(help_centre)

    assert result.returncode == 0, result.stdout + result.stderr
    assert codes == ["HC161"] * len(ARTICLES), result.stdout
    assert result.stderr.strip().endswith(f"0 error(s), {len(ARTICLES)} warning(s)"), result.stderr


@pytest.fixture(scope="module")
def help_centre(django_admin: RunningAdmin, tmp_path_factory: pytest.TempPathFactory) -> HelpCentreCopy:
    return copy_help_centre(
        HELP_CENTRE, tmp_path_factory.mktemp("django-admin-help") / "help-centre", django_admin.environment()
    )


@pytest.fixture(scope="module")
def captured(help_centre: HelpCentreCopy) -> dict[str, str]:
    return capture_lines(help_centre, *WALKED)


@pytest.fixture(scope="module")
def verified_twice(help_centre: HelpCentreCopy, captured: dict[str, str]) -> list[dict[str, list[str]]]:
    return verify_twice(help_centre, *WALKED)


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


@pytest.mark.browser
def test_explain_walks_a_delete_and_leaves_the_admin_as_it_found_it(
    django_admin: RunningAdmin, help_centre: HelpCentreCopy, verified_twice: list
) -> None:
    # After the module's walks (which leave the data as their last walk did), from the seeded data.
    django_admin.project.reset()
    before = django_admin.project.manage("dumpdata", "auth.group", "auth.user", "--indent", "1")

    result = help_centre.run("explain", "groups/delete-a-group")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Yes, I’m sure" in result.stdout, result.stdout
    assert django_admin.project.manage("dumpdata", "auth.group", "auth.user", "--indent", "1") == before
    assert '"name": "Interns"' in before


# Last, since fix edits the module's copy of the help centre: a label the admin renamed. A second
# server on the same project calls groups workgroups (DJANGO_ADMIN_GROUPS_NAME, read by the
# fixture app's labels.py), so the home page's "Groups" row becomes "Workgroups" and sorts after
# "Users": the rename is found by what the table holds, not by the row's position.
RENAMED_ARTICLE = "groups/delete-a-group"
RENAME_ENV = "DJANGO_ADMIN_GROUPS_NAME"
EDIT = "docs/groups/delete-a-group.md:16: 1. On the admin home page, click **Workgroups**."


@dataclass
class Runs:
    root: Path
    fix: subprocess.CompletedProcess
    verify_after: subprocess.CompletedProcess

    def results(self, report: str) -> dict:
        return json.loads((self.root / report / "results.json").read_text())


@pytest.fixture(scope="module")
def runs(django_admin: RunningAdmin, help_centre: HelpCentreCopy, captured: dict, verified_twice: list) -> Runs:
    """Fix (which verifies first, with no report yet) and verify again against the renamed admin,
    from the module's capture."""
    assert captured.get(RENAMED_ARTICLE, "").startswith("ok"), captured
    with serve(django_admin.project, {RENAME_ENV: "Workgroup"}) as renamed:
        renamed_copy = HelpCentreCopy(help_centre.root, renamed.environment())
        fixed = renamed_copy.run("fix", RENAMED_ARTICLE, "--report", "before")
        after = renamed_copy.run("verify", RENAMED_ARTICLE, "--report", "after")
    return Runs(help_centre.root, fixed, after)


@pytest.mark.browser
def test_verify_finds_the_one_candidate_and_offers_the_articles_edit(runs: Runs) -> None:
    results = runs.results("before")
    assert results["summary"]["flow"] == 1, runs.fix.stdout + runs.fix.stderr
    step = results["articles"][0]["steps"][0]
    assert step["status"] == "flow"
    assert step["repair"] == [{"from": "Groups", "to": "Workgroups", "role": "link", "edit": [EDIT]}]
    assert step["message"].startswith("no control named 'Groups' (button/link/")
    assert step["message"].endswith(
        "table 'Authentication and Authorization' has link 'Workgroups' in its place:"
        f" fix can rename **Groups** → **Workgroups** (the article's edit: {EDIT})"
    )
    assert "settle it with" not in step["message"], "one answer: the rename, not the walk's closest name"
    report = (runs.root / "before" / "index.html").read_text()
    # The labels in bold, as the article shows them, not between asterisks.
    assert "helpcentre fix can repair this step: <strong>Groups</strong> → <strong>Workgroups</strong>" in report
    assert f"<li><code>{EDIT}</code></li>" in report


@pytest.mark.browser
def test_fix_makes_the_offered_rename_and_verify_is_then_clean(runs: Runs) -> None:
    assert runs.fix.returncode == 0, runs.fix.stdout + runs.fix.stderr
    assert (
        f"fixed           {RENAMED_ARTICLE}: step 1: **Groups** → **Workgroups**; walked again and accepted"
        in runs.fix.stdout
    )
    article = (runs.root / "docs" / f"{RENAMED_ARTICLE}.md").read_text()
    assert "1. On the admin home page, click **Workgroups**." in article
    assert "**Groups**" not in article
    assert runs.verify_after.returncode == 0, runs.verify_after.stdout + runs.verify_after.stderr
    assert "4 steps in 1 article: 4 ok, 0 drifted" in runs.verify_after.stdout
