"""The page the search index reads for an article: what customers may find, as typed."""

from __future__ import annotations

import html
import json
import re

from helpcentre.articles.loader import parse_article
from helpcentre.search import article_document, page_document


def article(extra: str, title: str = "Refunds"):
    text = f"---\nid: 7\ntitle: '{title}'\nsummary: Money back.\ncategory: billing\n{extra}\n---\n\nBody.\n"
    parsed, problems = parse_article("billing/refunds.md", text, "docs/billing/refunds.md")
    assert parsed is not None, problems
    return parsed


def metadata(document: str, name: str) -> str:
    found = re.search(rf'data-pagefind-meta="{name}">(.*?)</', document)
    assert found, document
    return html.unescape(found.group(1))


def test_an_article_for_customers_is_its_title_summary_and_body_with_tags_as_metadata():
    document = article_document(article('tags: [refund, "a, b"]'), "<p>The <b>body</b>.</p>")
    assert document is not None
    body = re.search(r"<main data-pagefind-body>(.*)</main>", document).group(1)
    assert body == '<h1 data-pagefind-meta="title">Refunds</h1><p>Money back.</p><div><p>The <b>body</b>.</p></div>'
    assert json.loads(metadata(document, "tags")) == ["refund", "a, b"]
    assert "data-pagefind-filter" not in document


def test_markup_in_a_title_or_tag_is_text_in_the_index():
    document = article_document(article('tags: ["<img src=x>"]', title="<script>alert(1)</script>"), "")
    assert "<script>" not in document and "<img" not in document
    assert metadata(document, "title") == "<script>alert(1)</script>"
    assert json.loads(metadata(document, "tags")) == ["<img src=x>"]


def test_a_boost_becomes_the_filter_value_the_search_box_multiplies_by():
    assert '<span data-pagefind-filter="boost">2</span>' in article_document(article("search: {boost: 2}"), "")
    assert '<span data-pagefind-filter="boost">0.5</span>' in article_document(article("search: {boost: 0.5}"), "")


def test_internal_and_excluded_articles_are_not_indexed():
    assert article_document(article("audience: agents"), "<p>Internal.</p>") is None
    assert article_document(article("search: {exclude: true}"), "<p>Old.</p>") is None


def test_a_page_of_the_sites_own_is_its_title_and_body():
    document = page_document("About & terms", "<p>Terms.</p>")
    assert metadata(document, "title") == "About & terms"
    assert "<p>Terms.</p>" in document
