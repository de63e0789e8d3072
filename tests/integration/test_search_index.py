"""The search index a build writes: what it holds, what it leaves out, and the help centre with nothing to index."""

from __future__ import annotations

import json

from integration.conftest import MKDOCS_YML, FixtureProject, article_text, indexed_pages

from helpcentre.search import INDEX_DIR


def index_file(site, name: str):
    return json.loads((site / INDEX_DIR / name).read_text(encoding="utf-8"))


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

    meta = index_file(result.site, "meta.json")
    assert meta["pages"] == 3
    pages = indexed_pages(result.site)
    assert set(pages) == {"/billing/pay/", "/billing/card/", "/billing/boosted/"}
    assert pages["/billing/boosted/"] == [
        "/billing/boosted/",
        "Boosted article",
        "About Boosted article.",
        ["Refund", "<b>"],
    ]
    boosted = sorted(pages).index("/billing/boosted/")
    assert meta["boosts"] == {str(boosted): 2}
    # The summary and body are indexed; the page around them (navigation, footer) is not.
    words = {word for shard in (result.site / INDEX_DIR / "words").iterdir() for word in json.loads(shard.read_text())}
    assert {"boosted", "about", "body", "refund"} <= words
    assert not {"contact", "escalations", "legacy", "statements"} & words
    assert {"pay", "invoice", "change", "card", "boosted", "refund"} <= set(meta["words"])
    assert not {"escalations", "legacy", "statements"} & set(meta["words"])


def test_a_help_centre_with_nothing_for_customers_indexes_no_internal_text(tmp_path):
    project = FixtureProject(tmp_path)
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("docs/billing/internal.md", article_text(3, "Refund escalations", extra="audience: agents\n"))
    result = project.build()
    assert result.returncode == 0, result.output
    assert index_file(result.site, "meta.json")["pages"] == 0
    assert [path.name for path in (result.site / INDEX_DIR).iterdir()] == ["meta.json"]


def test_materials_own_search_plugin_beside_it_is_pointed_out(fixture_project: FixtureProject):
    fixture_project.write("mkdocs.yml", MKDOCS_YML.replace("plugins:\n", "plugins:\n  - search\n"))
    result = fixture_project.build("--no-strict")
    assert result.returncode == 0, result.output
    assert "remove `- search` from plugins in mkdocs.yml" in result.output
