"""Signing in through the product's own form: on one page, or over two (the username, a button
to go on, then the password), and in one line why not when it cannot.

The fields and buttons are found by their names as a reader reads them (`sign_in_page`); a failure
says what the page has instead, or what the product answered, never how long Playwright waited.
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urljoin

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from helpcentre.capture.errors import SignInRefused
from helpcentre.capture.target.sign_in_page import (
    SUBMIT_BUTTONS,
    PageReading,
    any_field,
    button_named,
    field_named,
    listed,
    name_of,
    names_on_page,
    password_field,
    quoted_errors,
    read_page,
    shown,
)
from helpcentre.settings import LoginForm

# How long a sign-in page may take to show its first field (a single-page app renders it late),
# the password page to follow its first, and the product to answer the password.
FIELD_SECONDS = 10.0
NEXT_PAGE_SECONDS = 10.0
SUBMIT_SECONDS = 15.0
# A page that has loaded and stays as it is this long has answered.
SETTLED_SECONDS = 1.0
_POLL_SECONDS = 0.1
_TYPING_MS = 5_000


def login_url(base_url: str, path: str) -> str:
    """The sign-in page's address, read as a link on the target's page reads: `/admin/login/` is on
    the URL's origin, `login/` is under the URL (`http://host/admin/` gives the same for both)."""
    return urljoin(base_url, path)


async def sign_in_with_form(page: Page, url: str, login: LoginForm, username: str, password: str) -> None:
    """Open the sign-in page at `url`, fill it in and submit it; return once the product let us in."""
    await _open(page, url)
    user_field = field_named(page, login.username_label)
    await _wait_for(page, user_field, FIELD_SECONDS)
    if not await shown(user_field):
        raise SignInRefused(await _no_field(page, login.username_label, "on the sign-in page"))
    await _type(user_field, username, login.username_label)
    pass_field = field_named(page, login.password_label)
    if not await shown(pass_field):
        if await shown(password_field(page)):
            # The password is on this page, by another name: a one-page form whose label is wrong.
            raise SignInRefused(await _no_field(page, login.password_label, "on the sign-in page"))
        await _go_on_to_password(page, login, user_field, pass_field)
    await _type(pass_field, password, login.password_label)
    submit = button_named(page, login.submit)
    if not await shown(submit):
        _, buttons = await names_on_page(page)
        raise SignInRefused(f"no button '{login.submit}' on the sign-in page; {listed('buttons', buttons)}")
    before = await read_page(page)
    await _press(submit.first, login.submit)
    await _wait_until_let_in(page, url, pass_field, before)


async def _open(page: Page, url: str) -> None:
    try:
        response = await page.goto(url)
    except PlaywrightTimeoutError:
        raise SignInRefused("the sign-in page did not load in 30 s") from None
    except PlaywrightError as error:
        reason = error.message.strip().splitlines()[0].removeprefix("Page.goto: ")
        raise SignInRefused(f"the sign-in page cannot be opened ({reason})") from None
    if response is not None and response.status >= 400:
        raise SignInRefused(f"the sign-in page answers HTTP {response.status}; is login.path right?")


async def _wait_for(page: Page, wanted: Locator, seconds: float) -> None:
    """Until `wanted` shows, or the page has shown other fields and stayed as it is a moment."""
    deadline = time.monotonic() + seconds
    others_since: float | None = None
    while not await shown(wanted) and time.monotonic() < deadline:
        now = time.monotonic()
        if (await read_page(page)).ready and await shown(any_field(page)):
            others_since = others_since or now
            if now - others_since >= SETTLED_SECONDS:
                return
        else:
            others_since = None
        await asyncio.sleep(_POLL_SECONDS)


async def _no_field(page: Page, name: str, where: str) -> str:
    fields, buttons = await names_on_page(page)
    said = f"no field '{name}' {where}; {listed('fields', fields)}"
    return said if fields else f"{said}; {listed('buttons', buttons)}"


async def _type(field: Locator, value: str, name: str) -> None:
    try:
        await field.first.fill(value, timeout=_TYPING_MS)
    except PlaywrightTimeoutError:
        raise SignInRefused(f"the field '{name}' cannot be typed in (is it disabled or read-only?)") from None


async def _press(button: Locator, name: str) -> None:
    try:
        await button.click(timeout=_TYPING_MS)
    except PlaywrightTimeoutError:
        raise SignInRefused(f"the button '{name}' cannot be pressed (is it disabled?)") from None


async def _go_on_to_password(page: Page, login: LoginForm, user_field: Locator, pass_field: Locator) -> None:
    """The second page of a sign-in over two: press the button that leads to the password."""
    go_on = await _button_to_go_on(page, login, user_field)
    name = await name_of(go_on) or "the button"
    before = await read_page(page)
    await _press(go_on, name)
    deadline = time.monotonic() + NEXT_PAGE_SECONDS
    settled_since: float | None = None
    while not await shown(pass_field):
        reading = await read_page(page)
        errors = reading.errors_since(before) if reading.ready else []
        now = time.monotonic()
        # A password field by another name that stays: the label is wrong, not the page slow.
        if reading.ready and await shown(password_field(page)):
            settled_since = settled_since or now
        if errors or now >= deadline or (settled_since and now - settled_since >= SETTLED_SECONDS):
            said = await _no_field(page, login.password_label, f"after '{name}'")
            raise SignInRefused(f"{said}; the page says {quoted_errors(errors)}" if errors else said)
        await asyncio.sleep(_POLL_SECONDS)


async def _button_to_go_on(page: Page, login: LoginForm, user_field: Locator) -> Locator:
    """The button `login.next` names, else the one submit button of the username's form."""
    if login.next:
        named = button_named(page, login.next)
        if await shown(named):
            return named.first
        _, buttons = await names_on_page(page)
        raise SignInRefused(f"no button '{login.next}' on the sign-in page; {listed('buttons', buttons)}")
    form = user_field.first.locator("xpath=ancestor::form[1]")
    scope: Page | Locator = form if await shown(form) else page
    for candidates in (scope.locator(SUBMIT_BUTTONS), scope.get_by_role("button")):
        visible = candidates.filter(visible=True)
        if await visible.count() == 1:
            return visible
    _, buttons = await names_on_page(page)
    raise SignInRefused(
        f"no field '{login.password_label}' beside '{login.username_label}', and no one button to go on to it"
        f" ({listed('buttons', buttons)}); name it in login.next"
    )


async def _wait_until_let_in(page: Page, url: str, pass_field: Locator, before: PageReading) -> None:
    """Until the sign-in form is gone (and the page has left the sign-in address, or stayed a
    moment); a form still there with the product's error message, or unchanged after a new page,
    is refused at once."""
    navigated = False

    def arrived(frame) -> None:
        nonlocal navigated
        navigated = navigated or frame == page.main_frame

    page.on("framenavigated", arrived)
    deadline = time.monotonic() + SUBMIT_SECONDS
    gone_since: float | None = None
    unchanged_since: float | None = None
    try:
        while True:
            reading = await read_page(page)
            now = time.monotonic()
            named_shown = await shown(pass_field)
            # Elsewhere, only the sign-in's own field counts: a product page may ask for a password too.
            if reading.ready and not named_shown and not page.url.startswith(url):
                return
            form_shown = named_shown or await shown(password_field(page))
            if reading.ready and not form_shown:
                gone_since = gone_since or now
                if now - gone_since >= SETTLED_SECONDS:
                    return
            else:
                gone_since = None
            if reading.ready and form_shown:
                errors = reading.errors_since(before)
                if errors:
                    raise SignInRefused(f"the product did not let us in: {quoted_errors(errors)}")
                unchanged_since = (unchanged_since or now) if navigated else None
                if unchanged_since and now - unchanged_since >= SETTLED_SECONDS:
                    raise SignInRefused(
                        "the product did not let us in: the sign-in form is still there after submit, with no message"
                    )
            if now >= deadline:
                if not reading.ready:
                    raise SignInRefused(f"the page after submit did not load in {SUBMIT_SECONDS:.0f} s")
                still_there = f"the sign-in form is still there {SUBMIT_SECONDS:.0f} s after submit"
                raise SignInRefused(f"the product did not let us in: {still_there}")
            await asyncio.sleep(_POLL_SECONDS)
    finally:
        page.remove_listener("framenavigated", arrived)
