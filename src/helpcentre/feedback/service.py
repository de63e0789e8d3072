"""`POST /v1/feedback`, where the site's "Was this article helpful?" widget posts, and
`POST /v1/searches`, where its search box reports the queries readers settle on.

A "No" is posted as soon as it is clicked and answered with a key; the comment the reader may
then write follows as `POST /v1/feedback/<id>/comment` with that key, once.

Only the site's own origins may post (CORS, and a 403 for any other origin or none), each
client at most a few votes and a few dozen search reports a minute (429 with Retry-After), each
body at most a few dozen KiB for a vote and a few KiB for a search report (413), nested no
deeper than either is (400), and sent whole within a few seconds (408). Served by waitress, a
production WSGI server, until SIGINT or SIGTERM.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from helpcentre.feedback.intake import (
    MAX_COMMENT_CHARACTERS,
    MAX_OPENED_CHARACTERS,
    MAX_PAGE_URL_CHARACTERS,
    MAX_QUERY_CHARACTERS,
    InvalidSearchReport,
    InvalidVote,
    parse_comment_body,
    parse_search_report_body,
    parse_vote_body,
)
from helpcentre.feedback.oversized_bodies import answer_oversized_bodies_unread
from helpcentre.feedback.rate_limit import RateLimiter
from helpcentre.feedback.request_deadline import answer_late_requests
from helpcentre.feedback.store import FeedbackStore
from helpcentre.wsgi_serving import WaitressServer

log = logging.getLogger(__name__)

FEEDBACK_PATH = "/v1/feedback"
SEARCHES_PATH = "/v1/searches"
HEALTH_PATH = "/healthz"
# The limits that matter are on characters, checked once the JSON is decoded (intake.py). The
# byte limit only protects the server, so it leaves room for the longest valid vote however it
# is written: every character of its comment and page as a \u escape, which is 6 bytes, or 12
# for a character past U+FFFF (a surrogate pair, \ud83d\ude00), and 2 KiB for the rest of the JSON.
MAX_ESCAPED_CHARACTER_BYTES = 12
MAX_BODY_BYTES = MAX_ESCAPED_CHARACTER_BYTES * (MAX_COMMENT_CHARACTERS + MAX_PAGE_URL_CHARACTERS) + 2048
# A vote is a few KiB at most: a client that has not sent all of it this long after its first
# byte is answered 408, rather than kept waiting (and waiting for) until the connection times out.
REQUEST_TIMEOUT_SECONDS = 3.0
# A search report is far smaller, and the site writes it with JSON.stringify, which escapes no
# letter: room for every character of the longest valid one in UTF-8, 4 bytes at most, and
# 1 KiB for the rest (names, the number, spaces the query loses when collapsed): under 10 KiB.
# A report spelled all in \u escapes may not fit; no page sends one.
MAX_UTF8_CHARACTER_BYTES = 4
MAX_SEARCH_BODY_BYTES = MAX_UTF8_CHARACTER_BYTES * (MAX_QUERY_CHARACTERS + MAX_OPENED_CHARACTERS) + 1024
DEFAULT_VOTES_PER_MINUTE = 10
# A reader refines a query a few times and opens a result or two, a few reports a search.
DEFAULT_SEARCHES_PER_MINUTE = 30
# How long a browser may reuse a preflight's answer.
PREFLIGHT_MAX_AGE_SECONDS = 600


class OriginError(ValueError):
    """Not an origin like https://help.example.com."""


def origin_of(url: str) -> str:
    """The origin of a URL (scheme, host and port, as a browser's Origin header spells it)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OriginError(f"{url!r} is not an origin like https://help.example.com")
    default_port = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    port = f":{parts.port}" if parts.port and parts.port != default_port else ""
    return f"{parts.scheme}://{host}{port}"


@dataclass(frozen=True)
class _Intake:
    """What one POST endpoint takes, and how its answers name it."""

    noun: str  # "vote": what one request carries
    plural: str
    posting: str  # "post feedback": what another origin may not do
    media_types: frozenset[str]
    media_types_in_words: str
    max_body_bytes: int
    limiter: RateLimiter


def create_app(
    store: FeedbackStore,
    allowed_origins: Iterable[str],
    *,
    votes_per_minute: int = DEFAULT_VOTES_PER_MINUTE,
    searches_per_minute: int = DEFAULT_SEARCHES_PER_MINUTE,
    max_body_bytes: int = MAX_BODY_BYTES,
    max_search_body_bytes: int = MAX_SEARCH_BODY_BYTES,
) -> Flask:
    """The feedback service over `store`, answering pages from `allowed_origins` only."""
    origins = frozenset(origin_of(origin) for origin in allowed_origins)
    if not origins:
        raise OriginError("at least one origin must be allowed to post votes")
    votes = _Intake(
        noun="vote",
        plural="votes",
        posting="post feedback",
        media_types=frozenset({"application/json"}),
        media_types_in_words="application/json",
        max_body_bytes=max_body_bytes,
        limiter=RateLimiter(votes_per_minute, window=60.0),
    )
    # Searches have a limiter of their own: a reader who searches a lot can still vote.
    searches = _Intake(
        noun="search report",
        plural="search reports",
        posting="report searches",
        # text/plain is what the site sends: a "simple" request needs no preflight, so a report
        # sent while the page unloads is not lost waiting for one.
        media_types=frozenset({"text/plain", "application/json"}),
        media_types_in_words="text/plain or application/json",
        max_body_bytes=max_search_body_bytes,
        limiter=RateLimiter(searches_per_minute, window=60.0),
    )
    intakes = {FEEDBACK_PATH: votes, SEARCHES_PATH: searches}
    # Votes are told apart per client without keeping its address, not even across restarts.
    client_key_secret = secrets.token_bytes(32)

    app = Flask(__name__)
    # The ceiling for a body that announces no length, read until it passes this; each endpoint
    # checks its own, lower or equal, limit too.
    app.config["MAX_CONTENT_LENGTH"] = max(max_body_bytes, max_search_body_bytes)

    def error(status: int, message: str, field: str | None = None) -> Response:
        body = {"error": message} if field is None else {"error": f"{field}: {message}", "field": field}
        response = jsonify(body)
        response.status_code = status
        return response

    def allowed_origin() -> str | None:
        origin = request.headers.get("Origin")
        return origin if origin in origins else None

    def too_large(intake: _Intake) -> Response:
        return error(413, f"a {intake.noun} is at most {intake.max_body_bytes} bytes")

    def answer_before_reading(intake: _Intake) -> Response | None:
        """The answer to a request that is settled before its body is read, or None to read it.

        Another origin or none (403), a preflight (204), a client over its rate (429), a body
        of another type (415) or one announced too large (413).
        """
        if allowed_origin() is None:
            sent = request.headers.get("Origin")
            if sent is None:
                return error(
                    403, f"only the help centre's pages may {intake.posting}, and this request names no Origin"
                )
            return error(403, f"{sent} may not {intake.posting} here")
        if request.method == "OPTIONS":
            return preflight()
        wait = intake.limiter.retry_after(client_address())
        if wait:
            response = error(429, f"too many {intake.plural}; try again in {wait} s")
            response.headers["Retry-After"] = str(wait)
            return response
        if request.mimetype not in intake.media_types:
            return error(415, f"send the {intake.noun} as {intake.media_types_in_words}")
        if request.content_length is not None and request.content_length > intake.max_body_bytes:
            return too_large(intake)
        return None

    def client_address() -> str:
        return request.remote_addr or "unknown"

    @app.get(HEALTH_PATH)
    def healthz():
        return {"status": "ok"}

    @app.route(FEEDBACK_PATH, methods=["POST", "OPTIONS"], provide_automatic_options=False)
    def feedback():
        answer = answer_before_reading(votes)
        if answer is not None:
            return answer
        try:
            vote = parse_vote_body(request.get_data(cache=False))
        except InvalidVote as invalid:
            return error(400, invalid.message, field=invalid.field)
        key = hmac.new(client_key_secret, client_address().encode(), hashlib.sha256).hexdigest()[:16]
        vote_id = store.add(vote, client_key=key)
        log.info("vote %d: article %d, %s", vote_id, vote.article_id, "yes" if vote.helpful else "no")
        if vote.helpful or vote.comment:
            return created(vote_id)
        # A "No" comes when it is clicked; the reader may write why next, sent with this key.
        comment_key = secrets.token_urlsafe(16)
        store.await_comment(vote_id, _key_hash(comment_key))
        return created(vote_id, comment_key=comment_key)

    @app.route(FEEDBACK_PATH + "/<int:vote_id>/comment", methods=["POST", "OPTIONS"], provide_automatic_options=False)
    def comment(vote_id: int):
        answer = answer_before_reading(votes)
        if answer is not None:
            return answer
        try:
            key, text = parse_comment_body(request.get_data(cache=False))
        except InvalidVote as invalid:
            return error(400, invalid.message, field=invalid.field)
        if not store.add_comment(vote_id, _key_hash(key), text):
            return error(
                404, f"vote {vote_id} takes no comment with this key: it has one, or the key is another vote's"
            )
        log.info("vote %d: a comment", vote_id)
        return created(vote_id)

    @app.route(SEARCHES_PATH, methods=["POST", "OPTIONS"], provide_automatic_options=False)
    def search_reports():
        answer = answer_before_reading(searches)
        if answer is not None:
            return answer
        # Read no more than a search report can be, even from a body that announced no length.
        request.max_content_length = searches.max_body_bytes
        try:
            report = parse_search_report_body(request.get_data(cache=False))
        except InvalidSearchReport as invalid:
            return error(400, invalid.message, field=invalid.field)
        # Not logged: a log collector stamps each line to the second, and the row keeps only the day.
        return created(store.add_search(report))

    def created(row_id: int, **more: str) -> Response:
        response = jsonify({"id": row_id, **more})
        response.status_code = 201
        return response

    def preflight() -> Response:
        response = Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = "POST"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type"
        response.headers["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE_SECONDS)
        # Chromium asks before a public page may reach a service on a private address.
        if request.headers.get("Access-Control-Request-Private-Network") == "true":
            response.headers["Access-Control-Allow-Private-Network"] = "true"
        return response

    @app.errorhandler(HTTPException)
    def http_error(exception: HTTPException):
        if exception.code == 413:
            # A body past the limit that announced no length is stopped while read.
            return too_large(intakes.get(request.path, votes))
        return error(exception.code or 500, exception.description or exception.name)

    @app.after_request
    def allow_the_site(response: Response) -> Response:
        if request.path in intakes or request.path.startswith(FEEDBACK_PATH + "/"):
            # The answer differs by origin: a cache must not hand one origin's answer to another.
            response.vary.add("Origin")
            origin = allowed_origin()
            if origin is not None:
                response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Cache-Control"] = "no-store"
        return response

    return app


def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class FeedbackServer(WaitressServer):
    """The service listening on `host:port` (`port=0`: the OS picks); bound once this object exists."""

    def __init__(
        self,
        app: Flask,
        host: str = "127.0.0.1",
        port: int = 0,
        threads: int = 4,
        request_timeout: float = REQUEST_TIMEOUT_SECONDS,
    ):
        # A body that announces no length is read until it passes this; waitress then refuses it itself.
        super().__init__(
            app,
            host=host,
            port=port,
            threads=threads,
            ident="helpcentre-feedback",
            description="the feedback service",
            max_request_body_size=16 * MAX_BODY_BYTES,
        )
        answer_late_requests(self._server, request_timeout)
        # A body announced past every limit of the app is answered 413 by the app before a byte
        # of it is read, and the client then gets as long to finish sending it as a request has.
        answer_oversized_bodies_unread(self._server, app.config["MAX_CONTENT_LENGTH"], request_timeout)
