"""`helpcentre login`: sign in by hand, for a product behind SSO or MFA, and keep the session."""

from __future__ import annotations

from pathlib import Path

import click

from helpcentre.cli import cli
from helpcentre.cli.common import UsageProblem, config_option, engine_errors


@cli.command()
@config_option
@click.argument("target_name", metavar="TARGET")
def login(config_file: Path, target_name: str) -> None:
    """Sign in to TARGET by hand in the browser window that opens (SSO, MFA, a one-time code),
    then press Enter here or close the window. The session is kept outside the project, readable
    by you alone, and capture, verify and fix use it for a target with `login: {saved: true}`
    until the product ends it."""
    import asyncio
    import os
    import sys

    from helpcentre.capture import sign_in_in_a_window
    from helpcentre.project import ProjectError, load_project

    try:
        project = load_project(config_file)
    except ProjectError as error:
        raise UsageProblem(str(error)) from None
    targets = project.settings.targets
    if target_name not in targets:
        raise UsageProblem(f"no target '{target_name}' in mkdocs.yml; known: {', '.join(targets) or 'none'}")
    target = targets[target_name]
    if target.login is None or not target.login.saved:
        raise UsageProblem(
            f"target '{target_name}' does not sign in with a saved session;"
            " give it login: {saved: true} in mkdocs.yml to sign in by hand"
        )
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise UsageProblem(
            "login opens a browser window for you to sign in, and there is no display here (DISPLAY is not set);"
            " run it on a desktop"
        )
    click.echo(f"Sign in to {target.title} in the browser window; then press Enter here, or close it.", err=True)
    with engine_errors(project):
        path = asyncio.run(sign_in_in_a_window(target, target_name))
    click.echo(
        f"Saved the session for target '{target_name}' in {path} (readable by you alone);"
        " capture, verify and fix use it until it expires."
    )
