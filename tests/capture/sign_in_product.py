"""The product `test_sign_in.py` signs in to: a tiny server with four sign-ins, written as products
write them. A Django-admin-like one under `/admin/` ("Username:", an error note), a React-Admin-like
one under `/react/` (stars hidden from screen readers), one over two pages under `/sso/`, and a
single-page app under `/inline/` that draws its sign-in form in place.
"""

from __future__ import annotations

import contextlib
import html
import http.server
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

USER, PASSWORD, EMAIL = "writer", "s3cret", "writer@example.com"

DJANGO_FORM = """<h1>Site administration</h1>{error}
<form method="post" action="/admin/login/">
<label for="id_username">Username:</label> <input id="id_username" name="username">
<label for="id_password">Password:</label> <input id="id_password" name="password" type="password">
<input type="submit" value="Log in"></form>"""
REACT_FORM = """<form method="post"><h1>Sign in</h1>
<label for="u">Username<span aria-hidden="true"> *</span></label> <input id="u" name="username" required>
<label for="p">Password<span aria-hidden="true"> *</span></label> <input id="p" name="password" type="password">
<button type="submit">Sign in</button></form>"""
SSO_EMAIL = """<form method="post" action="/sso/signin"><h1>Sign in</h1>{error}
<label for="e">Email&nbsp; address</label> <input id="e" name="email" type="email">
<button type="button">Help</button> <button type="submit">Continue</button></form>
<a href="/sso/">Don’t have an account?</a>"""
SSO_PASSWORD = """<form method="post" action="/sso/password"><h1>Welcome</h1>
<input type="hidden" name="email" value="{email}">
<label for="p">Your password (required)</label> <input id="p" name="password" type="password">
<button type="submit">Let’s go</button></form>"""
SIGNED_IN = '<h1>Dashboard</h1><a href="{app}reports/">Reports</a>'
# Where each of the product's apps sends a reader who is not signed in.
SIGN_IN_AT = {"/admin/": "/admin/login/?next={path}", "/react/": "/react/login", "/sso/": "/sso/signin", "/inline/": ""}


@dataclass
class Product:
    """The server's sessions: the test expires them all at once, as a product ends a session."""

    url: str = ""
    sessions: set[str] = field(default_factory=set)
    resets: int = 0
    sign_ins: int = 0


class Handler(http.server.BaseHTTPRequestHandler):
    product: Product

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        app = "/" + path.strip("/").split("/")[0] + "/"
        if path == "/admin/login/":
            self.page(DJANGO_FORM.format(error=""))
        elif path == "/react/login":
            self.page(REACT_FORM)
        elif path == "/sso/signin":
            self.page(SSO_EMAIL.format(error=""))
        elif app not in SIGN_IN_AT:
            self.answer(404, "Not found")
        elif self.signed_in():
            self.page("<h1>Reports</h1>" if path.endswith("/reports/") else SIGNED_IN.format(app=app))
        elif app == "/inline/":  # a single-page app draws its sign-in form in place, at the same address
            self.page(REACT_FORM)
        else:
            self.answer(302, "", {"Location": SIGN_IN_AT[app].format(path=path)})

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if path == "/admin/__reset":  # puts the data back, and with it the sessions, as a copied database does
            self.product.sessions.clear()
            self.product.resets += 1
            return self.answer(200, "reset")
        form = {key: values[0] for key, values in parse_qs(body).items()}
        if path == "/sso/signin" and form.get("email") != EMAIL:
            self.page(SSO_EMAIL.format(error='<div role="alert">Couldn’t find your account.</div>'))
        elif path == "/sso/signin":
            self.page(SSO_PASSWORD.format(email=html.escape(EMAIL)))
        elif (form.get("email", form.get("username")), form.get("password")) in ((USER, PASSWORD), (EMAIL, PASSWORD)):
            token = secrets.token_hex(8)
            self.product.sessions.add(token)
            self.product.sign_ins += 1
            home = "/" + path.strip("/").split("/")[0] + "/"
            self.answer(302, "", {"Location": home, "Set-Cookie": f"sid={token}; Path=/; HttpOnly"})
        else:
            error = '<p class="errornote">Please enter a correct username and password.</p>'
            self.page(DJANGO_FORM.format(error=error) if path.startswith("/admin/") else REACT_FORM)

    def signed_in(self) -> bool:
        cookies = dict(part.strip().split("=", 1) for part in self.headers.get("Cookie", "").split(";") if "=" in part)
        return cookies.get("sid") in self.product.sessions

    def page(self, body: str) -> None:
        self.answer(200, f"<!doctype html><html lang='en'><title>Product</title><body>{body}</body></html>")

    def answer(self, status: int, body: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serving() -> Iterator[Product]:
    """The product on a free port of 127.0.0.1, until the block ends."""
    state = Product()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), type("ProductHandler", (Handler,), {"product": state}))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
