"""Strict builds of fixture projects: what succeeds, and the message for each kind of failure.

To reproduce a failure by hand: write the files the test writes into a folder and run
`helpcentre build -f mkdocs.yml` there.
"""

from __future__ import annotations

import re

from integration.conftest import article_text


def test_a_valid_project_builds_strictly_with_generated_pages(fixture_project):
    result = fixture_project.build("--strict")
    assert result.returncode == 0, result.output
    home = result.page("index.html")
    assert "Billing &amp; Account" in home and "2 articles" in home
    category = result.page("billing/index.html")
    assert "Pay an invoice" in category and "About Pay an invoice." in category
    assert "0 articles" in result.page("policies/index.html")


def test_related_articles_render_with_resolved_titles(fixture_project):
    result = fixture_project.build("--strict")
    page = result.page("billing/pay/index.html")
    related = page[page.index('id="hc-related-title"') :]
    assert re.search(r'<a href="\.\./card/">Change your card</a>', related)


def test_the_contact_box_uses_the_address_from_mkdocs_yml(fixture_project):
    page = fixture_project.build("--strict").page("billing/card/index.html")
    assert 'href="mailto:billing@fixture.example">Contact our billing department</a>' in page
    assert "Still need help?" in page


def test_a_duplicate_id_fails_the_build(fixture_project):
    fixture_project.write("docs/policies/terms.md", article_text(2, "Terms", category="policies"))
    result = fixture_project.build("--strict")
    assert result.returncode != 0
    assert (
        "docs/policies/terms.md:2:1: HC103 id: id 2 is already used by docs/billing/card.md (see guide/docs/reference/lint-codes.md#hc103)"
        in result.output
    )


def test_an_unknown_related_reference_fails_the_build_even_when_not_strict(fixture_project):
    fixture_project.write(
        "docs/billing/pay.md", article_text(1, "Pay an invoice", extra="related:\n  - billing/card\n  - foo\n")
    )
    strict = fixture_project.build("--strict")
    assert strict.returncode != 0
    assert (
        "docs/billing/pay.md:8:5: HC104 related[1]: no article 'foo' (see guide/docs/reference/lint-codes.md#hc104)"
        in strict.output
    )
    # An error, not a warning: the page would promise a related article that is not there.
    not_strict = fixture_project.build("--no-strict")
    assert not_strict.returncode != 0
    assert (
        "docs/billing/pay.md:8:5: HC104 related[1]: no article 'foo' (see guide/docs/reference/lint-codes.md#hc104)"
        in not_strict.output
    )


def test_a_missing_required_field_fails_the_build(fixture_project):
    fixture_project.write("docs/billing/card.md", "---\nid: 2\ntitle: Change your card\ncategory: billing\n---\n")
    result = fixture_project.build("--strict")
    assert result.returncode != 0
    assert (
        "docs/billing/card.md:1:1: HC141 summary: every article needs a one-sentence summary: "
        "it is the search snippet and the page description (see guide/docs/reference/lint-codes.md#hc141)"
        in result.output
    )


def test_an_unknown_key_fails_the_build(fixture_project):
    fixture_project.write("docs/billing/card.md", article_text(2, "Change your card", extra="colour: red\n"))
    result = fixture_project.build("--strict")
    assert result.returncode != 0
    assert (
        "docs/billing/card.md:6:1: HC102 colour: unknown key 'colour' (see guide/docs/reference/lint-codes.md#hc102)"
        in result.output
    )


def test_all_problems_are_reported_before_the_build_stops(fixture_project):
    fixture_project.write("docs/billing/card.md", article_text(2, "Change your card", extra="colour: red\n"))
    fixture_project.write("docs/policies/terms.md", article_text(1, "Terms", category="policies"))
    result = fixture_project.build("--strict")
    assert (
        "docs/billing/card.md:6:1: HC102 colour: unknown key 'colour' (see guide/docs/reference/lint-codes.md#hc102)"
        in result.output
    )
    assert (
        "docs/policies/terms.md:2:1: HC103 id: id 1 is already used by docs/billing/pay.md (see guide/docs/reference/lint-codes.md#hc103)"
        in result.output
    )
    assert "2 error(s) in the help centre; see the messages above." in result.output


def test_the_repository_help_centre_builds_strictly(built_site):
    article = (built_site / "billing/change-card-or-bank-info/index.html").read_text()
    assert "How to change the card or bank info for your Therasoft monthly invoice" in article
    assert "Terasoft" not in article
    for other in (
        "manage-saved-payment-method",
        "edit-billing-contact-info",
        "view-print-or-pay-invoices",
        "pre-pay-future-invoices",
        "change-requests",
    ):
        assert f'href="../{other}/"' in article
        back = (built_site / f"billing/{other}/index.html").read_text()
        assert 'href="../change-card-or-bank-info/"' in back
    for category in ("billing", "getting-started", "clients", "policies"):
        assert (built_site / category / "index.html").is_file()


def test_a_wrong_plugin_setting_is_named_in_mkdocs_terms(fixture_project):
    text = (
        (fixture_project.root / "mkdocs.yml")
        .read_text()
        .replace("      categories:", "      colour: red\n      categories:")
    )
    fixture_project.write("mkdocs.yml", text)
    result = fixture_project.build("--strict")
    assert result.returncode != 0
    assert "Plugin 'helpcentre' option 'colour': unknown key 'colour'" in result.output


def test_a_declared_step_without_a_screenshot_fails_the_strict_build(fixture_project):
    walkthrough = (
        "walkthrough:\n  target: app\n  steps:\n    - action: click\n      target: {role: button, name: Setup}\n"
    )
    fixture_project.write(
        "docs/billing/card.md", article_text(2, "Change your card", extra=walkthrough, body="1. Open **Setup**\n")
    )
    text = (fixture_project.root / "mkdocs.yml").read_text()
    fixture_project.write(
        "mkdocs.yml", text.replace("      contact:", "      targets:\n        app: {sandbox: true}\n      contact:")
    )
    result = fixture_project.build("--strict")
    assert result.returncode != 0
    # A new how-to: one message at the walkthrough key, not one per step.
    assert (
        "docs/billing/card.md:6:1: HC161 walkthrough: no screenshots yet; run: helpcentre capture billing/card (see guide/docs/reference/lint-codes.md#hc161)"
        in result.output
    )
