"""Walkthroughs read from the steps' own words, against the real sandbox in a real Chromium.

One capture run walks every article below (in parallel); each test reads what it needs from it.
"""

from __future__ import annotations

import json
import subprocess
import textwrap

import pytest
from capture.conftest import ProjectCopy, copy_project
from PIL import Image

PROSE_ONLY = "billing/prose-only-contact"
UNKNOWN_LABEL = "billing/prose-unknown-label"
AMBIGUOUS_LABEL = "billing/prose-ambiguous-label"
REFUSED_SAVE = "billing/prose-refused-save"
ALREADY_HELD = "billing/prose-already-held"
TYPO_TAB = "billing/prose-typo-tab"
SELECT_PHRASINGS = "billing/prose-select-phrasings"

OPEN_BILLING = "1. Go to the **Setup** menu\n2. Select **Therasoft Billing**\n"
ARTICLES = {
    PROSE_ONLY: (
        "",
        OPEN_BILLING + "3. In the **Billing Contact** panel, click **Edit Contact**\n4. Click **Cancel**\n",
    ),
    UNKNOWN_LABEL: ("", OPEN_BILLING + "3. Click the **Payment Details** button\n"),
    AMBIGUOUS_LABEL: ("", OPEN_BILLING + "3. Click **View** to open an invoice\n"),
    # The save the product refuses: a routing number that YAML once turned into 2359309.
    REFUSED_SAVE: (
        """\
        steps:
          5:
            fields:
              Account holder: Jordan Avery
              Routing number: "2359309"
              Account number: "000123456789"
              Account type: Checking
        """,
        OPEN_BILLING
        + "3. Click the **Card Details** button\n"
        + "4. Select the **Bank account** tab\n"
        + "5. Enter the **Account holder**, **Routing number** and **Account number**,"
        + " choose the **Account type**, and click **Save**\n",
    ),
    # The demo card is already Active: checking Active after saving another card proves nothing.
    ALREADY_HELD: (
        """\
        steps:
          4:
            fields:
              Name on card: Jordan Avery
              Card number: 5555 5555 5555 4444
              Expiry (MM/YY): "08/29"
              CVC: "123"
        """,
        OPEN_BILLING
        + "3. Click the **Card Details** button\n"
        + "4. Enter the card details\n"
        + "5. Click **Save**, then verify the status is **Active**\n",
    ),
    # Issue 24: a one-letter typo in a tab's name, on the client's Registration page.
    TYPO_TAB: (
        """\
        start: /clients
        steps:
          1:
            target: {role: link, name: Morgan Lee}
        """,
        "1. Go to the client's **Registration** page\n2. Select the **ADRESS** tab\n",
    ),
    # Issue 24: the change request's Type, a native <select>, chosen in each way writers write one.
    SELECT_PHRASINGS: (
        "",
        OPEN_BILLING
        + "3. Click **Add Change Request**\n"
        + "4. Choose **Change plan** as the **Type**\n"
        + "5. In the **Type** list, choose **Remove a user**\n"
        + "6. Select **Cancel account** from the **Type** menu\n"
        + "7. Set the **Type** to **Other**\n"
        + "8. Change the **Type** to Add a user\n"
        + '9. Describe the change in **Description**, for example "A login for our new biller"\n'
        + "10. Click **Submit**, then verify the page shows **A login for our new biller**\n",
    ),
}


def article_text(ref: str, article_id: int, walkthrough: str, steps: str) -> str:
    return (
        f"---\nid: {article_id}\ntitle: {ref.split('/')[1].replace('-', ' ').capitalize()}\n"
        "summary: A walkthrough written in its own words.\ncategory: billing\nwalkthrough:\n  target: billing\n"
        + textwrap.indent(textwrap.dedent(walkthrough), "  ")
        + "---\n\n"
        + steps
    )


@pytest.fixture(scope="module")
def prose_project(project_root, tmp_path_factory) -> ProjectCopy:
    project = copy_project(project_root, tmp_path_factory.mktemp("prose") / "project")
    for number, (ref, (walkthrough, steps)) in enumerate(ARTICLES.items(), start=900):
        (project.root / "docs" / f"{ref}.md").write_text(article_text(ref, number, walkthrough, steps))
    return project


@pytest.fixture(scope="module")
def captured(prose_project) -> subprocess.CompletedProcess:
    result = prose_project.run("capture", *ARTICLES, "--workers", "2", "--report", str(prose_project.root / "r"))
    assert result.returncode == 1, result.stderr
    return result


def test_a_prose_only_article_captures_and_verifies_clean(prose_project, captured):
    assert f"ok      {PROSE_ONLY}: 4 steps" in captured.stderr
    verified = prose_project.run("verify", PROSE_ONLY, "--report", str(prose_project.root / "v"))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "4 steps in 1 article: 4 ok, 0 drifted" in verified.stdout


def test_a_label_that_differs_only_in_case_still_finds_its_control_and_verify_reports_the_text(prose_project, captured):
    article = prose_project.root / "docs" / f"{PROSE_ONLY}.md"
    original = article.read_text()
    article.write_text(original.replace("Click **Cancel**", "Click **CANCEL**"))
    try:
        verified = prose_project.run("verify", PROSE_ONLY, "--report", str(prose_project.root / "v-case"))
    finally:
        article.write_text(original)
    assert verified.returncode == 1
    results = json.loads((prose_project.root / "v-case" / "results.json").read_text())
    step = results["articles"][0]["steps"][3]
    edit = f"docs/{PROSE_ONLY}.md:{original.splitlines().index('4. Click **Cancel**') + 1}: 4. Click **Cancel**"
    assert (step["status"], step["message"]) == (
        "text",
        "not on the page as a name or visible text: 'CANCEL'; fix can rewrite **CANCEL** → **Cancel**"
        f" (the article's edit: {edit})",
    )
    assert step["repair"] == [{"from": "CANCEL", "to": "Cancel", "role": "text", "edit": [edit]}]


def test_framing_picks_the_menu_with_its_button_and_the_dialog(prose_project, captured):
    folder = prose_project.screenshots / PROSE_ONLY
    menu = (folder / "02.aria.yml").read_text()
    assert 'button "Setup"' in menu and 'menu "Setup"' in menu and 'menuitem "Therasoft Billing"' in menu
    assert "Payment Method" not in menu, "the menu and its button, not the page"
    assert (folder / "03.aria.yml").read_text().startswith('- region "Billing Contact"')
    assert (folder / "04.aria.yml").read_text().startswith('- dialog "Billing Contact"')
    for number in range(1, 5):
        width, height = Image.open(folder / f"{number:02d}.png").size
        assert width < 1280 and height < 800, f"step {number} is framed, not the whole viewport"
    explained = prose_project.run("explain", PROSE_ONLY)
    assert explained.returncode == 0, explained.stderr
    assert "  click       button 'Setup'  [click: Go to [the] **Label** menu]" in explained.stdout
    assert "  picture     before its last click: menu 'Setup' with its button," in explained.stdout
    assert "  click       button 'Cancel'  [click: Click [the] **Label**]" in explained.stdout
    assert "  picture     before its last click: dialog 'Billing Contact'," in explained.stdout


def test_an_unknown_label_fails_naming_the_step_and_the_candidates(captured):
    assert (
        f"FAILED  {UNKNOWN_LABEL}: step 3 (Click the **Payment Details** button): no control named"
        " 'Payment Details' (button); controls here: button 'Card Details'," in captured.stderr
    )
    assert (
        "; spell the label as the page does, or settle it with walkthrough.steps.3:"
        " {target: {role: button, name: Card Details}}" in captured.stderr
    )


def test_an_ambiguous_label_fails_with_the_override_that_settles_it(captured):
    assert (
        f"FAILED  {AMBIGUOUS_LABEL}: step 3 (Click **View** to open an invoice): 'View' names 12 controls:"
        " link 'View November 2026', link 'View October 2026'," in captured.stderr
    )
    assert "settle it with walkthrough.steps.3: {target: {role: link, name: View November 2026}}" in captured.stderr


def test_a_refused_save_fails_at_its_step_and_writes_nothing(prose_project, captured):
    line = next(line for line in captured.stderr.splitlines() if REFUSED_SAVE in line and "FAILED" in line)
    assert f"{REFUSED_SAVE}: step 5 (" in line
    assert "the product refused it (button 'Save'): the page answered HTTP 422" in line
    assert "the product showed an alert: 'Nothing was saved. Fix the 1 field marked below.'" in line
    assert "it marked 'Routing number' (Routing number: use exactly 9 digits)" in line
    assert "buttons here" not in line, "the control was found; the product refused what was typed"
    assert not (prose_project.screenshots / REFUSED_SAVE).exists()
    assert (prose_project.root / "r" / REFUSED_SAVE / "05.failed.png").is_file()


def test_a_check_that_already_held_is_flagged_by_capture_and_lint(prose_project, captured):
    assert (
        f"warning {ALREADY_HELD}: step 5: its check already held before its action, so it proves nothing;"
        " check something the action changes" in captured.stderr
    )
    manifest = json.loads((prose_project.screenshots / "manifest.json").read_text())
    assert manifest["articles"][ALREADY_HELD]["steps"][4]["warnings"]
    assert "warnings" not in manifest["articles"][PROSE_ONLY]["steps"][2]
    linted = prose_project.run("lint", f"docs/{ALREADY_HELD}.md")
    assert f"docs/{ALREADY_HELD}.md:21:1: HC115 walkthrough.steps.5: step 5: its check already held" in linted.stdout


def test_each_way_of_writing_a_select_chooses_the_option_with_no_override(prose_project, captured):
    assert f"ok      {SELECT_PHRASINGS}: 10 steps" in captured.stderr
    folder = prose_project.screenshots / SELECT_PHRASINGS
    chosen = {4: "Change plan", 5: "Remove a user", 6: "Cancel account", 7: "Other", 8: "Add a user"}
    for number, option in chosen.items():
        shown = (folder / f"{number:02d}.aria.yml").read_text()
        # The picture is of the form after the choice: the select reads the option.
        assert shown.startswith('- dialog "Add Change Request"') and f'option "{option}" [selected]' in shown, shown
    steps = json.loads((prose_project.screenshots / "manifest.json").read_text())["articles"][SELECT_PHRASINGS]["steps"]
    assert [steps[number - 1]["controls"] for number in chosen] == [["combobox 'Type'"]] * 5
    linted = prose_project.run("lint", f"docs/{SELECT_PHRASINGS}.md")
    assert (linted.returncode, linted.stdout, linted.stderr.strip()) == (0, "", "No problems found.")


def test_inspect_lists_what_the_page_calls_things(prose_project, captured):
    result = prose_project.run("inspect", "/billing")
    assert result.returncode == 0, result.stderr
    assert "region 'Payment Method'" in result.stdout and "In the **Payment Method** panel, …" in result.stdout
    assert "button 'Card Details'" in result.stdout and "Click the **Card Details** button" in result.stdout
    after = prose_project.run("inspect", PROSE_ONLY, "--step", "3")
    assert after.returncode == 0, after.stderr
    assert "textbox 'Phone'" in after.stdout and 'Enter the **Phone**    [fields: {Phone: "…"}]' in after.stdout
    # A path the product does not have says so, instead of an empty list.
    missing = prose_project.run("inspect", "/admin/billing")
    assert missing.returncode == 2
    assert "/admin/billing answered HTTP 404; a PATH is read under the target's address" in missing.stderr


def test_capture_refuses_a_bold_label_the_page_spells_otherwise(prose_project):
    import os
    import sys

    email = "clients/email-payment-receipts-to-multiple-emails"
    before = prose_project.snapshot()
    result = subprocess.run(
        [sys.executable, "-m", "helpcentre", "capture", email, "--report", str(prose_project.root / "r")],
        cwd=prose_project.root,
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, SANDBOX_DRIFT="change-label"),
    )
    assert result.returncode == 1
    assert (
        f"FAILED  {email}: step 1 (Go to the client's **Registration** page): the step names **Registration**,"
        " which is not on the page; did you mean **REGISTRATION**?" in result.stderr
    )
    assert prose_project.snapshot() == before


TYPO_SAID = "no control named 'ADRESS' (tab); did you mean **ADDRESS**? write **ADDRESS** in step 2"


def test_a_typo_is_answered_with_the_pages_spelling_first_in_capture_explain_and_verify(prose_project, captured):
    failed = [line for line in captured.stderr.splitlines() if f"FAILED  {TYPO_TAB}" in line]
    assert failed == [f"  FAILED  {TYPO_TAB}: step 2 (Select the **ADRESS** tab): {TYPO_SAID}"]

    explained = prose_project.run("explain", TYPO_TAB)
    assert explained.returncode == 1
    assert f"  FAILED      {TYPO_SAID}\n" in explained.stdout
    assert "settle it with" not in explained.stdout

    report = prose_project.root / "v-typo"
    verified = prose_project.run("verify", TYPO_TAB, "--report", str(report))
    assert verified.returncode == 1, verified.stdout + verified.stderr
    step = json.loads((report / "results.json").read_text())["articles"][0]["steps"][1]
    line = f"docs/{TYPO_TAB}.md:{_line_of(prose_project, TYPO_TAB, '2. Select')}"
    edit = f"{line}: 2. Select the **ADDRESS** tab"
    assert (step["status"], step["message"]) == (
        "flow",
        f"{TYPO_SAID}; fix can rewrite **ADRESS** → **ADDRESS** (the article's edit: {edit})",
    )
    assert step["repair"] == [{"from": "ADRESS", "to": "ADDRESS", "role": "tab", "edit": [edit]}]


def _line_of(project: ProjectCopy, ref: str, start: str) -> int:
    lines = (project.root / "docs" / f"{ref}.md").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))
