"""The checks behind every sandbox form, table-driven, with the exact message a person reads."""

from __future__ import annotations

from datetime import date

import pytest

from billing_sandbox.payment_checks import card_brand, passes_aba_checksum, passes_luhn
from billing_sandbox.validation import (
    check_bank_account,
    check_card,
    check_change_request,
    check_contact,
    check_prepay_months,
    receipt_emails,
    us_phone,
)

TODAY = date(2026, 11, 15)
GOOD_CARD = {"name_on_card": "Jordan Avery", "card_number": "4242 4242 4242 4242", "expiry": "08/28", "cvc": "123"}


@pytest.mark.parametrize(
    ("number", "brand"),
    [
        ("4242424242424242", "Visa"),
        ("5555555555554444", "Mastercard"),
        ("2223003122003222", "Mastercard"),
        ("378282246310005", "Amex"),
        ("6011111111111117", "Discover"),
        ("6445644564456445", "Discover"),
        ("3530111333300000", None),
    ],
)
def test_card_brand_comes_from_the_leading_digits(number: str, brand: str | None) -> None:
    found = card_brand(number)
    assert (found.name if found else None) == brand


@pytest.mark.parametrize(
    ("number", "valid"),
    [("4242424242424242", True), ("5555555555554444", True), ("4242424242424241", False), ("79927398713", True)],
)
def test_luhn(number: str, valid: bool) -> None:
    assert passes_luhn(number) is valid


@pytest.mark.parametrize(
    ("routing", "valid"),
    [("011000015", True), ("021000021", True), ("110000000", True), ("021000022", False), ("12345678", False)],
)
def test_aba_routing_checksum(routing: str, valid: bool) -> None:
    assert passes_aba_checksum(routing) is valid


def test_a_good_card_keeps_only_brand_last_four_and_expiry() -> None:
    card, errors = check_card(GOOD_CARD, TODAY)
    assert errors == {}
    assert card is not None
    assert (card.brand, card.last4, card.expiry_month, card.expiry_year) == ("Visa", "4242", 8, 2028)
    assert not any("4242424242424242" in str(value) for value in vars(card).values())


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name_on_card": " "}, "name_on_card", "Name on card: enter the name as it appears on the card"),
        ({"card_number": ""}, "card_number", "Card number: enter the card number"),
        ({"card_number": "4242 4242 abcd 4242"}, "card_number", "Card number: use digits only"),
        ({"card_number": "4242424242424241"}, "card_number", "Card number: fails the checksum"),
        (
            {"card_number": "3530111333300000"},
            "card_number",
            "Card number: we accept Visa, Mastercard, Amex and Discover cards",
        ),
        ({"card_number": "424242424242"}, "card_number", "Card number: a Visa number has 13, 16 or 19 digits"),
        ({"expiry": ""}, "expiry", "Expiry (MM/YY): enter the expiry date"),
        ({"expiry": "0828"}, "expiry", "Expiry (MM/YY): use the format MM/YY, like 08/29"),
        ({"expiry": "13/28"}, "expiry", "Expiry (MM/YY): the month must be 01 to 12"),
        ({"expiry": "10/26"}, "expiry", "Expiry (MM/YY): the card has expired"),
        ({"cvc": "12"}, "cvc", "CVC: enter the 3-digit security code on the back of the card"),
        (
            {"card_number": "378282246310005", "cvc": "123"},
            "cvc",
            "CVC: enter the 4-digit security code on the front of the card",
        ),
    ],
)
def test_card_errors_name_the_field(changes: dict, field: str, message: str) -> None:
    card, errors = check_card({**GOOD_CARD, **changes}, TODAY)
    assert card is None
    assert errors == {field: message}


def test_a_card_expiring_this_month_is_still_good() -> None:
    card, errors = check_card({**GOOD_CARD, "expiry": "11/26"}, TODAY)
    assert errors == {} and card is not None


def test_an_amex_takes_a_four_digit_code() -> None:
    card, errors = check_card({**GOOD_CARD, "card_number": "3782 822463 10005", "cvc": "1234"}, TODAY)
    assert errors == {}
    assert card is not None and (card.brand, card.last4) == ("Amex", "0005")


GOOD_BANK = {
    "account_holder": "Willow Creek Counseling",
    "routing_number": "011000015",
    "account_number": "000123456789",
    "account_type": "Checking",
}


def test_a_good_bank_account_keeps_only_the_last_four() -> None:
    account, errors = check_bank_account(GOOD_BANK)
    assert errors == {}
    assert account is not None and (account.last4, account.account_type) == ("6789", "Checking")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"account_holder": ""}, "account_holder", "Account holder: enter the name on the account"),
        ({"routing_number": ""}, "routing_number", "Routing number: enter the 9-digit routing number"),
        ({"routing_number": "01100001"}, "routing_number", "Routing number: use exactly 9 digits"),
        ({"routing_number": "011000016"}, "routing_number", "Routing number: fails the checksum"),
        ({"account_number": "12"}, "account_number", "Account number: use 4 to 17 digits"),
        ({"account_type": "Brokerage"}, "account_type", "Account type: choose Checking or Savings"),
    ],
)
def test_bank_account_errors_name_the_field(changes: dict, field: str, message: str) -> None:
    account, errors = check_bank_account({**GOOD_BANK, **changes})
    assert account is None
    assert errors == {field: message}


@pytest.mark.parametrize(
    ("typed", "formatted"),
    [
        ("503-555-0142", "(503) 555-0142"),
        ("(503) 555 0142", "(503) 555-0142"),
        ("+1 503.555.0142", "(503) 555-0142"),
        ("555-0142", None),
        ("123-555-0142", None),
        ("503-055-0142", None),
        ("503-555-O142", None),
    ],
)
def test_us_phone_numbers(typed: str, formatted: str | None) -> None:
    assert us_phone(typed) == formatted


@pytest.mark.parametrize(
    ("form", "errors"),
    [
        (
            {"name": "", "email": "a@b.example", "phone": "5035550142"},
            {"name": "Name: enter the billing contact's name"},
        ),
        (
            {"name": "A", "email": "a@b", "phone": "5035550142"},
            {"email": "Email: enter an address like name@example.com"},
        ),
        (
            {"name": "A", "email": "a@b.example", "phone": "12"},
            {"phone": "Phone: enter a 10-digit US number, like (503) 555-0142"},
        ),
        (
            {"name": "", "email": "", "phone": ""},
            {
                "name": "Name: enter the billing contact's name",
                "email": "Email: enter an email address",
                "phone": "Phone: enter a phone number",
            },
        ),
    ],
)
def test_contact_errors_are_all_reported_at_once(form: dict, errors: dict) -> None:
    contact, found = check_contact(form)
    assert contact is None
    assert found == errors


@pytest.mark.parametrize(
    ("typed", "addresses", "error"),
    [
        ("a@x.example, b@y.example; c@z.example", ("a@x.example", "b@y.example", "c@z.example"), None),
        ("a@x.example;; A@X.example ,", ("a@x.example",), None),
        ("", (), None),
        ("a@x.example, nope", (), "Email: “nope” is not a valid email address"),
        ("bad@, a@x.example; @y.example", (), "Email: “bad@” and “@y.example” are not valid email addresses"),
    ],
)
def test_receipt_emails(typed: str, addresses: tuple, error: str | None) -> None:
    assert receipt_emails(typed) == (addresses, error)


@pytest.mark.parametrize(
    ("form", "errors"),
    [
        (
            {"type": "Other", "description": "x" * 1001},
            {"description": "Description: use 1,000 characters or fewer (this one has 1,001)"},
        ),
        (
            {"type": "Lunch", "description": "  "},
            {"type": "Type: choose the type of change", "description": "Description: describe the change you need"},
        ),
    ],
)
def test_change_request_errors(form: dict, errors: dict) -> None:
    assert check_change_request(form) == (None, errors)


@pytest.mark.parametrize("months", ["0", "13", "three", ""])
def test_prepay_months_must_be_one_to_twelve(months: str) -> None:
    assert check_prepay_months({"months": months}) == (None, {"months": "Months: choose 1 to 12 months"})
