"""`POST /v1/feedback`: the endpoint that the site's "Was this article helpful?" widget posts to.

Only the site's own origins may post (CORS, and a 403 for any other origin or none), each
client at most a few votes a minute (429 with Retry-After), each body at most a few dozen KiB
(413), nested no deeper than a vote is (400), and sent whole within a few seconds (408).
Served by waitress, a production WSGI server, until SIGINT or SIGTERM.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from helpcentre.feedback.intake import MAX_COMMENT_CHARACTERS, MAX_PAGE_URL_CHARACTERS, InvalidVote, parse_vote_body
from helpcentre.feedback.rate_limit import RateLimiter
from helpcentre.feedback.request_deadline import answer_late_requests
from helpcentre.feedback.store import FeedbackStore
from helpcentre.wsgi_serving import WaitressServer

log = logging.getLogger(__name__)

FEEDBACK_PATH = "/v1/feedback"
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
DEFAULT_VOTES_PER_MINUTE = 10
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


def create_app(
    store: FeedbackStore,
    allowed_origins: Iterable[str],
    *,
    votes_per_minute: int = DEFAULT_VOTES_PER_MINUTE,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> Flask:
    """The feedback service over `store`, answering pages from `allowed_origins` only."""
    origins = frozenset(origin_of(origin) for origin in allowed_origins)
    if not origins:
        raise OriginError("at least one origin must be allowed to post votes")
    limiter = RateLimiter(votes_per_minute, window=60.0)
    # Votes are told apart per client without keeping its address, not even across restarts.
    client_key_secret = secrets.token_bytes(32)

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = max_body_bytes

    def error(status: int, message: str, field: str | None = None) -> Response:
        body = {"error": message} if field is None else {"error": f"{field}: {message}", "field": field}
        response = jsonify(body)
        response.status_code = status
        return response

    def allowed_origin() -> str | None:
        origin = request.headers.get("Origin")
        return origin if origin in origins else None

    @app.get(HEALTH_PATH)
    def healthz():
        return {"status": "ok"}

    @app.route(FEEDBACK_PATH, methods=["POST", "OPTIONS"], provide_automatic_options=False)
    def feedback():
        origin = allowed_origin()
        if origin is None:
            sent = request.headers.get("Origin")
            if sent is None:
                return error(403, "only the help centre's pages may post feedback, and this request names no Origin")
            return error(403, f"{sent} may not post feedback here")
        if request.method == "OPTIONS":
            return preflight()
        client = request.remote_addr or "unknown"
        wait = limiter.retry_after(client)
        if wait:
            response = error(429, f"too many votes; try again in {wait} s")
            response.headers["Retry-After"] = str(wait)
            return response
        if request.mimetype != "application/json":
            return error(415, "send the vote as application/json")
        if request.content_length is not None and request.content_length > max_body_bytes:
            return error(413, f"a vote is at most {max_body_bytes} bytes")
        try:
            vote = parse_vote_body(request.get_data(cache=False))
        except InvalidVote as invalid:
            return error(400, invalid.message, field=invalid.field)
        key = hmac.new(client_key_secret, client.encode(), hashlib.sha256).hexdigest()[:16]
        vote_id = store.add(vote, client_key=key)
        log.info("vote %d: article %d, %s", vote_id, vote.article_id, "yes" if vote.helpful else "no")
        response = jsonify({"id": vote_id})
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
            # A body past MAX_CONTENT_LENGTH that announced no length is stopped while read.
            return error(413, f"a vote is at most {max_body_bytes} bytes")
        return error(exception.code or 500, exception.description or exception.name)

    @app.after_request
    def allow_the_site(response: Response) -> Response:
        if request.path == FEEDBACK_PATH:
            # The answer differs by origin: a cache must not hand one origin's answer to another.
            response.vary.add("Origin")
            origin = allowed_origin()
            if origin is not None:
                response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Cache-Control"] = "no-store"
        return response

    return app


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
        # waitress refuses far larger bodies itself, before the app reads a byte of them.
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
