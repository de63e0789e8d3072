"""`helpcentre verify`: re-walk the walkthroughs and report where the docs drifted from the product."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import click

from helpcentre import atomic
from helpcentre.cli import cli
from helpcentre.cli.capture_commands import (
    CaptureProgress,
    sandbox_port_option,
    shard_option,
    target_option,
    workers_option,
    ws_endpoint_option,
)
from helpcentre.cli.common import (
    STOPPED_EXIT_CODE,
    UsageProblem,
    check_screenshots_writable,
    config_option,
    load_checked,
    stop_cleanly_on_sigterm,
    unreadable_screenshots,
)

accept_reframed_option = click.option(
    "--accept-reframed",
    multiple=True,
    metavar="ARTICLE:STEP",
    help="With --accept-visual: accept this step's picture although its frame changed kind or size a lot.",
)


def _step_of(centre, value: str) -> tuple[str, int]:
    """`billing/x:3` or `101:3` as (the article's ref, 3)."""
    selector, _, number = value.rpartition(":")
    article = centre.find(selector) if selector else None
    if article is None or not number.isdigit():
        raise UsageProblem(f"--accept-reframed {value}: give an article and a step, as billing/x:3 or 101:3")
    return article.ref, int(number)


def report_option(help_text: str):
    return click.option(
        "--report",
        "report_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default="reports/verify",
        show_default=True,
        help=help_text,
    )


STATUS_STYLE = {
    "ok": "green",
    "new": "cyan",
    "not_reached": "dim",
    "flow": "bold red",
    "text": "red",
    "structure": "magenta",
    "pixels": "yellow",
    "error": "bold red",
}

# Exit code of a run that could not judge every step (not drift): walk it again.
RUN_ERROR_EXIT_CODE = 4


@cli.command()
@config_option
@click.argument("articles", nargs=-1)
@target_option
@sandbox_port_option
@workers_option
@shard_option
@ws_endpoint_option
@click.option(
    "--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write one record per step here."
)
@report_option("The HTML report, results.json and junit.xml.")
@click.option(
    "--update",
    type=click.Choice(["all", "failed"]),
    help="Accept the shots of the last verify run (all, or drifted and new ones) as baselines; walks nothing.",
)
@click.option("--fix", "then_fix", is_flag=True, help="Then repair what can be repaired, as `helpcentre fix` does.")
@click.option("--accept-visual", is_flag=True, help="With --fix: accept visual and structure drift too.")
@accept_reframed_option
def verify(
    config_file: Path,
    articles: tuple[str, ...],
    target_url: str | None,
    workers: int | None,
    shard: tuple[int, int] | None,
    ws_endpoint: str | None,
    json_path: Path | None,
    report_dir: Path,
    update: str | None,
    then_fix: bool,
    accept_visual: bool,
    accept_reframed: tuple[str, ...],
) -> None:
    """Walk ARTICLES again (default: all with a walkthrough) and compare every step with its baseline:
    the flow, the UI labels in bold, the ARIA snapshot and the pixels. Baselines never change.
    With --shard, walk only this machine's share, then put the shards' reports together with
    `helpcentre report merge`. Exit 0: every step matches; 1: drift; 2: usage, config or spec errors,
    or (with --update or --fix) a screenshots folder that cannot be written; 3: baselines that are
    not PNG files (run `git lfs pull`, or capture them again)."""
    from helpcentre.capture.baseline_files import BaselineUnreadable
    from helpcentre.capture.runner import CaptureUsageError
    from helpcentre.capture.session import TargetError
    from helpcentre.sharding import empty_shard_message
    from helpcentre.verify.engine import VerifyOptions
    from helpcentre.verify.engine import verify as run_verify

    project, centre = load_checked(config_file)
    if update or then_fix:
        check_screenshots_writable(project)
    if update:
        _accept(project, centre, report_dir, update, list(articles))
        return
    options = VerifyOptions(list(articles), target_url, workers or 0, ws_endpoint, report_dir, shard=shard)
    stop_cleanly_on_sigterm()
    try:
        with CaptureProgress(lines_when_not_a_terminal=True) as progress:
            results = run_verify(project, centre, options, progress.update)
    except (CaptureUsageError, TargetError) as error:
        raise UsageProblem(str(error)) from None
    except BaselineUnreadable as error:
        raise unreadable_screenshots(error, project) from None
    except asyncio.CancelledError:
        click.echo("Stopped; no baseline was changed by the walks that did not finish.", err=True)
        raise SystemExit(STOPPED_EXIT_CODE) from None

    if results["articles"] or not shard:
        print_table(results)
    if json_path is not None:
        records = [
            {
                "article": article["ref"],
                "id": article["id"],
                "step": step["step"],
                "text": step["text"],
                "status": step["status"],
                "message": step["message"],
                "pixels": step["pixels"],
            }
            for article in results["articles"]
            for step in article["steps"]
        ]
        atomic.write_text(json_path, json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    if results.get("browsers", {}).get("note"):
        click.echo(results["browsers"]["note"])
    click.echo(summary_sentence(results, report_dir))
    if shard:
        planned = len(results["shard"]["articles"])
        if results["articles"]:
            share = f"Shard {shard[0]}/{shard[1]}: {len(results['articles'])} of the run's {planned} articles"
        else:
            share = f"{empty_shard_message(shard, planned)}; its report is empty"
        click.echo(
            f"{share}. Put the shards' reports together with `helpcentre report merge`, "
            "which also records when the articles were verified.",
            err=True,
        )
    if then_fix and not all_ok(results):
        fix_options = (accept_visual, accept_reframed)
        _fix(project, centre, list(articles), fix_options, target_url, workers, ws_endpoint, report_dir)
        return
    if not all_ok(results):
        raise SystemExit(exit_code(results))


def exit_code(results: dict) -> int:
    """1 for drift; 4 when the only trouble is the run's own (its later steps are not reached)."""
    summary = results["summary"]
    if summary["drift"] or summary["new"] or (summary["not_reached"] and not summary.get("error")):
        return 1
    return RUN_ERROR_EXIT_CODE if summary.get("error") else 0


def summary_sentence(results: dict, report_dir: Path) -> str:
    """`33 steps in 7 articles: 32 ok, 1 drifted (1 pixels), 0 new, 0 not reached; 21.0 s. Report: …`"""
    summary = results["summary"]
    kinds = ", ".join(f"{summary[kind]} {kind}" for kind in ("flow", "text", "structure", "pixels") if summary[kind])
    return (
        f"{summary['steps']} steps in {summary['articles']} articles: {summary['ok']} ok, "
        f"{summary['drift']} drifted{f' ({kinds})' if kinds else ''}, {summary['new']} new, "
        f"{summary['not_reached']} not reached"
        f"{f', {errors} run error(s)' if (errors := summary.get('error', 0)) else ''}; {results['seconds']:.1f} s. "
        f"Report: {report_dir / 'index.html'}"
    )


def all_ok(results: dict) -> bool:
    """No step drifted, is new or was not reached: exit 0."""
    summary = results["summary"]
    return not (summary["drift"] or summary["new"] or summary["not_reached"] or summary.get("error"))


@cli.command()
@config_option
@click.argument("articles", nargs=-1)
@click.option("--accept-visual", is_flag=True, help="Accept visual and structure drift whose walk succeeded.")
@accept_reframed_option
@target_option
@sandbox_port_option
@workers_option
@ws_endpoint_option
@report_option("The verify report to work from (a verify run is made first when there is none).")
def fix(
    config_file: Path,
    articles: tuple[str, ...],
    accept_visual: bool,
    accept_reframed: tuple[str, ...],
    target_url: str | None,
    workers: int | None,
    ws_endpoint: str | None,
    report_dir: Path,
) -> None:
    """Repair the drift of the last verify run that can be repaired safely: a renamed control's
    bold label is rewritten in the article, which is walked again and, if it passes, gets new
    baselines. Changes stay in the working tree; the articles' diff is saved as fix.patch.
    Exit 0 when nothing is left for a writer, 1 otherwise; 2 and 3 as for verify."""
    project, centre = load_checked(config_file)
    check_screenshots_writable(project)
    fix_options = (accept_visual, accept_reframed)
    _fix(project, centre, list(articles), fix_options, target_url, workers, ws_endpoint, report_dir)


def _fix(project, centre, selectors, fix_options, target_url, workers, ws_endpoint, report_dir: Path) -> None:
    from helpcentre.articles import UnknownArticle
    from helpcentre.capture.baseline_files import BaselineUnreadable
    from helpcentre.capture.runner import CaptureUsageError
    from helpcentre.capture.session import TargetError
    from helpcentre.verify.accept import AcceptError
    from helpcentre.verify.fix import FixError, FixOptions
    from helpcentre.verify.fix import fix as run_fix

    accept_visual, reframed = fix_options
    options = FixOptions(selectors, accept_visual, target_url, workers or 0, ws_endpoint, report_dir)
    options.accept_reframed = {_step_of(centre, value) for value in reframed}
    stop_cleanly_on_sigterm()
    try:
        with CaptureProgress() as progress:
            result = run_fix(project, centre, options, progress.update)
    except (CaptureUsageError, TargetError, AcceptError, FixError, UnknownArticle) as error:
        raise UsageProblem(str(error)) from None
    except BaselineUnreadable as error:
        raise unreadable_screenshots(error, project) from None
    for line in result.lines:
        click.echo(str(line))
    fixed = sum(1 for line in result.lines if line.outcome == "fixed")
    accepted = sum(1 for line in result.lines if line.outcome == "accepted")
    left = sum(1 for line in result.lines if line.outcome == "needs a writer")
    where = f"; the articles' diff: {result.patch_path}" if result.patch_path else ""
    click.echo(f"Fixed {fixed} step(s), accepted {accepted}, {left} left for a writer{where}. Nothing was committed.")
    if result.needs_a_writer:
        raise SystemExit(1)


# Wide enough that no message is folded; the table is only as wide as what it holds.
UNFOLDED_WIDTH = 100_000


def print_table(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    # Article paths are what a writer searches for in a CI log: never cut them short.
    longest = max((len(article["ref"]) for article in results["articles"]), default=7)
    table.add_column("article", no_wrap=True, min_width=longest)
    table.add_column("step", justify="right")
    table.add_column("status")
    # A terminal folds the detail to its width; a CI log or a file is no terminal, and gets each
    # step on one line, however long, so that a search for an article finds its whole message.
    table.add_column("detail", overflow="fold")
    for article in results["articles"]:
        for step in article["steps"]:
            status = step["status"]
            detail = step["message"]
            if status == "pixels" and step["pixels"]:
                pixels = step["pixels"]
                detail = f"{pixels['mismatched']} px ({pixels['ratio']:.3%}); {detail}"
            table.add_row(article["ref"], str(step["step"]), f"[{STATUS_STYLE[status]}]{status}[/]", detail)
    console = Console(soft_wrap=False)
    if console.is_terminal:
        console.print(table)
        return
    unfolded = Console(soft_wrap=False, width=UNFOLDED_WIDTH)
    with unfolded.capture() as captured:
        unfolded.print(table)
    # Without the padding to the widest message, which a log would keep on every row.
    click.echo("\n".join(line.rstrip() for line in captured.get().splitlines()))


def _accept(project, centre, report_dir: Path, mode: str, selectors: list[str]) -> None:
    from helpcentre.verify.accept import AcceptError, accept

    try:
        accepted = accept(project, centre, report_dir, mode, selectors)
    except AcceptError as error:
        raise UsageProblem(str(error)) from None
    for ref, steps in accepted.steps.items():
        click.echo(f"  accepted  {ref}: step{'s' if len(steps) > 1 else ''} {', '.join(map(str, steps))}")
    for refusal in accepted.refused:
        click.echo(f"  refused   {refusal}", err=True)
    total = sum(len(steps) for steps in accepted.steps.values())
    click.echo(f"Accepted {total} step(s) from the verify run of {accepted.run_started_at}; nothing was walked.")
    if accepted.refused:
        raise SystemExit(1)
