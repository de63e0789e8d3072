"""The sandbox's SQLite file: where it lives, its schema, and how it is (re)built from the seed.

A reset builds the seeded database in memory and writes it with VACUUM INTO, so the same
seed always gives a byte-identical file, whatever was in the data folder before.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from billing_sandbox.seed import seed

log = logging.getLogger(__name__)

DATABASE_FILENAME = "sandbox.sqlite3"
DEFAULT_DATA_DIR = Path(".cache") / "sandbox"
# Bump when the schema changes: an older file is then refused with a hint to --reset.
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE practice (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    city TEXT NOT NULL,
    state TEXT NOT NULL,
    zip_code TEXT NOT NULL,
    phone TEXT NOT NULL,
    plan TEXT NOT NULL,
    credit_cents INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE billing_contact (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL
);
-- Never a full card or account number, never a CVC: brand, last four digits and an opaque token.
CREATE TABLE payment_method (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    kind TEXT NOT NULL CHECK (kind IN ('card', 'bank')),
    brand TEXT NOT NULL,
    last4 TEXT NOT NULL CHECK (length(last4) = 4),
    holder_name TEXT NOT NULL,
    account_type TEXT,
    expiry_month INTEGER,
    expiry_year INTEGER,
    token TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('Active', 'Inactive', 'Pending')),
    updated_on TEXT NOT NULL
);
CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL UNIQUE,
    issued_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('Paid', 'Due', 'Prepaid')),
    paid_on TEXT,
    paid_with TEXT
);
CREATE TABLE invoice_lines (
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    PRIMARY KEY (invoice_id, position)
);
CREATE TABLE change_requests (
    id INTEGER PRIMARY KEY,
    submitted_on TEXT NOT NULL,
    type TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('Open', 'In review', 'Done'))
);
CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    phone TEXT NOT NULL,
    street TEXT NOT NULL,
    city TEXT NOT NULL,
    state TEXT NOT NULL,
    zip_code TEXT NOT NULL,
    receipt_emails TEXT NOT NULL
);
"""


class SandboxDataError(RuntimeError):
    """The data folder holds something the sandbox cannot use; the message says what to do."""


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DATABASE_FILENAME


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode; writes open their own transaction with `write_transaction`."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


@contextmanager
def write_transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE takes the write lock before reading, so check-then-update cannot race."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def reset_database(data_dir: Path, today: date) -> Path:
    """Replace the data folder's database with a freshly seeded one for `today`."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    target = database_path(data_dir)
    building = target.with_name(f".{target.name}.building")
    building.unlink(missing_ok=True)
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        memory.executescript(SCHEMA)
        memory.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        memory.execute("BEGIN")
        seed(memory, today)
        memory.execute("COMMIT")
        memory.execute("VACUUM INTO ?", (str(building),))
    finally:
        memory.close()
    for leftover in ("-journal", "-wal", "-shm"):
        Path(f"{target}{leftover}").unlink(missing_ok=True)
    os.replace(building, target)
    log.info("seeded the sandbox data in %s for %s", target, today.isoformat())
    return target


def reseed_in_place(path: Path) -> date:
    """Put the seed back into a database that is being served, keeping its date; returns the date.

    Copied in with SQLite's backup API rather than by replacing the file, so that requests in
    flight keep working: SQLite's own locks order the copy with them.
    """
    path = Path(path)
    live = connect(path)
    try:
        row = live.execute("SELECT value FROM meta WHERE key = 'today'").fetchone()
        today = date.fromisoformat(row["value"])
        with tempfile.TemporaryDirectory(prefix=".reseed-", dir=path.parent) as scratch:
            seeded = sqlite3.connect(reset_database(Path(scratch), today))
            try:
                seeded.backup(live)
            finally:
                seeded.close()
    finally:
        live.close()
    log.info("re-seeded %s in place", path)
    return today


def prepare_database(data_dir: Path, today: date, reset: bool = False) -> Path:
    """The database to serve: re-seeded when asked or missing, else checked to be of this schema."""
    path = database_path(data_dir)
    if reset or not path.exists():
        return reset_database(data_dir, today)
    try:
        connection = connect(path)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise SandboxDataError(f"{path} is not a sandbox database ({error}); start with --reset") from error
    if version != SCHEMA_VERSION:
        raise SandboxDataError(
            f"{path} was made by another version of the sandbox (schema {version}, "
            f"expected {SCHEMA_VERSION}); start with --reset"
        )
    return path
