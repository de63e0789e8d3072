"""What a vote request may hold, checked field by field, so that a 400 names the field at fault."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError, field_validator

from helpcentre.feedback.store import Vote

MAX_COMMENT_CHARACTERS = 1000
MAX_PAGE_URL_CHARACTERS = 2000
# SQLite's largest integer: a larger id could be no article's, and could not be stored.
MAX_ARTICLE_ID = 2**63 - 1
# A vote is one object of plain values: nothing in it nests, so any deeper body is not a vote.
# Checked before parsing, because Python's parser recurses and fails on a few thousand levels.
MAX_JSON_DEPTH = 1

# A whole string (escapes and all), an unterminated one (a lone quote), or a bracket.
_JSON_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|"|[\[\]{}]', re.DOTALL)


class InvalidVote(ValueError):
    """A request that is not a vote; `field` names what is wrong, for the client to point at."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class VoteRequest(BaseModel):
    """The body of `POST /v1/feedback`."""

    model_config = ConfigDict(extra="forbid")

    article: StrictInt = Field(ge=1, le=MAX_ARTICLE_ID)
    helpful: StrictBool
    comment: StrictStr | None = Field(default=None, max_length=MAX_COMMENT_CHARACTERS)
    page: StrictStr | None = Field(default=None, max_length=MAX_PAGE_URL_CHARACTERS)

    @field_validator("comment")
    @classmethod
    def _blank_comment_is_none(cls, comment: str | None) -> str | None:
        return (comment or "").strip() or None

    @field_validator("page")
    @classmethod
    def _page_is_a_web_address(cls, page: str | None) -> str | None:
        if page is None:
            return None
        parts = urlsplit(page)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must be the http:// or https:// address of the article")
        # A query or fragment says nothing about the article and may say something about the reader.
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def parse_vote_body(body: bytes) -> Vote:
    """The vote in a request's raw body, or InvalidVote naming what is wrong with it."""
    try:
        # Any of the encodings JSON allows (UTF-8, -16 or -32), as json.loads reads bytes, but
        # strictly: a lone surrogate could not be stored.
        text = body.decode(json.detect_encoding(body))
    except UnicodeDecodeError:
        raise InvalidVote("body", "must be a JSON object") from None
    depth = nesting_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise InvalidVote("body", f"nested {depth} levels deep; a vote is one JSON object with nothing nested in it")
    try:
        payload = json.loads(text)
    except ValueError:
        raise InvalidVote("body", "must be a JSON object") from None
    return parse_vote(payload)


def nesting_depth(text: str) -> int:
    """How deep the arrays and objects in JSON `text` nest, counted in one pass, without recursion.

    Brackets inside strings do not count. Text that is not JSON gets some count all the same;
    the parser then says what is wrong with it.
    """
    depth = deepest = 0
    for match in _JSON_STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth -= 1
        elif token == '"':
            # A string that never ends: nothing after it is JSON, and scanning on could take long.
            break
    return deepest


def parse_vote(payload: Any) -> Vote:
    """The vote in a decoded JSON body, or InvalidVote naming the first field at fault."""
    if not isinstance(payload, dict):
        raise InvalidVote("body", "must be a JSON object")
    try:
        request = VoteRequest.model_validate(payload)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        field = ".".join(str(part) for part in first["loc"]) or "body"
        if first["type"] == "extra_forbidden":
            raise InvalidVote(field, "unknown field; a vote has article, helpful, comment and page") from None
        raise InvalidVote(field, _message(first)) from None
    return Vote(request.article, request.helpful, request.comment, request.page)


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required"
    if kind == "bool_type":
        return "must be true or false"
    if kind == "int_type":
        return "must be the article's id, a whole number"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"must be an article id, from 1 to {MAX_ARTICLE_ID}"
    if kind == "string_too_long":
        return f"must be at most {error['ctx']['max_length']} characters"
    if kind == "string_type":
        return "must be text"
    if kind == "string_unicode":
        return "must be text; \\ud800 to \\udfff are each half of a character and cannot stand alone"
    return error["msg"].removeprefix("Value error, ")
