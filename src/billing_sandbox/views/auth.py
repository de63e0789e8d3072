"""Logging in and out with the sandbox's one demo account."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from billing_sandbox.demo import DEMO_EMAIL, DEMO_PASSWORD

blueprint = Blueprint("auth", __name__)


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> Response | tuple[str, int] | str:
    next_page = _local_path(request.values.get("next", ""))
    if request.method == "GET":
        if g.logged_in:
            return redirect(next_page)
        return render_template("login.html", next_page=next_page, errors={}, values={})

    email = request.form.get("email", "").strip()
    password = request.form.get("password", "")
    errors: dict[str, str] = {}
    if not email:
        errors["email"] = "Email: enter your email address"
    if not password:
        errors["password"] = "Password: enter your password"
    # Both compared, always, so a wrong email takes as long as a wrong password.
    email_matches = hmac.compare_digest(email.lower().encode(), DEMO_EMAIL.encode())
    password_matches = hmac.compare_digest(password.encode(), DEMO_PASSWORD.encode())
    if not errors and not (email_matches and password_matches):
        errors["password"] = "Password: this email and password do not match a sandbox account"
    if errors:
        return render_template("login.html", next_page=next_page, errors=errors, values={"email": email}), 422

    # A fresh session on login, so that nothing set before it (a fixated cookie) carries over.
    session.clear()
    session.permanent = True
    session["user"] = DEMO_EMAIL
    return redirect(next_page, code=303)


@blueprint.post("/logout")
def logout() -> Response:
    session.clear()
    flash("You have logged out.", "info")
    return redirect(url_for("auth.login"), code=303)


def _local_path(target: str) -> str:
    """Only a path on this site: `next` must never send a person to another host."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
