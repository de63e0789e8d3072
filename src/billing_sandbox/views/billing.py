"""The Therasoft Billing page and its dialogs: payment method, billing contact, invoices, pre-pay, change requests.

Each dialog's form posts to its own route. The same form is also a page of its own
(`/billing/card-details` ...) for a browser without JavaScript; a form shown again with
errors comes back where it was sent from, the dialog re-opened or the page re-rendered.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from billing_sandbox import store
from billing_sandbox.formatting import money
from billing_sandbox.seed import MONTHLY_PLAN_CENTS
from billing_sandbox.store import PaymentOutcome, PrepayOutcome
from billing_sandbox.validation import (
    ACCOUNT_TYPES,
    CHANGE_REQUEST_DESCRIPTION_MAX,
    CHANGE_REQUEST_TYPES,
    PREPAY_MONTH_CHOICES,
    check_bank_account,
    check_card,
    check_change_request,
    check_contact,
    check_prepay_months,
)
from billing_sandbox.views.shared import connection, submitted_values, today

blueprint = Blueprint("billing", __name__, url_prefix="/billing")

UNPROCESSABLE = 422
PAY_BLOCKED_REASON = "Add an active payment method to pay"

# Fields echoed back into a form with errors. Card and account numbers and the CVC never are:
# they are not kept anywhere, not even in the page.
CARD_FIELDS_TO_ECHO = ("name_on_card", "expiry")
BANK_FIELDS_TO_ECHO = ("account_holder", "routing_number", "account_type")
CONTACT_FIELDS = ("name", "email", "phone")
CHANGE_REQUEST_FIELDS = ("type", "description")


@blueprint.context_processor
def _choices() -> dict:
    return {
        "account_type_options": [(name, name) for name in ACCOUNT_TYPES],
        "change_request_type_options": [(name, name) for name in CHANGE_REQUEST_TYPES],
        "description_max": CHANGE_REQUEST_DESCRIPTION_MAX,
        "prepay_month_options": [(n, f"{n} month{'s' if n != 1 else ''}") for n in PREPAY_MONTH_CHOICES],
        "monthly_plan": money(MONTHLY_PLAN_CENTS),
        "pay_blocked_reason": PAY_BLOCKED_REASON,
    }


def _billing_state() -> dict:
    db = connection()
    method = store.payment_method(db)
    return {
        "method": method,
        "can_pay": method is not None and method.is_active,
        "contact": store.billing_contact(db),
        "invoices": store.invoices(db),
        "credit_cents": store.practice(db).credit_cents,
        "change_requests": store.change_requests(db),
        "latest_period": store.latest_period(db),
        "today": today(),
    }


def _form_state(errors: dict[str, str] | None, values: dict[str, str] | None, **extra: object) -> dict:
    return {"errors": errors or {}, "values": values or {}, **extra}


def _came_from_dialog() -> bool:
    return request.form.get("source") == "dialog"


def _show_again(
    dialog: str, page_template: str, errors: dict[str, str], values: dict[str, str], **extra: object
) -> tuple[str, int]:
    """A form with errors, back where it was sent from; nothing was saved."""
    state = _form_state(errors, values, **extra)
    if _came_from_dialog():
        return render_template("billing/page.html", open_dialog=dialog, **_billing_state(), **state), UNPROCESSABLE
    return render_template(page_template, mode="page", **_billing_state(), **state), UNPROCESSABLE


def _back_to_billing() -> Response:
    # No #anchor: the page opens at the top, where the notice saying what happened is.
    return redirect(url_for("billing.page"), code=303)


@blueprint.get("")
def page() -> str:
    return render_template("billing/page.html", open_dialog=None, **_billing_state(), **_form_state(None, None))


@blueprint.get("/card-details")
def card_details() -> str:
    method = store.payment_method(connection())
    default_tab = "bank" if method and method.kind == "bank" else "card"
    tab = request.args.get("method", default_tab)
    if tab not in ("card", "bank"):
        tab = "card"
    return render_template(
        "billing/card_details_page.html", mode="page", **_billing_state(), **_form_state(None, None, method_tab=tab)
    )


@blueprint.post("/card-details")
def save_card_details() -> Response | tuple[str, int]:
    kind = request.form.get("kind", "card")
    if kind == "bank":
        account, errors = check_bank_account(request.form)
        values = submitted_values(BANK_FIELDS_TO_ECHO)
    else:
        kind = "card"
        card, errors = check_card(request.form, today())
        values = submitted_values(CARD_FIELDS_TO_ECHO)
    if errors:
        return _show_again("card-details", "billing/card_details_page.html", errors, values, method_tab=kind)
    if kind == "bank":
        saved = store.save_bank_account(connection(), account, today())
    else:
        saved = store.save_card(connection(), card, today())
    flash(f"Payment method saved: {saved.label}. Status: {saved.status}.", "success")
    return _back_to_billing()


@blueprint.get("/contact")
def contact() -> str:
    current = store.billing_contact(connection())
    values = {"name": current.name, "email": current.email, "phone": current.phone}
    return render_template("billing/contact_page.html", mode="page", **_billing_state(), **_form_state(None, values))


@blueprint.post("/contact")
def save_contact() -> Response | tuple[str, int]:
    checked, errors = check_contact(request.form)
    if errors:
        return _show_again("billing-contact", "billing/contact_page.html", errors, submitted_values(CONTACT_FIELDS))
    store.update_billing_contact(connection(), checked)
    flash("Billing contact saved.", "success")
    return _back_to_billing()


@blueprint.get("/invoices/<row_id:invoice_id>")
def invoice(invoice_id: int) -> str:
    found = store.invoice(connection(), invoice_id) or abort(404)
    lines = store.invoice_lines(connection(), invoice_id)
    return render_template("billing/invoice.html", invoice=found, lines=lines, **_billing_state())


@blueprint.get("/invoices/<row_id:invoice_id>/print")
def print_invoice(invoice_id: int) -> str:
    found = store.invoice(connection(), invoice_id) or abort(404)
    lines = store.invoice_lines(connection(), invoice_id)
    return render_template(
        "billing/invoice_print.html", invoice=found, lines=lines, practice=store.practice(connection())
    )


@blueprint.post("/invoices/<row_id:invoice_id>/pay")
def pay(invoice_id: int) -> Response:
    outcome, found = store.pay_invoice(connection(), invoice_id, today())
    if outcome is PaymentOutcome.NOT_FOUND:
        abort(404)
    assert found is not None
    if outcome is PaymentOutcome.PAID:
        flash(f"Paid {found.label} ({money(found.amount_cents)}) with {found.paid_with}.", "success")
    elif outcome is PaymentOutcome.ALREADY_PAID:
        flash(f"{found.label} is already paid. Nothing was charged.", "info")
    elif outcome is PaymentOutcome.ALREADY_PREPAID:
        flash(f"{found.label} is already prepaid. Nothing was charged.", "info")
    else:
        flash(f"Pay: {PAY_BLOCKED_REASON.lower()}. Nothing was charged.", "error")
    if request.form.get("return_to") == "invoice":
        return redirect(url_for("billing.invoice", invoice_id=invoice_id), code=303)
    return _back_to_billing()


@blueprint.get("/prepay")
def prepay_page() -> str:
    return render_template("billing/prepay_page.html", mode="page", **_billing_state(), **_form_state(None, None))


@blueprint.post("/prepay")
def prepay() -> Response | tuple[str, int]:
    method = store.payment_method(connection())
    if method is None or not method.is_active:
        # Checked before the months: without an active method there is no Pre-pay dialog to show errors in.
        flash(f"Pre-pay: {PAY_BLOCKED_REASON.lower()}. Nothing was charged.", "error")
        return _back_to_billing()
    months, errors = check_prepay_months(request.form)
    values = submitted_values(("months",))
    if errors:
        return _show_again("prepay", "billing/prepay_page.html", errors, values)
    assert months is not None
    result = store.prepay(connection(), months, request.form.get("after_period", ""), today())
    if result.outcome is PrepayOutcome.TOO_MANY_MONTHS:
        if result.months_left:
            left = f"{result.months_left} month{'s' if result.months_left != 1 else ''} left"
            message = f"Months: you can pre-pay up to {store.MAX_MONTHS_AHEAD} months ahead; {left}"
        else:
            message = f"Months: you have already pre-paid {store.MAX_MONTHS_AHEAD} months ahead"
        return _show_again("prepay", "billing/prepay_page.html", {"months": message}, values)
    if result.outcome is PrepayOutcome.NO_ACTIVE_METHOD:
        flash(f"Pre-pay: {PAY_BLOCKED_REASON.lower()}. Nothing was charged.", "error")
    elif result.outcome is PrepayOutcome.ALREADY_DONE:
        flash("This pre-payment was already made. Nothing more was charged.", "info")
    else:
        plural = "s" if months != 1 else ""
        flash(f"Pre-paid {months} month{plural} ({money(result.charged_cents)}) with {result.method_label}.", "success")
    return _back_to_billing()


@blueprint.get("/change-requests/new")
def new_change_request() -> str:
    return render_template(
        "billing/change_request_page.html", mode="page", **_billing_state(), **_form_state(None, None)
    )


@blueprint.post("/change-requests")
def add_change_request() -> Response | tuple[str, int]:
    checked, errors = check_change_request(request.form)
    if errors:
        values = submitted_values(CHANGE_REQUEST_FIELDS)
        return _show_again("change-request", "billing/change_request_page.html", errors, values)
    store.add_change_request(connection(), checked, today())
    flash("Change request submitted. Its status is Open.", "success")
    return _back_to_billing()
