"""Build the site through MkDocs. The only place outside the plugin that imports MkDocs."""

from __future__ import annotations

import os
from pathlib import Path


class BuildFailed(RuntimeError):
    """The build stopped; the messages above say why."""


class ScreenshotsUnreadable(BuildFailed):
    """The build stopped on screenshots that are not whole PNG files: a checkout to repair."""


# Where the agents' site goes unless told: never over the customers' site, which is deployed in public.
AGENTS_SITE_DIR = "site-agents"


def build_site(
    config_file: Path, site_dir: Path | None = None, strict: bool = True, audience: str = "customers"
) -> Path:
    """Build into `site_dir` (default: the config's, or `site-agents/` beside it for the agents'
    site); return where the site went. `audience` is "customers" (no internal article at all) or
    "agents" (everything)."""
    # Material prints an end-of-life banner on every build; the site layer is kept movable instead.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    overrides = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    try:
        if site_dir is None and audience == "agents":
            overrides["site_dir"] = str(Path(config_file).resolve().parent / AGENTS_SITE_DIR)
        config = load_config(config_file=str(config_file), **overrides)
        plugin = config.plugins.get("helpcentre")
        if plugin is not None:
            plugin.audience = audience
        build(config)
    except (Abort, ConfigurationError, PluginError) as error:
        from helpcentre.mkdocs_plugin.checks import ScreenshotsNotPictures

        # MkDocs logs a plugin's error, then raises its own Abort in its place.
        if isinstance(error, ScreenshotsNotPictures) or isinstance(error.__context__, ScreenshotsNotPictures):
            raise ScreenshotsUnreadable("screenshots are not PNG files; see the messages above") from error
        raise BuildFailed(str(error)) from error
    return Path(config.site_dir)
