"""Which articles `helpcentre pdf` prints, and where it finds each one's page in the built site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpcentre.articles import Category, load_help_centre
from helpcentre.pdf import PdfUsageError, article_pages, choose_articles
from helpcentre.settings import PdfSettings


def article(id: int, category: str = "billing", audience: str = "customers") -> str:
    return (
        f"---\nid: {id}\ntitle: Article {id}\nsummary: About it.\ncategory: {category}\naudience: {audience}\n"
        "---\n\nBody.\n"
    )


@pytest.fixture
def centre():
    sources = [
        ("billing/pay.md", "docs/billing/pay.md", article(1)),
        ("billing/card.md", "docs/billing/card.md", article(2)),
        ("policies/terms.md", "docs/policies/terms.md", article(3, "policies")),
        ("billing/refunds.md", "docs/billing/refunds.md", article(4, audience="agents")),
    ]
    loaded, problems = load_help_centre(sources, [Category("billing", "Billing"), Category("policies", "Policies")])
    assert problems == []
    return loaded


def built_page(site: Path, page: str) -> None:
    (site / page).mkdir(parents=True, exist_ok=True)
    (site / page / "index.html").write_text("<h1>An article</h1>", encoding="utf-8")


def test_without_names_every_article_of_the_sites_audience_is_printed_in_path_order(centre):
    assert [article.ref for article in choose_articles(centre, [])] == ["billing/card", "billing/pay", "policies/terms"]
    agents = [article.ref for article in choose_articles(centre, [], "agents")]
    assert agents == ["billing/card", "billing/pay", "billing/refunds", "policies/terms"]


def test_an_internal_article_is_not_printed_from_the_customers_site(centre):
    with pytest.raises(PdfUsageError, match=r"^billing/refunds: internal \(audience: agents\), not on the customers'"):
        choose_articles(centre, ["billing/pay", "4"])
    assert [article.ref for article in choose_articles(centre, ["4"], "agents")] == ["billing/refunds"]


def test_articles_are_named_by_path_or_id_and_each_is_printed_once(centre):
    chosen = choose_articles(centre, ["policies/terms", "1", "billing/pay.md", "billing/pay"])
    assert [article.ref for article in chosen] == ["billing/pay", "policies/terms"]


def test_an_unknown_article_is_named_in_the_error(centre):
    with pytest.raises(PdfUsageError, match=r"^no article 'billing/nope'$"):
        choose_articles(centre, ["billing/card", "billing/nope"])


def test_pages_are_where_the_sites_articles_json_lists_them(centre, tmp_path: Path):
    # Internal articles, for instance, are built under agents/, not at their docs path.
    built_page(tmp_path, "agents/billing/pay")
    built_page(tmp_path, "billing/card")
    listing = {
        "site": "https://example.github.io/help/",
        "articles": [{"id": 1, "url": "https://example.github.io/help/agents/billing/pay/"}],
    }
    (tmp_path / "articles.json").write_text(json.dumps(listing), encoding="utf-8")
    chosen = choose_articles(centre, ["billing/pay", "billing/card"])
    # An article the list leaves out is looked for at its docs path.
    assert article_pages(tmp_path, chosen) == {"billing/pay": "agents/billing/pay/", "billing/card": "billing/card/"}


def test_an_article_missing_from_the_built_site_asks_for_a_build(centre, tmp_path: Path):
    built_page(tmp_path, "billing/card")
    with pytest.raises(PdfUsageError) as raised:
        article_pages(tmp_path, choose_articles(centre, ["billing/card", "policies/terms"]))
    assert str(raised.value) == f"policies/terms: not in the built site {tmp_path}; run helpcentre build first"


def test_the_pdf_of_an_article_has_a_stable_path_under_the_pdf_folder():
    assert PdfSettings().path_for("billing/change-card-or-bank-info") == "pdf/billing/change-card-or-bank-info.pdf"
    assert PdfSettings(dir="downloads/guides").path_for("billing/pay") == "downloads/guides/billing/pay.pdf"
    assert PdfSettings().enabled is False
