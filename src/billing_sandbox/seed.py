"""The demo data every reset starts from: one fictional practice, its billing, and a few clients.

Everything is derived from the seed's `today`, never from the real clock, and nothing is
random, so two resets give the same database and the same pages.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from billing_sandbox.demo import PRACTICE_NAME
from billing_sandbox.formatting import add_months, month_start, period_of

MONTHLY_PLAN_LINES = (
    ("Therasoft Practice plan, 3 clinicians", 12900),
    ("Telehealth add-on", 2000),
)
MONTHLY_PLAN_CENTS = sum(amount for _, amount in MONTHLY_PLAN_LINES)
INVOICE_MONTHS = 12
SEED_CARD_LABEL = "Visa ending in 4242"


def seed(connection: sqlite3.Connection, today: date) -> None:
    """Insert the demo data into an empty schema, inside the caller's transaction."""
    connection.execute("INSERT INTO meta (key, value) VALUES ('today', ?)", (today.isoformat(),))
    connection.execute(
        "INSERT INTO practice (id, name, street, city, state, zip_code, phone, plan) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
        (
            PRACTICE_NAME,
            "410 Alder Street, Suite 200",
            "Portland",
            "OR",
            "97205",
            "(503) 555-0100",
            "Therasoft Practice, 3 clinicians",
        ),
    )
    connection.execute(
        "INSERT INTO billing_contact (id, name, email, phone) VALUES (1, ?, ?, ?)",
        ("Jordan Avery", "billing@willowcreek.example", "(503) 555-0142"),
    )
    connection.execute(
        "INSERT INTO payment_method (id, kind, brand, last4, holder_name, expiry_month, expiry_year,"
        " token, status, updated_on) VALUES (1, 'card', 'Visa', '4242', ?, 8, ?, ?, 'Active', ?)",
        # A fixed token: seeded data must not differ between two resets.
        ("Jordan Avery", today.year + 2, "seed-token-visa-4242", (today - timedelta(days=200)).isoformat()),
    )
    current = period_of(today)
    for offset in range(INVOICE_MONTHS - 1, -1, -1):
        period = add_months(current, -offset)
        first_day = month_start(period)
        is_current = period == current
        add_invoice(
            connection,
            period,
            status="Due" if is_current else "Paid",
            issued_on=first_day,
            paid_on=None if is_current else first_day + timedelta(days=2),
            paid_with=None if is_current else SEED_CARD_LABEL,
        )
    connection.execute(
        "INSERT INTO change_requests (id, submitted_on, type, description, status) VALUES (1, ?, ?, ?, ?)",
        (
            (today - timedelta(days=18)).isoformat(),
            "Add a user",
            "Please add a login for our new associate clinician, Dr. Sam Okafor, starting next month.",
            "In review",
        ),
    )
    clients = (
        (
            "Morgan",
            "Lee",
            "1988-04-12",
            "(503) 555-0175",
            "22 Birch Lane",
            "Portland",
            "OR",
            "97214",
            "morgan.lee@example.com",
        ),
        ("Sam", "Rivera", "1979-09-30", "(503) 555-0188", "9 Cedar Court", "Beaverton", "OR", "97005", ""),
        (
            "Taylor",
            "Brooks",
            "1994-01-23",
            "(971) 555-0123",
            "310 Fir Avenue",
            "Portland",
            "OR",
            "97202",
            "taylor.brooks@example.com",
        ),
    )
    for client_id, client in enumerate(clients, start=1):
        connection.execute(
            "INSERT INTO clients (id, first_name, last_name, date_of_birth, phone, street, city, state,"
            " zip_code, receipt_emails) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (client_id, *client),
        )


def add_invoice(
    connection: sqlite3.Connection,
    period: str,
    *,
    status: str,
    issued_on: date,
    paid_on: date | None,
    paid_with: str | None,
) -> int:
    """One month of the plan as an invoice with its lines; used by the seed and by pre-payment."""
    cursor = connection.execute(
        "INSERT INTO invoices (period, number, issued_on, due_on, amount_cents, status, paid_on, paid_with)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            period,
            f"INV-{period.replace('-', '')}",
            issued_on.isoformat(),
            (month_start(period) + timedelta(days=19)).isoformat(),
            MONTHLY_PLAN_CENTS,
            status,
            paid_on.isoformat() if paid_on else None,
            paid_with,
        ),
    )
    invoice_id = cursor.lastrowid
    for position, (description, amount) in enumerate(MONTHLY_PLAN_LINES, start=1):
        connection.execute(
            "INSERT INTO invoice_lines (invoice_id, position, description, amount_cents) VALUES (?, ?, ?, ?)",
            (invoice_id, position, description, amount),
        )
    return invoice_id
