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
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own help centre, built once with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    return build_site(PROJECT_ROOT / "mkdocs.yml", site_dir, strict=True)


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    with SiteServer(built_site) as server:
        yield server.url
