"""Every billing form with good and bad input: what the person reads afterwards, and what was saved."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sandbox_pages import Page, Visitor

from billing_sandbox import store
from billing_sandbox.clock import DEFAULT_TODAY
from billing_sandbox.database import connect

MASTERCARD = {
    "kind": "card",
    "source": "dialog",
    "name_on_card": "Jordan Avery",
    "card_number": "5555 5555 5555 4444",
    "expiry": "12/29",
    "cvc": "123",
}
BANK = {
    "kind": "bank",
    "source": "dialog",
    "account_holder": "Willow Creek Counseling",
    "routing_number": "011000015",
    "account_number": "000123456789",
    "account_type": "Savings",
}


def payment_method_text(page: Page) -> str:
    return page.find("section", aria_labelledby="payment-method-heading")[0].text


# Card Details


def test_saving_a_card_makes_it_the_active_method(member: Visitor) -> None:
    response = member.submit("/billing", "/billing/card-details", MASTERCARD)
    page = Page(response.text)
    assert page.notices() == ["Payment method saved: Mastercard ending in 4444. Status: Active."]
    assert payment_method_text(page) == (
        "Payment Method Mastercard ending in 4444 Jordan Avery · Expires 12/29 Status: Active Card Details"
    )


def test_saving_a_card_reactivates_an_inactive_method(member: Visitor, db: sqlite3.Connection) -> None:
    store.set_payment_method_status(db, "Inactive")
    assert "Status: Inactive" in payment_method_text(member.open("/billing"))
    response = member.submit("/billing", "/billing/card-details", MASTERCARD)
    assert "Status: Active" in payment_method_text(Page(response.text))


def test_a_bad_card_reopens_the_dialog_with_the_errors_and_saves_nothing(member: Visitor) -> None:
    bad = {**MASTERCARD, "card_number": "5555 5555 5555 4445", "expiry": "10/26", "cvc": "12"}
    response = member.submit("/billing", "/billing/card-details", bad)
    assert response.status_code == 422
    page = Page(response.text)
    assert "data-open-on-load" in page.by_id("card-details-dialog").attrs
    assert page.field_error("card-card_number") == "Card number: fails the checksum"
    assert page.field_error("card-expiry") == "Expiry (MM/YY): the card has expired"
    assert page.field_error("card-cvc") == "CVC: enter the 3-digit security code on the back of the card"
    assert "Nothing was saved. Fix the 3 fields marked below." in page.text
    # What was typed comes back, except the card number and the CVC, which are never echoed.
    assert page.by_id("card-name_on_card").attrs["value"] == "Jordan Avery"
    assert page.by_id("card-expiry").attrs["value"] == "10/26"
    assert page.by_id("card-card_number").attrs["value"] == ""
    assert "5555 5555 5555 4445" not in response.text
    assert "Visa ending in 4242" in payment_method_text(page)


def test_without_javascript_a_bad_card_comes_back_as_the_card_details_page(member: Visitor) -> None:
    response = member.submit(
        "/billing/card-details", "/billing/card-details", {**MASTERCARD, "source": "page", "name_on_card": ""}
    )
    assert response.status_code == 422
    page = Page(response.text)
    assert page.find("h1")[0].text == "Card Details"
    assert page.find("dialog") == []
    assert page.field_error("card-name_on_card") == "Name on card: enter the name as it appears on the card"


def test_an_amex_needs_a_four_digit_cvc(member: Visitor) -> None:
    amex = {**MASTERCARD, "card_number": "3782 822463 10005", "cvc": "123"}
    page = Page(member.submit("/billing", "/billing/card-details", amex).text)
    assert page.field_error("card-cvc") == "CVC: enter the 4-digit security code on the front of the card"
    page = Page(member.submit("/billing", "/billing/card-details", {**amex, "cvc": "1234"}).text)
    assert page.notices() == ["Payment method saved: Amex ending in 0005. Status: Active."]


def test_saving_a_bank_account(member: Visitor) -> None:
    page = Page(member.submit("/billing", "/billing/card-details", BANK).text)
    assert page.notices() == ["Payment method saved: Bank account ending in 6789. Status: Active."]
    assert payment_method_text(page) == (
        "Payment Method Bank account ending in 6789 Willow Creek Counseling · Savings Status: Active Card Details"
    )
    # The dialog opens on the tab of the saved method.
    assert [(e.text, e.attrs["aria-selected"]) for e in page.find("a", role="tab")] == [
        ("Card", "false"),
        ("Bank account", "true"),
    ]


def test_a_bad_bank_account_reopens_the_bank_tab(member: Visitor) -> None:
    bad = {**BANK, "routing_number": "011000016", "account_type": ""}
    response = member.submit("/billing", "/billing/card-details", bad)
    assert response.status_code == 422
    page = Page(response.text)
    assert page.field_error("bank-routing_number") == "Routing number: fails the checksum"
    assert page.field_error("bank-account_type") == "Account type: choose Checking or Savings"
    assert "hidden" not in page.by_id("method-panel-bank").attrs
    assert "hidden" in page.by_id("method-panel-card").attrs
    assert page.by_id("bank-routing_number").attrs["value"] == "011000016"
    assert page.by_id("bank-account_number").attrs["value"] == ""
    assert "Visa ending in 4242" in payment_method_text(page)


# Billing Contact


def test_editing_the_billing_contact(member: Visitor) -> None:
    contact = {
        "source": "dialog",
        "name": "Casey Morgan",
        "email": "casey@willowcreek.example",
        "phone": "503.555.0188",
    }
    page = Page(member.submit("/billing", "/billing/contact", contact).text)
    assert page.notices() == ["Billing contact saved."]
    assert page.find("section", aria_labelledby="billing-contact-heading")[0].text == (
        "Billing Contact Name Casey Morgan Email casey@willowcreek.example Phone (503) 555-0188 Edit Contact"
    )


def test_a_bad_billing_contact_is_not_saved(member: Visitor) -> None:
    contact = {"source": "dialog", "name": "", "email": "casey@", "phone": "555-0188"}
    response = member.submit("/billing", "/billing/contact", contact)
    assert response.status_code == 422
    page = Page(response.text)
    assert "data-open-on-load" in page.by_id("billing-contact-dialog").attrs
    assert page.field_error("contact-name") == "Name: enter the billing contact's name"
    assert page.field_error("contact-email") == "Email: enter an address like name@example.com"
    assert page.field_error("contact-phone") == "Phone: enter a 10-digit US number, like (503) 555-0142"
    assert page.by_id("contact-email").attrs["value"] == "casey@"
    assert "Jordan Avery" in page.find("section", aria_labelledby="billing-contact-heading")[0].text


# Pay


def pay_november(member: Visitor) -> Page:
    return Page(member.submit("/billing", "/billing/invoices/12/pay", {"return_to": "billing"}).text)


def test_paying_the_due_invoice(member: Visitor) -> None:
    page = pay_november(member)
    assert page.notices() == ["Paid November 2026 ($149.00) with Visa ending in 4242."]
    table = page.find("table", aria_label="Invoices")[0].text
    assert "November 2026 INV-202611 Nov 20, 2026 $149.00 Paid View November 2026 Print November 2026 October" in table
    assert "Pay " not in table
    view = member.open("/billing/invoices/12")
    assert "Paid Nov 15, 2026 with Visa ending in 4242" in view.text


def test_a_second_pay_does_not_pay_twice(member: Visitor, db: sqlite3.Connection) -> None:
    token = member.open("/billing").csrf_token()
    first = member.client.post("/billing/invoices/12/pay", data={"csrf_token": token}, follow_redirects=True)
    second = member.client.post("/billing/invoices/12/pay", data={"csrf_token": token}, follow_redirects=True)
    assert Page(first.text).notices() == ["Paid November 2026 ($149.00) with Visa ending in 4242."]
    assert Page(second.text).notices() == ["November 2026 is already paid. Nothing was charged."]
    assert db.execute("SELECT count(*) FROM invoices WHERE status = 'Due'").fetchone()[0] == 0


def test_simultaneous_pays_pay_once(app, db: sqlite3.Connection) -> None:
    path = app.config["SANDBOX_DATABASE"]
    outcomes: list[store.PaymentOutcome] = []
    start = threading.Barrier(6)

    def pay() -> None:
        connection = connect(path)
        start.wait(timeout=10)
        outcomes.append(store.pay_invoice(connection, 12, DEFAULT_TODAY)[0])
        connection.close()

    threads = [threading.Thread(target=pay) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(o.value for o in outcomes) == ["already paid"] * 5 + ["paid"]


def test_pay_is_disabled_without_an_active_payment_method(member: Visitor, db: sqlite3.Connection) -> None:
    store.set_payment_method_status(db, "Pending")
    page = member.open("/billing")
    pay = [b for b in page.find("button") if b.text == "Pay November 2026"][0]
    assert "disabled" in pay.attrs
    assert page.by_id(pay.attrs["aria-describedby"]).text == "Add an active payment method to pay"
    prepay = [b for b in page.find("button") if b.text == "Pre-pay"][0]
    assert "disabled" in prepay.attrs

    # A pay that arrives anyway (an old tab) is refused.
    refused = pay_november(member)
    assert refused.notices() == ["Pay: add an active payment method to pay. Nothing was charged."]
    assert "November 2026 INV-202611 Nov 20, 2026 $149.00 Due" in refused.text


def test_pay_is_disabled_with_no_saved_method_at_all(member: Visitor, db: sqlite3.Connection) -> None:
    store.remove_payment_method(db)
    page = member.open("/billing")
    assert "No payment method saved Status: Inactive" in payment_method_text(page)
    assert "disabled" in [b for b in page.find("button") if b.text == "Pay November 2026"][0].attrs


def test_paying_an_unknown_invoice_is_a_404(member: Visitor) -> None:
    assert member.submit("/billing", "/billing/invoices/404/pay", {}).status_code == 404


# Pre-pay


def test_prepaying_three_months(member: Visitor) -> None:
    page = Page(
        member.submit(
            "/billing", "/billing/prepay", {"source": "dialog", "months": "3", "after_period": "2026-11"}
        ).text
    )
    assert page.notices() == ["Pre-paid 3 months ($447.00) with Visa ending in 4242."]
    invoices = page.find("section", aria_labelledby="invoices-heading")[0].text
    assert invoices.startswith(
        "Invoices Pre-pay Credit: $447.00 Period Invoice Due date Amount Status Actions "
        "February 2027 INV-202702 Feb 20, 2027 $149.00 Prepaid"
    )
    assert invoices.count(" Prepaid ") == 3
    assert "January 2027" in invoices and "December 2026" in invoices
    # The current invoice is still the one to pay.
    assert "November 2026 INV-202611 Nov 20, 2026 $149.00 Due" in invoices


def test_a_repeated_prepayment_is_not_charged_again(member: Visitor) -> None:
    form = {"source": "dialog", "months": "3", "after_period": "2026-11"}
    member.submit("/billing", "/billing/prepay", form)
    again = Page(member.submit("/billing", "/billing/prepay", form).text)
    assert again.notices() == ["This pre-payment was already made. Nothing more was charged."]
    assert "Credit: $447.00" in again.text
    assert again.text.count(" Prepaid ") == 3


def test_prepaying_more_than_twelve_months_ahead_is_refused(member: Visitor) -> None:
    member.submit("/billing", "/billing/prepay", {"source": "dialog", "months": "9", "after_period": "2026-11"})
    response = member.submit(
        "/billing", "/billing/prepay", {"source": "dialog", "months": "4", "after_period": "2027-08"}
    )
    assert response.status_code == 422
    page = Page(response.text)
    assert page.field_error("prepay-months") == "Months: you can pre-pay up to 12 months ahead; 3 months left"
    assert "data-open-on-load" in page.by_id("prepay-dialog").attrs


@pytest.mark.parametrize("months", ["0", "13", ""])
def test_prepay_months_out_of_range(member: Visitor, months: str) -> None:
    response = member.submit(
        "/billing", "/billing/prepay", {"source": "dialog", "months": months, "after_period": "2026-11"}
    )
    assert response.status_code == 422
    page = Page(response.text)
    assert page.field_error("prepay-months") == "Months: choose 1 to 12 months"
    assert "Credit:" not in page.text


def test_prepay_needs_an_active_payment_method(member: Visitor, db: sqlite3.Connection) -> None:
    store.set_payment_method_status(db, "Inactive")
    page = Page(
        member.submit(
            "/billing/prepay", "/billing/prepay", {"source": "page", "months": "1", "after_period": "2026-11"}
        ).text
    )
    assert page.notices() == ["Pre-pay: add an active payment method to pay. Nothing was charged."]
    assert " Prepaid " not in page.text


# Change Requests


def test_adding_a_change_request(member: Visitor) -> None:
    page = Page(
        member.submit(
            "/billing",
            "/billing/change-requests",
            {"source": "dialog", "type": "Change plan", "description": "Move us to 5 clinicians."},
        ).text
    )
    assert page.notices() == ["Change request submitted. Its status is Open."]
    table = page.find("table", aria_label="Change Requests")[0].text
    assert table.startswith(
        "Submitted Type Description Status "
        "Nov 15, 2026 Change plan Move us to 5 clinicians. Open "
        "Oct 28, 2026 Add a user"
    )


def test_a_bad_change_request_is_not_saved(member: Visitor) -> None:
    response = member.submit(
        "/billing", "/billing/change-requests", {"source": "dialog", "type": "", "description": "   "}
    )
    assert response.status_code == 422
    page = Page(response.text)
    assert "data-open-on-load" in page.by_id("change-request-dialog").attrs
    assert page.field_error("change-type") == "Type: choose the type of change"
    assert page.field_error("change-description") == "Description: describe the change you need"
    assert page.find("table", aria_label="Change Requests")[0].text.count(" Add a user ") == 1

    too_long = member.submit(
        "/billing/change-requests/new",
        "/billing/change-requests",
        {"source": "page", "type": "Other", "description": "x" * 1001},
    )
    page = Page(too_long.text)
    assert page.find("h1")[0].text == "Add Change Request"
    assert page.field_error("change-description") == ("Description: use 1,000 characters or fewer (this one has 1,001)")
    assert page.by_id("change-type").text.startswith("Choose a type")
    assert [o.text for o in page.find("option") if "selected" in o.attrs] == ["Other"]


# Client registration: receipt emails


def test_several_receipt_emails(member: Visitor) -> None:
    form = {
        "street": "22 Birch Lane",
        "city": "Portland",
        "state": "or",
        "zip_code": "97214",
        "email": "morgan.lee@example.com; billing@morgan.example , guardian@example.org",
    }
    response = member.submit(
        "/clients/1/registration?tab=address&sub=self", "/clients/1/registration/self-address", form
    )
    page = Page(response.text)
    assert page.notices() == ["Self Address saved. Payment receipts go to 3 email addresses."]
    assert page.by_id("address-email").attrs["value"] == (
        "morgan.lee@example.com, billing@morgan.example, guardian@example.org"
    )
    assert page.by_id("address-state").attrs["value"] == "OR"


def test_a_bad_receipt_email_is_named(member: Visitor) -> None:
    form = {"street": "", "city": "", "state": "Oregon", "zip_code": "9721", "email": "morgan.lee@example.com; bad@"}
    response = member.submit(
        "/clients/1/registration?tab=address&sub=self", "/clients/1/registration/self-address", form
    )
    assert response.status_code == 422
    page = Page(response.text)
    assert page.field_error("address-email") == "Email: “bad@” is not a valid email address"
    assert page.field_error("address-state") == "State: use the 2-letter code, like OR"
    assert page.field_error("address-zip_code") == "ZIP code: use 5 digits, like 97205"
    assert member.open("/clients/1/registration?tab=address&sub=self").by_id("address-email").attrs["value"] == (
        "morgan.lee@example.com"
    )
