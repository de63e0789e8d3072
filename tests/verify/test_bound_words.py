"""A check binds to the place it read its words at capture: a word that moved away is `text` drift.

The product is changed as a user would see it (the sandbox's templates, changed), and verify
and `fix --accept-visual` are run as a writer runs them.
"""

from __future__ import annotations

import json

import pytest
from capture.conftest import ProjectCopy, copy_project
from test_fix import changed_product, helpcentre

MANAGE = "billing/manage-saved-payment-method"
INVOICES = "billing/view-print-or-pay-invoices"

CHANGES = {
    # The status badge now says "Current"; the save notice still says "Status: Active.".
    "billing/page.html": [
        (
            "Status: {{ status_badge(method.status if method else 'Inactive') }}",
            "Status: {{ status_badge('Current' if method and method.status == 'Active'"
            " else (method.status if method else 'Inactive')) }}",
        )
    ],
    # The Print link is hidden from the invoice's header; the word is still in its summary.
    "billing/invoice.html": [
        (
            """<a class="button button-secondary" href="{{ url_for('billing.print_invoice', invoice_id=invoice.id) }}">Print</a>""",
            "",
        )
    ],
    "billing/_invoice_body.html": [("</dl>", "</dl>\n<p>Print a copy from your browser's menu.</p>")],
}


@pytest.fixture(scope="module")
def project(project_root, tmp_path_factory) -> ProjectCopy:
    copy = copy_project(project_root, tmp_path_factory.mktemp("bound") / "project")
    copy.commit_all()
    return copy


@pytest.fixture(scope="module")
def product(tmp_path_factory) -> dict[str, str]:
    return {"SANDBOX_TEMPLATES": str(changed_product(tmp_path_factory.mktemp("templates"), CHANGES))}


@pytest.fixture(scope="module")
def verified(project, product) -> tuple[int, dict]:
    result = helpcentre(project, "verify", MANAGE, INVOICES, "--workers", "2", **product)
    results = json.loads((project.root / "reports" / "verify" / "results.json").read_text())
    return result.returncode, {(a["ref"], s["step"]): s for a in results["articles"] for s in a["steps"]}


def test_a_status_word_found_only_in_a_passing_notice_is_text_drift(verified):
    code, steps = verified
    assert code == 1
    step = steps[(MANAGE, 5)]
    assert step["status"] == "text"
    assert (
        "**Active** is no longer shown in region 'Payment Method', where the baseline found it; the page shows it in"
        in step["message"]
    )


def test_a_hidden_alternative_is_caught_at_the_step_that_names_it(verified):
    _, steps = verified
    step = steps[(INVOICES, 4)]
    assert step["status"] == "text"
    assert (
        "**Print** is no longer shown in the part headed 'Invoice November 2026', where the baseline found it;"
        " the page shows it in region 'Summary'" in step["message"]
    )


def test_accept_visual_never_accepts_a_changed_word(project, product, verified):
    before = project.snapshot()
    result = helpcentre(project, "fix", MANAGE, INVOICES, "--accept-visual", **product)
    assert result.returncode == 1
    assert f"needs a writer  {MANAGE}: step 5: text: **Active** is no longer shown" in result.stdout
    assert f"needs a writer  {INVOICES}: step 4: text: **Print** is no longer shown" in result.stdout
    assert project.snapshot() == before, "no baseline changed"
    assert project.git_status() == ""
