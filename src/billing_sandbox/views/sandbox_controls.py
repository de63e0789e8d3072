"""Controls that exist only in the sandbox: put the payment method in a state a walkthrough needs."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from billing_sandbox import store
from billing_sandbox.views.shared import connection

blueprint = Blueprint("sandbox_controls", __name__, url_prefix="/sandbox")


@blueprint.get("")
def index() -> str:
    return render_template(
        "sandbox_controls.html", method=store.payment_method(connection()), statuses=store.PAYMENT_METHOD_STATUSES
    )


@blueprint.post("/payment-method-status")
def set_status() -> Response:
    status = request.form.get("status", "")
    if store.payment_method(connection()) is None:
        flash("Payment method status: there is no saved payment method.", "error")
    elif status not in store.PAYMENT_METHOD_STATUSES:
        flash("Payment method status: choose Active, Inactive or Pending.", "error")
    else:
        store.set_payment_method_status(connection(), status)
        flash(f"Payment method status set to {status}.", "success")
    return redirect(url_for("sandbox_controls.index"), code=303)


@blueprint.post("/remove-payment-method")
def remove_payment_method() -> Response:
    store.remove_payment_method(connection())
    flash("Saved payment method removed.", "success")
    return redirect(url_for("sandbox_controls.index"), code=303)
