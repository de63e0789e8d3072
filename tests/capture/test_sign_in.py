"""Signing in the way the product does: its login path, its labels as a reader reads them, one
page or two, its own error messages, and a session saved by hand that capture uses until it expires.

The product (`sign_in_product`) is served once for the module; one browser serves the in-process
tests and the saving of a session.
"""

from __future__ import annotations

import asyncio
import os
import re
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from capture.sign_in_product import EMAIL, PASSWORD, USER, Product, serving
from playwright.async_api import async_playwright

from helpcentre.browser import launch_options
from helpcentre.capture import TargetError
from helpcentre.capture.target.session import Credentials, sign_in
from helpcentre.settings import LoginSettings, TargetSettings


@pytest.fixture(scope="module")
def product() -> Iterator[Product]:
    with serving() as product:
        yield product


@pytest.fixture(scope="module")
def chromium():
    """One Chromium on an event loop of its own thread; `run` runs a coroutine on it."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    def run(coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(timeout=120)

    async def start():
        playwright = await async_playwright().start()
        return playwright, await playwright.chromium.launch(**launch_options())

    playwright, browser = run(start())
    try:
        yield run, browser
    finally:
        run(browser.close())
        run(playwright.stop())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


def target(url: str, **login) -> TargetSettings:
    login = {"username_env": "HC_USER", "password_env": "HC_PASSWORD", **login}
    return TargetSettings(url=url, login=LoginSettings(**login))


def signing_in(chromium, settings: TargetSettings, username: str = USER, password: str = PASSWORD) -> str:
    """'signed in', or the one line a failed sign-in says."""
    run, browser = chromium
    assert settings.url and settings.login
    try:
        state = run(sign_in(browser, settings, settings.url, settings.login, Credentials(username, password), "crm"))
    except TargetError as error:
        return str(error)
    return "signed in" if [cookie["name"] for cookie in state["cookies"]] == ["sid"] else f"no session: {state}"


def test_login_path_is_read_as_a_link_on_the_targets_page():
    from helpcentre.capture.target.sign_in_form import login_url

    assert login_url("http://host/admin/", "/admin/login/") == "http://host/admin/login/"
    assert login_url("http://host/admin/", "login/") == "http://host/admin/login/"
    assert login_url("http://host/admin/", "/login") == "http://host/login"
    assert login_url("http://host/", "https://id.example/sign-in") == "https://id.example/sign-in"


@pytest.mark.parametrize(
    ("on_page", "wanted", "same"),
    [
        ("Username:", "Username", True),
        ("Username *", "Username", True),
        ("Username: *", "username", True),
        ("Email (required)", "Email", True),
        ("Email\u00a0\u00a0address", "Email address", True),
        ("Don’t remember", "Don't remember", True),
        ("* Password", "Password:", True),
        ("Email addresses", "Email address", False),
        ("Confirm password", "Password", False),
        ("Unrequired", "Un", False),
    ],
)
def test_a_mark_a_colon_a_quote_a_space_or_case_never_decides_a_fields_name(on_page, wanted, same):
    from helpcentre.capture.target.sign_in_page import name_pattern

    assert bool(re.match(name_pattern(wanted), on_page)) is same


def test_one_page_sign_in_at_a_path_on_the_origin_with_colons_in_its_labels(product, chromium):
    settings = target(f"{product.url}/admin/", path="/admin/login/", username_label="Username")
    assert signing_in(chromium, settings) == "signed in"


def test_labels_whose_required_mark_is_hidden_from_screen_readers(product, chromium):
    settings = target(f"{product.url}/react/", path="login", username_label="Username", submit="Sign in")
    assert signing_in(chromium, settings) == "signed in"


@pytest.mark.parametrize("next_button", [None, "Continue"])
def test_a_sign_in_over_two_pages_named_as_a_reader_reads_them(product, chromium, next_button):
    # "Email\u00a0 address", "Your password (required)" and "Let’s go", configured plainly.
    settings = target(
        f"{product.url}/sso/", path="signin", username_label="Email address", password_label="Your password",
        submit="Let's go", next=next_button,
    )  # fmt: skip
    assert signing_in(chromium, settings, EMAIL) == "signed in"


def test_a_field_not_on_the_page_is_named_with_the_fields_that_are(product, chromium):
    settings = target(f"{product.url}/admin/", path="/admin/login/", username_label="Login name")
    assert signing_in(chromium, settings) == (
        f"cannot sign in to target 'crm' at {product.url}/admin/login/:"
        " no field 'Login name' on the sign-in page; fields here: 'Username', 'Password'"
    )


def test_a_login_path_with_no_page_says_what_the_server_answered(product, chromium):
    # Read under the URL, /login would be /admin/login; on the origin it is no page at all.
    settings = target(f"{product.url}/admin/", path="/login", username_label="Username")
    assert signing_in(chromium, settings) == (
        f"cannot sign in to target 'crm' at {product.url}/login: the sign-in page answers HTTP 404; is login.path right?"
    )


def test_a_button_not_on_the_page_is_named_with_the_buttons_that_are(product, chromium):
    settings = target(f"{product.url}/admin/", path="/admin/login/", username_label="Username", submit="Sign in")
    assert signing_in(chromium, settings) == (
        f"cannot sign in to target 'crm' at {product.url}/admin/login/:"
        " no button 'Sign in' on the sign-in page; buttons here: 'Log in'"
    )


def test_a_wrong_password_says_what_the_product_said(product, chromium):
    settings = target(f"{product.url}/admin/", path="/admin/login/", username_label="Username")
    assert signing_in(chromium, settings, password="wrong") == (
        f"cannot sign in to target 'crm' at {product.url}/admin/login/:"
        " the product did not let us in: 'Please enter a correct username and password.'"
    )


def test_an_unknown_email_on_the_first_of_two_pages_says_what_the_product_said(product, chromium):
    settings = target(
        f"{product.url}/sso/", path="signin", username_label="Email address", password_label="Your password",
        submit="Let's go",
    )  # fmt: skip
    assert signing_in(chromium, settings, "nobody@example.com") == (
        f"cannot sign in to target 'crm' at {product.url}/sso/signin: no field 'Your password' after 'Continue';"
        " fields here: 'Email address'; the page says 'Couldn’t find your account.'"
    )


def test_a_saved_session_needs_neither_credentials_nor_both():
    from pydantic import ValidationError

    assert LoginSettings(saved=True).saved
    with pytest.raises(ValidationError, match="drop username_env and password_env"):
        LoginSettings(saved=True, username_env="HC_USER")
    with pytest.raises(ValidationError, match="set username_env and password_env"):
        LoginSettings(username_env="HC_USER")


# A saved session: written by signing in by hand, used by capture, refused once it has expired.
ARTICLE = textwrap.dedent(
    """\
    ---
    id: 1
    title: Open the reports
    summary: Where the reports are.
    category: crm
    walkthrough:
      target: crm
    ---

    1. Click **Reports**
    """
)


@pytest.fixture(scope="module")
def saved(product, chromium, tmp_path_factory):
    """A writer's session for target 'crm' (the `/admin/` sign-in), saved by hand in a headless window."""
    from helpcentre.capture.target.sign_in_by_hand import sign_in_by_hand

    cache = tmp_path_factory.mktemp("cache")
    settings = TargetSettings(url=f"{product.url}/admin/", login=LoginSettings(saved=True, path="/admin/login/"))

    async def writer_signs_in(page) -> None:
        await page.get_by_label("Username:").fill(USER)
        await page.get_by_label("Password:").fill(PASSWORD)
        await page.get_by_role("button", name="Log in").click()
        await page.get_by_role("heading", name="Dashboard").wait_for()

    run, browser = chromium
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache))
        path = run(sign_in_by_hand(browser, settings, "crm", until=writer_signs_in))
    return cache, path


def test_the_saved_session_is_kept_outside_the_project_readable_by_its_owner_alone(saved):
    cache, path = saved
    assert path.parent == cache / "helpcentre" / "sessions"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert '"name": "sid"' in path.read_text()


def run_helpcentre(
    root: Path, cache: Path, *args: str, display: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    environment = {name: value for name, value in os.environ.items() if display or "DISPLAY" not in name}
    environment |= {"XDG_CACHE_HOME": str(cache), **(env or {})}
    command = [sys.executable, "-m", "helpcentre", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300, env=environment)


@pytest.fixture(scope="module")
def project(product, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("crm")
    (root / "mkdocs.yml").write_text(
        "site_name: CRM help\nplugins:\n  - helpcentre:\n      contact: {url: 'mailto:help@example.com'}\n"
        "      categories: [{key: crm, title: CRM}]\n"
        f"      targets:\n        crm:\n          url: {product.url}/admin/\n"
        "          login: {saved: true, path: /admin/login/}\n"
        f"        forms:\n          url: {product.url}/admin/\n"
        "          login: {username_env: HC_USER, password_env: HC_PASSWORD, path: /admin/login/,"
        " username_label: Username}\n"
        f"        wiped:\n          url: {product.url}/admin/\n"
        "          login: {username_env: HC_USER, password_env: HC_PASSWORD, path: /admin/login/,"
        " username_label: Username}\n"
        "          reset: {request: {path: /admin/__reset}}\n"
    )
    (root / "docs" / "crm").mkdir(parents=True)
    (root / "docs" / "crm" / "open-the-reports.md").write_text(ARTICLE)
    (root / "docs" / "crm" / "open-the-reports-with-a-password.md").write_text(
        ARTICLE.replace("id: 1", "id: 2").replace("target: crm", "target: forms")
    )
    (root / "docs" / "crm" / "open-the-reports-after-a-reset.md").write_text(
        ARTICLE.replace("id: 1", "id: 3").replace("target: crm", "target: wiped")
    )
    return root


def test_capture_and_verify_use_the_saved_session_and_say_when_it_has_expired(saved, product, project):
    cache, _ = saved
    article = "crm/open-the-reports"
    used = run_helpcentre(project, cache, "capture", article, "--workers", "1", "--report", str(project / "r"))
    assert used.returncode == 0, used.stderr
    assert (project / "screenshots" / "crm" / "open-the-reports" / "01.png").exists()
    verified = run_helpcentre(project, cache, "verify", article, "--workers", "1", "--report", str(project / "v"))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    product.sessions.clear()
    expired = run_helpcentre(project, cache, "capture", article, "--workers", "1", "--report", str(project / "r"))
    assert expired.returncode == 2, expired.stderr
    assert expired.stderr.strip().splitlines()[-1] == (
        "Error: the saved session for 'crm' has expired: run helpcentre login crm"
    )


def test_verify_stops_in_one_line_when_the_product_refuses_the_password(product, project, tmp_path):
    refused = run_helpcentre(
        project, tmp_path, "verify", "crm/open-the-reports-with-a-password", "--report", str(tmp_path / "v"),
        env={"HC_USER": USER, "HC_PASSWORD": "wrong"},
    )  # fmt: skip
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "Traceback" not in refused.stderr and "Timeout" not in refused.stderr, refused.stderr
    assert refused.stderr.strip().splitlines()[-1] == (
        f"Error: cannot sign in to target 'forms' at {product.url}/admin/login/:"
        " the product did not let us in: 'Please enter a correct username and password.'"
    )


def test_an_expired_session_on_a_page_that_draws_its_sign_in_form_in_place(saved, product, chromium, monkeypatch):
    from helpcentre.capture.target.saved_session import save_session, session_file

    cache, _ = saved
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    url = f"{product.url}/inline/"
    # A session the product has forgotten, on a page that shows its sign-in form at its own address.
    cookie = {"name": "sid", "value": "forgotten", "domain": "127.0.0.1", "path": "/", "expires": -1}
    cookie |= {"httpOnly": True, "secure": False, "sameSite": "Lax"}
    save_session(session_file("inline", url), {"cookies": [cookie], "origins": []})
    settings = TargetSettings(url=url, login=LoginSettings(saved=True))
    run, browser = chromium
    with pytest.raises(TargetError) as raised:
        run(sign_in(browser, settings, url, settings.login, None, "inline"))
    assert str(raised.value) == "the saved session for 'inline' has expired: run helpcentre login inline"
    with pytest.raises(TargetError) as raised:
        run(sign_in(browser, settings, url, settings.login, None, "nobody"))
    assert str(raised.value) == (
        f"target 'nobody' signs in with a saved session, and none is saved for {product.url}:"
        " run helpcentre login nobody"
    )


def test_login_needs_a_display_and_a_target_with_a_saved_session(project, tmp_path):
    without_display = run_helpcentre(project, tmp_path, "login", "crm", display=False)
    assert without_display.returncode == 2
    assert without_display.stderr.strip() == (
        "Error: login opens a browser window for you to sign in, and there is no display here"
        " (DISPLAY is not set); run it on a desktop"
    )
    with_a_form = run_helpcentre(project, tmp_path, "login", "forms")
    assert with_a_form.returncode == 2
    assert with_a_form.stderr.strip() == (
        "Error: target 'forms' does not sign in with a saved session;"
        " give it login: {saved: true} in mkdocs.yml to sign in by hand"
    )


# Last: its reset signs out every session the module's other tests made.
def test_a_reset_that_signs_everyone_out_is_followed_by_a_sign_in(product, project, tmp_path):
    resets, sign_ins = product.resets, product.sign_ins
    article = "crm/open-the-reports-after-a-reset"
    captured = run_helpcentre(
        project, tmp_path, "capture", article, "--report", str(tmp_path / "r"), env={"HC_USER": USER, "HC_PASSWORD": PASSWORD}
    )  # fmt: skip
    assert captured.returncode == 0, captured.stdout + captured.stderr
    assert product.resets == resets + 1
    # The run's own sign-in was wiped by the reset; the walk signed in again, after it.
    assert product.sign_ins == sign_ins + 2
