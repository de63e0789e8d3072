"""What verify, `report merge` and capture print of a run: a table in a terminal, a plain line per
step in a CI log or a file, and the run in one sentence.

A log is no terminal: it gets no table, whose rows a narrow log folds, and no colour, but each
step on a line of its own as soon as it is done, its message whole however long, so that a
search for an article finds all that was said of it.
"""

from __future__ import annotations

from pathlib import Path

import click

from helpcentre.plurals import counted
from helpcentre.verify.results import ArticleRecord, Status, StepRecord, VerifyResults

STATUS_STYLE = {
    Status.OK: "green",
    Status.NEW: "cyan",
    Status.NOT_REACHED: "dim",
    Status.FLOW: "bold red",
    Status.TEXT: "red",
    Status.STRUCTURE: "magenta",
    Status.PIXELS: "yellow",
    Status.ERROR: "bold red",
}
# The status column of a step's line: as wide as the widest status.
STATUS_WIDTH = max(len(status) for status in Status)


def is_terminal(stderr: bool = False) -> bool:
    """Whether standard output (or error) is a terminal, as rich decides it (FORCE_TERMINAL, TTY_COMPATIBLE)."""
    from rich.console import Console

    return Console(stderr=stderr).is_terminal


def step_detail(step: StepRecord) -> str:
    """What was found at the step, whole: the pixels that differ first, when that is its drift."""
    if step.status is Status.PIXELS and step.pixels:
        return f"{step.pixels.mismatched} px ({step.pixels.ratio:.3%}); {step.message}"
    return step.message


def step_line(ref: str, number: int, status: Status | str, detail: str = "") -> str:
    """A step on one line: `  pixels      billing/pre-pay: step 4: 1204 px (0.118%); …`."""
    line = f"  {status:<{STATUS_WIDTH}} {ref}: step {number}"
    return f"{line}: {detail}" if detail else line


def echo_step(article: ArticleRecord, step: StepRecord) -> None:
    """A judged step's line, as soon as it is judged."""
    click.echo(step_line(article.ref, step.step, step.status, step_detail(step)))


def print_steps(results: VerifyResults) -> None:
    """Every step of the run: a table in a terminal, a line each in a log."""
    if is_terminal():
        print_table(results)
        return
    for article, step in results.steps():
        echo_step(article, step)


def print_table(results: VerifyResults) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    # Article paths are what a writer searches for: never cut them short.
    longest = max((len(article.ref) for article in results.articles), default=7)
    table.add_column("article", no_wrap=True, min_width=longest)
    table.add_column("step", justify="right")
    table.add_column("status")
    table.add_column("detail", overflow="fold")
    for article, step in results.steps():
        status = f"[{STATUS_STYLE[step.status]}]{step.status}[/]"
        table.add_row(article.ref, str(step.step), status, step_detail(step))
    Console(soft_wrap=False).print(table)


def summary_sentence(results: VerifyResults, report_dir: Path) -> str:
    """`33 steps in 7 articles: 32 ok, 1 drifted (1 pixels), 0 new, 0 not reached; 21.0 s. Report: …`"""
    summary = results.summary
    kinds = ", ".join(f"{summary[kind]} {kind}" for kind in Status if kind.is_drift and summary[kind])
    errors = f", {counted(summary[Status.ERROR], 'run error')}" if summary[Status.ERROR] else ""
    return (
        f"{counted(summary.steps, 'step')} in {counted(summary.articles, 'article')}: "
        f"{summary[Status.OK]} {Status.OK}, {summary.drift} drifted{f' ({kinds})' if kinds else ''}, "
        f"{summary[Status.NEW]} {Status.NEW}, {summary[Status.NOT_REACHED]} not reached{errors}; "
        f"{results.seconds:.1f} s. Report: {report_dir / 'index.html'}"
    )
