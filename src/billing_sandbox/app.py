"""The sandbox's Flask application: configuration, login gate, CSRF, error pages and the blueprints."""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import threading
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Flask,
    Response,
    current_app,
    g,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf.csrf import CSRFError, CSRFProtect
from jinja2 import ChoiceLoader, FileSystemLoader
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestEntityTooLarge, UnsupportedMediaType
from werkzeug.routing import IntegerConverter, Map

from billing_sandbox import formatting, store
from billing_sandbox.clock import today_from_environment
from billing_sandbox.database import connect, prepare_database, reseed_in_place, reset_database
from billing_sandbox.demo import DEMO_EMAIL, DEMO_PASSWORD, PRACTICE_NAME
from billing_sandbox.drift import drifts_from_environment
from billing_sandbox.views import auth, billing, clients, home, sandbox_controls, setup

log = logging.getLogger(__name__)

SESSION_LIFETIME = timedelta(hours=8)
RESET_PATH = "/_sandbox/reset"
RESET_ENDPOINT = "sandbox_reset"
# A fresh copy of the seed for one walk, chosen per request by a header: many walks at once on
# one server, none seeing another's changes. Only with allow_reset, like the reset.
DATA_SETS_PATH = "/_sandbox/data"
DATA_SET_ENDPOINT = "sandbox_data_set"
DATA_SET_DROP_ENDPOINT = "sandbox_drop_data_set"
DATA_SET_HEADER = "X-Sandbox-Data"
DATA_SETS_FOLDER = "data-sets"
MACHINE_ENDPOINTS = {RESET_ENDPOINT, DATA_SET_ENDPOINT, DATA_SET_DROP_ENDPOINT}
# Endpoints reached without logging in. The machine ones exist only when the server was started to allow them.
PUBLIC_ENDPOINTS = {"auth.login", "healthz", "static", *MACHINE_ENDPOINTS}
# The largest form (Card Details) sends a dozen short fields: these leave room for any text a
# person types, and refuse (413) a form bomb before any view reads it. waitress refuses far
# larger bodies before they are read at all (server.py).
MAX_FORM_BYTES = 64 * 1024
MAX_FORM_FIELDS = 100
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# SQLite's largest integer: an id past it is no row's.
MAX_ROW_ID = 2**63 - 1


class RowIdConverter(IntegerConverter):
    """`<row_id:invoice_id>`: a whole number SQLite can hold; any other is no page (404), not an error."""

    def __init__(self, map: Map) -> None:
        super().__init__(map, min=1, max=MAX_ROW_ID)


def create_app(
    data_dir: Path,
    *,
    reset: bool = False,
    allow_reset: bool = False,
    today: date | None = None,
    secret_key: str | None = None,
) -> Flask:
    """The sandbox app over the data in `data_dir`, re-seeded first when `reset` (or when there is none).

    `today` is the seed's date (SANDBOX_TODAY by default); once seeded, the data keeps its own date.
    `allow_reset` adds `POST /_sandbox/reset`, which re-seeds the data while serving, with no login,
    and `POST /_sandbox/data`, which makes a fresh copy of the seed that requests carrying its
    name in the X-Sandbox-Data header use: for capture and verify, which walk many articles on
    one sandbox, each on data of its own.
    """
    data_dir = Path(data_dir)
    database = prepare_database(data_dir, today or today_from_environment(), reset=reset)
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key or _secret_key(data_dir),
        SANDBOX_DATABASE=str(database),
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
        SESSION_COOKIE_NAME="sandbox_session",
        SESSION_COOKIE_SAMESITE="Lax",
        # The token lives as long as the session: a form left open for an hour still saves.
        WTF_CSRF_TIME_LIMIT=None,
        MAX_CONTENT_LENGTH=MAX_FORM_BYTES,
        # Werkzeug applies these to multipart forms as it parses them; _refuse_what_no_form_sends
        # counts the fields of the other kind.
        MAX_FORM_PARTS=MAX_FORM_FIELDS,
        MAX_FORM_MEMORY_SIZE=MAX_FORM_BYTES,
    )
    app.url_map.converters["row_id"] = RowIdConverter
    overrides = os.environ.get("SANDBOX_TEMPLATES")
    if overrides:
        # A folder of changed templates, looked in first: a product change made as a user sees
        # it, beyond the built-in drift switches, for trying verify and fix against.
        app.jinja_env.loader = ChoiceLoader([FileSystemLoader(overrides), app.jinja_env.loader])
    app.jinja_env.globals.update(
        demo_email=DEMO_EMAIL,
        demo_password=DEMO_PASSWORD,
        practice_name=PRACTICE_NAME,
        drift=drifts_from_environment(),
    )
    app.jinja_env.filters.update(
        money=formatting.money, period_label=formatting.period_label, long_date=formatting.long_date
    )

    if allow_reset:
        app.extensions["sandbox_data_sets"] = DataSets(data_dir / DATA_SETS_FOLDER, _seeded_for(database))
        app.before_request(_choose_data_set)
    # First: what is too large or no form at all is refused before anything reads it.
    app.before_request(_refuse_what_no_form_sends)
    # Registered before CSRFProtect so that an expired session on a POST goes to the login page
    # rather than to a "form expired" error: its CSRF token expired with it.
    app.before_request(_require_login)
    csrf = CSRFProtect(app)
    # A machine's call, not a form: it carries no session and so no CSRF token.
    csrf.exempt(_reseed)
    csrf.exempt(_new_data_set)
    csrf.exempt(_drop_data_set)

    app.register_blueprint(auth.blueprint)
    app.register_blueprint(home.blueprint)
    app.register_blueprint(setup.blueprint)
    app.register_blueprint(billing.blueprint)
    app.register_blueprint(clients.blueprint)
    app.register_blueprint(sandbox_controls.blueprint)
    app.add_url_rule("/healthz", "healthz", _healthz)
    if allow_reset:
        app.add_url_rule(RESET_PATH, RESET_ENDPOINT, _reseed, methods=["POST"])
        app.add_url_rule(DATA_SETS_PATH, DATA_SET_ENDPOINT, _new_data_set, methods=["POST"])
        app.add_url_rule(f"{DATA_SETS_PATH}/<name>", DATA_SET_DROP_ENDPOINT, _drop_data_set, methods=["DELETE"])
    app.teardown_appcontext(_close_connection)
    app.register_error_handler(CSRFError, _form_expired)
    app.register_error_handler(HTTPException, _http_error)
    app.after_request(_no_store)
    return app


def _secret_key(data_dir: Path) -> str:
    """Kept beside the data so that a restart does not log everybody out; never in the database."""
    path = data_dir / "secret-key"
    if not path.exists():
        # Created owner-only from the start, not chmod-ed after being written.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as key_file:
            key_file.write(secrets.token_hex(32))
    return path.read_text(encoding="utf-8").strip()


def _refuse_what_no_form_sends() -> None:
    """A POST to a page is its form: JSON or any other body is refused (415), and so is a form
    with more fields than any page has (413); a form past MAX_FORM_BYTES is a 413 as it is read."""
    if request.method != "POST" or request.url_rule is None or request.endpoint in MACHINE_ENDPOINTS:
        return
    if request.mimetype and request.mimetype not in FORM_TYPES:
        raise UnsupportedMediaType()
    if sum(len(values) for _, values in request.form.lists()) > MAX_FORM_FIELDS:
        raise RequestEntityTooLarge()


def _require_login() -> Response | None:
    g.logged_in = bool(session.get("user"))
    # An unknown page or a wrong method is a 404 or 405 for everybody, logged in or not.
    if request.url_rule is None or request.endpoint in PUBLIC_ENDPOINTS or g.logged_in:
        return None
    # After logging in, a GET comes back to the page asked for; a POST (its form is gone with the
    # session) to the page the form was on.
    target = request.full_path.rstrip("?") if request.method == "GET" else _same_site_referrer()
    return redirect(url_for("auth.login", next=target), code=303)


def _same_site_referrer() -> str:
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc != request.host or not referrer.path:
        return "/"
    return referrer.path + (f"?{referrer.query}" if referrer.query else "")


def _healthz() -> Response:
    return jsonify(status="ok")


def _reseed() -> Response:
    today = reseed_in_place(Path(current_app.config["SANDBOX_DATABASE"]))
    return jsonify(status="reset", today=today.isoformat())


def _seeded_for(database: Path) -> date:
    connection = connect(database)
    try:
        return store.sandbox_today(connection)
    finally:
        connection.close()


class DataSets:
    """Fresh copies of the seed, by name: each is the file a reset would write, copied in a few ms."""

    def __init__(self, folder: Path, today: date):
        self.folder = folder
        self.today = today
        self._names: set[str] = set()
        self._lock = threading.Lock()
        self._seed: Path | None = None

    def create(self) -> str:
        with self._lock:
            if self._seed is None:
                self._seed = reset_database(self.folder / "seed", self.today)
            name = secrets.token_hex(8)
            staged = self.folder / f".{name}.copying"
            shutil.copyfile(self._seed, staged)
            os.replace(staged, self.path(name))
            self._names.add(name)
        return name

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.sqlite3"

    def exists(self, name: str) -> bool:
        return name in self._names

    def drop(self, name: str) -> bool:
        with self._lock:
            if name not in self._names:
                return False
            self._names.discard(name)
        self.path(name).unlink(missing_ok=True)
        return True


def _data_sets() -> DataSets:
    return current_app.extensions["sandbox_data_sets"]


def _choose_data_set() -> Response | None:
    """A request naming a data set reads and writes that copy of the seed; an unknown name is a 404."""
    name = request.headers.get(DATA_SET_HEADER)
    if name is None:
        return None
    if not _data_sets().exists(name):
        return make_response(f"no sandbox data set '{name[:32]}'\n", 404, {"Content-Type": "text/plain"})
    g.database = str(_data_sets().path(name))
    return None


def _new_data_set() -> tuple[Response, int]:
    return jsonify(data=_data_sets().create(), header=DATA_SET_HEADER), 201


def _drop_data_set(name: str) -> tuple[str, int]:
    return ("", 204) if _data_sets().drop(name) else ("", 404)


def _close_connection(_error: BaseException | None) -> None:
    connection = g.pop("connection", None)
    if connection is not None:
        connection.close()


def _form_expired(error: CSRFError) -> tuple[str, int]:
    log.info("refused a form without a valid CSRF token: %s", error.description)
    return (
        render_template(
            "error.html",
            title="This form has expired",
            message="Nothing was saved. Go back, reload the page and try again.",
        ),
        400,
    )


ERROR_PAGES = {
    404: ("Page not found", "There is no page at this address in the Therasoft sandbox."),
    405: ("Method not allowed", "This page cannot be used that way. Go back and use the page's own buttons."),
    413: (
        "This form is too large",
        f"Nothing was saved. A form here sends at most {MAX_FORM_BYTES // 1024} KiB in {MAX_FORM_FIELDS} fields."
        " Go back, shorten what you typed and try again.",
    ),
    415: (
        "This is not a form",
        "Nothing was saved. This address takes only the form on its page, sent from a browser.",
    ),
}


def _http_error(error: HTTPException) -> Response:
    if error.code not in ERROR_PAGES:
        return error.get_response()
    title, message = ERROR_PAGES[error.code]
    # The page's header shows the menus to a person logged in, even when the error came first.
    g.setdefault("logged_in", bool(session.get("user")))
    response = make_response(render_template("error.html", title=title, message=message), error.code)
    # Keep what the error itself says about the request, such as a 405's Allow header.
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        # Werkzeug lists them in set order; sorted, the header is the same on every run.
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response


def _no_store(response: Response) -> Response:
    # Pages show live sandbox state: the back button must not show a stale "Due".
    if response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response
