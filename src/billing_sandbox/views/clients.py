"""Clients and their Registration page, whose ADDRESS > Self Address tab holds the receipt emails.

Tabs are links rendered on the server (`?tab=address&sub=self`): every state has its own
address, so a walkthrough or a support link can open it directly.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from billing_sandbox import store
from billing_sandbox.validation import check_self_address
from billing_sandbox.views.shared import connection, submitted_values

blueprint = Blueprint("clients", __name__, url_prefix="/clients")

# (query value, visible label): the product writes its registration tabs in capitals.
REGISTRATION_TABS = (("demographics", "DEMOGRAPHICS"), ("address", "ADDRESS"), ("insurance", "INSURANCE"))
ADDRESS_TABS = (("self", "Self Address"), ("guarantor", "Guarantor Address"))
ADDRESS_FIELDS = ("street", "city", "state", "zip_code", "email")


@blueprint.get("")
def index() -> str:
    return render_template("clients/index.html", clients=store.clients(connection()))


def _client_or_404(client_id: int) -> store.Client:
    return store.client(connection(), client_id) or abort(404)


def _registration(client: store.Client, tab: str, sub: str, errors: dict, values: dict) -> str:
    return render_template(
        "clients/registration.html",
        client=client,
        tab=tab,
        sub=sub,
        registration_tabs=REGISTRATION_TABS,
        address_tabs=ADDRESS_TABS,
        errors=errors,
        values=values,
    )


@blueprint.get("/<row_id:client_id>/registration")
def registration(client_id: int) -> str:
    client = _client_or_404(client_id)
    tab = request.args.get("tab", "demographics")
    if tab not in dict(REGISTRATION_TABS):
        tab = "demographics"
    sub = request.args.get("sub", "self")
    if sub not in dict(ADDRESS_TABS):
        sub = "self"
    values = {
        "street": client.street,
        "city": client.city,
        "state": client.state,
        "zip_code": client.zip_code,
        "email": client.receipt_emails,
    }
    return _registration(client, tab, sub, {}, values)


@blueprint.post("/<row_id:client_id>/registration/self-address")
def save_self_address(client_id: int) -> Response | tuple[str, int]:
    client = _client_or_404(client_id)
    checked, errors = check_self_address(request.form)
    if errors:
        return _registration(client, "address", "self", errors, submitted_values(ADDRESS_FIELDS)), 422
    store.update_self_address(connection(), client_id, checked)
    count = len(checked.emails)
    receipts = f"Payment receipts go to {count} email address{'es' if count != 1 else ''}."
    flash(f"Self Address saved. {receipts}", "success")
    return redirect(url_for("clients.registration", client_id=client_id, tab="address", sub="self"), code=303)
