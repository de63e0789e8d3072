"""`helpcentre capture`: walk how-to articles through the app and refresh their screenshots."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import click

from helpcentre.capture import SANDBOX_PORT_ENV
from helpcentre.cli import cli
from helpcentre.cli.common import (
    UsageProblem,
    check_screenshots_writable,
    config_option,
    engine_errors,
    load_checked,
    stop_cleanly_on_sigterm,
)
from helpcentre.cli.verify_output import is_terminal, step_line
from helpcentre.plurals import counted
from helpcentre.verify.results import Status

if TYPE_CHECKING:
    from helpcentre.capture import CaptureResult

target_option = click.option(
    "--target", "target_url", metavar="URL", help="A running app to walk, instead of the configured target."
)
ws_endpoint_option = click.option(
    "--ws-endpoint",
    envvar="HELPCENTRE_WS_ENDPOINT",
    metavar="URL",
    help="A remote browser started with `playwright run-server`, instead of a local Chromium.",
)


def _use_sandbox_port(context: click.Context, parameter: click.Parameter, value: str | None) -> None:
    """The port given (option or variable) is the one the run's sandbox takes: see capture/sandbox_port.py."""
    if value is None:
        return
    from click.core import ParameterSource

    from_environment = context.get_parameter_source(parameter.name or "") is ParameterSource.ENVIRONMENT
    given = f"{SANDBOX_PORT_ENV}={value}" if from_environment else f"--sandbox-port {value}"
    if not value.strip().isdigit() or int(value) > 65535:
        raise UsageProblem(f"{given}: not a port; give a number from 1 to 65535, or 0 for any free one")
    os.environ[SANDBOX_PORT_ENV] = str(int(value))


sandbox_port_option = click.option(
    "--sandbox-port",
    envvar=SANDBOX_PORT_ENV,
    metavar="PORT",
    expose_value=False,
    callback=_use_sandbox_port,
    help=f"The port of the sandbox this run starts; also {SANDBOX_PORT_ENV}.  [default: any free port]",
)
workers_option = click.option(
    "--workers", type=click.IntRange(1, 64), default=None, help="Articles walked at once.  [default: CPU count]"
)


def _parse_shard(context: click.Context, parameter: click.Parameter, value: str | None) -> tuple[int, int] | None:
    from helpcentre.sharding import ShardError, parse_shard

    if value is None:
        return None
    try:
        return parse_shard(value)
    except ShardError as error:
        raise UsageProblem(str(error)) from None


shard_option = click.option(
    "--shard",
    metavar="I/N",
    callback=_parse_shard,
    help="Only this machine's share of the articles, balanced by their steps; "
    "capture and verify share alike (1/3, 2/3, 3/3).",
)


@cli.command()
@config_option
@click.argument("articles", nargs=-1)
@target_option
@sandbox_port_option
@workers_option
@shard_option
@ws_endpoint_option
@click.option(
    "--report",
    "report_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="reports/capture",
    show_default=True,
    help="Where the screenshot of a failing step goes.",
)
def capture(
    config_file: Path,
    articles: tuple[str, ...],
    target_url: str | None,
    workers: int | None,
    shard: tuple[int, int] | None,
    ws_endpoint: str | None,
    report_dir: Path,
) -> None:
    """Walk ARTICLES (paths like billing/change-card-or-bank-info, or ids; default: all with a
    walkthrough) and rewrite their screenshots. An article's baselines change only when its
    whole walk succeeded. Exit 0: every walk succeeded; 1: a step failed; 2: usage, config or spec
    errors, or a screenshots folder that cannot be written."""
    from helpcentre.capture import CaptureOptions, capture, select_articles
    from helpcentre.sharding import articles_of_shard, empty_shard_message

    project, centre = load_checked(config_file)
    check_screenshots_writable(project)
    stop_cleanly_on_sigterm()
    with engine_errors(project):
        selectors = list(articles)
        if shard:
            # The split verify --shard makes too: chosen here, and handed to capture by path.
            planned = select_articles(centre, selectors, None)
            share = articles_of_shard(planned, shard)
            if planned and not share:
                click.echo(f"{empty_shard_message(shard, len(planned))}; nothing was captured.", err=True)
                return
            selectors = [article.ref for article in share]
        options = CaptureOptions(
            selectors=selectors,
            target_url=target_url,
            workers=workers or 0,
            ws_endpoint=ws_endpoint,
            report_dir=report_dir,
        )
        with CaptureProgress(log="steps") as progress:
            result = capture(project, centre, options, progress.update)
    said = progress.failures_said

    for outcome in result.outcomes:
        if outcome.ok:
            kib = sum(outcome.bytes_per_step) / 1024
            click.echo(
                f"  ok      {outcome.article.ref}: {counted(len(outcome.shots or []), 'step')}, "
                f"{outcome.seconds:.1f} s, {kib:.0f} KiB",
                err=True,
            )
            for shot in outcome.shots or []:
                for warning in shot.warnings:
                    click.echo(f"  warning {outcome.article.ref}: {warning}", err=True)
        else:
            if outcome.article.ref not in said:
                click.echo(f"  FAILED  {outcome.failure}", err=True)
            if outcome.failure_screenshot:
                click.echo(f"          the page at that moment: {outcome.failure_screenshot}", err=True)
    click.echo(capture_summary(result), err=True)
    if result.failed:
        raise SystemExit(1)


# Failed articles named in the summary line; the lines above it name every one.
FAILURES_NAMED = 5


def capture_summary(result: CaptureResult) -> str:
    """The run in one line: the articles captured of those walked, the steps walked (a failed walk's
    too, up to its failure), the time, and which walks failed at which step."""
    sizes = [size for outcome in result.outcomes for size in outcome.bytes_per_step]
    per_step = f", {statistics.median(sizes) / 1024:.0f} KiB a step (median, raw + published)" if sizes else ""
    steps = result.walked_steps
    rate = steps / result.seconds if result.seconds else 0.0
    walked, failed = len(result.outcomes), result.failed
    return (
        f"Captured {walked - len(failed)} of {counted(walked, 'article')} ({counted(steps, 'step')} walked) "
        f"in {result.seconds:.1f} s ({rate:.2f} steps/s){per_step}; {_failures(failed)}; "
        f"{result.browser_version and 'Chromium ' + result.browser_version}"
    )


def _failures(failed: list) -> str:
    """`failed: billing/x at step 4, billing/y at its reset`, or `0 failed`."""
    from helpcentre.capture import ResetFailed

    if not failed:
        return "0 failed"
    named = []
    for outcome in failed[:FAILURES_NAMED]:
        failure = outcome.failure
        if isinstance(failure, ResetFailed):
            named.append(f"{outcome.article.ref} at its reset")
        elif failure is not None:
            named.append(f"{outcome.article.ref} at step {failure.number}")
        else:
            named.append(outcome.article.ref)
    more = f" and {len(failed) - FAILURES_NAMED} more" if len(failed) > FAILURES_NAMED else ""
    return "failed: " + ", ".join(named) + more


class CaptureProgress:
    """A progress bar per article on stderr, advanced step by step.

    A CI log is no terminal and shows no bar, so a long run would say nothing until its end. In a
    log, `log="steps"` says each step on a line of its own as its picture is taken (capture), and
    `log="walks"` each article as its walk ends (verify, which says each step as it judges it).
    """

    def __init__(self, log: Literal["walks", "steps"] | None = None) -> None:
        self._log = log

    def __enter__(self) -> CaptureProgress:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        terminal = is_terminal(stderr=True)
        if terminal:
            self._log = None
        self._began: dict[str, float] = {}

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
            # A log shows no bar, nor the empty line a bar leaves behind.
            disable=not terminal,
        )
        self._tasks: dict[str, int] = {}
        self._started = False
        self.failures_said: set[str] = set()
        return self

    def update(self, event: str, article, step: int, detail: str = "") -> None:
        if not self._started:
            # Started by the first walk: a run stopped before any (a usage error) prints its one line alone.
            self._progress.start()
            self._started = True
        if event == "start":
            total = len(article.steps)
            self._tasks[article.ref] = self._progress.add_task(article.ref, total=total)
            self._began[article.ref] = time.monotonic()
        elif event == "step":
            self._progress.update(self._tasks[article.ref], completed=step)
            if self._log == "steps":
                click.echo(step_line(article.ref, step, Status.OK), err=True)
        else:
            task = self._tasks.pop(article.ref)
            if self._log == "steps" and event == "failed":
                # Said as the walk stops, not after every walk; the run's end does not say it again.
                click.echo(f"  FAILED  {detail}", err=True)
                self.failures_said.add(article.ref)
            if self._log == "walks":
                done = next(shown for shown in self._progress.tasks if shown.id == task).completed
                took = time.monotonic() - self._began.pop(article.ref)
                click.echo(f"  walked  {article.ref}: {counted(int(done), 'step')} in {took:.1f} s", err=True)
            self._progress.remove_task(task)

    def __exit__(self, *exc_info) -> None:
        if self._started:
            self._progress.__exit__(*exc_info)
