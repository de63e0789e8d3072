"""Fixtures shared by every test layer: the project's paths, a built site, the browser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpcentre.browser import BrowserNotFound, find_chromium, launch_options
from helpcentre.site import build_site
from helpcentre.static_server import SiteServer

PROJECT_ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Messages end with addresses in the writers' guide: its pages in the repository, as the tests
# spell them, whatever published guide the shell names.
os.environ.pop("HELPCENTRE_GUIDE_URL", None)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """pytest-playwright launches this Chromium; a missing browser fails, never skips."""
    try:
        choice = find_chromium()
    except BrowserNotFound as error:
        pytest.fail(f"browser tests need Chromium: {error}", pytrace=False)
    return launch_options(choice)


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the session, on an event loop of its own thread: `run(coroutine)` runs on it."""
    import asyncio
    import threading

    from playwright.async_api import async_playwright

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


# What the built site says of its screenshots: the record a verify run on that day left.
VERIFIED_AT = "2026-11-26T20:40:00+00:00"


def _built_with(settings: dict[str, str], site_dir: Path, audience: str = "customers") -> Path:
    """The repository's help centre built with --strict, with these environment variables set."""
    previous = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        return build_site(PROJECT_ROOT / "mkdocs.yml", site_dir, strict=True, audience=audience)
    finally:
        for name, value in previous.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own help centre, built once with --strict, after a clean verify."""
    import json

    site_dir = tmp_path_factory.mktemp("site")
    record = tmp_path_factory.mktemp("verification") / "verification.json"
    entries = {"billing/change-card-or-bank-info": {"at": VERIFIED_AT, "status": "ok", "target": "sandbox"}}
    record.write_text(json.dumps({"version": 1, "articles": entries}))
    # No search reports: the site's own requests stay on its origin (test_feedback.py has a site
    # that reports to a running feedback service).
    return _built_with({"HELPCENTRE_VERIFICATION_RECORD": str(record), "HELPCENTRE_SEARCH_REPORT_URL": ""}, site_dir)


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    with SiteServer(built_site) as server:
        yield server.url


@pytest.fixture(scope="session")
def agents_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's help centre built for support agents: every article, the internal ones too."""
    site_dir = tmp_path_factory.mktemp("agents-site")
    # No verify has run for it: staff read that every how-to's screenshots are unverified.
    record = tmp_path_factory.mktemp("agents-verification") / "verification.json"
    settings = {"HELPCENTRE_VERIFICATION_RECORD": str(record), "HELPCENTRE_SEARCH_REPORT_URL": ""}
    return _built_with(settings, site_dir, audience="agents")


@pytest.fixture(scope="session")
def agents_site_url(agents_site: Path):
    with SiteServer(agents_site) as server:
        yield server.url


# ./scripts/test hands whole modules to two processes in the order they are collected: the
# modules that walk real apps or the sandbox (minutes each) go first, so the short ones fill in around them
# instead of one process walking alone at the end.
_LONGEST_FIRST = ("tests/realapps/", "tests/verify/", "tests/capture/")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A stable sort: the order of the tests inside a module, which some rely on, stays.
    def rank(item: pytest.Item) -> int:
        places = (place for place, folder in enumerate(_LONGEST_FIRST) if item.nodeid.startswith(folder))
        return next(places, len(_LONGEST_FIRST))

    items.sort(key=rank)
