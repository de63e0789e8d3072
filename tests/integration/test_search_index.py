"""The search index a build writes: what it holds, what it leaves out, and the help centre with nothing to index."""

from __future__ import annotations

import json

from integration.conftest import MKDOCS_YML, FixtureProject, article_text, indexed_pages


def vocabulary(project_site) -> dict:
    return json.loads((project_site / "pagefind" / "helpcentre-vocabulary.json").read_text(encoding="utf-8"))


def test_the_build_indexes_customer_articles_only(fixture_project: FixtureProject):
    fixture_project.write("docs/billing/internal.md", article_text(3, "Refund escalations", extra="audience: agents\n"))
    fixture_project.write(
        "docs/billing/legacy.md", article_text(4, "Legacy statements", extra="search: {exclude: true}\n")
    )
    fixture_project.write(
        "docs/billing/boosted.md", article_text(5, "Boosted article", extra="search: {boost: 2}\ntags: [Refund, <b>]\n")
    )
    result = fixture_project.build()
    assert result.returncode == 0, result.output

    entry = json.loads((result.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 3
    pages = indexed_pages(result.site)
    assert set(pages) == {"/billing/pay/", "/billing/card/", "/billing/boosted/"}
    boosted = pages["/billing/boosted/"]
    assert boosted["meta"]["title"] == "Boosted article"
    assert json.loads(boosted["meta"]["tags"]) == ["Refund", "<b>"]
    assert boosted["filters"] == {"boost": ["2"]}
    assert pages["/billing/pay/"]["filters"] == {}
    # The summary and body are indexed; the page around them (navigation, footer) is not.
    assert boosted["content"].startswith("Boosted article. About Boosted article. Body.")
    assert "Contact" not in boosted["content"] and "Billing & Account" not in boosted["content"]
    words = vocabulary(result.site)
    assert words["pages"] == 3
    assert {"pay", "invoice", "change", "card", "boosted", "refund"} <= set(words["words"])
    assert not {"escalations", "legacy", "statements"} & set(words["words"])
    # Only what the index needs is published: none of Pagefind's own interfaces.
    published = {path.name for path in (result.site / "pagefind").iterdir()}
    assert "pagefind.js" in published and "pagefind-worker.js" in published
    assert not {
        name for name in published if name.startswith(("pagefind-ui", "pagefind-component", "pagefind-modular"))
    }


def test_a_help_centre_with_nothing_for_customers_indexes_no_internal_text(tmp_path):
    project = FixtureProject(tmp_path)
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("docs/billing/internal.md", article_text(3, "Refund escalations", extra="audience: agents\n"))
    result = project.build()
    assert result.returncode == 0, result.output
    assert vocabulary(result.site)["pages"] == 0
    # No index at all, rather than Pagefind's fallback of every page's whole text.
    assert [path.name for path in (result.site / "pagefind").iterdir()] == ["helpcentre-vocabulary.json"]


def test_materials_own_search_plugin_beside_it_is_pointed_out(fixture_project: FixtureProject):
    fixture_project.write("mkdocs.yml", MKDOCS_YML.replace("plugins:\n", "plugins:\n  - search\n"))
    result = fixture_project.build("--no-strict")
    assert result.returncode == 0, result.output
    assert "remove `- search` from plugins in mkdocs.yml" in result.output


def test_a_missing_pagefind_program_is_said_in_words(fixture_project: FixtureProject, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fixture_project.root / "no-such-pagefind"))
    result = fixture_project.build()
    assert result.returncode != 0
    assert "helpcentre: search cannot be indexed: Pagefind could not be started" in result.output
    assert "no-such-pagefind" in result.output
    assert "Traceback" not in result.output
