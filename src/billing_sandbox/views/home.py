"""The page after logging in: what is due and where to go."""

from __future__ import annotations

from flask import Blueprint, render_template

from billing_sandbox.store import invoices, payment_method
from billing_sandbox.views.shared import connection, today

blueprint = Blueprint("home", __name__)


@blueprint.get("/")
def index() -> str:
    due = [invoice for invoice in invoices(connection()) if invoice.status == "Due"]
    return render_template("home.html", due=due, method=payment_method(connection()), today=today())
