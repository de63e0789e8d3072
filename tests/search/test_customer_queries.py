"""The customer queries of customer_queries.yml, searched in the repository's built help centre.

Each query's answer must come first; the share answered first and in the first three is printed
(run with -s to read it). A query no article answers must find nothing at all: the search box
then shows its no-results view, and never a page matched by a fragment of a word.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from search.engine import search

QUERIES = yaml.safe_load((Path(__file__).parent / "customer_queries.yml").read_text(encoding="utf-8"))
# The share of answerable queries whose answer must come first.
FIRST_SHARE = 0.95


def test_the_query_set_is_big_and_varied_enough_to_measure_by():
    answered = [query for query in QUERIES if query["answer"]]
    assert len(answered) >= 40
    assert len(QUERIES) - len(answered) >= 5
    assert len({query["query"].casefold() for query in QUERIES}) == len(QUERIES)


def test_customers_queries_find_their_article_first(built_site: Path):
    answers = search(built_site, [query["query"] for query in QUERIES])
    answerable = [(query, answer) for query, answer in zip(QUERIES, answers, strict=True) if query["answer"]]
    first = [query["query"] for query, answer in answerable if answer.urls[:1] == [f"/{query['answer']}/"]]
    top_three = [query["query"] for query, answer in answerable if f"/{query['answer']}/" in answer.urls[:3]]
    print(
        f"\n{len(first)} of {len(answerable)} queries answered first ({len(first) / len(answerable):.1%}),"
        f" {len(top_three)} in the first three ({len(top_three) / len(answerable):.1%})"
    )
    missed = [
        (query["query"], query["answer"], answer.urls[:3])
        for query, answer in answerable
        if query["query"] not in first
    ]
    assert len(first) / len(answerable) >= FIRST_SHARE, missed


def test_a_query_no_article_answers_finds_nothing(built_site: Path):
    unanswerable = [query["query"] for query in QUERIES if not query["answer"]]
    found = {answer.query: answer.urls for answer in search(built_site, unanswerable)}
    assert found == {query: [] for query in unanswerable}


def test_the_boosted_card_guide_never_comes_before_an_article_whose_title_answers(built_site: Path):
    # docs/billing/change-card-or-bank-info.md says `search: {boost: 3}`; each of these is
    # another article's title, and the guide holds the words in its tags or body, or, for
    # "invoices", as one word of a long title.
    expected = {
        "invoices": {"/billing/pre-pay-future-invoices/", "/billing/view-print-or-pay-invoices/"},
        "pay my bill": {"/billing/view-print-or-pay-invoices/"},
        "change email": {"/billing/edit-billing-contact-info/"},
        "payment method": {"/billing/manage-saved-payment-method/"},
    }
    answers = search(built_site, list(expected))
    assert {answer.query: answer.urls[0] in expected[answer.query] for answer in answers} == dict.fromkeys(
        expected, True
    )
