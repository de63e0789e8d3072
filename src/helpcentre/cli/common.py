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


def load_checked(config_file: Path):
    """The project and its articles; any spec error stops here with exit code 2."""
    from helpcentre.articles import Severity
    from helpcentre.project import ProjectError, load_project

    try:
        project = load_project(config_file)
    except ProjectError as error:
        raise UsageProblem(str(error)) from None
    centre, problems = project.load_help_centre()
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    for problem in problems:
        click.echo(str(problem), err=True)
    if errors:
        raise UsageProblem(f"{len(errors)} article error(s); fix them first")
    return project, centre


def stop_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so the sandboxes and browsers a run started are stopped too.

    While browsers are walking, the walk cancels itself on SIGTERM instead (see the capture runner).
    """
    import signal
    import sys

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


STOPPED_EXIT_CODE = 143  # 128 + SIGTERM, as a shell reports a process stopped by it
