"""`helpcentre report merge`: the reports of a verify run's shards put together into one."""

from __future__ import annotations

from pathlib import Path

import click

from helpcentre.cli import cli
from helpcentre.cli.common import UsageProblem, config_option, engine_errors
from helpcentre.cli.verify_commands import report_option
from helpcentre.cli.verify_output import print_steps, summary_sentence
from helpcentre.plurals import counted


@cli.group()
def report() -> None:
    """Put the reports of verify runs together."""


@report.command()
@config_option
@click.argument("folders", metavar="DIR...", nargs=-1, required=True, type=click.Path(path_type=Path))
@report_option("Where the merged report goes: index.html, results.json, junit.xml and the images.")
def merge(config_file: Path, folders: tuple[Path, ...], report_dir: Path) -> None:
    """Merge the reports of `helpcentre verify --shard I/N` runs, one DIR per shard, into the report
    a single run gives, and record once when each article was verified. Nothing is walked.
    Exit 0: every step matches; 1: drift; 2: a DIR that is not a shard of the same run."""
    from helpcentre.project import ProjectError, load_project
    from helpcentre.verify.merge import merge as merge_reports

    try:
        project = load_project(config_file)
    except ProjectError as error:
        raise UsageProblem(str(error)) from None
    with engine_errors(project):
        results = merge_reports(project, folders, report_dir)
    print_steps(results)
    click.echo(summary_sentence(results, report_dir))
    click.echo(
        f"Merged {counted(len(results.shards or []), 'shard')}; recorded when their articles were verified in "
        f"{project.display_path(project.verification_record)}.",
        err=True,
    )
    if not results.summary.all_ok:
        raise SystemExit(1)
