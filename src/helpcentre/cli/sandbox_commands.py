"""The billing sandbox's commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from helpcentre.cli import cli


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
    from billing_sandbox.drift import DriftError
    from billing_sandbox.server import SandboxServer
    from helpcentre.child_server import stop_with_parent

    stop_with_parent()
    try:
        app = create_app(data_dir, reset=reset, allow_reset=allow_reset)
    except (ClockError, SandboxDataError, DriftError) as error:
        raise click.ClickException(str(error)) from error
    try:
        server = SandboxServer(app, host, port)
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    click.echo(f"Sandbox: {server.url}")
    sys.stdout.flush()
    server.serve_until_stopped()
    click.echo("Stopped.", err=True)
