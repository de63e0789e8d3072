"""`helpcentre renumber`: overrides follow their steps' words after steps are inserted or removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from integration.conftest import FixtureProject
from integration.lint_cases import captured
from integration.requests_article import LINT_YML, RECORDED, REQUESTS

from helpcentre.cli import cli

ARTICLE = "docs/billing/requests.md"
INSERTED = REQUESTS.replace("3. Click", "3. Open the **Change Requests** panel\n4. Click").replace(
    "4. Choose", "5. Choose"
)
INSERTED = INSERTED.replace("5. Describe", "6. Describe").replace("6. Click **Submit**", "7. Click **Submit**")


@pytest.fixture
def project(tmp_path: Path) -> FixtureProject:
    project = FixtureProject(tmp_path)
    project.write("mkdocs.yml", LINT_YML)
    project.write(ARTICLE, REQUESTS)
    project.write("screenshots/manifest.json", captured(*RECORDED, ref="billing/requests"))
    return project


def renumber(project: FixtureProject, reference: str = "billing/requests") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["renumber", "-f", str(project.root / "mkdocs.yml"), reference])
    return result.exit_code, result.stdout, result.stderr


def article(project: FixtureProject) -> str:
    return (project.root / ARTICLE).read_text(encoding="utf-8")


def keys_moved(text: str, moves: dict[int, int]) -> str:
    """`text` with the override keys written anew, and nothing else changed."""
    for old, new in sorted(moves.items(), reverse=True):
        text = text.replace(f"\n    {old}:\n", f"\n    {new}:\n")
    return text


def test_an_inserted_step_moves_each_override_after_it_by_one(project):
    project.write(ARTICLE, INSERTED)
    assert renumber(project) == (
        0,
        "  walkthrough.steps.4 -> 5: written for 'Choose the **Type**'\n"
        "  walkthrough.steps.5 -> 6: written for 'Describe the change in **Description**'\n"
        "  walkthrough.steps.6 -> 7: written for 'Click **Submit**'\n"
        f"Wrote {ARTICLE}; its screenshots show the old steps: helpcentre capture billing/requests\n",
        "",
    )
    assert article(project) == keys_moved(INSERTED, {4: 5, 5: 6, 6: 7}), "the comments and layout are kept"
    again = renumber(project)
    assert again == (0, f"{ARTICLE}: every override stands at the step it was written for; nothing to move\n", "")


def test_a_removed_step_with_an_override_stops_renumber_until_the_override_goes_too(project):
    removed = REQUESTS.replace("5. Describe the change in **Description**\n6.", "5.")
    project.write(ARTICLE, removed)
    exit_code, stdout, stderr = renumber(project)
    assert (exit_code, stdout) == (2, "")
    assert stderr == (
        f"Error: {ARTICLE} was left as it was:\n"
        "  walkthrough.steps.5 was written for 'Describe the change in **Description**', which no step reads now;"
        " delete it, or move it to its step by hand\n"
    )
    assert article(project) == removed
    without = removed.replace(
        "    5:\n      fields:\n        Description: Please add a login.  # the shortest that passes\n", ""
    )
    project.write(ARTICLE, without)
    assert renumber(project)[:2] == (
        0,
        "  walkthrough.steps.6 -> 5: written for 'Click **Submit**'\n"
        f"Wrote {ARTICLE}; its screenshots show the old steps: helpcentre capture billing/requests\n",
    )
    assert article(project) == keys_moved(without, {6: 5})


def test_a_capture_that_recorded_no_overrides_takes_each_to_be_where_it_found_it(project):
    """Captures before overrides were recorded: renumber records where each stood, so a second run moves nothing."""
    unrecorded = [{"text": step["text"]} for step in RECORDED]
    project.write("screenshots/manifest.json", captured(*unrecorded, ref="billing/requests"))
    project.write(ARTICLE, INSERTED)
    assert renumber(project)[0] == 0
    assert article(project) == keys_moved(INSERTED, {4: 5, 5: 6, 6: 7})
    manifest = json.loads((project.root / "screenshots/manifest.json").read_text(encoding="utf-8"))
    steps = manifest["articles"]["billing/requests"]["steps"]
    assert [step.get("override") for step in steps] == [step.get("override") for step in RECORDED]
    assert renumber(project)[1] == f"{ARTICLE}: every override stands at the step it was written for; nothing to move\n"


def test_without_a_capture_nothing_tells_where_an_override_belongs(project):
    (project.root / "screenshots/manifest.json").unlink()
    project.write(ARTICLE, INSERTED)
    exit_code, _, stderr = renumber(project)
    assert exit_code == 2
    assert "no capture recorded the words of its steps (screenshots/manifest.json)" in stderr
    assert article(project) == INSERTED


def test_an_unknown_article_is_named(project):
    assert renumber(project, "billing/nothing") == (2, "", "Error: no article 'billing/nothing'\n")
