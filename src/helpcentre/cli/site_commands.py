"""Commands for the site: build it, serve it, and the browser that tests it."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from helpcentre.cli import cli
from helpcentre.cli.common import UnreadableScreenshots, config_option


@cli.command()
@config_option
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site, from the current folder (`-f guide/mkdocs.yml -d site/guide`).",
)
@click.option("--strict/--no-strict", default=True, show_default=True, help="Fail on warnings too.")
@click.option(
    "--audience",
    type=click.Choice(["customers", "agents"]),
    default="customers",
    show_default=True,
    help="customers: the public site, with no internal article at all; agents: everything, into site-agents/"
    " unless --site-dir says otherwise, to deploy behind your sign-in.",
)
def build(config_file: Path, site_dir: Path | None, strict: bool, audience: str) -> None:
    """Build the static site. Exit 1 when it fails, 3 when screenshots are not PNG files
    (run `git lfs pull`, or capture them again)."""
    from helpcentre.site import BuildFailed, ScreenshotsUnreadable, build_site

    try:
        # From where the command runs, as a shell user means it; MkDocs reads a relative site_dir
        # from mkdocs.yml's folder, which is another one for `-f guide/mkdocs.yml`.
        where = site_dir.absolute() if site_dir is not None else None
        built = build_site(config_file, where, strict=strict, audience=audience)
    except ScreenshotsUnreadable as error:
        raise UnreadableScreenshots(str(error)) from error
    except BuildFailed as error:
        raise click.ClickException(str(error) or "the build failed; see the messages above") from error
    whose = "the agents' help centre" if audience == "agents" else "the help centre"
    click.echo(f"Built {whose} into {built}", err=True)


@cli.command("serve-site")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default="site")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve_site(site_dir: Path, host: str, port: int) -> None:
    """Serve a built site until interrupted."""
    from helpcentre.static_server import SiteServer

    try:
        server = SiteServer(site_dir, host, port)
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror}") from error
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    click.echo(f"Help centre: {server.url}")
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        click.echo("Stopped.", err=True)


@cli.command()
@click.option("--check", is_flag=True, help="Only exit 0 if a Chromium can be launched.")
def browser(check: bool) -> None:
    """Show which Chromium capture, verify and the tests will drive."""
    from helpcentre.browser import BrowserNotFound, chromium_version, find_chromium

    try:
        choice = find_chromium()
    except BrowserNotFound as error:
        raise click.ClickException(str(error)) from error
    if check and choice.executable_path:
        version = chromium_version(choice)
        if "chrom" not in version.lower():
            raise click.ClickException(f"{choice.executable_path} did not start: {version}")
    click.echo(f"{choice.describe()}")
