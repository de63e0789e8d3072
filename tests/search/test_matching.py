"""Which words a query matches, and which pages come first: the engine over a small index written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from search.engine import search

from helpcentre.search import IndexedPage, SearchIndexer, Vocabulary

PAGES = {
    "/card/": IndexedPage(
        title="Change the card that pays your invoice",
        summary="Replace the card on your account.",
        text="You can add a new card.",
    ),
    "/invoices/": IndexedPage(title="View invoices", summary="Open and print your invoices.", text="Print them."),
    "/cancel/": IndexedPage(title="Cancelling a booking", summary="Free a slot.", text="Cancel it from the calendar."),
    "/boosted/": IndexedPage(
        title="Billing basics", summary="All about billing.", text="Invoices are sent monthly.", boost=3
    ),
    "/zoom/": IndexedPage(title="Video sessions with Zoom", summary="Meet clients online.", text="Start a session."),
    "/twin-a/": IndexedPage(title="Export reports", summary="Download reports.", text="Reports."),
    "/twin-b/": IndexedPage(title="Export reports", summary="Download reports.", text="Reports.", boost=2),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    indexer = SearchIndexer()
    for url, page in PAGES.items():
        indexer.add(url, page)
    vocabulary = Vocabulary()
    vocabulary.words.update({"zoom": 1, "invoice": 2, "invoices": 2, "card": 1, "reports": 2})
    indexer.finish(site_dir, vocabulary)
    return site_dir


def found(site: Path, query: str, *, typing: bool = False) -> list[str]:
    return search(site, [query], typing=typing)[0].urls


@pytest.mark.parametrize("query", ["candle", "canada", "ard", "ach", "cancellation fees"])
def test_a_fragment_of_a_word_is_never_a_match(site: Path, query: str):
    assert found(site, query) == []


def test_a_word_matches_itself_its_plural_and_its_forms(site: Path):
    assert found(site, "invoice")[:2] == ["/invoices/", "/card/"]
    assert "/cancel/" in found(site, "cancel")
    assert found(site, "cancelled") == ["/cancel/"]
    assert found(site, "invoicing")[0] == "/invoices/"


def test_a_typo_matches_by_its_length_and_never_a_much_shorter_word(site: Path):
    assert found(site, "invioces")[0] == "/invoices/"
    assert found(site, "zooom") == ["/zoom/"]
    assert found(site, "cardd") == ["/card/"]
    # One edit in a word of four letters, but never one that leaves a shorter word: "scan" is not "can".
    assert found(site, "scan") == []
    assert found(site, "cars") == ["/card/"]
    # None in a word of three.
    assert found(site, "cat") == []


def test_the_word_being_typed_also_matches_the_words_it_begins(site: Path):
    assert found(site, "canc", typing=True) == ["/cancel/"]
    assert found(site, "canc") == []
    # Only the last word is being typed.
    assert found(site, "canc booking", typing=True) == ["/cancel/"]
    assert search(site, ["canc booking"], typing=True)[0].words == ["booking"]


def test_a_title_match_outranks_a_boosted_body_match(site: Path):
    assert found(site, "invoices")[0] == "/invoices/"
    assert found(site, "invoices").index("/boosted/") > 0


def test_a_boost_breaks_a_tie(site: Path):
    assert found(site, "export reports")[:2] == ["/twin-b/", "/twin-a/"]


def test_a_query_with_nothing_found_offers_a_nearer_spelling(site: Path):
    answer = search(site, ["zom"])[0]
    assert answer.urls == []
    assert answer.suggestion == "zoom"
    assert search(site, ["quantum"])[0].suggestion is None
