"""Options and errors shared by the commands."""

from __future__ import annotations

from pathlib import Path

import click

config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="The help centre's mkdocs.yml.",
)


class UsageProblem(click.ClickException):
    """A usage, configuration or spec error: exit code 2, as the command-line contract says."""

    exit_code = 2
