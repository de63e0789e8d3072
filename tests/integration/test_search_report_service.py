"""`POST /v1/searches` on `helpcentre feedback serve`, a real process on localhost, and the report of what it stored."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from integration.feedback_client import OTHER_SITE, SITE, stored_rows
from integration.feedback_client import send as send_as

from helpcentre.feedback.process import FeedbackProcess
from helpcentre.feedback.service import MAX_SEARCH_BODY_BYTES

# What the site's search box sends: a "simple" request, so that no preflight is needed.
SEARCH_BOX_TYPE = "text/plain;charset=UTF-8"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    """One service for the module, with a limit high enough that only the rate test meets one."""
    database = tmp_path_factory.mktemp("searches") / "feedback.sqlite3"
    with FeedbackProcess(database, [SITE], searches_per_minute=1000) as running:
        yield running


@pytest.fixture
def searches_before(service: FeedbackProcess) -> int:
    return len(stored_searches(service.database))


def test_a_search_and_an_opened_result_are_answered_201_and_stored(service: FeedbackProcess, searches_before: int):
    status, headers, body = send(service.searches_endpoint, {"query": "  How do I\tPREPAY  ", "results": 3})
    assert status == 201
    assert headers["Access-Control-Allow-Origin"] == SITE
    assert "Origin" in headers["Vary"]
    assert headers["Cache-Control"] == "no-store"
    opened = {
        "query": "How do I PREPAY",
        "results": 3,
        "opened": "http://127.0.0.1:8000/billing/pre-pay/?email=reader@example.com#step-2",
    }
    status, _, opened_body = send(service.searches_endpoint, opened, content_type="application/json")
    assert status == 201

    rows = stored_searches(service.database)
    assert len(rows) == searches_before + 2
    search, open_ = rows[-2:]
    assert (body, opened_body) == ({"id": search["id"]}, {"id": open_["id"]})
    assert {key: search[key] for key in ("query", "query_key", "results", "opened_path")} == {
        "query": "How do I PREPAY",
        "query_key": "how do i prepay",
        "results": 3,
        "opened_path": None,
    }
    assert open_["opened_path"] == "/billing/pre-pay/"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", search["day"])


@pytest.mark.parametrize(
    ("body", "field", "error"),
    [
        ({"results": 3}, "query", "query: required"),
        ({"query": "   ", "results": 3}, "query", "query: must not be blank"),
        (
            {"query": "x" * 201, "results": 3},
            "query",
            "query: must be at most 200 characters, once its spaces are trimmed",
        ),
        ({"query": "pre\x07pay", "results": 3}, "query", "query: must not hold control characters (it holds U+0007)"),
        (
            {"query": "prepay", "results": True},
            "results",
            "results: must be how many results the search showed, a whole number",
        ),
        (
            {"query": "prepay", "results": 100_001},
            "results",
            "results: must be how many results the search showed, from 0 to 100000",
        ),
        (
            {"query": "prepay", "results": 3, "opened": "javascript:alert(1)"},
            "opened",
            "opened: must be a path on the site, starting with /, or an http:// or https:// address",
        ),
        (
            {"query": "prepay", "results": 3, "client": "abc"},
            "client",
            "client: unknown field; a search report has query, results and opened",
        ),
        (b"{not json", "body", "body: must be a JSON object"),
        (
            b'{"query": "prepay", "results": 3, "query": "refund"}',
            "query",
            "query: given more than once; a search report names each field once",
        ),
        (
            b'{"query": {"text": "prepay"}, "results": 3}',
            "body",
            "body: nested 2 levels deep; a search report is one JSON object with nothing nested in it",
        ),
    ],
)
def test_bad_input_is_400_naming_the_field(service: FeedbackProcess, searches_before: int, body, field, error):
    status, headers, answer = send(service.searches_endpoint, body)
    assert (status, answer) == (400, {"error": error, "field": field})
    # The page can read why: the answer carries the CORS header too.
    assert headers["Access-Control-Allow-Origin"] == SITE
    assert len(stored_searches(service.database)) == searches_before


def test_a_body_over_the_limit_is_413_but_the_longest_report_fits(service: FeedbackProcess, searches_before: int):
    # Every character as many UTF-8 bytes as any takes, as JSON.stringify writes it.
    longest = {"query": "😀" * 200, "results": 100_000, "opened": "/" + "😀" * 1999}
    body = json.dumps(longest, ensure_ascii=False).encode()
    assert 8 * 1024 < len(body) <= MAX_SEARCH_BODY_BYTES
    assert send(service.searches_endpoint, body)[0] == 201
    oversized = json.dumps({"query": "prepay", "results": 3, "padding": "x" * MAX_SEARCH_BODY_BYTES}).encode()
    status, headers, answer = send(service.searches_endpoint, oversized)
    assert (status, answer) == (413, {"error": f"a search report is at most {MAX_SEARCH_BODY_BYTES} bytes"})
    assert headers["Access-Control-Allow-Origin"] == SITE
    assert len(stored_searches(service.database)) == searches_before + 1


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/html"]
)
def test_a_report_of_another_type_is_415(service: FeedbackProcess, searches_before: int, content_type: str):
    status, headers, answer = send(service.searches_endpoint, b"query=prepay&results=3", content_type=content_type)
    assert (status, answer) == (415, {"error": "send the search report as text/plain or application/json"})
    assert headers["Access-Control-Allow-Origin"] == SITE
    assert len(stored_searches(service.database)) == searches_before


def test_the_sites_origin_passes_the_preflight(service: FeedbackProcess):
    status, headers, _ = send(
        service.searches_endpoint,
        method="OPTIONS",
        headers={"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == SITE
    assert headers["Access-Control-Allow-Methods"] == "POST"
    assert headers["Access-Control-Allow-Headers"] == "Content-Type"
    assert "Origin" in headers["Vary"]
    assert headers["Cache-Control"] == "no-store"


def test_another_origin_gets_403_and_no_cors_header(service: FeedbackProcess, searches_before: int):
    report = {"query": "prepay", "results": 3}
    status, headers, _ = send(
        service.searches_endpoint,
        method="OPTIONS",
        origin=OTHER_SITE,
        headers={"Access-Control-Request-Method": "POST"},
    )
    assert status == 403
    assert "Access-Control-Allow-Origin" not in headers
    status, headers, answer = send(service.searches_endpoint, report, origin=OTHER_SITE)
    assert (status, answer) == (403, {"error": f"{OTHER_SITE} may not report searches here"})
    assert "Access-Control-Allow-Origin" not in headers
    status, headers, answer = send(service.searches_endpoint, report, origin=None)
    assert (status, answer) == (
        403,
        {"error": "only the help centre's pages may report searches, and this request names no Origin"},
    )
    assert "Access-Control-Allow-Origin" not in headers
    assert len(stored_searches(service.database)) == searches_before


def test_nothing_stored_holds_the_client_address(service: FeedbackProcess):
    # One of each kind, from this client, then every column of every row of every table.
    send(service.searches_endpoint, {"query": "prepay", "results": 3})
    send(service.searches_endpoint, {"query": "prepay", "results": 3, "opened": "/billing/pre-pay/"})
    client = "127.0.0.1"
    connection = sqlite3.connect(service.database)
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "searches" in tables
        columns = [row[1] for row in connection.execute("PRAGMA table_info(searches)")]
        values = [value for table in tables for row in connection.execute(f'SELECT * FROM "{table}"') for value in row]
    finally:
        connection.close()
    assert columns == ["id", "query", "query_key", "results", "opened_path", "day"]
    assert values
    assert not [value for value in values if client in str(value)]
    # Nor anything finer than the day.
    days = [row["day"] for row in stored_searches(service.database)]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", day) for day in days)
    # Nor anywhere else in the files: a page freed but not yet overwritten, the write-ahead log.
    for path in service.database.parent.glob(service.database.name + "*"):
        assert client.encode() not in path.read_bytes(), path.name


def test_a_client_over_the_search_rate_gets_429_with_retry_after_and_can_still_vote(tmp_path: Path):
    with FeedbackProcess(tmp_path / "feedback.sqlite3", [SITE], searches_per_minute=2) as limited:
        report = {"query": "prepay", "results": 3}
        assert [send(limited.searches_endpoint, report)[0] for _ in range(2)] == [201, 201]
        status, headers, answer = send(limited.searches_endpoint, report)
        assert status == 429
        assert 1 <= int(headers["Retry-After"]) <= 60
        assert answer == {"error": f"too many search reports; try again in {headers['Retry-After']} s"}
        assert headers["Access-Control-Allow-Origin"] == SITE
        # A preflight is not a report: the browser can still ask, and hear why it must wait.
        assert send(limited.searches_endpoint, method="OPTIONS")[0] == 204
        # The votes have a limiter of their own.
        vote = {"article": 101, "helpful": True}
        assert send(limited.endpoint, vote, content_type="application/json")[0] == 201
        assert len(stored_searches(limited.database)) == 2


def test_the_report_lists_what_the_service_stored(tmp_path: Path):
    database = tmp_path / "feedback.sqlite3"
    with FeedbackProcess(database, [SITE]) as running:
        for report in [
            {"query": "Prepay", "results": 3},
            {"query": "prepay", "results": 1},
            {"query": "prepay", "results": 1, "opened": "/billing/pre-pay/"},
            {"query": "superbill", "results": 0},
        ]:
            assert send(running.searches_endpoint, report)[0] == 201
    command = [sys.executable, "-m", "helpcentre", "feedback", "report", "--searches", "--db", str(database)]
    completed = subprocess.run([*command, "--format", "json"], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == {
        "top": [
            # The spelling typed most often, the opened result's report counted.
            {"query": "prepay", "searches": 2, "opens": 1, "mean_results": 2.0},
            {"query": "superbill", "searches": 1, "opens": 0, "mean_results": 0.0},
        ],
        "no_results": [{"query": "superbill", "searches": 1}],
        "words_without_results": [{"word": "superbill", "searches": 1}],
        "never_opened": [],
    }


def send(url: str, body: bytes | dict | None = None, **options) -> tuple[int, dict[str, str], dict | None]:
    """One request, sent as the site's search box sends it unless `options` say otherwise."""
    return send_as(url, body, **{"content_type": SEARCH_BOX_TYPE, **options})


def stored_searches(database: Path) -> list[dict]:
    return stored_rows(database, "searches")
