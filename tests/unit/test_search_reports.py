"""The search reports' parts without a server: what a report may hold, how it is stored, and the manager's lists."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcentre.cli import cli
from helpcentre.feedback.intake import InvalidSearchReport, parse_search_report, parse_search_report_body
from helpcentre.feedback.search_report import (
    display_width,
    searches_json,
    searches_text,
    summarise_searches,
    truncate,
)
from helpcentre.feedback.store import (
    SCHEMA_VERSION,
    FeedbackStore,
    FeedbackStoreError,
    SearchReport,
    StoredSearch,
    Vote,
)

# The schema as helpcentre wrote it before search reports: version 1, votes only.
VERSION_1_SCHEMA = """
CREATE TABLE IF NOT EXISTS votes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    page_url TEXT,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    comment TEXT,
    created_at TEXT NOT NULL,
    client_key TEXT
);
CREATE INDEX IF NOT EXISTS votes_by_article ON votes (article_id, created_at);
PRAGMA user_version = 1;
"""


# --- What a search report may hold ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"query": "prepay", "results": 3}, SearchReport("prepay", 3)),
        # Whitespace runs of any kind, as a paste brings them, are one space; the ends are trimmed.
        ({"query": "  Pre\t\tpay \n\u3000 card ", "results": 0}, SearchReport("Pre pay card", 0)),
        ({"query": "prepay", "results": 3, "opened": None}, SearchReport("prepay", 3)),
        (
            {"query": "prepay", "results": 3, "opened": "/billing/pre-pay/"},
            SearchReport("prepay", 3, "/billing/pre-pay/"),
        ),
        # A query or fragment may say something about the reader: only the path is kept.
        (
            {"query": "prepay", "results": 3, "opened": "/billing/pre-pay/?email=a@example.com#step-2"},
            SearchReport("prepay", 3, "/billing/pre-pay/"),
        ),
        (
            {"query": "prepay", "results": 3, "opened": "https://help.example.com/billing/pre-pay/?q=prepay"},
            SearchReport("prepay", 3, "/billing/pre-pay/"),
        ),
        ({"query": "prepay", "results": 3, "opened": "HTTP://help.example.com"}, SearchReport("prepay", 3, "/")),
        ({"query": "x" * 200, "results": 100_000}, SearchReport("x" * 200, 100_000)),
        # The limit is on what was typed, not on the spaces around it.
        ({"query": " " * 500 + "x" * 200 + " " * 500, "results": 1}, SearchReport("x" * 200, 1)),
    ],
)
def test_a_search_report_is_read_and_normalised(payload, expected):
    assert parse_search_report(payload) == expected


OPENED_IS_NO_PAGE = "must be a path on the site, starting with /, or an http:// or https:// address"
LONE_SURROGATE = "must be text; \\ud800 to \\udfff are each half of a character and cannot stand alone"
RESULTS_RANGE = "must be how many results the search showed, from 0 to 100000"
RESULTS_NUMBER = "must be how many results the search showed, a whole number"


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"results": 3}, "query", "required"),
        ({"query": 42, "results": 3}, "query", "must be text"),
        ({"query": None, "results": 3}, "query", "must be text"),
        ({"query": " \t\n ", "results": 3}, "query", "must not be blank"),
        ({"query": "x" * 201, "results": 3}, "query", "must be at most 200 characters, once its spaces are trimmed"),
        ({"query": "pre\x00pay", "results": 3}, "query", "must not hold control characters (it holds U+0000)"),
        ({"query": "pre\x1bpay", "results": 3}, "query", "must not hold control characters (it holds U+001B)"),
        # str.split takes U+001C..U+001F for whitespace; they are controls, and refused.
        ({"query": "pre\x1fpay", "results": 3}, "query", "must not hold control characters (it holds U+001F)"),
        ({"query": "pre\x9bpay", "results": 3}, "query", "must not hold control characters (it holds U+009B)"),
        ({"query": "\ud800", "results": 3}, "query", LONE_SURROGATE),
        ({"query": "prepay"}, "results", "required"),
        ({"query": "prepay", "results": "3"}, "results", RESULTS_NUMBER),
        ({"query": "prepay", "results": 3.0}, "results", RESULTS_NUMBER),
        ({"query": "prepay", "results": True}, "results", RESULTS_NUMBER),
        ({"query": "prepay", "results": None}, "results", RESULTS_NUMBER),
        ({"query": "prepay", "results": -1}, "results", RESULTS_RANGE),
        ({"query": "prepay", "results": 100_001}, "results", RESULTS_RANGE),
        ({"query": "prepay", "results": 2**70}, "results", RESULTS_RANGE),
        ({"query": "prepay", "results": 3, "opened": 7}, "opened", "must be text"),
        ({"query": "prepay", "results": 3, "opened": ""}, "opened", OPENED_IS_NO_PAGE),
        ({"query": "prepay", "results": 3, "opened": "billing/pre-pay/"}, "opened", OPENED_IS_NO_PAGE),
        ({"query": "prepay", "results": 3, "opened": "//elsewhere.example/x"}, "opened", OPENED_IS_NO_PAGE),
        ({"query": "prepay", "results": 3, "opened": "javascript:alert(1)"}, "opened", OPENED_IS_NO_PAGE),
        ({"query": "prepay", "results": 3, "opened": "ftp://help.example.com/x"}, "opened", OPENED_IS_NO_PAGE),
        ({"query": "prepay", "results": 3, "opened": "https://[::1/x"}, "opened", OPENED_IS_NO_PAGE),
        (
            {"query": "prepay", "results": 3, "opened": "/billing/\nSet-Cookie: x"},
            "opened",
            "must not hold control characters (it holds U+000A)",
        ),
        ({"query": "prepay", "results": 3, "opened": "/" + "a" * 2000}, "opened", "must be at most 2000 characters"),
        ({"query": "prepay", "results": 3, "opened": "/\ud800"}, "opened", LONE_SURROGATE),
        (
            {"query": "prepay", "results": 3, "session": "abc"},
            "session",
            "unknown field; a search report has query, results and opened",
        ),
    ],
)
def test_each_refused_field_is_named(payload, field, message):
    with pytest.raises(InvalidSearchReport) as refused:
        parse_search_report(payload)
    assert (refused.value.field, refused.value.message) == (field, message)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "must be a JSON object"),
        (b'["prepay", 3]', "must be a JSON object"),
        (b'"prepay"', "must be a JSON object"),
        (b"\xff\xfe\x00", "must be a JSON object"),
        (
            b'{"query": ["prepay"], "results": 3}',
            "nested 2 levels deep; a search report is one JSON object with nothing nested in it",
        ),
        (
            b"[" * 3000 + b"]" * 3000,
            "nested 3000 levels deep; a search report is one JSON object with nothing nested in it",
        ),
    ],
)
def test_a_body_that_is_no_flat_json_object_is_refused_naming_the_body(body, message):
    with pytest.raises(InvalidSearchReport) as refused:
        parse_search_report_body(body)
    assert (refused.value.field, refused.value.message) == ("body", message)


def test_a_body_in_any_encoding_json_allows_is_read():
    body = json.dumps({"query": "prépaiement", "results": 2}, ensure_ascii=False)
    for encoding in ("utf-8", "utf-16", "utf-32"):
        assert parse_search_report_body(body.encode(encoding)) == SearchReport("prépaiement", 2)


# --- The store -----------------------------------------------------------------------------------


def test_search_reports_are_stored_and_read_back(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    first = store.add_search(SearchReport("Prepay", 3), day="2026-11-14")
    second = store.add_search(SearchReport("Prepay", 3, "/billing/pre-pay/"), day="2026-11-14")
    third = store.add_search(SearchReport("refund", 0))
    assert first < second < third
    today = store.searches()[-1].day
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", today)
    assert store.searches() == [
        StoredSearch("Prepay", "prepay", 3, None, "2026-11-14"),
        StoredSearch("Prepay", "prepay", 3, "/billing/pre-pay/", "2026-11-14"),
        StoredSearch("refund", "refund", 0, None, today),
    ]
    assert [search.query for search in store.searches(since="2026-11-15")] == ["refund"]


def test_a_search_row_holds_the_report_and_the_day_and_nothing_else(tmp_path: Path):
    database = tmp_path / "feedback.sqlite3"
    FeedbackStore(database).add_search(SearchReport("Prepay", 3, "/billing/pre-pay/"), day="2026-11-14")
    connection = sqlite3.connect(database)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(searches)")]
        rows = connection.execute("SELECT * FROM searches").fetchall()
    finally:
        connection.close()
    assert columns == ["id", "query", "query_key", "results", "opened_path", "day"]
    assert rows == [(1, "Prepay", "prepay", 3, "/billing/pre-pay/", "2026-11-14")]


def make_version_1_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executescript(VERSION_1_SCHEMA)
        connection.execute(
            "INSERT INTO votes (article_id, page_url, helpful, comment, created_at, client_key)"
            " VALUES (101, 'https://help.example.com/billing/', 0, 'Where is Save?', '2026-11-14T09:00:00Z', 'abcd')"
        )
        connection.commit()
    finally:
        connection.close()


def schema_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


def test_a_version_1_database_keeps_its_votes_and_gains_the_tables_of_later_versions(tmp_path: Path):
    database = tmp_path / "feedback.sqlite3"
    make_version_1_database(database)

    store = FeedbackStore(database, create=False)

    assert SCHEMA_VERSION == 3
    assert schema_version(database) == 3
    [votes] = store.votes_by_article()
    assert (votes.article_id, votes.no, votes.comments, votes.last_page_url) == (
        101,
        1,
        ["Where is Save?"],
        "https://help.example.com/billing/",
    )
    assert store.searches() == []
    store.add_search(SearchReport("prepay", 3), day="2026-11-14")
    store.add(Vote(101, True), created_at="2026-11-15T09:00:00Z")
    # Opened again, the upgraded file is used as it is.
    again = FeedbackStore(database)
    assert [search.query for search in again.searches()] == ["prepay"]
    assert [(votes.yes, votes.no) for votes in again.votes_by_article()] == [(1, 1)]
    # A "No" sent when clicked takes its comment later, with its key.
    vote = again.add(Vote(101, False))
    again.await_comment(vote, "hash")
    assert not again.add_comment(vote, "another hash", "Where?")
    assert again.add_comment(vote, "hash", "Where?")
    assert not again.add_comment(vote, "hash", "Again")


def test_a_database_from_a_newer_helpcentre_is_refused_untouched(tmp_path: Path):
    database = tmp_path / "feedback.sqlite3"
    make_version_1_database(database)
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA user_version = 4")
    connection.close()
    with pytest.raises(FeedbackStoreError, match=r"schema version 4 is newer than this helpcentre's \(3\)"):
        FeedbackStore(database)
    assert schema_version(database) == 4


# --- The manager's lists -------------------------------------------------------------------------


def searched(query: str, results: int, opened: str | None = None, day: str = "2026-11-14") -> StoredSearch:
    return StoredSearch(query, query.lower(), results, opened, day)


SAMPLE = [
    searched("prepay", 3, day="2026-11-10"),
    searched("Prepay", 3, day="2026-11-11"),
    searched("PREPAY", 2, day="2026-11-12"),
    searched("prepay", 2, day="2026-11-12"),
    searched("Prepay", 3, "/billing/pre-pay/", day="2026-11-12"),
    searched("refund policy", 0, day="2026-11-12"),
    searched("Refund Policy", 0, day="2026-11-13"),
    searched("Refund policy", 0, day="2026-11-13"),
    searched("invoice pdf", 4, day="2026-11-13"),
    searched("invoice pdf", 5, day="2026-11-14"),
    searched("superbill", 0, day="2026-11-14"),
    # Found nothing once, then something: not a query with no results.
    searched("statement", 0, day="2026-11-14"),
    searched("statement", 1, "/billing/statements/", day="2026-11-14"),
    searched("statement", 1, day="2026-11-14"),
    # Sorted after "invoice pdf" and "refund policy", which were searched as often, by name.
    searched("card", 2, day="2026-11-14"),
    searched("card", 2, day="2026-11-14"),
]


def test_the_top_queries_are_grouped_regardless_of_case_and_counted():
    summary = summarise_searches(SAMPLE)
    assert [(row.query, row.searches, row.opens, row.mean_results) for row in summary.top] == [
        # The spelling shown is the most common; of equally common ones, the first typed.
        ("prepay", 4, 1, 2.5),
        ("refund policy", 3, 0, 0.0),
        ("card", 2, 0, 2.0),
        ("invoice pdf", 2, 0, 4.5),
        ("statement", 2, 1, 0.5),
        ("superbill", 1, 0, 0.0),
    ]


def test_queries_whose_searches_all_found_nothing_are_listed():
    summary = summarise_searches(SAMPLE)
    assert [(row.query, row.searches) for row in summary.no_results] == [("refund policy", 3), ("superbill", 1)]


def test_queries_that_found_results_nobody_opened_are_listed():
    summary = summarise_searches(SAMPLE)
    assert [(row.query, row.searches, row.mean_results) for row in summary.never_opened] == [
        ("card", 2, 2.0),
        ("invoice pdf", 2, 4.5),
    ]


def test_the_since_filter_keeps_the_searches_of_that_day_and_after(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    for search in SAMPLE:
        store.add_search(SearchReport(search.query, search.results, search.opened_path), day=search.day)
    summary = summarise_searches(store.searches(since="2026-11-13"), since="2026-11-13")
    assert [(row.query, row.searches) for row in summary.top] == [
        ("card", 2),
        ("invoice pdf", 2),
        ("Refund Policy", 2),
        ("statement", 2),
        ("superbill", 1),
    ]
    assert [row.query for row in summary.no_results] == ["Refund Policy", "superbill"]
    assert searches_text(summary).startswith("Top queries since 2026-11-13\n")


def test_the_limit_cuts_each_list_and_the_text_says_how_many_are_left_out():
    summary = summarise_searches(SAMPLE, limit=1)
    assert (len(summary.top), len(summary.no_results), len(summary.never_opened)) == (1, 1, 1)
    text = searches_text(summary)
    assert "(1 of 6 shown; --limit shows more)" in text
    assert "(1 of 2 shown; --limit shows more)" in text


def test_the_text_report_is_four_tables():
    assert searches_text(summarise_searches(SAMPLE[:10])) == (
        "Top queries\n"
        "===========\n"
        "query          searches  opens  mean results\n"
        "-------------  --------  -----  ------------\n"
        "prepay                4      1           2.5\n"
        "refund policy         3      0           0.0\n"
        "invoice pdf           2      0           4.5\n"
        "\n"
        "Queries with no results\n"
        "=======================\n"
        "query          searches\n"
        "-------------  --------\n"
        "refund policy         3\n"
        "\n"
        "Words of those queries, to add as synonyms\n"
        "==========================================\n"
        "Add each to search: synonyms: in mkdocs.yml beside the word the articles use (invoice: [bill]), or write the article it asks for.\n"
        "word    searches\n"
        "------  --------\n"
        "policy         3\n"
        "refund         3\n"
        "\n"
        "Queries whose results were never opened\n"
        "=======================================\n"
        "query        searches with results  mean results\n"
        "-----------  ---------------------  ------------\n"
        "invoice pdf                      2           4.5\n"
    )


def test_with_no_searches_each_list_says_it_is_empty():
    assert searches_text(summarise_searches([])) == (
        "Top queries\n===========\nNo searches yet.\n\n"
        "Queries with no results\n=======================\nNo query went without results.\n\n"
        "Words of those queries, to add as synonyms\n==========================================\nNo word to add.\n\n"
        "Queries whose results were never opened\n=======================================\n"
        "No query's results went unopened.\n"
    )


def test_the_json_report_holds_the_three_lists_with_plain_fields():
    report = json.loads(searches_json(summarise_searches(SAMPLE[:10])))
    assert report == {
        "top": [
            {"query": "prepay", "searches": 4, "opens": 1, "mean_results": 2.5},
            {"query": "refund policy", "searches": 3, "opens": 0, "mean_results": 0.0},
            {"query": "invoice pdf", "searches": 2, "opens": 0, "mean_results": 4.5},
        ],
        "no_results": [{"query": "refund policy", "searches": 3}],
        "words_without_results": [{"word": "policy", "searches": 3}, {"word": "refund", "searches": 3}],
        "never_opened": [{"query": "invoice pdf", "searches": 2, "mean_results": 4.5}],
    }


def test_a_query_only_reported_as_opened_has_no_mean():
    summary = summarise_searches([searched("prepay", 3, "/billing/pre-pay/")])
    assert [(row.searches, row.opens, row.mean_results) for row in summary.top] == [(0, 1, None)]
    assert "prepay         0      1             -" in searches_text(summary)
    assert json.loads(searches_json(summary))["top"][0]["mean_results"] is None


def table_rows(text: str) -> list[str]:
    """The data lines of the first table in a text report."""
    lines = text.split("\n")
    return lines[4 : lines.index("")]


def test_nothing_in_a_query_breaks_the_table():
    queries = [
        "a very long query that someone pasted into the search box out of sheer frustration",
        # Wide characters take two columns each: cut and padded by columns, not by characters.
        "家族プランの料金の支払い方法について詳しく知りたいです",
        # Written to the database by something other than the service: shown, not obeyed.
        "line one\nline two\ttab\x1b[31mred",
        "\u202eyap erp",
        "para\u2029graph",
        "cafe\u0301",
    ]
    text = searches_text(summarise_searches([searched(query, 1) for query in queries]))
    rows = table_rows(text)
    assert len(rows) == len(queries)
    # Every row's numbers end in the same column, and no row holds a line break or a direction change.
    assert len({display_width(row) for row in rows}) == 1, rows
    assert not any(character in text for character in "\r\t\x1b\u202e\u2029")
    assert rows[0].startswith("a very long query that someone pasted i… ")
    assert any(row.startswith("line one\\x0aline two\\x09tab\\x1b[31mred ") for row in rows)
    assert any(row.startswith("\\u202eyap erp ") for row in rows)
    assert any(row.startswith("家族プランの料金の支払い方法について詳…  ") for row in rows)
    assert any(row.startswith("cafe\u0301 ") for row in rows)


@pytest.mark.parametrize(
    ("text", "width", "cut"),
    [
        ("prepay", 6, "prepay"),
        ("prepaid card", 8, "prepaid…"),
        ("prepaid card", 9, "prepaid…"),
        ("家族プラン", 6, "家族…"),
        ("家族プラン", 10, "家族プラン"),
    ],
)
def test_truncate_counts_columns(text, width, cut):
    assert truncate(text, width) == cut
    assert display_width(truncate(text, width)) <= width


# --- The command ---------------------------------------------------------------------------------


def report(*args: str):
    return CliRunner().invoke(cli, ["feedback", "report", *args])


def test_the_command_prints_the_search_report_as_text_or_json(tmp_path: Path):
    database = tmp_path / "feedback.sqlite3"
    store = FeedbackStore(database)
    store.add_search(SearchReport("Prepay", 3), day="2026-11-14")
    store.add_search(SearchReport("superbill", 0), day="2026-11-15")

    text = report("--searches", "--db", str(database))
    assert text.exit_code == 0, text.output
    assert text.output.startswith("Top queries\n===========\nquery      searches  opens  mean results\n")

    since = report("--searches", "--db", str(database), "--since", "2026-11-15", "--format", "json")
    assert since.exit_code == 0, since.output
    assert json.loads(since.output) == {
        "top": [{"query": "superbill", "searches": 1, "opens": 0, "mean_results": 0.0}],
        "no_results": [{"query": "superbill", "searches": 1}],
        "words_without_results": [{"word": "superbill", "searches": 1}],
        "never_opened": [],
    }

    output = tmp_path / "reports" / "searches.txt"
    written = report("--searches", "--db", str(database), "--output", str(output))
    assert written.exit_code == 0, written.output
    assert output.read_text(encoding="utf-8") == text.output


def test_the_search_report_of_a_missing_database_names_it(tmp_path: Path):
    database = tmp_path / "nothing.sqlite3"
    result = report("--searches", "--db", str(database))
    assert result.exit_code == 1
    assert result.output == f"Error: {database}: no feedback database here (`helpcentre feedback serve` makes one)\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not database.exists()


def test_the_search_options_need_searches(tmp_path: Path):
    database = tmp_path / "feedback.sqlite3"
    FeedbackStore(database)
    result = report("--db", str(database), "--since", "2026-11-01", "--format", "json")
    assert result.exit_code == 2
    assert result.output == "Error: --since, --format: only for the search report; add --searches\n"


def test_a_since_that_is_no_date_is_refused_naming_the_option(tmp_path: Path):
    database = tmp_path / "feedback.sqlite3"
    FeedbackStore(database)
    result = report("--searches", "--db", str(database), "--since", "14/11/2026")
    assert result.exit_code == 2
    assert "Invalid value for '--since': '14/11/2026' does not match the format '%Y-%m-%d'." in result.output


def test_the_words_of_queries_with_no_results_are_counted_without_the_words_of_the_question():
    summary = summarise_searches(
        [searched("How do I cancel my subscription?", 0), searched("cancel subscription", 0), searched("hipaa", 0)]
        + [searched("cancel", 2)]
    )
    assert [(row.word, row.searches) for row in summary.words_without_results] == [
        ("cancel", 2),
        ("subscription", 2),
        ("hipaa", 1),
    ]
