"""`helpcentre feedback serve` as a real process on localhost, and `helpcentre feedback report`."""

from __future__ import annotations

import http.client
import json
import re
import select
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from integration.feedback_client import OTHER_SITE, SITE, send, stored_rows

from helpcentre.feedback.process import FeedbackProcess
from helpcentre.feedback.service import MAX_BODY_BYTES, REQUEST_TIMEOUT_SECONDS
from helpcentre.feedback.store import FeedbackStore, Vote

GUIDE_URL = f"{SITE}/billing/change-card-or-bank-info/"
GUIDE_TITLE = "How to change the card or bank info for your Therasoft monthly invoice"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    """One service for the module, with a limit high enough that only the rate test meets one."""
    database = tmp_path_factory.mktemp("feedback") / "feedback.sqlite3"
    with FeedbackProcess(database, [SITE], votes_per_minute=1000) as running:
        yield running


@pytest.fixture
def votes_before(service: FeedbackProcess) -> int:
    return len(stored_votes(service.database))


def test_a_vote_is_answered_201_and_stored_in_sqlite(service: FeedbackProcess, votes_before: int):
    vote = {
        "article": 101,
        "helpful": False,
        "comment": "  I could not find the Save button.  ",
        "page": GUIDE_URL + "?utm_source=reply#step-3",
    }
    status, headers, body = send(service.endpoint, vote)
    assert status == 201
    assert headers["Access-Control-Allow-Origin"] == SITE
    rows = stored_votes(service.database)
    assert len(rows) == votes_before + 1
    row = rows[-1]
    assert body == {"id": row["id"]}
    assert {key: row[key] for key in ("article_id", "helpful", "comment", "page_url")} == {
        "article_id": 101,
        "helpful": 0,
        "comment": "I could not find the Save button.",
        "page_url": GUIDE_URL,
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row["created_at"])
    # The client is told apart by a keyed hash, never by its address.
    assert re.fullmatch(r"[0-9a-f]{16}", row["client_key"])


def test_a_yes_vote_needs_only_the_article_and_the_answer(service: FeedbackProcess, votes_before: int):
    status, _, _ = send(service.endpoint, {"article": 205, "helpful": True})
    assert status == 201
    row = stored_votes(service.database)[-1]
    assert (row["article_id"], row["helpful"], row["comment"], row["page_url"]) == (205, 1, None, None)


@pytest.mark.parametrize(
    ("body", "field", "error"),
    [
        ({"helpful": True}, "article", "article: required"),
        ({"article": "101", "helpful": True}, "article", "article: must be the article's id, a whole number"),
        ({"article": 0, "helpful": True}, "article", f"article: must be an article id, from 1 to {2**63 - 1}"),
        ({"article": 2**63, "helpful": True}, "article", f"article: must be an article id, from 1 to {2**63 - 1}"),
        ({"article": 101}, "helpful", "helpful: required"),
        ({"article": 101, "helpful": "no"}, "helpful", "helpful: must be true or false"),
        ({"article": 101, "helpful": False, "comment": 42}, "comment", "comment: must be text"),
        (
            {"article": 101, "helpful": False, "comment": "x" * 1001},
            "comment",
            "comment: must be at most 1000 characters",
        ),
        (
            {"article": 101, "helpful": True, "page": "javascript:alert(1)"},
            "page",
            "page: must be the http:// or https:// address of the article",
        ),
        (
            {"article": 101, "helpful": True, "rating": 5},
            "rating",
            "rating: unknown field; a vote has article, helpful, comment and page",
        ),
        (
            {"article": 101, "helpful": False, "comment": "\ud800"},
            "comment",
            "comment: must be text; \\ud800 to \\udfff are each half of a character and cannot stand alone",
        ),
        (b"{not json", "body", "body: must be a JSON object"),
        (b"[101, true]", "body", "body: must be a JSON object"),
        # Parsers differ on which of two values counts: neither does.
        (
            b'{"article": 101, "helpful": true, "helpful": false}',
            "helpful",
            "helpful: given more than once; a vote names each field once",
        ),
    ],
)
def test_bad_input_is_400_naming_the_field(service: FeedbackProcess, votes_before: int, body, field, error):
    status, headers, answer = send(service.endpoint, body)
    assert (status, answer) == (400, {"error": error, "field": field})
    # The page can read why: the answer carries the CORS header too.
    assert headers["Access-Control-Allow-Origin"] == SITE
    assert len(stored_votes(service.database)) == votes_before


def test_a_body_over_the_limit_is_413_but_the_longest_comment_fits(service: FeedbackProcess, votes_before: int):
    longest = {"article": 101, "helpful": False, "comment": "é" * 1000, "page": GUIDE_URL}
    assert send(service.endpoint, longest)[0] == 201
    oversized = json.dumps({"article": 101, "helpful": False, "padding": "x" * MAX_BODY_BYTES}).encode()
    status, _, answer = send(service.endpoint, oversized)
    assert (status, answer) == (413, {"error": f"a vote is at most {MAX_BODY_BYTES} bytes"})
    assert len(stored_votes(service.database)) == votes_before + 1


@pytest.mark.parametrize(
    ("body", "depth"),
    [
        (b"[" * 3000 + b"]" * 3000, 3000),
        (b'{"article": 101, "helpful": false, "comment": ' + b"[" * 3000 + b"]" * 3000 + b"}", 3001),
        (b'{"article": {"id": 101}, "helpful": true}', 2),
        # Brackets inside a string are text, not nesting.
        (b'{"article": ' + b"{" * 3000 + b'"x": "[[[{{{"', 3001),
    ],
    ids=["array-3000", "comment-3000", "article-object", "unclosed-with-brackets-in-a-string"],
)
def test_json_nested_deeper_than_a_vote_is_400_saying_so(
    service: FeedbackProcess, votes_before: int, body: bytes, depth: int
):
    status, headers, answer = send(service.endpoint, body)
    assert (status, answer) == (
        400,
        {
            "error": f"body: nested {depth} levels deep; a vote is one JSON object with nothing nested in it",
            "field": "body",
        },
    )
    assert headers["Access-Control-Allow-Origin"] == SITE
    assert len(stored_votes(service.database)) == votes_before
    # Brackets in the text of a vote are only text.
    vote = {"article": 101, "helpful": False, "comment": '[[[{{{ ]]]}}} \\" [['}
    assert send(service.endpoint, vote)[0] == 201
    assert stored_votes(service.database)[-1]["comment"] == '[[[{{{ ]]]}}} \\" [['


def escaped(text: str) -> str:
    """`text` as a JSON string with every character a \\u escape: a surrogate pair past U+FFFF."""
    units = text.encode("utf-16-be")
    return '"' + "".join(f"\\u{int.from_bytes(units[i : i + 2]):04x}" for i in range(0, len(units), 2)) + '"'


@pytest.mark.parametrize("character", ["é", "😀"], ids=["6-bytes-each", "surrogate-pairs"])
def test_a_valid_vote_written_all_in_escapes_is_stored_whatever_its_byte_count(
    service: FeedbackProcess, votes_before: int, character: str
):
    comment = character * 1000
    page = GUIDE_URL + "#" * (2000 - len(GUIDE_URL))
    body = f'{{"article": 101, "helpful": false, "comment": {escaped(comment)}, "page": {escaped(page)}}}'.encode()
    assert 8 * 1024 < len(body) <= MAX_BODY_BYTES
    status, _, answer = send(service.endpoint, body)
    assert status == 201, answer
    row = stored_votes(service.database)[-1]
    assert (row["comment"], row["page_url"]) == (comment, GUIDE_URL)
    # The limit is on decoded characters: one more, however it is written, is the comment's 400.
    body_over = body.replace(escaped(comment).encode(), escaped(comment + character).encode())
    status, _, answer = send(service.endpoint, body_over)
    assert (status, answer) == (400, {"error": "comment: must be at most 1000 characters", "field": "comment"})
    assert len(stored_votes(service.database)) == votes_before + 1


def start_request(service: FeedbackProcess, content_length: int, sent: bytes, *, headers_end: bool = True):
    """A socket on which a vote's request has begun: its headers (or part of them) and `sent` of its body."""
    address = urlsplit(service.url)
    connection = socket.create_connection((address.hostname, address.port), timeout=10)
    head = (
        f"POST /v1/feedback HTTP/1.1\r\nHost: {address.netloc}\r\nOrigin: {SITE}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {content_length}\r\n"
    )
    connection.sendall(head.encode() + (b"\r\n" + sent if headers_end else b""))
    return connection


def read_answer(connection: socket.socket) -> tuple[int, dict]:
    response = http.client.HTTPResponse(connection)
    response.begin()
    return response.status, json.loads(response.read())


def test_a_request_that_stops_short_is_408_within_seconds_and_other_votes_are_served_meanwhile(
    service: FeedbackProcess, votes_before: int
):
    started = time.monotonic()
    # More stalled requests than the service has worker threads (4).
    stalled = [start_request(service, 100, b'{"article": 101') for _ in range(6)]
    headers_only = start_request(service, 100, b"", headers_end=False)
    trickle = start_request(service, 100, b"{")
    try:
        status, _, _ = send(service.endpoint, {"article": 101, "helpful": True})
        assert status == 201
        assert time.monotonic() - started < REQUEST_TIMEOUT_SECONDS, "a vote waited for the stalled requests"

        # The deadline counts from a request's first byte: a byte every quarter second until just
        # before it does not put it off (an idle timeout would answer the trickle only after
        # `deadline`). The service looks at its deadlines once a second.
        answers: dict[socket.socket, tuple[int, dict]] = {}
        waiting = [*stalled, headers_only, trickle]
        trickle_until = started + REQUEST_TIMEOUT_SECONDS - 0.25
        deadline = started + REQUEST_TIMEOUT_SECONDS + 2.5
        while waiting and time.monotonic() < deadline:
            ready, _, _ = select.select(waiting, [], [], 0.25)
            for connection in ready:
                answers[connection] = read_answer(connection)
                waiting.remove(connection)
            if trickle in waiting and time.monotonic() < trickle_until:
                trickle.sendall(b" ")
        assert not waiting, f"{len(waiting)} request(s) unanswered {time.monotonic() - started:.1f} s after they began"
        within = f"within {REQUEST_TIMEOUT_SECONDS:g} s; nothing was saved"
        for connection in stalled:
            assert answers[connection] == (
                408,
                {
                    "error": "the request's body stopped short: 15 of the 100 bytes its Content-Length"
                    f" announced arrived {within}"
                },
            )
        assert answers[headers_only] == (408, {"error": f"the request's headers did not end {within}"})
        status, answer = answers[trickle]
        assert status == 408
        assert answer["error"].startswith("the request's body stopped short: ")
        assert answer["error"].endswith(within)
    finally:
        for connection in [*stalled, headers_only, trickle]:
            connection.close()
    assert len(stored_votes(service.database)) == votes_before + 1


def test_a_vote_that_is_not_json_is_415(service: FeedbackProcess, votes_before: int):
    status, _, answer = send(
        service.endpoint, b"article=101&helpful=true", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert (status, answer) == (415, {"error": "send the vote as application/json"})
    assert len(stored_votes(service.database)) == votes_before


def test_the_sites_origin_passes_the_preflight(service: FeedbackProcess):
    status, headers, _ = send(
        service.endpoint,
        method="OPTIONS",
        headers={"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == SITE
    assert headers["Access-Control-Allow-Methods"] == "POST"
    assert headers["Access-Control-Allow-Headers"] == "Content-Type"
    assert "Origin" in headers["Vary"]


def test_another_origin_gets_403_and_no_cors_header(service: FeedbackProcess, votes_before: int):
    status, headers, _ = send(
        service.endpoint, method="OPTIONS", origin=OTHER_SITE, headers={"Access-Control-Request-Method": "POST"}
    )
    assert status == 403
    assert "Access-Control-Allow-Origin" not in headers
    status, headers, answer = send(service.endpoint, {"article": 101, "helpful": True}, origin=OTHER_SITE)
    assert (status, answer) == (403, {"error": f"{OTHER_SITE} may not post feedback here"})
    assert "Access-Control-Allow-Origin" not in headers
    status, headers, answer = send(service.endpoint, {"article": 101, "helpful": True}, origin=None)
    assert (status, answer) == (
        403,
        {"error": "only the help centre's pages may post feedback, and this request names no Origin"},
    )
    assert "Access-Control-Allow-Origin" not in headers
    assert len(stored_votes(service.database)) == votes_before


def test_health_check_answers(service: FeedbackProcess):
    status, _, answer = send(service.url + "healthz", method="GET", origin=None)
    assert (status, answer) == (200, {"status": "ok"})


def test_a_client_over_the_rate_gets_429_with_retry_after(tmp_path: Path):
    with FeedbackProcess(tmp_path / "feedback.sqlite3", [SITE], votes_per_minute=3) as limited:
        statuses = [send(limited.endpoint, {"article": 101, "helpful": True})[0] for _ in range(3)]
        assert statuses == [201, 201, 201]
        status, headers, answer = send(limited.endpoint, {"article": 101, "helpful": True})
        assert status == 429
        assert 1 <= int(headers["Retry-After"]) <= 60
        assert answer == {"error": f"too many votes; try again in {headers['Retry-After']} s"}
        assert headers["Access-Control-Allow-Origin"] == SITE
        # A preflight is not a vote: the browser can still ask, and hear why it must wait.
        assert send(limited.endpoint, method="OPTIONS")[0] == 204
        assert len(stored_votes(limited.database)) == 3


def test_without_allow_origin_the_site_url_of_mkdocs_yml_is_allowed(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Fixture
            site_url: !ENV [HELPCENTRE_TEST_UNSET_SITE_URL, "https://help.example.com/centre/"]
            plugins:
              - helpcentre:
                  contact: {url: "mailto:billing@fixture.example"}
                  categories: [{key: billing, title: Billing}]
            """
        )
    )
    with FeedbackProcess(tmp_path / "feedback.sqlite3", [], config_file=tmp_path / "mkdocs.yml") as running:
        vote = {"article": 1, "helpful": True}
        status, headers, _ = send(running.endpoint, vote, origin="https://help.example.com")
        assert (status, headers["Access-Control-Allow-Origin"]) == (201, "https://help.example.com")
        assert send(running.endpoint, vote, origin=SITE)[0] == 403


def run_report(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "helpcentre", "feedback", "report", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_the_report_gives_votes_per_article_as_csv(tmp_path: Path, project_root: Path):
    database = tmp_path / "feedback.sqlite3"
    store = FeedbackStore(database)
    store.add(Vote(101, True, page_url=GUIDE_URL), created_at="2026-11-14T09:00:00Z")
    store.add(Vote(101, False, "Where is the Save button?"), created_at="2026-11-14T10:00:00Z")
    store.add(Vote(999, True), created_at="2026-11-13T12:00:00Z")
    # A comment that a spreadsheet would run as a formula is written as text.
    store.add(Vote(101, False, '=HYPERLINK("http://x")'), created_at="2026-11-15T08:30:00Z")

    completed = run_report("--db", str(database), "-f", str(project_root / "mkdocs.yml"))
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == (
        "article_id,title,url,yes,no,helpful_ratio,comments,last_vote_at\n"
        f'101,{GUIDE_TITLE},{GUIDE_URL},1,2,0.33,"\'=HYPERLINK(""http://x"")\n'
        'Where is the Save button?",2026-11-15T08:30:00Z\n'
        "999,,,1,0,1.00,,2026-11-13T12:00:00Z\n"
    )

    output = tmp_path / "reports" / "feedback.csv"
    completed = run_report("--db", str(database), "-f", str(project_root / "mkdocs.yml"), "--output", str(output))
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == f"Wrote 2 article(s) to {output}\n"
    assert output.read_text(encoding="utf-8").startswith("article_id,title,url,yes,no,helpful_ratio,comments,")


def test_the_report_of_a_missing_database_says_so(tmp_path: Path, project_root: Path):
    database = tmp_path / "nothing.sqlite3"
    completed = run_report("--db", str(database), "-f", str(project_root / "mkdocs.yml"))
    assert completed.returncode == 1
    assert completed.stderr == (
        f"Error: {database}: no feedback database here (`helpcentre feedback serve` makes one)\n"
    )
    assert not database.exists()


def stored_votes(database: Path) -> list[dict]:
    return stored_rows(database, "votes")


def test_a_no_is_answered_with_a_key_its_comment_follows_with_once(service: FeedbackProcess, votes_before: int):
    status, _, answer = send(service.endpoint, {"article": 101, "helpful": False, "page": GUIDE_URL})
    assert status == 201 and set(answer) == {"id", "comment_key"}
    comment_url = f"{service.endpoint}/{answer['id']}/comment"
    # Another vote's key, or none, adds nothing.
    assert send(comment_url, {"key": "not-the-key", "comment": "Hi"})[0] == 404
    status, _, error = send(comment_url, {"key": answer["comment_key"]})
    assert (status, error["field"]) == (400, "comment")
    status, headers, body = send(comment_url, {"key": answer["comment_key"], "comment": "  Where is Save?  "})
    assert (status, body, headers["Access-Control-Allow-Origin"]) == (201, {"id": answer["id"]}, SITE)
    rows = stored_votes(service.database)
    assert len(rows) == votes_before + 1
    assert (rows[-1]["helpful"], rows[-1]["comment"]) == (0, "Where is Save?")
    # One comment a vote: the key is spent.
    assert send(comment_url, {"key": answer["comment_key"], "comment": "And again"})[0] == 404
    assert stored_votes(service.database)[-1]["comment"] == "Where is Save?"
    # Only the site's own pages may send one.
    assert send(comment_url, {"key": answer["comment_key"], "comment": "x"}, origin=OTHER_SITE)[0] == 403


def test_a_yes_or_a_no_with_its_comment_gets_no_key(service: FeedbackProcess):
    assert set(send(service.endpoint, {"article": 101, "helpful": True})[2]) == {"id"}
    assert set(send(service.endpoint, {"article": 101, "helpful": False, "comment": "Wrong card"})[2]) == {"id"}
