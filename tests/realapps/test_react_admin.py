"""The help centre of a stock react-admin app (tests/fixtures/react_admin), checked and walked for real.

A single-page app with client-side (hash) routing on Material UI: its menus, lists, button-like
selects, radio buttons, autocompletes, confirmation dialogs and snackbars are react-admin's and
Material UI's own.
Its articles are written as the helpdesk's writers would write them, not to our rules. Capture runs
once and verify twice on a copy of the help centre, against the one server the `react_admin`
fixture starts, with the target's reset (`POST /__reset`) putting the seed back before every walk.

The suite walks one article of each kind the app has: a form with selects and an autocomplete, a
list searched as you type, and a confirmation. The two others repeat what those walk (a row
opened by its name, a second autocomplete) and are linted here; scripts/bench/real_app_drift.py
walks every article, ten verifies in a row. The same capture walks one more article, kept beside
this file: each way writers write a select, on the form's select, radio buttons and autocomplete.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from realapps.help_centres import HelpCentreCopy, articles_of, capture_lines, copy_help_centre, lint_codes, verify_twice
from realapps.react_admin_app import (
    APP,
    BUILD_INPUTS,
    HELP_CENTRE,
    HelpdeskAppError,
    RunningHelpdesk,
    build_inputs_hash,
    check_built,
)

ARTICLES = articles_of(HELP_CENTRE)
# Issue 24: "Choose **High** as the **Priority**", "In the **Assignee** list, choose **Marcus Lee**", …
CHOSEN = "tickets/choose-in-every-way"
CHOSEN_ARTICLE = Path(__file__).with_name("choose_in_every_way.md")
WALKED = ["tickets/delete-a-ticket", "tickets/find-a-ticket", "tickets/log-a-new-ticket"]

# Articles the engine cannot walk yet, each with the message capture stops it with, and a comment
# on what the page does there: the test says when a gap closes. Every article walks today.
ENGINE_GAPS: dict[str, str] = {}


def _articles() -> list:
    return [
        pytest.param(article, marks=pytest.mark.xfail(strict=True, reason=ENGINE_GAPS[article]))
        if article in ENGINE_GAPS
        else article
        for article in WALKED
    ]


def test_an_app_not_built_from_its_sources_stops_the_tests_in_one_line(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    for name in BUILD_INPUTS:
        (shutil.copytree if (APP / name).is_dir() else shutil.copy)(APP / name, app / name)
    with pytest.raises(HelpdeskAppError) as not_built:
        check_built(app)
    (app / "dist").mkdir()
    (app / "dist" / ".helpcentre-built").write_text(build_inputs_hash(app) + "\n")
    check_built(app)
    (app / "src" / "App.jsx").write_text((app / "src" / "App.jsx").read_text() + "// changed\n")
    with pytest.raises(HelpdeskAppError) as stale:
        check_built(app)

    how = "./scripts/test installs and builds it (npm ci and vite build)"
    assert str(not_built.value) == f"the react-admin helpdesk is not built ({app / 'dist'} has no build); {how}"
    assert str(stale.value) == f"the react-admin helpdesk's build is older than its sources or lock; {how}"


def test_lint_passes_with_only_the_missing_screenshots_to_say(tmp_path: Path) -> None:
    help_centre = copy_help_centre(HELP_CENTRE, tmp_path / "help-centre")

    result, codes = lint_codes(help_centre)

    assert result.returncode == 0, result.stdout + result.stderr
    assert codes == ["HC161"] * len(ARTICLES), result.stdout
    assert result.stderr.strip().endswith(f"0 error(s), {len(ARTICLES)} warning(s)"), result.stderr


@pytest.fixture(scope="module")
def help_centre(react_admin: RunningHelpdesk, tmp_path_factory: pytest.TempPathFactory) -> HelpCentreCopy:
    copied = copy_help_centre(
        HELP_CENTRE, tmp_path_factory.mktemp("react-admin-help") / "help-centre", react_admin.environment()
    )
    shutil.copyfile(CHOSEN_ARTICLE, copied.root / "docs" / f"{CHOSEN}.md")
    return copied


@pytest.fixture(scope="module")
def captured(help_centre: HelpCentreCopy) -> dict[str, str]:
    return capture_lines(help_centre, *WALKED, CHOSEN)


@pytest.fixture(scope="module")
def verified_twice(help_centre: HelpCentreCopy, captured: dict[str, str]) -> list[dict[str, list[str]]]:
    return verify_twice(help_centre, *WALKED)


@pytest.mark.browser
@pytest.mark.parametrize("article", _articles())
def test_capture_walks_the_article_on_the_real_app(captured: dict[str, str], article: str) -> None:
    line = captured.get(article, "not walked")
    assert line.split()[0] == "ok", line


@pytest.mark.browser
def test_each_way_of_writing_a_select_picks_the_option_with_no_override(
    help_centre: HelpCentreCopy, captured: dict[str, str]
) -> None:
    line = captured.get(CHOSEN, "not walked")
    assert line.split()[0] == "ok", line
    folder = help_centre.root / "screenshots" / CHOSEN
    # What each step's picture shows of the field it chose in, after the choice.
    # Each phrasing once on these two kinds of field (the sandbox's select takes all five, in
    # tests/capture/test_prose_walkthroughs.py): three on the radio buttons, two on the autocomplete.
    shown = {number: (folder / f"{number:02d}.aria.yml").read_text() for number in range(4, 10)}
    assert shown[4].startswith('- combobox "Kind') and shown[4].splitlines()[0].endswith(": Network"), shown[4]
    for number, priority in zip(range(5, 8), ["High", "Low", "Urgent"], strict=True):
        # Radio buttons in a fieldset whose legend names them.
        assert shown[number].startswith('- group "Priority"'), shown[number]
        assert f'radio "{priority}" [checked]' in shown[number], shown[number]
    for number, person in zip(range(8, 10), ["Priya Shah", "Marcus Lee"], strict=True):
        # An autocomplete that asks the server for the names that match what is typed.
        assert shown[number].startswith(f'- combobox "Assignee": {person}'), shown[number]
    linted = help_centre.run("lint", f"docs/{CHOSEN}.md")
    assert (linted.returncode, linted.stdout, linted.stderr.strip()) == (0, "", "No problems found.")


@pytest.mark.browser
@pytest.mark.parametrize("article", _articles())
def test_verify_twice_finds_what_capture_saw(verified_twice: list[dict[str, list[str]]], article: str) -> None:
    for run, by_article in enumerate(verified_twice, start=1):
        steps = by_article.get(article, [])
        assert steps and all(step.split()[1] == "ok" for step in steps), f"verify run {run}: {steps}"


RESET = "POST /__reset 200"


@pytest.mark.browser
def test_explain_leaves_the_product_as_it_found_it(react_admin: RunningHelpdesk, help_centre: HelpCentreCopy) -> None:
    """Explain walks an article that deletes a ticket, and the target's reset is the last thing it does."""
    react_admin.api("__reset", method="POST")  # the walks before this one leave their changes behind
    before = {resource: react_admin.api(f"api/{resource}") for resource in ("tickets", "technicians")}
    logged = len(react_admin.log().splitlines())

    result = help_centre.run("explain", "tickets/delete-a-ticket")

    requests = react_admin.log().splitlines()[logged:]
    assert "Step 1. Click **Tickets** in the menu on the left." in result.stdout, result.stdout + result.stderr
    assert requests.count(RESET) >= 2 and requests[-1] == RESET, requests
    assert {resource: react_admin.api(f"api/{resource}") for resource in before} == before
