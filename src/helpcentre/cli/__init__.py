"""The `helpcentre` command: a thin layer that parses options and reports; the work is elsewhere."""

from __future__ import annotations

import logging
import sys

import click

from helpcentre import __version__


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


def main() -> None:
    cli(prog_name="helpcentre")


# Each module adds its commands to the group.
from helpcentre.cli import (  # noqa: E402,F401
    capture_commands,
    compare_commands,
    feedback_commands,
    login_commands,
    pdf_commands,
    preview_commands,
    report_commands,
    sandbox_commands,
    site_commands,
    verify_commands,
    walkthrough_commands,
    writer_commands,
)
