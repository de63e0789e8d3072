"""The votes and search reports in SQLite: one row each, no raw client address, times in UTC.

A search report's row holds less still: no client at all, and only the day it came.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

# Bump when the schema changes, adding what the new version adds to SCHEMA_UPGRADES; a file from
# a newer helpcentre is refused rather than misread.
SCHEMA_VERSION = 3

VOTES_SCHEMA = """
CREATE TABLE IF NOT EXISTS votes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    -- The page the reader voted on, without its query and fragment.
    page_url TEXT,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    comment TEXT,
    -- UTC, ISO 8601: 2026-11-15T10:00:00Z, so that text order is time order.
    created_at TEXT NOT NULL,
    -- A keyed hash of the client's address, the key living only in the running service's
    -- memory: it tells one run's floods apart, and never gives the address back.
    client_key TEXT
);
CREATE INDEX IF NOT EXISTS votes_by_article ON votes (article_id, created_at);
"""

SEARCHES_SCHEMA = """
CREATE TABLE IF NOT EXISTS searches (
    id INTEGER PRIMARY KEY,
    -- As the reader typed it, every run of whitespace one space.
    query TEXT NOT NULL,
    -- The query lowercased: "Prepay" and "prepay" are one query in the report.
    query_key TEXT NOT NULL,
    -- How many results the search showed.
    results INTEGER NOT NULL CHECK (results >= 0),
    -- The path of the result the reader opened (no host, query or fragment); NULL for a search.
    opened_path TEXT,
    -- UTC, YYYY-MM-DD, and nothing finer: a time of day could help tell one reader from another.
    day TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS searches_by_day ON searches (day);
"""

# A "No" is stored when it is clicked; the comment the reader may write next follows it, sent
# with the key its vote was answered with. Only a hash of the key is kept, and only until the
# comment comes: a vote takes one comment.
COMMENT_KEYS_SCHEMA = """
CREATE TABLE IF NOT EXISTS vote_comment_keys (
    vote_id INTEGER PRIMARY KEY REFERENCES votes (id),
    key_hash TEXT NOT NULL
);
"""

# What each version adds to the one before it. Every statement is idempotent (IF NOT EXISTS),
# so two processes upgrading the same file at once do no harm.
SCHEMA_UPGRADES = {1: VOTES_SCHEMA, 2: SEARCHES_SCHEMA, 3: COMMENT_KEYS_SCHEMA}


class FeedbackStoreError(Exception):
    """The database cannot be used; the message names the file."""


@dataclass(frozen=True)
class Vote:
    article_id: int
    helpful: bool
    comment: str | None = None
    page_url: str | None = None


@dataclass(frozen=True)
class SearchReport:
    """A query a reader settled on and how many results it showed; with `opened_path`, a result they opened."""

    query: str
    results: int
    opened_path: str | None = None


@dataclass(frozen=True)
class StoredSearch:
    """One row of the searches table, as the report reads it."""

    query: str
    query_key: str
    results: int
    opened_path: str | None
    day: str


@dataclass
class ArticleVotes:
    """One article's votes, summed up for the report."""

    article_id: int
    yes: int = 0
    no: int = 0
    # Newest first: what a support lead reads first is what readers said last.
    comments: list[str] = field(default_factory=list)
    last_vote_at: str = ""
    last_page_url: str | None = None


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


def query_key(query: str) -> str:
    """What a query is grouped by: the same words in any case are one query."""
    return query.lower()


class FeedbackStore:
    """A SQLite file of votes and search reports; every call opens its own connection, so any thread may use it."""

    def __init__(self, path: Path, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise FeedbackStoreError(f"{self.path}: no feedback database here (`helpcentre feedback serve` makes one)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._connect() as connection:
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise FeedbackStoreError(
                        f"{self.path}: schema version {version} is newer than this helpcentre's ({SCHEMA_VERSION})"
                    )
                # Write-ahead logging: the report reads while the service writes, neither waiting.
                connection.execute("PRAGMA journal_mode=WAL")
                if version < SCHEMA_VERSION:
                    connection.executescript(_upgrade_script(version))
        except sqlite3.DatabaseError as error:
            raise FeedbackStoreError(f"{self.path}: {error}") from None

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=5.0)
        try:
            with connection:
                yield connection
        finally:
            connection.close()

    def add(self, vote: Vote, *, client_key: str | None = None, created_at: str | None = None) -> int:
        """Store one vote; returns its id."""
        with self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO votes (article_id, page_url, helpful, comment, created_at, client_key)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (vote.article_id, vote.page_url, int(vote.helpful), vote.comment, created_at or utc_now(), client_key),
            )
            return int(cursor.lastrowid)

    def await_comment(self, vote_id: int, key_hash: str) -> None:
        """Let the vote take a comment later, from whoever holds the key of `key_hash`."""
        with self._connect() as connection:
            connection.execute("INSERT INTO vote_comment_keys (vote_id, key_hash) VALUES (?, ?)", (vote_id, key_hash))

    def add_comment(self, vote_id: int, key_hash: str, comment: str) -> bool:
        """Give the vote its comment if `key_hash` is its key; the key is then spent. False: no such key."""
        with self._connect() as connection:
            spent = connection.execute(
                "DELETE FROM vote_comment_keys WHERE vote_id = ? AND key_hash = ?", (vote_id, key_hash)
            ).rowcount
            if not spent:
                return False
            connection.execute("UPDATE votes SET comment = ? WHERE id = ?", (comment, vote_id))
            return True

    def add_search(self, report: SearchReport, *, day: str | None = None) -> int:
        """Store one search report, dated by the UTC day only; returns its id."""
        with self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO searches (query, query_key, results, opened_path, day) VALUES (?, ?, ?, ?, ?)",
                (report.query, query_key(report.query), report.results, report.opened_path, day or utc_today()),
            )
            return int(cursor.lastrowid)

    def searches(self, *, since: str | None = None) -> list[StoredSearch]:
        """Every search report, oldest first; with `since` (YYYY-MM-DD), those from that day on."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT query, query_key, results, opened_path, day FROM searches WHERE day >= ? ORDER BY day, id",
                (since or "",),
            )
            return [StoredSearch(*row) for row in rows]

    def votes_by_article(self) -> list[ArticleVotes]:
        """Every article that has a vote, by article id."""
        tallies: dict[int, ArticleVotes] = {}
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT article_id, helpful, comment, created_at, page_url FROM votes ORDER BY created_at, id"
            )
            for article_id, helpful, comment, created_at, page_url in rows:
                tally = tallies.setdefault(article_id, ArticleVotes(article_id))
                if helpful:
                    tally.yes += 1
                else:
                    tally.no += 1
                if comment:
                    tally.comments.insert(0, comment)
                tally.last_vote_at = created_at
                tally.last_page_url = page_url or tally.last_page_url
        return [tallies[article_id] for article_id in sorted(tallies)]


def _upgrade_script(version: int) -> str:
    """The SQL that brings a file at schema `version` (0: a new file) up to SCHEMA_VERSION, all or nothing.

    One transaction, so that a file is never left with a new table and the old version number,
    nor the reverse; user_version is part of the transaction like any other write.
    """
    steps = [SCHEMA_UPGRADES[step] for step in range(version + 1, SCHEMA_VERSION + 1)]
    return "BEGIN IMMEDIATE;\n" + "".join(steps) + f"PRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;\n"
