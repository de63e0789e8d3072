"""What the sandbox keeps on disk: never a full card or account number, and a reproducible seed."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sandbox_pages import Page, Visitor

from billing_sandbox.app import create_app
from billing_sandbox.database import (
    DATABASE_FILENAME,
    SandboxDataError,
    connect,
    database_path,
    prepare_database,
    reset_database,
)
from billing_sandbox.store import sandbox_today

FULL_CARD_NUMBER = "5555555555554444"
FULL_ACCOUNT_NUMBER = "000987654321"


def everything_on_disk(data_dir: Path) -> bytes:
    """The database and whatever journal or WAL file sits beside it."""
    files = sorted(data_dir.glob(f"{DATABASE_FILENAME}*"))
    assert database_path(data_dir) in files
    return b"".join(path.read_bytes() for path in files)


def test_no_full_card_or_account_number_is_ever_stored(member: Visitor, data_dir: Path) -> None:
    card = {
        "kind": "card",
        "source": "dialog",
        "name_on_card": "Jordan Avery",
        "card_number": "5555 5555 5555 4444",
        "expiry": "12/29",
        "cvc": "123",
    }
    page = Page(member.submit("/billing", "/billing/card-details", card).text)
    assert "Mastercard ending in 4444" in page.text
    stored = everything_on_disk(data_dir)
    assert FULL_CARD_NUMBER.encode() not in stored
    assert b"5555 5555 5555 4444" not in stored
    assert FULL_CARD_NUMBER.encode("utf-16-le") not in stored

    bank = {
        "kind": "bank",
        "source": "dialog",
        "account_holder": "Willow Creek Counseling",
        "routing_number": "011000015",
        "account_number": FULL_ACCOUNT_NUMBER,
        "account_type": "Checking",
    }
    assert "Bank account ending in 4321" in Page(member.submit("/billing", "/billing/card-details", bank).text).text
    stored = everything_on_disk(data_dir)
    assert FULL_ACCOUNT_NUMBER.encode() not in stored
    assert FULL_CARD_NUMBER.encode() not in stored


def test_a_saved_method_gets_a_random_token(member: Visitor, db: sqlite3.Connection) -> None:
    card = {
        "kind": "card",
        "source": "dialog",
        "name_on_card": "J",
        "card_number": "4242424242424242",
        "expiry": "12/29",
        "cvc": "123",
    }
    member.submit("/billing", "/billing/card-details", card)
    first = db.execute("SELECT token FROM payment_method").fetchone()[0]
    member.submit("/billing", "/billing/card-details", card)
    second = db.execute("SELECT token FROM payment_method").fetchone()[0]
    assert len(first) == len(second) == 32 and first != second
    columns = [row[1] for row in db.execute("PRAGMA table_info(payment_method)")]
    assert not any("number" in column or "cvc" in column for column in columns)


def test_a_reset_gives_the_same_bytes_every_time(tmp_path: Path) -> None:
    first = reset_database(tmp_path / "a", date(2026, 11, 15)).read_bytes()
    second = reset_database(tmp_path / "b", date(2026, 11, 15)).read_bytes()
    assert first == second


def test_a_reset_undoes_every_change(member: Visitor, data_dir: Path) -> None:
    seeded = database_path(data_dir).read_bytes()
    member.submit("/billing", "/billing/invoices/12/pay", {})
    member.submit("/billing", "/billing/change-requests", {"type": "Other", "description": "Hello"})
    assert database_path(data_dir).read_bytes() != seeded
    reset_database(data_dir, date(2026, 11, 15))
    assert database_path(data_dir).read_bytes() == seeded


def test_the_seed_follows_its_date(tmp_path: Path) -> None:
    connection = connect(reset_database(tmp_path, date(2027, 3, 2)))
    try:
        assert sandbox_today(connection) == date(2027, 3, 2)
        periods = [row["period"] for row in connection.execute("SELECT period FROM invoices ORDER BY period")]
        due = [row["period"] for row in connection.execute("SELECT period FROM invoices WHERE status = 'Due'")]
    finally:
        connection.close()
    assert (periods[0], periods[-1], len(periods)) == ("2026-04", "2027-03", 12)
    assert due == ["2027-03"]


def test_data_from_another_schema_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = reset_database(tmp_path, date(2026, 11, 15))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    with pytest.raises(SandboxDataError) as raised:
        prepare_database(tmp_path, date(2026, 11, 15))
    assert str(raised.value) == (
        f"{path} was made by another version of the sandbox (schema 99, expected 1); start with --reset"
    )


def test_a_missing_database_is_seeded_without_asking(tmp_path: Path) -> None:
    assert prepare_database(tmp_path / "new", date(2026, 11, 15)).exists()


def logical_dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_the_reset_endpoint_exists_only_when_allowed(member: Visitor) -> None:
    assert member.client.post("/_sandbox/reset").status_code == 404


def test_the_reset_endpoint_reseeds_while_serving(data_dir: Path, tmp_path: Path) -> None:
    app = create_app(data_dir, reset=True, allow_reset=True, today=date(2026, 11, 15), secret_key="test secret")
    member = Visitor(app.test_client())
    member.log_in()
    member.submit("/billing", "/billing/change-requests", {"type": "Other", "description": "Hello"})
    member.submit("/billing", "/billing/invoices/12/pay", {})
    assert logical_dump(database_path(data_dir)) != logical_dump(reset_database(tmp_path, date(2026, 11, 15)))

    # No session and no CSRF token: a machine's call, allowed only because the server was started so.
    response = app.test_client().post("/_sandbox/reset")
    assert (response.status_code, response.json) == (200, {"status": "reset", "today": "2026-11-15"})
    assert logical_dump(database_path(data_dir)) == logical_dump(reset_database(tmp_path, date(2026, 11, 15)))
    # Whoever was logged in stays logged in, on the seeded data.
    assert "November 2026 INV-202611 Nov 20, 2026 $149.00 Due" in member.open("/billing").text


def test_data_sets_exist_only_when_allowed(member: Visitor) -> None:
    assert member.client.post("/_sandbox/data").status_code == 404


def test_each_data_set_is_a_fresh_seed_that_only_its_requests_change(data_dir: Path, tmp_path: Path) -> None:
    app = create_app(data_dir, reset=True, allow_reset=True, today=date(2026, 11, 15), secret_key="test secret")
    machine = app.test_client()
    created = machine.post("/_sandbox/data")
    assert created.status_code == 201 and created.json["header"] == "X-Sandbox-Data"
    first, second = created.json["data"], machine.post("/_sandbox/data").json["data"]
    assert first != second
    sets = data_dir / "data-sets"
    seed = logical_dump(reset_database(tmp_path, date(2026, 11, 15)))
    assert logical_dump(sets / f"{first}.sqlite3") == seed

    # The same login works on every data set: the session is a cookie, the data is not.
    member = Visitor(app.test_client())
    member.log_in()
    member.client.environ_base["HTTP_X_SANDBOX_DATA"] = first
    member.submit("/billing", "/billing/change-requests", {"type": "Other", "description": "Only in the first"})
    assert "Only in the first" in member.open("/billing").text
    assert logical_dump(sets / f"{second}.sqlite3") == seed
    assert logical_dump(database_path(data_dir)) == seed

    member.client.environ_base["HTTP_X_SANDBOX_DATA"] = "no-such-set"
    assert member.client.get("/billing").status_code == 404
    assert machine.delete(f"/_sandbox/data/{first}").status_code == 204
    assert not (sets / f"{first}.sqlite3").exists()
    assert machine.delete(f"/_sandbox/data/{first}").status_code == 404
