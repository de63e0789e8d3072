"""Hostile input to every sandbox form: never a 500 or a traceback, too much is a 413 page, and
whatever is typed is stored and shown as text."""

from __future__ import annotations

import http.client
import socket
import sqlite3
import time
from urllib.parse import urlsplit

import pytest
from markupsafe import escape
from sandbox_pages import Page, Visitor

from billing_sandbox.app import MAX_FORM_FIELDS
from billing_sandbox.process import SandboxProcess
from billing_sandbox.server import MAX_REQUEST_BODY_BYTES

SCRIPT = "<script>alert(1)</script>"
SQL = "' OR 1=1 --"
FORMULA = '=HYPERLINK("https://evil.example","Click")'
INJECTIONS = [SCRIPT, SQL, FORMULA]
# What else a field may be sent: digits int() cannot read (²) or would read (٣), more digits
# than int() converts, a NUL, and a field as large as a form may be.
ODD_VALUES = ["²", "5²", "4" + "²" * 15, "01100001²", "٣", "1" * 5000, "\x00", "x" * 60_000]

# Every form a person can send once logged in: the page it is on, where it goes, and a valid filling.
FORMS = {
    "card": ("/billing", "/billing/card-details", {"kind": "card", "source": "dialog", "name_on_card": "Jordan Avery",
             "card_number": "4242 4242 4242 4242", "expiry": "12/29", "cvc": "123"}),
    "bank": ("/billing", "/billing/card-details", {"kind": "bank", "source": "dialog", "account_holder": "Willow Creek",
             "routing_number": "011000015", "account_number": "000123456789", "account_type": "Savings"}),
    "contact": ("/billing", "/billing/contact", {"source": "dialog", "name": "Casey Morgan",
                "email": "casey@willowcreek.example", "phone": "503.555.0188"}),
    "prepay": ("/billing", "/billing/prepay", {"source": "dialog", "months": "1", "after_period": "2026-11"}),
    "change request": ("/billing", "/billing/change-requests", {"source": "dialog", "type": "Other",
                       "description": "Move us to 5 clinicians."}),
    "pay": ("/billing", "/billing/invoices/12/pay", {"return_to": "billing"}),
    "self address": ("/clients/1/registration?tab=address&sub=self", "/clients/1/registration/self-address",
                     {"street": "22 Birch Lane", "city": "Portland", "state": "OR", "zip_code": "97214",
                      "email": "morgan.lee@example.com"}),
    "payment method status": ("/sandbox", "/sandbox/payment-method-status", {"status": "Active"}),
    # Never the right password: the member stays logged in with the same session and token.
    "login": ("/login", "/login", {"email": "demo@willowcreek.example", "password": "wrong", "next": "/billing"}),
}  # fmt: skip


def shown_as_text(response_text: str, typed: str) -> bool:
    """`typed` is on the page as text a person reads, HTML-escaped in the markup, never as markup."""
    return str(escape(typed)) in response_text and typed in Page(response_text).text


# Stored and shown as text


@pytest.mark.parametrize("typed", INJECTIONS, ids=["script", "sql", "formula"])
def test_what_is_typed_into_a_form_is_stored_and_shown_as_text(
    member: Visitor, db: sqlite3.Connection, typed: str
) -> None:
    before = db.execute("SELECT * FROM clients WHERE id != 1 ORDER BY id").fetchall()

    page, action, contact = FORMS["contact"]
    response = member.submit(page, action, {**contact, "name": typed})
    assert Page(response.text).notices() == ["Billing contact saved."]
    assert shown_as_text(response.text, typed)
    assert db.execute("SELECT name FROM billing_contact").fetchone()["name"] == typed

    page, action, change = FORMS["change request"]
    response = member.submit(page, action, {**change, "description": typed})
    assert shown_as_text(response.text, typed)
    assert db.execute("SELECT description FROM change_requests ORDER BY id DESC").fetchone()["description"] == typed

    page, action, bank = FORMS["bank"]
    response = member.submit(page, action, {**bank, "account_holder": typed})
    assert shown_as_text(response.text, typed)
    assert db.execute("SELECT holder_name FROM payment_method").fetchone()["holder_name"] == typed

    page, action, address = FORMS["self address"]
    response = member.submit(page, action, {**address, "street": typed, "city": typed})
    assert Page(response.text).notices() == ["Self Address saved. Payment receipts go to 1 email address."]
    registration = member.client.get(page).text
    assert str(escape(typed)) in registration
    assert [
        e.attrs["value"] for e in Page(registration).find("input") if e.attrs.get("name") in ("street", "city")
    ] == [
        typed,
        typed,
    ]
    # The query's parameters kept the text out of the SQL: only client 1 changed, and only as asked.
    assert tuple(db.execute("SELECT street, city FROM clients WHERE id = 1").fetchone()) == (typed, typed)
    assert db.execute("SELECT * FROM clients WHERE id != 1 ORDER BY id").fetchall() == before

    # Typed into a field that fails its check, it comes back as text in the field and its error.
    response = member.submit(page, action, {**address, "email": typed})
    assert response.status_code == 422
    assert str(escape(typed)) in response.text
    assert SCRIPT not in response.text


def test_every_field_of_every_form_takes_hostile_input_without_a_server_error(member: Visitor) -> None:
    failures = []
    token = member.open("/billing").csrf_token()
    for form, (_, action, valid) in FORMS.items():
        for field in valid:
            for value in INJECTIONS + ODD_VALUES:
                response = member.client.post(action, data={"csrf_token": token, **valid, field: value})
                if response.status_code >= 500 or "Traceback" in response.text:
                    failures.append(f"{form}.{field} = {value[:12]!r}: {response.status_code}")
    assert failures == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", f"/billing/invoices/{2**63}"),
        ("GET", f"/billing/invoices/{10**30}/print"),
        ("POST", f"/billing/invoices/{2**63}/pay"),
        ("GET", f"/clients/{2**63}/registration"),
        ("POST", f"/clients/{10**30}/registration/self-address"),
    ],
)
def test_an_id_no_row_can_have_is_a_404_page(member: Visitor, method: str, path: str) -> None:
    token = member.open("/billing").csrf_token()
    response = member.client.open(path, method=method, data={"csrf_token": token} if method == "POST" else None)
    assert response.status_code == 404
    assert "Page not found There is no page at this address in the Therasoft sandbox." in Page(response.text).text


# Too much, or no form at all


TOO_LARGE = "This form is too large Nothing was saved. A form here sends at most 64 KiB in 100 fields."


def test_a_form_of_megabytes_is_a_413_page_and_saves_nothing(member: Visitor, db: sqlite3.Connection) -> None:
    page, action, contact = FORMS["contact"]
    response = member.submit(page, action, {**contact, "name": "x" * 3_000_000})
    assert response.status_code == 413
    assert TOO_LARGE in Page(response.text).text
    # The page keeps its header and menus: the person is still logged in.
    assert Page(response.text).find("button", type="submit")[-1].text == "LOG OUT"
    assert db.execute("SELECT name FROM billing_contact").fetchone()["name"] == "Jordan Avery"


def test_a_form_bomb_is_a_413_page(member: Visitor, db: sqlite3.Connection) -> None:
    token = member.open("/billing").csrf_token()
    page, action, contact = FORMS["contact"]
    fields = {"csrf_token": token, **contact, "name": "Mallory"}
    # Thousands of fields in a few KiB, as a web form and as a multipart one.
    bomb = "&".join(f"{name}={value}" for name, value in fields.items()) + "&x=" * 5000
    response = member.client.post(action, data=bomb, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert TOO_LARGE in Page(response.text).text
    parts = {**fields, **{f"x{n}": "1" for n in range(MAX_FORM_FIELDS)}}
    response = member.client.post(action, data=parts, content_type="multipart/form-data")
    assert response.status_code == 413
    assert TOO_LARGE in Page(response.text).text
    assert db.execute("SELECT name FROM billing_contact").fetchone()["name"] == "Jordan Avery"

    # A deeply nested key is one field with a long name: the form is read as usual.
    nested = {**fields, "name": "Casey Morgan", "a" + "[b]" * 5000: "1"}
    response = member.client.post(action, data=nested, follow_redirects=True)
    assert Page(response.text).notices() == ["Billing contact saved."]


@pytest.mark.parametrize("form", ["contact", "pay", "login"])
def test_json_sent_to_a_form_is_a_415_page(member: Visitor, visitor: Visitor, form: str) -> None:
    _, action, _ = FORMS[form]
    deep = b"[" * 3000 + b"]" * 3000
    for who in (member, visitor):
        response = who.client.post(action, data=deep, content_type="application/json")
        assert response.status_code == 415
        assert (
            "This is not a form Nothing was saved. This address takes only the form on its page, sent from a browser."
            in Page(response.text).text
        )


def test_a_long_list_of_receipt_emails_is_checked_at_once_and_named_briefly(member: Visitor) -> None:
    page, action, address = FORMS["self address"]
    started = time.monotonic()
    response = member.submit(page, action, {**address, "email": ",".join(f"a{n}" for n in range(9000))})
    assert time.monotonic() - started < 1.0
    assert response.status_code == 422
    assert Page(response.text).field_error("address-email") == (
        "Email: “a0”, “a1”, “a2”, “a3”, “a4” and 8,995 more are not valid email addresses"
    )


# The real server


def test_the_server_refuses_a_body_declared_too_large_before_it_arrives(sandbox: SandboxProcess) -> None:
    address = urlsplit(sandbox.url)
    with socket.create_connection((address.hostname, address.port), timeout=5) as connection:
        connection.sendall(
            f"POST /billing/contact HTTP/1.1\r\nHost: {address.netloc}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {50 * 1024 * 1024}\r\n\r\n"
            "name=".encode()
        )
        response = http.client.HTTPResponse(connection)
        response.begin()
        assert response.status == 413
        assert f"exceeds max_body of {MAX_REQUEST_BODY_BYTES}" in response.read().decode()


def test_the_server_answers_a_large_form_with_the_413_page(sandbox: SandboxProcess) -> None:
    address = urlsplit(sandbox.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        body = b"name=" + b"x" * (MAX_REQUEST_BODY_BYTES // 2)
        connection.request(
            "POST", "/billing/contact", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        response = connection.getresponse()
        assert response.status == 413
        assert TOO_LARGE in Page(response.read().decode()).text
    finally:
        connection.close()
