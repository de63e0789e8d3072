"""A body far over the limit gets its 413, answered before the body is read, and the client
reads that answer instead of meeting a broken pipe or a reset connection."""

from __future__ import annotations

import http.client
import json
import socket
from urllib.parse import urlsplit

import pytest
from integration.feedback_client import SITE, send, stored_rows

from helpcentre.feedback.process import FeedbackProcess
from helpcentre.feedback.service import MAX_BODY_BYTES, MAX_SEARCH_BODY_BYTES

MEGABYTE = 1024 * 1024


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    database = tmp_path_factory.mktemp("oversized") / "feedback.sqlite3"
    with FeedbackProcess(database, [SITE], votes_per_minute=1000, searches_per_minute=1000) as running:
        yield running


@pytest.mark.parametrize("size", [MEGABYTE, 3 * MEGABYTE], ids=["1-MB", "3-MB"])
def test_a_vote_of_megabytes_is_answered_413(service: FeedbackProcess, size: int):
    body = json.dumps({"article": 101, "helpful": False, "comment": "x" * size}).encode()
    status, headers, answer = send(service.endpoint, body)
    assert (status, answer) == (413, {"error": f"a vote is at most {MAX_BODY_BYTES} bytes"})
    assert headers["Access-Control-Allow-Origin"] == SITE, "the page can read why"
    assert headers["Connection"] == "close"
    assert send(service.endpoint, {"article": 101, "helpful": True})[0] == 201, "the service goes on serving"
    assert [row["comment"] for row in stored_rows(service.database, "votes")][-1:] == [None]


def test_a_search_report_of_a_megabyte_is_answered_413(service: FeedbackProcess):
    body = json.dumps({"query": "prepay", "results": 3, "opened": "/" + "x" * MEGABYTE}).encode()
    status, headers, answer = send(service.searches_endpoint, body, content_type="text/plain;charset=UTF-8")
    assert (status, answer) == (413, {"error": f"a search report is at most {MAX_SEARCH_BODY_BYTES} bytes"})
    assert headers["Access-Control-Allow-Origin"] == SITE


def test_the_413_comes_before_the_body_is_sent(service: FeedbackProcess):
    """A client that waits for an answer before it sends its body (as after `Expect: 100-continue`) gets it."""
    address = urlsplit(service.url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(
            f"POST /v1/feedback HTTP/1.1\r\nHost: {address.netloc}\r\nOrigin: {SITE}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {MEGABYTE}\r\nExpect: 100-continue\r\n\r\n".encode()
        )
        response = http.client.HTTPResponse(connection)
        response.begin()
        status, answer = response.status, json.loads(response.read())
    assert (status, answer) == (413, {"error": f"a vote is at most {MAX_BODY_BYTES} bytes"})
