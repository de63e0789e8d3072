"""The votes in SQLite: one row a vote, no raw client address, times in UTC."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

# Bump when the schema changes; a file from a newer helpcentre is refused rather than misread.
SCHEMA_VERSION = 1

SCHEMA = """
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


class FeedbackStoreError(Exception):
    """The database cannot be used; the message names the file."""


@dataclass(frozen=True)
class Vote:
    article_id: int
    helpful: bool
    comment: str | None = None
    page_url: str | None = None


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


class FeedbackStore:
    """A SQLite file of votes; every call opens its own connection, so any thread may use it."""

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
                connection.executescript(SCHEMA)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
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
