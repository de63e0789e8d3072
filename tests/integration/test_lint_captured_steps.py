"""Lint against what the last capture recorded: a respelt label looked up in the recorded page
(HC162), and an override left at a step whose words are now another's (HC163). No browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from integration.conftest import FixtureProject
from integration.lint_cases import captured
from integration.requests_article import LINT_YML, RECORDED, REQUESTS

from helpcentre.cli import cli


def lint(root: Path, *paths: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["lint", "-f", str(root / "mkdocs.yml"), *paths], catch_exceptions=False)
    return result.exit_code, result.stdout.splitlines()


@pytest.fixture
def main_copy(project_root: Path, tmp_path: Path) -> Path:
    """The main help centre, with the baselines its articles were captured with."""
    shutil.copy(project_root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for folder in ("docs", "screenshots"):
        shutil.copytree(project_root / folder, tmp_path / folder)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_typo_in_a_captured_step_is_found_in_its_recorded_page(main_copy):
    article = main_copy / "docs/billing/change-requests.md"
    assert lint(main_copy, str(article)) == (0, [])
    edit(article, "1. Go to the **Setup** menu", "1. Go to the **Setpu** menu")
    assert lint(main_copy, str(article)) == (
        0,
        [
            "docs/billing/change-requests.md:21:14: HC162 walkthrough.steps.1: step 1 names **Setpu**, which the"
            " page of its last capture does not show; did you mean **Setup**?"
            " (see guide/docs/reference/lint-codes.md#hc162)"
        ],
    )


def test_a_label_near_no_name_on_the_page_is_reported_without_a_guess(main_copy):
    article = main_copy / "docs/billing/change-requests.md"
    edit(article, "and click **Submit**", "and click **Send it**")
    _, lines = lint(main_copy, str(article))
    assert lines == [
        "docs/billing/change-requests.md:25:75: HC162 walkthrough.steps.5: step 5 names **Send it**, which the page"
        " of its last capture does not show; check its spelling against the product"
        " (see guide/docs/reference/lint-codes.md#hc162)"
    ]


def test_a_step_that_now_says_something_else_is_left_to_the_next_capture(main_copy):
    """Its recorded page is another step's: its labels are not looked up there."""
    article = main_copy / "docs/billing/change-requests.md"
    edit(article, "1. Go to the **Setup** menu", "1. Open the **Setpu** menu from the top bar")
    assert lint(main_copy, str(article)) == (0, [])


@pytest.fixture
def fixture_project(tmp_path: Path) -> FixtureProject:
    project = FixtureProject(tmp_path)
    project.write("mkdocs.yml", LINT_YML)
    return project


def test_a_value_typed_into_a_field_is_not_a_label_of_the_page(fixture_project):
    how_to = REQUESTS.replace("4. Choose the **Type**", "4. Type **Acme** in the **Search** box and press Enter")
    how_to = how_to.replace("    4:\n      fields: {Type: Add a user}\n", "")
    recorded = [*RECORDED]
    recorded[3] = {"text": "Type **Zenith** in the **Search** box and press Enter"}
    fixture_project.write("docs/billing/requests.md", how_to)
    fixture_project.write("screenshots/manifest.json", captured(*recorded, ref="billing/requests"))
    fixture_project.write("screenshots/billing/requests/04.aria.yml", '- searchbox "Search": Acme\n')
    _, lines = lint(fixture_project.root)
    assert [line for line in lines if " HC162 " in line] == []
    fixture_project.write("docs/billing/requests.md", how_to.replace("**Search**", "**Serch**"))
    _, lines = lint(fixture_project.root)
    assert [line.split(" (see ")[0] for line in lines if " HC162 " in line] == [
        "docs/billing/requests.md:20:25: HC162 walkthrough.steps.4: step 4 names **Serch**, which the page of its"
        " last capture does not show; did you mean **Search**?"
    ]


def test_an_override_left_at_a_removed_steps_number_names_both_steps_words(fixture_project):
    fixture_project.write(
        "docs/billing/requests.md", REQUESTS.replace("5. Describe the change in **Description**\n6.", "5.")
    )
    fixture_project.write("screenshots/manifest.json", captured(*RECORDED, ref="billing/requests"))
    exit_code, lines = lint(fixture_project.root)
    assert [line.split(" (see ")[0] for line in lines if " HC163 " in line or " HC110 " in line] == [
        "docs/billing/requests.md:12:5: HC163 walkthrough.steps.5: step 5 now reads 'Click **Submit**';"
        " its override was written for 'Describe the change in **Description**'; if steps were inserted or"
        " removed, run: helpcentre renumber billing/requests",
        "docs/billing/requests.md:15:5: HC110 walkthrough.steps.6: there is no step 6: the article has 5 numbered steps",
    ]
    assert exit_code == 1
