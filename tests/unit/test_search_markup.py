"""What an article's page tells the search index: whether it is indexed, its tags, its boost."""

from __future__ import annotations

import json

from helpcentre.articles.loader import parse_article
from helpcentre.mkdocs_plugin.generated import search_markup


def article(extra: str):
    text = f"---\nid: 7\ntitle: Refunds\nsummary: Money back.\ncategory: billing\n{extra}\n---\n\nBody.\n"
    parsed, problems = parse_article("billing/refunds.md", text, "docs/billing/refunds.md")
    assert parsed is not None, problems
    return parsed


def test_an_article_for_customers_is_indexed_with_its_tags_as_typed():
    markup = search_markup(article('tags: [refund, "<b>card</b>"]'))
    assert markup is not None
    assert json.loads(markup["tags"]) == ["refund", "<b>card</b>"]
    assert markup["boost"] is None


def test_a_boost_becomes_the_filter_value_search_multiplies_by():
    assert search_markup(article("search: {boost: 2}"))["boost"] == "2"
    assert search_markup(article("search: {boost: 0.5}"))["boost"] == "0.5"


def test_internal_and_excluded_articles_are_not_indexed():
    assert search_markup(article("audience: agents")) is None
    assert search_markup(article("search: {exclude: true}")) is None
