"""Options and errors shared by the commands."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from helpcentre.project import Project

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


class UnreadableScreenshots(click.ClickException):
    """Screenshots that are not whole PNG files (an LFS pointer, a cut-short copy, a link): exit code 3.

    A checkout to repair, not drift (1) nor a usage error (2); each file is named with its fix.
    """

    exit_code = 3


class EngineStopped(click.ClickException):
    """An engine error, said in its own words, with the exit code it carries."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


@contextmanager
def engine_errors(project: Project) -> Iterator[None]:
    """The one place the engine's errors become what a command prints and the code it exits with."""
    from helpcentre.articles import UnknownArticle
    from helpcentre.capture import BaselinesUnreadable, EngineError

    try:
        yield
    except BaselinesUnreadable as error:
        lines = (file.describe(project.display_path(file.path)) for file in error.files)
        raise UnreadableScreenshots("\n".join(lines)) from None
    except EngineError as error:
        raise EngineStopped(str(error), error.exit_code) from None
    except UnknownArticle as error:
        raise UsageProblem(str(error)) from None
    except asyncio.CancelledError:
        click.echo("Stopped; no baseline was changed by the walks that did not finish.", err=True)
        raise SystemExit(STOPPED_EXIT_CODE) from None


def check_screenshots_writable(project: Project) -> None:
    """Stop before any walk, in one line, when the baselines could not be written after it."""
    from helpcentre.capture import unwritable_folders

    found = unwritable_folders(project.screenshots_dir)
    if found:
        folders = ", ".join(project.display_path(item.folder) for item in found)
        reasons = "; ".join(sorted({item.reason for item in found}))
        them = "them" if len(found) > 1 else "it"
        raise UsageProblem(
            f"{folders} cannot be written ({reasons}); the baselines are written there: make {them} writable first"
        )


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


def leave_as_found(project: Project, target_name: str, target_url: str | None, article_ref: str = "") -> None:
    """explain and record leave a live target's data as they found it: its reset runs once more."""
    from helpcentre.capture import reset_after

    with engine_errors(project):
        reset_after(project.settings.targets, target_name, target_url, project.root, article_ref)


def stop_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so the sandboxes and browsers a run started are stopped too.

    While browsers are walking, the walk cancels itself on SIGTERM instead (see the capture runner).
    """
    import signal
    import sys

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


STOPPED_EXIT_CODE = 143  # 128 + SIGTERM, as a shell reports a process stopped by it
