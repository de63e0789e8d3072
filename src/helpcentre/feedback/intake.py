"""What a vote or a search report may hold, checked field by field, so that a 400 names the field at fault."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError, field_validator

from helpcentre.feedback.store import SearchReport, Vote

ModelT = TypeVar("ModelT", bound=BaseModel)

MAX_COMMENT_CHARACTERS = 1000
# The key a vote is answered with, to send its comment with: 22 characters of URL-safe base64.
MAX_COMMENT_KEY_CHARACTERS = 64
MAX_PAGE_URL_CHARACTERS = 2000
# SQLite's largest integer: a larger id could be no article's, and could not be stored.
MAX_ARTICLE_ID = 2**63 - 1
# Counted once the query's whitespace is trimmed and collapsed: what the reader typed.
MAX_QUERY_CHARACTERS = 200
MAX_SEARCH_RESULTS = 100_000
MAX_OPENED_CHARACTERS = 2000
# A vote, like a search report, is one object of plain values: nothing in it nests, so any
# deeper body is neither. Checked before parsing, because Python's parser recurses and fails on
# a few thousand levels.
MAX_JSON_DEPTH = 1

# A whole string (escapes and all), an unterminated one (a lone quote), or a bracket.
_JSON_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|"|[\[\]{}]', re.DOTALL)
# Unicode's White_Space characters. Not str.split's idea of whitespace, which takes in the
# control characters U+001C to U+001F as well: those are refused, not turned into spaces.
_WHITESPACE_RUN = re.compile("[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_LONE_SURROGATE = "must be text; \\ud800 to \\udfff are each half of a character and cannot stand alone"


class InvalidRequest(ValueError):
    """A body that is not what its endpoint takes; `field` names what is wrong, for the client to point at."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class InvalidVote(InvalidRequest):
    """A request that is not a vote."""


class InvalidSearchReport(InvalidRequest):
    """A request that is not a search report."""


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


class SearchReportRequest(BaseModel):
    """The body of `POST /v1/searches`: a query the reader settled on, or a result they opened from it."""

    model_config = ConfigDict(extra="forbid")

    query: StrictStr
    results: StrictInt = Field(ge=0, le=MAX_SEARCH_RESULTS)
    opened: StrictStr | None = Field(default=None, max_length=MAX_OPENED_CHARACTERS)

    @field_validator("query")
    @classmethod
    def _query_as_typed(cls, query: str) -> str:
        # Runs of spaces, tabs or line breaks say nothing about what was searched for.
        query = _WHITESPACE_RUN.sub(" ", query).strip(" ")
        _refuse_unprintable(query)
        if not query:
            raise ValueError("must not be blank")
        if len(query) > MAX_QUERY_CHARACTERS:
            raise ValueError(f"must be at most {MAX_QUERY_CHARACTERS} characters, once its spaces are trimmed")
        return query

    @field_validator("opened")
    @classmethod
    def _opened_path_only(cls, opened: str | None) -> str | None:
        if opened is None:
            return None
        _refuse_unprintable(opened)
        not_a_page = "must be a path on the site, starting with /, or an http:// or https:// address"
        try:
            parts = urlsplit(opened)
        except ValueError:
            # urlsplit refuses a malformed host, such as an unclosed [IPv6 address.
            raise ValueError(not_a_page) from None
        # "//host/path" starts with a slash but names another host: it is an address, not a path.
        is_site_path = opened.startswith("/") and not opened.startswith("//")
        if not is_site_path and (parts.scheme not in ("http", "https") or not parts.netloc):
            raise ValueError(not_a_page)
        # Only the path: a query or fragment may say something about the reader, and the host
        # is the site's own.
        return parts.path or "/"


def _refuse_unprintable(text: str) -> None:
    for character in text:
        category = unicodedata.category(character)
        if category == "Cs":
            raise ValueError(_LONE_SURROGATE)
        if category == "Cc":
            raise ValueError(f"must not hold control characters (it holds U+{ord(character):04X})")


def parse_vote_body(body: bytes) -> Vote:
    """The vote in a request's raw body, or InvalidVote naming what is wrong with it."""
    return parse_vote(_json_body(body, "a vote", InvalidVote))


def parse_search_report_body(body: bytes) -> SearchReport:
    """The search report in a request's raw body, or InvalidSearchReport naming what is wrong with it."""
    return parse_search_report(_json_body(body, "a search report", InvalidSearchReport))


def _json_body(body: bytes, kind: str, invalid: type[InvalidRequest]) -> Any:
    """The decoded JSON of a body that must be `kind`, one flat object; else `invalid`, naming the body."""
    try:
        # Any of the encodings JSON allows (UTF-8, -16 or -32), as json.loads reads bytes, but
        # strictly: a lone surrogate could not be stored.
        text = body.decode(json.detect_encoding(body))
    except UnicodeDecodeError:
        raise invalid("body", "must be a JSON object") from None
    depth = nesting_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise invalid("body", f"nested {depth} levels deep; {kind} is one JSON object with nothing nested in it")
    try:
        return json.loads(text, object_pairs_hook=functools.partial(_once_each, kind=kind, invalid=invalid))
    except InvalidRequest:
        raise
    except ValueError:
        raise invalid("body", "must be a JSON object") from None


def _once_each(pairs: list[tuple[str, Any]], *, kind: str, invalid: type[InvalidRequest]) -> dict[str, Any]:
    """A JSON object's fields, refused if it names one twice: parsers differ on which one counts."""
    fields: dict[str, Any] = {}
    for name, value in pairs:
        if name in fields:
            raise invalid(name, f"given more than once; {kind} names each field once")
        fields[name] = value
    return fields


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


class CommentRequest(BaseModel):
    """The body of `POST /v1/feedback/<vote id>/comment`: the key the vote was answered with, and the comment."""

    model_config = ConfigDict(extra="forbid")

    key: StrictStr = Field(min_length=1, max_length=MAX_COMMENT_KEY_CHARACTERS)
    comment: StrictStr = Field(max_length=MAX_COMMENT_CHARACTERS)

    @field_validator("comment")
    @classmethod
    def _said_something(cls, comment: str) -> str:
        comment = comment.strip()
        if not comment:
            raise ValueError("must say something; a vote without a comment needs no update")
        return comment


def parse_comment_body(body: bytes) -> tuple[str, str]:
    """The key and the comment in a request's raw body, or InvalidVote naming what is wrong."""
    request = _validated(
        CommentRequest,
        _json_body(body, "a comment", InvalidVote),
        InvalidVote,
        fields="a comment has key and comment",
        whole_number="must be text",
        in_range="must be text",
    )
    return request.key, request.comment


def parse_vote(payload: Any) -> Vote:
    """The vote in a decoded JSON body, or InvalidVote naming the first field at fault."""
    request = _validated(
        VoteRequest,
        payload,
        InvalidVote,
        fields="a vote has article, helpful, comment and page",
        whole_number="must be the article's id, a whole number",
        in_range=f"must be an article id, from 1 to {MAX_ARTICLE_ID}",
    )
    return Vote(request.article, request.helpful, request.comment, request.page)


def parse_search_report(payload: Any) -> SearchReport:
    """The search report in a decoded JSON body, or InvalidSearchReport naming the first field at fault."""
    request = _validated(
        SearchReportRequest,
        payload,
        InvalidSearchReport,
        fields="a search report has query, results and opened",
        whole_number="must be how many results the search showed, a whole number",
        in_range=f"must be how many results the search showed, from 0 to {MAX_SEARCH_RESULTS}",
    )
    return SearchReport(request.query, request.results, request.opened)


def _validated(
    model: type[ModelT],
    payload: Any,
    invalid: type[InvalidRequest],
    *,
    fields: str,
    whole_number: str,
    in_range: str,
) -> ModelT:
    """`payload` as `model`, or `invalid` naming the first field at fault and what it should be."""
    if not isinstance(payload, dict):
        raise invalid("body", "must be a JSON object")
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        field = ".".join(str(part) for part in first["loc"]) or "body"
        if first["type"] == "extra_forbidden":
            raise invalid(field, f"unknown field; {fields}") from None
        raise invalid(field, _message(first, whole_number=whole_number, in_range=in_range)) from None


def _message(error: dict[str, Any], *, whole_number: str, in_range: str) -> str:
    """What is wrong with a field, in words; `whole_number` and `in_range` speak of the body's one number."""
    kind = error["type"]
    if kind == "missing":
        return "required"
    if kind == "bool_type":
        return "must be true or false"
    if kind == "int_type":
        return whole_number
    if kind in ("greater_than_equal", "less_than_equal"):
        return in_range
    if kind == "string_too_long":
        return f"must be at most {error['ctx']['max_length']} characters"
    if kind == "string_type":
        return "must be text"
    if kind == "string_unicode":
        return _LONE_SURROGATE
    return error["msg"].removeprefix("Value error, ")
