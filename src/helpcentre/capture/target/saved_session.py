"""Sessions a writer saved by signing in by hand (`helpcentre login`), for products behind SSO or MFA.

A session is a Playwright storage state (cookies, local storage, IndexedDB) kept in the user's
cache folder (`~/.cache/helpcentre/sessions/` on Linux), never in the project: a session cookie is
a credential, and outside the project tree no `git add`, site build, CI artefact or copy of the
project can carry it, whatever .gitignore says. A cache is the right kind of place: losing the file
only means signing in again. The folder is the user's alone (0700), and so is each file (0600).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

import platformdirs
from playwright.async_api import Browser, Page
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from helpcentre.capture.errors import TargetError
from helpcentre.capture.page.origin_guard import origin_of
from helpcentre.capture.target.session import new_page
from helpcentre.capture.target.sign_in_form import login_url
from helpcentre.capture.target.sign_in_page import password_field, shown
from helpcentre.settings import LoginForm, TargetSettings

# How long a product's start page may take to settle (its scripts asking whether we are signed in).
_SETTLE_MS = 5_000


def sessions_dir() -> Path:
    return platformdirs.user_cache_path("helpcentre") / "sessions"


def session_file(name: str, url: str) -> Path:
    """Where target `name`'s session is kept: one file per target name and origin, so a target
    pointed at another copy of the product (staging, production) never gets the other's session."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    digest = hashlib.sha256(origin_of(url).encode()).hexdigest()[:12]
    return sessions_dir() / f"{safe}-{digest}.json"


def save_session(path: Path, state: dict) -> None:
    """Write the state readable by the user alone, through a rename: never half a file, never 0644."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file 0600 whatever the umask; say so anyway, as it is the point.
        os.chmod(temporary, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(state, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def expired_message(name: str) -> str:
    return f"the saved session for '{name}' has expired: run helpcentre login {name}"


def load_session(name: str, url: str) -> dict:
    """The saved state of target `name`, or a one-line reason why there is none."""
    path = session_file(name, url)
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TargetError(
            f"target '{name}' signs in with a saved session, and none is saved for {origin_of(url)}:"
            f" run helpcentre login {name}"
        ) from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or "not a saved session"
        raise TargetError(
            f"the saved session for target '{name}' cannot be read ({path}: {reason}): run helpcentre login {name}"
        ) from None
    if not isinstance(state, dict) or not isinstance(state.get("cookies", []), list):
        raise TargetError(
            f"the saved session for target '{name}' cannot be read ({path}: not a saved session):"
            f" run helpcentre login {name}"
        )
    return state


async def saved_state(browser: Browser, target: TargetSettings, base_url: str, login: LoginForm, name: str) -> dict:
    """The saved session of target `name`, once its start page shows it is still signed in."""
    state = load_session(name, base_url)
    context, page = await new_page(browser, target, state)
    try:
        try:
            await page.goto(base_url)
        except PlaywrightTimeoutError:
            raise TargetError(f"cannot open target '{name}' at {base_url}: it did not load in 30 s") from None
        except PlaywrightError as error:
            reason = error.message.strip().splitlines()[0].removeprefix("Page.goto: ")
            raise TargetError(f"cannot open target '{name}' at {base_url} ({reason})") from None
        if await signed_out(page, base_url, login_url(base_url, login.path)):
            raise TargetError(expired_message(name))
    finally:
        await context.close()
    return state


async def signed_out(page: Page, base_url: str, sign_in_url: str) -> bool:
    """Whether the page is the product asking to sign in: sent to its sign-in address or to
    another site (an identity provider), or showing a password field."""
    with contextlib.suppress(PlaywrightTimeoutError):
        # Long enough for a single-page app to ask whether it is signed in and draw the answer.
        await page.wait_for_load_state("networkidle", timeout=_SETTLE_MS)
    if origin_of(page.url) != origin_of(base_url):
        return True
    # A sign-in address at or above the start page (a single-page app's "/") says nothing.
    if not base_url.startswith(sign_in_url) and page.url.startswith(sign_in_url):
        return True
    return await shown(password_field(page))
