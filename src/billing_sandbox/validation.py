"""What each sandbox form accepts, and the message a person sees when it does not.

Every check collects all of a form's errors, keyed by field name, each message starting
with the field's visible label ("Card number: fails the checksum"), so that a person
knows which field to fix and a test can assert the exact text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from billing_sandbox.payment_checks import ACCEPTED_BRANDS, card_brand, passes_aba_checksum, passes_luhn

Errors = dict[str, str]

ACCOUNT_TYPES = ("Checking", "Savings")
CHANGE_REQUEST_TYPES = ("Add a user", "Remove a user", "Change plan", "Cancel account", "Other")
CHANGE_REQUEST_DESCRIPTION_MAX = 1000
NAME_MAX = 100
MAX_RECEIPT_EMAILS = 10
# An error names this many invalid addresses at most, then says how many more there are.
MAX_NAMED_INVALID_EMAILS = 5
PREPAY_MONTH_CHOICES = tuple(range(1, 13))

# Deliberately plain: syntax only, no lookups, the way a browser's type=email judges it.
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
)
_EXPIRY = re.compile(r"^(\d{1,2})\s*/\s*(\d{2}|\d{4})$")
_PHONE_CHARACTERS = re.compile(r"^[\d\s().+-]+$")
_ZIP = re.compile(r"^\d{5}(-\d{4})?$")
_STATE = re.compile(r"^[A-Za-z]{2}$")


def _text(form: Mapping[str, str], name: str) -> str:
    return (form.get(name) or "").strip()


def _digits_without_separators(raw: str) -> str:
    return re.sub(r"[\s-]", "", raw)


def _all_digits(text: str) -> bool:
    """0 to 9 only: str.isdigit() alone also passes ² and ٣, which int() then refuses or misreads."""
    return text.isascii() and text.isdigit()


def is_email_address(text: str) -> bool:
    return len(text) <= 254 and bool(_EMAIL.match(text))


@dataclass(frozen=True)
class CardInput:
    """A card that passed every check; the full number and the CVC are already gone."""

    name_on_card: str
    brand: str
    last4: str
    expiry_month: int
    expiry_year: int


def check_card(form: Mapping[str, str], today: date) -> tuple[CardInput | None, Errors]:
    errors: Errors = {}
    name = _text(form, "name_on_card")
    if not name:
        errors["name_on_card"] = "Name on card: enter the name as it appears on the card"
    elif len(name) > NAME_MAX:
        errors["name_on_card"] = f"Name on card: use {NAME_MAX} characters or fewer"

    number = _digits_without_separators(_text(form, "card_number"))
    brand = card_brand(number) if _all_digits(number) else None
    if not number:
        errors["card_number"] = "Card number: enter the card number"
    elif not _all_digits(number):
        errors["card_number"] = "Card number: use digits only"
    elif brand is None:
        accepted = ", ".join(b.name for b in ACCEPTED_BRANDS[:-1]) + f" and {ACCEPTED_BRANDS[-1].name}"
        errors["card_number"] = f"Card number: we accept {accepted} cards"
    elif len(number) not in brand.lengths:
        errors["card_number"] = f"Card number: a {brand.name} number has {_spoken_lengths(brand.lengths)} digits"
    elif not passes_luhn(number):
        errors["card_number"] = "Card number: fails the checksum"

    expiry = _text(form, "expiry")
    expiry_month = expiry_year = 0
    matched = _EXPIRY.match(expiry)
    if not expiry:
        errors["expiry"] = "Expiry (MM/YY): enter the expiry date"
    elif not matched:
        errors["expiry"] = "Expiry (MM/YY): use the format MM/YY, like 08/29"
    else:
        expiry_month = int(matched.group(1))
        expiry_year = int(matched.group(2)) + (2000 if len(matched.group(2)) == 2 else 0)
        if not 1 <= expiry_month <= 12:
            errors["expiry"] = "Expiry (MM/YY): the month must be 01 to 12"
        elif (expiry_year, expiry_month) < (today.year, today.month):
            errors["expiry"] = "Expiry (MM/YY): the card has expired"
        elif expiry_year > today.year + 20:
            errors["expiry"] = "Expiry (MM/YY): check the year"

    cvc = _text(form, "cvc")
    if not cvc:
        errors["cvc"] = "CVC: enter the security code"
    elif brand is not None and (not _all_digits(cvc) or len(cvc) != brand.security_code_length):
        where = "front" if brand.security_code_length == 4 else "back"
        errors["cvc"] = f"CVC: enter the {brand.security_code_length}-digit security code on the {where} of the card"
    elif brand is None and (not _all_digits(cvc) or len(cvc) not in (3, 4)):
        errors["cvc"] = "CVC: enter the 3- or 4-digit security code"

    if errors or brand is None:
        return None, errors
    return CardInput(name, brand.name, number[-4:], expiry_month, expiry_year), errors


def _spoken_lengths(lengths: tuple[int, ...]) -> str:
    words = [str(n) for n in lengths]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" or {words[-1]}"


@dataclass(frozen=True)
class BankAccountInput:
    """A bank account that passed every check; only the last four digits of the account are kept."""

    account_holder: str
    last4: str
    account_type: str


def check_bank_account(form: Mapping[str, str]) -> tuple[BankAccountInput | None, Errors]:
    errors: Errors = {}
    holder = _text(form, "account_holder")
    if not holder:
        errors["account_holder"] = "Account holder: enter the name on the account"
    elif len(holder) > NAME_MAX:
        errors["account_holder"] = f"Account holder: use {NAME_MAX} characters or fewer"

    routing = _digits_without_separators(_text(form, "routing_number"))
    if not routing:
        errors["routing_number"] = "Routing number: enter the 9-digit routing number"
    elif not _all_digits(routing) or len(routing) != 9:
        errors["routing_number"] = "Routing number: use exactly 9 digits"
    elif not passes_aba_checksum(routing):
        errors["routing_number"] = "Routing number: fails the checksum"

    account = _digits_without_separators(_text(form, "account_number"))
    if not account:
        errors["account_number"] = "Account number: enter the account number"
    elif not _all_digits(account) or not 4 <= len(account) <= 17:
        errors["account_number"] = "Account number: use 4 to 17 digits"

    account_type = _text(form, "account_type")
    if account_type not in ACCOUNT_TYPES:
        errors["account_type"] = "Account type: choose Checking or Savings"

    if errors:
        return None, errors
    return BankAccountInput(holder, account[-4:], account_type), errors


@dataclass(frozen=True)
class ContactInput:
    name: str
    email: str
    phone: str


def check_contact(form: Mapping[str, str]) -> tuple[ContactInput | None, Errors]:
    errors: Errors = {}
    name = _text(form, "name")
    if not name:
        errors["name"] = "Name: enter the billing contact's name"
    elif len(name) > NAME_MAX:
        errors["name"] = f"Name: use {NAME_MAX} characters or fewer"

    email = _text(form, "email")
    if not email:
        errors["email"] = "Email: enter an email address"
    elif not is_email_address(email):
        errors["email"] = "Email: enter an address like name@example.com"

    phone = _text(form, "phone")
    formatted_phone = us_phone(phone)
    if not phone:
        errors["phone"] = "Phone: enter a phone number"
    elif formatted_phone is None:
        errors["phone"] = "Phone: enter a 10-digit US number, like (503) 555-0142"

    if errors or formatted_phone is None:
        return None, errors
    return ContactInput(name, email, formatted_phone), errors


def us_phone(raw: str) -> str | None:
    """`503.555.0142`, `+1 503 555 0142` ... -> `(503) 555-0142`; None unless it is a plausible US number."""
    if not _PHONE_CHARACTERS.match(raw):
        return None
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    # North American numbers: neither the area code nor the exchange starts with 0 or 1.
    if len(digits) != 10 or digits[0] in "01" or digits[3] in "01":
        return None
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


@dataclass(frozen=True)
class ChangeRequestInput:
    type: str
    description: str


def check_change_request(form: Mapping[str, str]) -> tuple[ChangeRequestInput | None, Errors]:
    errors: Errors = {}
    request_type = _text(form, "type")
    if request_type not in CHANGE_REQUEST_TYPES:
        errors["type"] = "Type: choose the type of change"
    description = _text(form, "description")
    if not description:
        errors["description"] = "Description: describe the change you need"
    elif len(description) > CHANGE_REQUEST_DESCRIPTION_MAX:
        errors["description"] = (
            f"Description: use {CHANGE_REQUEST_DESCRIPTION_MAX:,} characters or fewer "
            f"(this one has {len(description):,})"
        )
    if errors:
        return None, errors
    return ChangeRequestInput(request_type, description), errors


def check_prepay_months(form: Mapping[str, str]) -> tuple[int | None, Errors]:
    raw = _text(form, "months")
    if _all_digits(raw) and len(raw) <= 2 and int(raw) in PREPAY_MONTH_CHOICES:
        return int(raw), {}
    return None, {"months": "Months: choose 1 to 12 months"}


@dataclass(frozen=True)
class AddressInput:
    street: str
    city: str
    state: str
    zip_code: str
    emails: tuple[str, ...]


def check_self_address(form: Mapping[str, str]) -> tuple[AddressInput | None, Errors]:
    errors: Errors = {}
    street = _text(form, "street")
    city = _text(form, "city")
    if len(street) > NAME_MAX:
        errors["street"] = f"Street: use {NAME_MAX} characters or fewer"
    if len(city) > NAME_MAX:
        errors["city"] = f"City: use {NAME_MAX} characters or fewer"
    state = _text(form, "state").upper()
    if state and not _STATE.match(state):
        errors["state"] = "State: use the 2-letter code, like OR"
    zip_code = _text(form, "zip_code")
    if zip_code and not _ZIP.match(zip_code):
        errors["zip_code"] = "ZIP code: use 5 digits, like 97205"
    emails, email_error = receipt_emails(_text(form, "email"))
    if email_error:
        errors["email"] = email_error
    if errors:
        return None, errors
    return AddressInput(street, city, state, zip_code, emails), errors


def receipt_emails(raw: str) -> tuple[tuple[str, ...], str | None]:
    """Addresses separated by commas or semicolons; blanks and repeats dropped, each one checked."""
    addresses: list[str] = []
    seen: set[str] = set()
    for piece in re.split(r"[,;]", raw):
        address = piece.strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            addresses.append(address)
    invalid = [f"“{a}”" for a in addresses if not is_email_address(a)]
    if len(invalid) == 1:
        return (), f"Email: {invalid[0]} is not a valid email address"
    if len(invalid) > MAX_NAMED_INVALID_EMAILS:
        named = ", ".join(invalid[:MAX_NAMED_INVALID_EMAILS])
        more = len(invalid) - MAX_NAMED_INVALID_EMAILS
        return (), f"Email: {named} and {more:,} more are not valid email addresses"
    if invalid:
        return (), f"Email: {', '.join(invalid[:-1])} and {invalid[-1]} are not valid email addresses"
    if len(addresses) > MAX_RECEIPT_EMAILS:
        return (), f"Email: add at most {MAX_RECEIPT_EMAILS} addresses"
    return tuple(addresses), None
