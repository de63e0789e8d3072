"""Reading and changing the sandbox's billing data: the rules of the billing page, without the web.

Every change that depends on what is already there (pay, pre-pay) reads and writes inside one
write transaction, so a double submit or two browser tabs cannot pay the same invoice twice.
"""

from __future__ import annotations

import enum
import logging
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import date

from billing_sandbox.database import write_transaction
from billing_sandbox.formatting import add_months, money, period_label, period_of
from billing_sandbox.seed import MONTHLY_PLAN_CENTS, add_invoice
from billing_sandbox.validation import (
    AddressInput,
    BankAccountInput,
    CardInput,
    ChangeRequestInput,
    ContactInput,
)

log = logging.getLogger(__name__)

PAYMENT_METHOD_STATUSES = ("Active", "Inactive", "Pending")
MAX_MONTHS_AHEAD = 12


def sandbox_today(connection: sqlite3.Connection) -> date:
    """The sandbox's date, fixed when the data was seeded."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'today'").fetchone()
    return date.fromisoformat(row["value"])


@dataclass(frozen=True)
class Practice:
    name: str
    street: str
    city: str
    state: str
    zip_code: str
    phone: str
    plan: str
    credit_cents: int


def practice(connection: sqlite3.Connection) -> Practice:
    row = connection.execute(
        "SELECT name, street, city, state, zip_code, phone, plan, credit_cents FROM practice"
    ).fetchone()
    return Practice(**dict(row))


@dataclass(frozen=True)
class PaymentMethod:
    kind: str
    brand: str
    last4: str
    holder_name: str
    account_type: str | None
    expiry_month: int | None
    expiry_year: int | None
    status: str

    @property
    def label(self) -> str:
        """`Visa ending in 4242`, `Bank account ending in 6789`."""
        return f"{self.brand} ending in {self.last4}"

    @property
    def expiry(self) -> str | None:
        if self.expiry_month is None or self.expiry_year is None:
            return None
        return f"{self.expiry_month:02d}/{self.expiry_year % 100:02d}"

    @property
    def is_active(self) -> bool:
        return self.status == "Active"


def payment_method(connection: sqlite3.Connection) -> PaymentMethod | None:
    row = connection.execute(
        "SELECT kind, brand, last4, holder_name, account_type, expiry_month, expiry_year, status FROM payment_method"
    ).fetchone()
    return PaymentMethod(**dict(row)) if row else None


def _replace_payment_method(connection: sqlite3.Connection, today: date, **fields: object) -> PaymentMethod:
    # A processor would hand back a token for the card; the sandbox makes one up. It is random
    # on purpose: only seeded data has to be reproducible.
    values = {
        "account_type": None,
        "expiry_month": None,
        "expiry_year": None,
        **fields,
        "token": secrets.token_hex(16),
        "status": "Active",
        "updated_on": today.isoformat(),
    }
    columns = ", ".join(values)
    placeholders = ", ".join("?" for _ in values)
    with write_transaction(connection):
        connection.execute("DELETE FROM payment_method")
        connection.execute(
            f"INSERT INTO payment_method (id, {columns}) VALUES (1, {placeholders})", tuple(values.values())
        )
    saved = payment_method(connection)
    assert saved is not None
    log.info("saved payment method %s", saved.label)
    return saved


def save_card(connection: sqlite3.Connection, card: CardInput, today: date) -> PaymentMethod:
    return _replace_payment_method(
        connection,
        today,
        kind="card",
        brand=card.brand,
        last4=card.last4,
        holder_name=card.name_on_card,
        expiry_month=card.expiry_month,
        expiry_year=card.expiry_year,
    )


def save_bank_account(connection: sqlite3.Connection, account: BankAccountInput, today: date) -> PaymentMethod:
    return _replace_payment_method(
        connection,
        today,
        kind="bank",
        brand="Bank account",
        last4=account.last4,
        holder_name=account.account_holder,
        account_type=account.account_type,
    )


def set_payment_method_status(connection: sqlite3.Connection, status: str) -> None:
    if status not in PAYMENT_METHOD_STATUSES:
        raise ValueError(f"unknown payment method status {status!r}")
    with write_transaction(connection):
        connection.execute("UPDATE payment_method SET status = ?", (status,))


def remove_payment_method(connection: sqlite3.Connection) -> None:
    with write_transaction(connection):
        connection.execute("DELETE FROM payment_method")


@dataclass(frozen=True)
class BillingContact:
    name: str
    email: str
    phone: str


def billing_contact(connection: sqlite3.Connection) -> BillingContact:
    row = connection.execute("SELECT name, email, phone FROM billing_contact").fetchone()
    return BillingContact(**dict(row))


def update_billing_contact(connection: sqlite3.Connection, contact: ContactInput) -> None:
    with write_transaction(connection):
        connection.execute(
            "UPDATE billing_contact SET name = ?, email = ?, phone = ?", (contact.name, contact.email, contact.phone)
        )


@dataclass(frozen=True)
class Invoice:
    id: int
    period: str
    number: str
    issued_on: str
    due_on: str
    amount_cents: int
    status: str
    paid_on: str | None
    paid_with: str | None

    @property
    def label(self) -> str:
        return period_label(self.period)


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    amount_cents: int


_INVOICE_COLUMNS = "id, period, number, issued_on, due_on, amount_cents, status, paid_on, paid_with"


def invoices(connection: sqlite3.Connection) -> list[Invoice]:
    """Newest period first, the way the billing page lists them."""
    rows = connection.execute(f"SELECT {_INVOICE_COLUMNS} FROM invoices ORDER BY period DESC").fetchall()
    return [Invoice(**dict(row)) for row in rows]


def invoice(connection: sqlite3.Connection, invoice_id: int) -> Invoice | None:
    row = connection.execute(f"SELECT {_INVOICE_COLUMNS} FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    return Invoice(**dict(row)) if row else None


def invoice_lines(connection: sqlite3.Connection, invoice_id: int) -> list[InvoiceLine]:
    rows = connection.execute(
        "SELECT description, amount_cents FROM invoice_lines WHERE invoice_id = ? ORDER BY position", (invoice_id,)
    ).fetchall()
    return [InvoiceLine(**dict(row)) for row in rows]


class PaymentOutcome(enum.Enum):
    PAID = "paid"
    ALREADY_PAID = "already paid"
    ALREADY_PREPAID = "already prepaid"
    NO_ACTIVE_METHOD = "no active payment method"
    NOT_FOUND = "not found"


def pay_invoice(connection: sqlite3.Connection, invoice_id: int, today: date) -> tuple[PaymentOutcome, Invoice | None]:
    """Move a Due invoice to Paid with the saved method; only ever once per invoice."""
    with write_transaction(connection):
        found = invoice(connection, invoice_id)
        if found is None:
            return PaymentOutcome.NOT_FOUND, None
        if found.status == "Paid":
            return PaymentOutcome.ALREADY_PAID, found
        if found.status == "Prepaid":
            return PaymentOutcome.ALREADY_PREPAID, found
        method = payment_method(connection)
        if method is None or not method.is_active:
            return PaymentOutcome.NO_ACTIVE_METHOD, found
        connection.execute(
            "UPDATE invoices SET status = 'Paid', paid_on = ?, paid_with = ? WHERE id = ? AND status = 'Due'",
            (today.isoformat(), method.label, invoice_id),
        )
    paid = invoice(connection, invoice_id)
    log.info("paid invoice %s (%s) with %s", found.number, found.label, method.label)
    return PaymentOutcome.PAID, paid


class PrepayOutcome(enum.Enum):
    PREPAID = "prepaid"
    ALREADY_DONE = "already done"
    TOO_MANY_MONTHS = "too many months"
    NO_ACTIVE_METHOD = "no active payment method"


@dataclass(frozen=True)
class PrepayResult:
    outcome: PrepayOutcome
    months_left: int = 0
    charged_cents: int = 0
    method_label: str = ""


def latest_period(connection: sqlite3.Connection) -> str:
    return connection.execute("SELECT max(period) AS period FROM invoices").fetchone()["period"]


def months_prepaid_ahead(connection: sqlite3.Connection, today: date) -> int:
    row = connection.execute(
        "SELECT count(*) AS months FROM invoices WHERE period > ? AND status = 'Prepaid'", (period_of(today),)
    ).fetchone()
    return row["months"]


def prepay(connection: sqlite3.Connection, months: int, after_period: str, today: date) -> PrepayResult:
    """Charge `months` of the plan now and add that many Prepaid invoices after the latest one.

    `after_period` is the latest period the person saw when they chose to pre-pay: if it moved
    since, this pre-payment already went through (a double submit) and is not made again.
    """
    with write_transaction(connection):
        method = payment_method(connection)
        if method is None or not method.is_active:
            return PrepayResult(PrepayOutcome.NO_ACTIVE_METHOD)
        latest = latest_period(connection)
        if after_period != latest:
            return PrepayResult(PrepayOutcome.ALREADY_DONE)
        months_left = MAX_MONTHS_AHEAD - months_prepaid_ahead(connection, today)
        if months > months_left:
            return PrepayResult(PrepayOutcome.TOO_MANY_MONTHS, months_left=months_left)
        for offset in range(1, months + 1):
            period = add_months(latest, offset)
            add_invoice(connection, period, status="Prepaid", issued_on=today, paid_on=today, paid_with=method.label)
        charged = months * MONTHLY_PLAN_CENTS
        connection.execute("UPDATE practice SET credit_cents = credit_cents + ?", (charged,))
    log.info("pre-paid %d months (%s) with %s", months, money(charged), method.label)
    return PrepayResult(
        PrepayOutcome.PREPAID, months_left=months_left - months, charged_cents=charged, method_label=method.label
    )


@dataclass(frozen=True)
class ChangeRequest:
    id: int
    submitted_on: str
    type: str
    description: str
    status: str


def change_requests(connection: sqlite3.Connection) -> list[ChangeRequest]:
    """Newest first."""
    rows = connection.execute(
        "SELECT id, submitted_on, type, description, status FROM change_requests ORDER BY submitted_on DESC, id DESC"
    ).fetchall()
    return [ChangeRequest(**dict(row)) for row in rows]


def add_change_request(connection: sqlite3.Connection, request: ChangeRequestInput, today: date) -> ChangeRequest:
    with write_transaction(connection):
        cursor = connection.execute(
            "INSERT INTO change_requests (submitted_on, type, description, status) VALUES (?, ?, ?, 'Open')",
            (today.isoformat(), request.type, request.description),
        )
    return ChangeRequest(cursor.lastrowid, today.isoformat(), request.type, request.description, "Open")


@dataclass(frozen=True)
class Client:
    id: int
    first_name: str
    last_name: str
    date_of_birth: str
    phone: str
    street: str
    city: str
    state: str
    zip_code: str
    receipt_emails: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


_CLIENT_COLUMNS = "id, first_name, last_name, date_of_birth, phone, street, city, state, zip_code, receipt_emails"


def clients(connection: sqlite3.Connection) -> list[Client]:
    rows = connection.execute(f"SELECT {_CLIENT_COLUMNS} FROM clients ORDER BY last_name, first_name").fetchall()
    return [Client(**dict(row)) for row in rows]


def client(connection: sqlite3.Connection, client_id: int) -> Client | None:
    row = connection.execute(f"SELECT {_CLIENT_COLUMNS} FROM clients WHERE id = ?", (client_id,)).fetchone()
    return Client(**dict(row)) if row else None


def update_self_address(connection: sqlite3.Connection, client_id: int, address: AddressInput) -> None:
    with write_transaction(connection):
        connection.execute(
            "UPDATE clients SET street = ?, city = ?, state = ?, zip_code = ?, receipt_emails = ? WHERE id = ?",
            (address.street, address.city, address.state, address.zip_code, ", ".join(address.emails), client_id),
        )
