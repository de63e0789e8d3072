"""What every view needs: the request's database connection, the sandbox's date, form values to echo."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date

from flask import current_app, g, request

from billing_sandbox.database import connect
from billing_sandbox.store import sandbox_today


def connection() -> sqlite3.Connection:
    """One connection per request, closed when the request ends (see app.create_app).

    To the request's data set when it names one (see app.DataSets), else to the sandbox's database.
    """
    if "connection" not in g:
        g.connection = connect(g.get("database") or current_app.config["SANDBOX_DATABASE"])
    return g.connection


def today() -> date:
    if "today" not in g:
        g.today = sandbox_today(connection())
    return g.today


def submitted_values(names: Iterable[str]) -> dict[str, str]:
    """The fields to put back into a form shown again with errors; secrets are left out by the caller."""
    return {name: request.form.get(name, "") for name in names}
