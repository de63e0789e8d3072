"""Browsers, contexts and sign-in: deterministic pages for walking articles."""

from __future__ import annotations

import os
from dataclasses import dataclass

from playwright.async_api import Browser, BrowserContext, Page, Playwright
from playwright.async_api import Error as PlaywrightError

from helpcentre.browser import launch_options
from helpcentre.capture.errors import SignInRefused, TargetError
from helpcentre.capture.page.origin_guard import guard_origin, hold_page
from helpcentre.capture.page.quiet import watch_pages
from helpcentre.capture.target.sign_in_form import login_url, sign_in_with_form
from helpcentre.settings import LoginForm, LoginSettings, TargetSettings


async def open_browser(playwright: Playwright, ws_endpoint: str | None = None) -> Browser:
    """A local Chromium, or a remote one started with `playwright run-server`."""
    if ws_endpoint:
        try:
            # The grid's browser reaches this machine's loopback (the sandbox capture and verify
            # start, a local test copy of the product) through the connection itself.
            return await playwright.chromium.connect(ws_endpoint, expose_network="<loopback>")
        except PlaywrightError as error:
            raise TargetError(f"cannot connect to the browser server at {ws_endpoint}: {error.message}") from None
    return await playwright.chromium.launch(**launch_options())


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str

    @classmethod
    def from_environment(cls, login: LoginSettings, target_name: str) -> Credentials | None:
        """The test account's credentials; None for a target that uses a session saved by hand."""
        if login.saved or login.username_env is None or login.password_env is None:
            return None
        missing = [name for name in (login.username_env, login.password_env) if not os.environ.get(name)]
        if missing:
            raise TargetError(
                f"target '{target_name}' signs in with credentials from the environment: set {' and '.join(missing)}"
            )
        return cls(os.environ[login.username_env], os.environ[login.password_env])


async def new_page(
    browser: Browser,
    target: TargetSettings,
    storage_state: dict | None = None,
    extra_http_headers: dict[str, str] | None = None,
) -> tuple[BrowserContext, Page]:
    """A fresh context with a fixed viewport, scale, clock, locale, time zone and no motion,
    whose pages a walk can hold on its target.

    `extra_http_headers` go with every request of the context (the sandbox's data set).
    """
    context = await browser.new_context(
        viewport={"width": target.viewport.width, "height": target.viewport.height},
        device_scale_factor=target.device_scale_factor,
        locale=target.locale,
        timezone_id=target.timezone,
        reduced_motion="reduce",
        color_scheme="light",
        service_workers="block",
        storage_state=storage_state,
        extra_http_headers=extra_http_headers or None,
    )
    # Fixed for the whole context before its page exists: every document it loads starts with it.
    await context.clock.set_fixed_time(target.clock)
    await watch_pages(context)
    # Armed by the walk with its target's address; see `origin_guard`.
    await guard_origin(context)
    page = await context.new_page()
    await hold_page(page)
    return context, page


async def sign_in(
    browser: Browser,
    target: TargetSettings,
    base_url: str,
    login: LoginForm,
    credentials: Credentials | None,
    name: str,
) -> dict:
    """Sign in once and return the storage state that every article's context reuses.

    With no credentials (`login: {saved: true}`), the state is the session a writer saved with
    `helpcentre login`, once the product has shown it is still signed in.
    """
    if credentials is None:
        from helpcentre.capture.target.saved_session import saved_state

        return await saved_state(browser, target, base_url, login, name)
    context, page = await new_page(browser, target)
    try:
        await sign_in_on(page, base_url, login, credentials, name)
        return await context.storage_state()
    finally:
        await context.close()


async def sign_in_on(page: Page, base_url: str, login: LoginForm, credentials: Credentials, name: str) -> None:
    """Fill the product's sign-in form in `page`; TargetError, in one line, when it does not let us in."""
    url = login_url(base_url, login.path)
    try:
        await sign_in_with_form(page, url, login, credentials.username, credentials.password)
    except SignInRefused as refused:
        raise TargetError(f"cannot sign in to target '{name}' at {url}: {refused}") from None
    except PlaywrightError as error:
        first = error.message.strip().splitlines()[0]
        raise TargetError(f"cannot sign in to target '{name}' at {url}: {first}") from None
