"""The `helpcentre` command: a thin layer that parses options and reports; the work is elsewhere."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

import click

from helpcentre import __version__

config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="The help centre's mkdocs.yml.",
)


@click.group()
@click.version_option(__version__, prog_name="helpcentre")
@click.option("-v", "--verbose", is_flag=True, help="Show debug logging.")
def cli(verbose: bool) -> None:
    """Help-centre articles in Git, built into a searchable site with screenshots that prove they match."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(levelname)-7s -  %(message)s",
        stream=sys.stderr,
    )


@cli.command()
@config_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), help="Where to write the site.")
@click.option("--strict/--no-strict", default=True, show_default=True, help="Fail on warnings too.")
def build(config_file: Path, site_dir: Path | None, strict: bool) -> None:
    """Build the static site."""
    from helpcentre.site import BuildFailed, build_site

    try:
        built = build_site(config_file, site_dir, strict=strict)
    except BuildFailed as error:
        raise click.ClickException(str(error) or "the build failed; see the messages above") from error
    click.echo(f"Built the help centre into {built}", err=True)


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


@cli.group()
def sandbox() -> None:
    """The billing sandbox: a stand-in for the live billing page that walkthroughs run against."""


@sandbox.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8001,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on; 0 lets the OS pick a free one.",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=".cache/sandbox",
    show_default=True,
    help="Folder for the sandbox's SQLite database.",
)
@click.option("--reset", is_flag=True, help="Re-seed the demo data before serving.")
@click.option(
    "--allow-reset",
    is_flag=True,
    help="Accept POST /_sandbox/reset (no login) to re-seed the data while serving; for capture and verify.",
)
def sandbox_serve(host: str, port: int, data_dir: Path, reset: bool, allow_reset: bool) -> None:
    """Serve the billing sandbox until interrupted (SIGINT or SIGTERM).

    Prints "Sandbox: URL" on stdout once it accepts connections. The demo data's date is
    SANDBOX_TODAY (YYYY-MM-DD, default 2026-11-15), fixed when the data is seeded.
    """
    from billing_sandbox.app import create_app
    from billing_sandbox.clock import ClockError
    from billing_sandbox.database import SandboxDataError
    from billing_sandbox.server import SandboxServer

    try:
        app = create_app(data_dir, reset=reset, allow_reset=allow_reset)
    except (ClockError, SandboxDataError) as error:
        raise click.ClickException(str(error)) from error
    try:
        server = SandboxServer(app, host, port)
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    click.echo(f"Sandbox: {server.url}")
    sys.stdout.flush()
    server.serve_until_stopped()
    click.echo("Stopped.", err=True)


def main() -> None:
    cli(prog_name="helpcentre")
