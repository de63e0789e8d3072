"""`helpcentre fix` against real product changes: templates of the sandbox changed as a user sees them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from capture.conftest import ProjectCopy, copy_project

import billing_sandbox

TEMPLATES = Path(billing_sandbox.__file__).parent / "templates"

# Renames beyond the built-in drift switches, each as a user would see it in the product.
RENAMES = {
    "layout.html": [
        # A menu item, on every billing article's step 2.
        (
            "href=\"{{ url_for('billing.page') }}\">Therasoft Billing</a>",
            "href=\"{{ url_for('billing.page') }}\">Billing & Invoices</a>",
        )
    ],
    "billing/page.html": [
        # A button.
        ("'Add Change Request') }}", "'New Change Request') }}"),
        # A panel's title, named in "In the **Billing Contact** panel".
        (
            '<h2 id="billing-contact-heading">Billing Contact</h2>',
            '<h2 id="billing-contact-heading">Billing Contacts</h2>',
        ),
    ],
    # A tab.
    "clients/registration.html": [
        (
            "aria-selected=\"{{ 'true' if sub == key else 'false' }}\">{{ label }}</a>",
            "aria-selected=\"{{ 'true' if sub == key else 'false' }}\">{{ 'Own Address' if label == 'Self Address' else label }}</a>",
        ),
    ],
    # Only the case.
    "billing/_prepay_form.html": [("'Confirm Pre-payment'", "'Confirm pre-payment'")],
}


def changed_product(folder: Path, changes: dict[str, list[tuple[str, str]]] = RENAMES) -> Path:
    """Changed copies of the sandbox's templates in `folder`, for SANDBOX_TEMPLATES."""
    for name, replacements in changes.items():
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{name} no longer has {old!r}"
            text = text.replace(old, new)
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def helpcentre(project: ProjectCopy, *args: str, **environment: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "helpcentre", *args]
    env = dict(os.environ, **environment)
    return subprocess.run(command, cwd=project.root, capture_output=True, text=True, timeout=600, env=env)


def changed_lines(project: ProjectCopy) -> list[str]:
    diff = subprocess.run(["git", "diff", "-U0", "--", "docs"], cwd=project.root, capture_output=True, text=True)
    return [line for line in diff.stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.fixture(scope="module")
def project(project_root, tmp_path_factory) -> ProjectCopy:
    copy = copy_project(project_root, tmp_path_factory.mktemp("fix") / "project")
    copy.commit_all()
    return copy


@pytest.fixture(scope="module")
def fixed(project, tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    product = {"SANDBOX_TEMPLATES": str(changed_product(tmp_path_factory.mktemp("templates")))}
    # No verify report yet: fix verifies first.
    return helpcentre(project, "fix", "--workers", "2", **product), product


def test_every_rename_with_one_candidate_is_repaired_in_the_words(project, fixed):
    result, _ = fixed
    assert result.returncode == 0, result.stdout + result.stderr
    for line in [
        "fixed           billing/change-card-or-bank-info: step 2: **Therasoft Billing** → **Billing & Invoices**",
        "fixed           billing/change-requests: step 4: **Add Change Request** → **New Change Request**",
        "fixed           billing/edit-billing-contact-info: step 3: **Billing Contact** → **Billing Contacts**",
        "fixed           billing/pre-pay-future-invoices: step 5: **Confirm Pre-payment** → **Confirm pre-payment**",
        "fixed           clients/email-payment-receipts-to-multiple-emails: step 2: **Self Address** → **Own Address**",
    ]:
        assert line in result.stdout
    assert "Nothing was committed." in result.stdout
    changes = changed_lines(project)
    assert "+3. In the **Billing Contacts** panel, click **Edit Contact**" in changes
    assert "+2. Select the **ADDRESS** tab, and select the **Own Address** tab" in changes
    assert "+2. Select **Billing & Invoices**" in changes
    # Only bold labels change: a title or a link that says "Therasoft Billing" keeps it.
    assert all("**" in line for line in changes), changes
    patch = (project.root / "reports" / "verify" / "fix.patch").read_text()
    assert "+4. Click **New Change Request**" in patch


def test_after_fix_the_changed_product_verifies_clean_and_a_second_fix_changes_nothing(project, fixed):
    _, product = fixed
    verified = helpcentre(project, "verify", "--workers", "2", **product)
    assert verified.returncode == 0, verified.stdout
    before = changed_lines(project)
    again = helpcentre(project, "fix", **product)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Fixed 0 steps, accepted 0, 0 left for a writer." in again.stdout
    assert changed_lines(project) == before


def test_a_removed_field_is_left_to_a_writer(project_root, tmp_path):
    project = copy_project(project_root, tmp_path / "project")
    project.commit_all()
    result = helpcentre(project, "fix", "billing/edit-billing-contact-info", SANDBOX_DRIFT="remove-field")
    assert result.returncode == 1
    assert (
        "needs a writer  billing/edit-billing-contact-info: step 4: flow: dialog 'Billing Contact' has 2 textboxes"
        " where it had 3: a control was added or removed, not renamed" in result.stdout
    )
    assert project.git_status() == "", "no wrong patch: nothing changed"


def test_visual_drift_is_accepted_only_when_asked(project_root, tmp_path):
    project = copy_project(project_root, tmp_path / "project")
    project.commit_all()
    prepay = "billing/pre-pay-future-invoices"
    verified = helpcentre(project, "verify", prepay, SANDBOX_DRIFT="change-colour")
    assert verified.returncode == 1
    asked_not = helpcentre(project, "fix", prepay)
    assert asked_not.returncode == 1
    assert f"needs a writer  {prepay}: step 4: pixels drift: look at the picture in the report;" in asked_not.stdout
    assert project.git_status() == ""
    asked = helpcentre(project, "fix", prepay, "--accept-visual")
    assert asked.returncode == 0, asked.stdout + asked.stderr
    assert f"accepted        {prepay}: step 4: the new picture is the baseline now" in asked.stdout
    assert project.git_status().splitlines() == [
        f" M screenshots/{prepay}/04.png",
        f" M screenshots/{prepay}/04.published.png",
        " M screenshots/manifest.json",
    ]


# A page whose name stands alone in one step and inside a longer label in the next, as a CMS
# shows a page "Opening hours" in its list and "Editing Home page: Opening hours" on its editor.
OVERVIEW = "billing/see-the-billing-overview"
OVERVIEW_ARTICLE = """\
---
id: 190
title: See the billing overview
summary: Open the billing overview from the Setup menu.
category: billing
walkthrough:
  target: billing
---

1. Go to the **Setup** menu
2. Select **Therasoft Billing**
3. Verify the page heading reads **Therasoft Billing overview**
"""
OVERVIEW_HEADING = ("<h1>Therasoft Billing</h1>", "<h1>Therasoft Billing overview</h1>")
MENU_ITEM = RENAMES["layout.html"][0]


def test_a_name_inside_a_longer_bold_label_is_renamed_in_the_same_edit(project_root, tmp_path):
    project = copy_project(project_root, tmp_path / "project")
    (project.root / "docs" / f"{OVERVIEW}.md").write_text(OVERVIEW_ARTICLE, encoding="utf-8")
    before = {"billing/page.html": [OVERVIEW_HEADING]}
    captured = helpcentre(
        project, "capture", OVERVIEW, SANDBOX_TEMPLATES=str(changed_product(tmp_path / "before", before))
    )
    assert captured.returncode == 0, captured.stdout + captured.stderr
    project.commit_all()
    renamed = {
        "layout.html": [MENU_ITEM],
        "billing/page.html": [(OVERVIEW_HEADING[0], "<h1>Billing & Invoices overview</h1>")],
    }
    product = {"SANDBOX_TEMPLATES": str(changed_product(tmp_path / "after", renamed))}

    fixed = helpcentre(project, "fix", OVERVIEW, **product)

    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert f"fixed           {OVERVIEW}: step 2: **Therasoft Billing** → **Billing & Invoices**" in fixed.stdout
    assert changed_lines(project) == [
        "-2. Select **Therasoft Billing**",
        "-3. Verify the page heading reads **Therasoft Billing overview**",
        "+2. Select **Billing & Invoices**",
        "+3. Verify the page heading reads **Billing & Invoices overview**",
    ]
    # The run that found the drift is still the last verify report: its renames are made already,
    # and a second fix, accepting pictures, has nothing to do and says nothing of it.
    again = helpcentre(project, "fix", OVERVIEW, "--accept-visual", **product)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "step 0" not in again.stdout
    assert "Fixed 0 steps, accepted 0, 0 left for a writer." in again.stdout
    # Words a writer changed since that run are named at their step, not renamed blindly.
    article = project.root / "docs" / f"{OVERVIEW}.md"
    article.write_text(article.read_text().replace("**Billing & Invoices**", "**Billing**"))
    reworded = helpcentre(project, "fix", OVERVIEW, **product)
    assert reworded.returncode == 1
    assert (
        f"needs a writer  {OVERVIEW}: step 2: the article no longer names **Therasoft Billing**:"
        " its words changed since the verify run; verify it again" in reworded.stdout
    )
