"""`helpcentre verify` against the real sandbox: no false drift, and every kind of drift caught where it is."""

from __future__ import annotations

import json
import os

import pytest

from capture.conftest import GUIDE, ProjectCopy, copy_project


def run_verify(project: ProjectCopy, *args: str, drift: str = "") -> tuple[int, dict, str]:
    import subprocess
    import sys

    environment = dict(os.environ, SANDBOX_DRIFT=drift)
    command = [sys.executable, "-m", "helpcentre", "verify", *args, "--report", str(project.root / "report")]
    completed = subprocess.run(command, cwd=project.root, capture_output=True, text=True, timeout=600, env=environment)
    results_file = project.root / "report" / "results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    return completed.returncode, results, completed.stdout + completed.stderr


def drifted(results: dict) -> set[tuple[str, int, str]]:
    return {
        (article["ref"], step["step"], step["status"])
        for article in results["articles"]
        for step in article["steps"]
        if step["status"] != "ok"
    }


@pytest.fixture(scope="module")
def project(project_root, tmp_path_factory) -> ProjectCopy:
    return copy_project(project_root, tmp_path_factory.mktemp("verify") / "project")


def baselines(project: ProjectCopy) -> dict[str, bytes]:
    return {name: data for name, data in project.snapshot().items() if name != "manifest.json"}


def test_an_unchanged_sandbox_verifies_clean_five_times_in_a_row(project):
    before = baselines(project)
    for run in range(1, 6):
        code, results, output = run_verify(project)
        assert code == 0, f"run {run} found drift:\n{output}"
        assert drifted(results) == set()
        assert results["summary"]["steps"] == results["summary"]["ok"] == 33
    assert "33 steps in 7 articles: 33 ok, 0 drifted, 0 new, 0 not reached" in output
    assert baselines(project) == before, "verify never changes a baseline"
    manifest = json.loads((project.screenshots / "manifest.json").read_text())
    assert manifest["articles"][GUIDE]["last_verify"]["status"] == "ok"
    assert manifest["articles"][GUIDE]["last_verify"]["at"] == results["started_at"]


CARD = "billing/change-card-or-bank-info"
MANAGE = "billing/manage-saved-payment-method"
CONTACT = "billing/edit-billing-contact-info"
PREPAY = "billing/pre-pay-future-invoices"

# Every step whose shot shows the changed element drifts, and no other: a button that is
# clicked is a flow failure (the rest of that walk is not reached); one that is only in the
# picture changes the ARIA snapshot; a colour changes only pixels; a label the article names
# in bold, and that no locator uses, is a text failure.
DRIFTS = {
    "rename-button": {
        (CARD, 3, "flow"),
        (CARD, 4, "not_reached"),
        (CARD, 5, "not_reached"),
        (CONTACT, 3, "structure"),
        (MANAGE, 3, "structure"),
        (MANAGE, 4, "flow"),
        (MANAGE, 5, "not_reached"),
        (PREPAY, 3, "structure"),
    },
    "move-menu-item": {
        (ref, 2, "structure")
        for ref in (CARD, "billing/change-requests", CONTACT, MANAGE, PREPAY, "billing/view-print-or-pay-invoices")
    },
    "change-colour": {(PREPAY, 4, "pixels")},
    "remove-field": {(CONTACT, 4, "flow"), (CONTACT, 5, "not_reached")},
    "change-label": {("clients/email-payment-receipts-to-multiple-emails", 1, "text")},
}

MESSAGES = {
    "rename-button": (CARD, 3, "not found: button 'Card Details'; buttons here: 'Payment Details'"),
    "remove-field": (CONTACT, 4, "not found: field labelled 'Phone'; fields here: 'Name', 'Email'"),
    "change-label": (
        "clients/email-payment-receipts-to-multiple-emails",
        1,
        "not on the page as a name or visible text: 'Registration'",
    ),
    "change-colour": (PREPAY, 4, "pixels differ"),
    "move-menu-item": (CARD, 2, "the ARIA snapshot differs from the baseline"),
}


@pytest.mark.parametrize("drift", sorted(DRIFTS))
def test_each_kind_of_drift_is_reported_on_the_right_article_and_step(project, drift):
    before = baselines(project)
    code, results, output = run_verify(project, drift=drift)
    assert code == 1, output
    assert drifted(results) == DRIFTS[drift]
    ref, number, message = MESSAGES[drift]
    article = next(article for article in results["articles"] if article["ref"] == ref)
    assert message in article["steps"][number - 1]["message"]
    assert baselines(project) == before
