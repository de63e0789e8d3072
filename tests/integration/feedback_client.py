"""A client of the feedback service for the tests: one request, and the rows the service stored."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path

SITE = "http://127.0.0.1:8000"
OTHER_SITE = "https://elsewhere.example"


def send(
    url: str,
    body: bytes | dict | None = None,
    *,
    origin: str | None = SITE,
    method: str = "POST",
    content_type: str | None = "application/json",
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], dict | None]:
    """(status, headers, JSON body or None) of one request, whatever its status."""
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None and content_type is not None:
        request.add_header("Content-Type", content_type)
    if origin is not None:
        request.add_header("Origin", origin)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, answer_headers, text = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, answer_headers, text = error.code, dict(error.headers), error.read()
    return status, answer_headers, json.loads(text) if text else None


def stored_rows(database: Path, table: str) -> list[dict]:
    """Every row of `table` (votes or searches), oldest first."""
    connection = sqlite3.connect(database)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(f"SELECT * FROM {table} ORDER BY id")]
    finally:
        connection.close()
