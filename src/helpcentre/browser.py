"""Find and launch the Chromium that capture, verify and the browser tests drive.

Order: HELPCENTRE_CHROMIUM, then Playwright's own Chromium where it is installed,
then a system Chromium on PATH. Installing one is the bootstrap's job, not this module's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SYSTEM_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")

# Quiet, reproducible Chromium: no calls home, no first-run UI, stable text rendering.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--font-render-hinting=none",
    "--disable-font-subpixel-positioning",
    "--force-color-profile=srgb",
    "--disable-lcd-text",
    "--hide-scrollbars",
    # Rasterise on one thread on the CPU: otherwise anti-aliased edges can differ by one
    # level between two captures of the same page.
    "--disable-gpu",
    "--num-raster-threads=1",
    "--disable-partial-raster",
    "--disable-skia-runtime-opts",
]


class BrowserNotFound(RuntimeError):
    pass


@dataclass(frozen=True)
class ChromiumChoice:
    executable_path: str | None
    source: str

    def describe(self) -> str:
        return f"{self.executable_path or 'bundled'} ({self.source})"


def playwright_bundled_chromium() -> str | None:
    """The browser folder of Playwright's own Chromium, if `playwright install chromium` completed.

    Read from Playwright's browser registry on disk rather than by starting Playwright,
    so that the check also works inside a running Playwright session.
    """
    try:
        import playwright
    except ImportError:
        return None
    registry = Path(playwright.__file__).parent / "driver" / "package" / "browsers.json"
    try:
        browsers = json.loads(registry.read_text(encoding="utf-8"))["browsers"]
        revision = next(b["revision"] for b in browsers if b["name"] == "chromium")
    except (OSError, ValueError, KeyError, StopIteration):
        return None
    folder = _playwright_browsers_path() / f"chromium-{revision}"
    return str(folder) if (folder / "INSTALLATION_COMPLETE").exists() else None


def _playwright_browsers_path() -> Path:
    configured = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    if configured and configured != "0":
        return Path(configured)
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "ms-playwright"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "ms-playwright"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ms-playwright"


def find_chromium() -> ChromiumChoice:
    override = os.environ.get("HELPCENTRE_CHROMIUM")
    if override:
        resolved = shutil.which(override) or override
        if not Path(resolved).is_file() or not os.access(resolved, os.X_OK):
            raise BrowserNotFound(f"HELPCENTRE_CHROMIUM={override} is not an executable file")
        return ChromiumChoice(resolved, "HELPCENTRE_CHROMIUM")
    bundled = playwright_bundled_chromium()
    if bundled:
        # Playwright finds its own browser; no path needed.
        return ChromiumChoice(None, "Playwright's Chromium")
    for name in SYSTEM_CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return ChromiumChoice(found, "system Chromium")
    raise BrowserNotFound(
        "no Chromium found: run ./scripts/test or ./scripts/run to install one, "
        "install Debian's 'chromium' package, or set HELPCENTRE_CHROMIUM to a Chromium executable"
    )


def launch_options(choice: ChromiumChoice | None = None, headless: bool = True) -> dict:
    """Keyword arguments for `playwright.chromium.launch`."""
    choice = choice or find_chromium()
    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to run its sandbox as root.
        args.append("--no-sandbox")
    options: dict = {"headless": headless, "args": args}
    if choice.executable_path:
        options["executable_path"] = choice.executable_path
    return options


def chromium_version(choice: ChromiumChoice) -> str:
    if not choice.executable_path:
        return "bundled"
    result = subprocess.run([choice.executable_path, "--version"], capture_output=True, text=True, timeout=30)
    return result.stdout.strip() or result.stderr.strip()
