"""`helpcentre new`: a first draft that already passes every check, and never over an existing file."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from helpcentre.articles.placeholders import BODY_PLACEHOLDER, SUMMARY_PLACEHOLDER
from helpcentre.articles.scaffold import slug_for
from helpcentre.project import load_project


@pytest.fixture
def project_copy(project_root, tmp_path):
    shutil.copy(project_root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(project_root / "docs", tmp_path / "docs")
    shutil.copytree(project_root / "screenshots", tmp_path / "screenshots")
    return tmp_path


def new(root, *args: str) -> subprocess.CompletedProcess:
    return helpcentre(root, "new", *args)


def helpcentre(root, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "helpcentre", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=60)


def test_slugs_come_from_the_title():
    assert slug_for("Update your practice's billing address") == "update-your-practices-billing-address"
    assert slug_for("Pré-pay: 3 months?") == "pre-pay-3-months"


def test_a_new_article_takes_the_next_id_and_passes_every_check(project_copy):
    result = new(project_copy, "Update your practice's billing address", "--category", "billing")
    assert result.returncode == 0, result.stderr
    path = "docs/billing/update-your-practices-billing-address.md"
    assert result.stdout == f"Wrote {path} (id 502)\n"
    centre, problems = load_project(project_copy / "mkdocs.yml").load_help_centre()
    assert problems == []
    article = centre.find(502)
    assert article.title == "Update your practice's billing address"
    assert article.meta.category == "billing"
    assert article.meta.walkthrough is None


def test_a_new_how_to_has_numbered_steps_that_are_its_walkthrough(project_copy):
    result = new(project_copy, "Print a receipt", "--category", "clients", "--how-to")
    assert result.returncode == 0, result.stderr
    centre, problems = load_project(project_copy / "mkdocs.yml").load_help_centre()
    assert problems == []
    article = centre.find("clients/print-a-receipt")
    assert article.meta.walkthrough.target == "billing"
    assert article.meta.walkthrough.steps == {}, "the steps' words are the walkthrough"
    assert [intent.describe() for plan in article.plans for intent in plan.intents] == [
        "click 'Setup'",
        "click 'Therasoft Billing'",
        "check that 'Therasoft Billing' is shown",
    ]


def test_a_new_how_to_walks_the_target_it_is_given_and_an_unknown_one_is_named(project_copy):
    mkdocs = project_copy / "mkdocs.yml"
    mkdocs.write_text(
        mkdocs.read_text().replace(
            "      targets:\n", "      targets:\n        staff_admin:\n          url: http://127.0.0.1:9/\n", 1
        )
    )
    result = new(
        project_copy, "Deactivate a staff account", "--category", "clients", "--how-to", "--target", "staff_admin"
    )
    assert result.returncode == 0, result.stderr
    centre, _ = load_project(mkdocs).load_help_centre()
    assert centre.find("clients/deactivate-a-staff-account").meta.walkthrough.target == "staff_admin"
    unknown = new(project_copy, "Anything", "--category", "clients", "--how-to", "--target", "crm")
    assert unknown.returncode == 2
    assert "Error: no target 'crm' in mkdocs.yml; known: staff_admin, billing" in unknown.stderr


def test_new_never_overwrites_and_names_the_category_it_knows(project_copy):
    assert new(project_copy, "Print a receipt", "--category", "clients").returncode == 0
    again = new(project_copy, "Print a receipt", "--category", "clients")
    assert again.returncode == 2
    assert "Error: docs/clients/print-a-receipt.md already exists; choose another title" in again.stderr
    unknown = new(project_copy, "Anything", "--category", "bills")
    assert unknown.returncode == 2
    assert "Error: no category 'bills'; known: billing, getting-started, clients, policies" in unknown.stderr


def placeholders_at(path: str, summary_line: int, body_line: int) -> str:
    """What lint says of a draft whose placeholders are still there: one line each, where it stands."""
    return (
        f'{path}:{summary_line}:1: HC142 summary: "{SUMMARY_PLACEHOLDER}" is a placeholder of the draft;'
        " replace it with your own words (see guide/docs/reference/lint-codes.md#hc142)\n"
        f'{path}:{body_line}:1: HC142 body: "{BODY_PLACEHOLDER}" is a placeholder of the draft;'
        " replace it with your own words (see guide/docs/reference/lint-codes.md#hc142)\n"
    )


def replace_placeholders(path) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace(SUMMARY_PLACEHOLDER, "Change the address your invoices are sent to.")
    path.write_text(text.replace(BODY_PLACEHOLDER, "Do this when your practice moves."), encoding="utf-8")


def test_new_then_lint_refuses_its_placeholders_until_they_are_replaced(project_copy):
    assert new(project_copy, "Update your practice's billing address", "--category", "billing").returncode == 0
    path = "docs/billing/update-your-practices-billing-address.md"
    linted = helpcentre(project_copy, "lint")
    assert (linted.returncode, linted.stdout) == (1, placeholders_at(path, 4, 10))
    replace_placeholders(project_copy / path)
    linted = helpcentre(project_copy, "lint")
    assert (linted.returncode, linted.stdout, linted.stderr) == (0, "", "No problems found.\n")


def test_a_new_how_to_fails_lint_on_its_placeholders_then_asks_only_for_its_screenshots(project_copy):
    assert new(project_copy, "Print a receipt", "--category", "clients", "--how-to").returncode == 0
    path = "docs/clients/print-a-receipt.md"
    screenshots = (
        f"{path}:8:1: HC161 walkthrough: no screenshots yet;"
        " run: helpcentre capture clients/print-a-receipt (see guide/docs/reference/lint-codes.md#hc161)\n"
    )
    linted = helpcentre(project_copy, "lint")
    assert (linted.returncode, linted.stdout) == (1, placeholders_at(path, 4, 11).replace("\n", "\n" + screenshots, 1))
    replace_placeholders(project_copy / path)
    linted = helpcentre(project_copy, "lint")
    assert (linted.returncode, linted.stdout) == (0, screenshots)
