"""`helpcentre verify`: re-walk the walkthroughs and report where the docs drifted from the product."""

from __future__ import annotations

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
    UsageProblem,
    check_screenshots_writable,
    config_option,
    engine_errors,
    load_checked,
    stop_cleanly_on_sigterm,
)
from helpcentre.cli.verify_output import echo_step, is_terminal, print_steps, summary_sentence
from helpcentre.plurals import counted

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
    from helpcentre.sharding import empty_shard_message
    from helpcentre.verify.engine import VerifyOptions
    from helpcentre.verify.engine import verify as run_verify
    from helpcentre.verify.results import step_records_json

    project, centre = load_checked(config_file)
    if update or then_fix:
        check_screenshots_writable(project)
    if update:
        _accept(project, centre, report_dir, update, list(articles))
        return
    options = VerifyOptions(list(articles), target_url, workers or 0, ws_endpoint, report_dir, shard=shard)
    stop_cleanly_on_sigterm()
    # In a log, each step is said as it is judged; a terminal gets the table at the end.
    in_a_log = not is_terminal()
    with engine_errors(project), CaptureProgress(log="walks") as progress:
        results = run_verify(project, centre, options, progress.update, echo_step if in_a_log else None)

    if not in_a_log and (results.articles or not shard):
        print_steps(results)
    if json_path is not None:
        records = step_records_json(results)
        atomic.write_text(json_path, json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    if results.browsers and results.browsers.note:
        click.echo(results.browsers.note)
    click.echo(summary_sentence(results, report_dir))
    if shard:
        assert results.shard is not None
        planned = len(results.shard.articles)
        if results.articles:
            share = f"Shard {shard[0]}/{shard[1]}: {len(results.articles)} of the run's {counted(planned, 'article')}"
        else:
            share = f"{empty_shard_message(shard, planned)}; its report is empty"
        click.echo(
            f"{share}. Put the shards' reports together with `helpcentre report merge`, "
            "which also records when the articles were verified.",
            err=True,
        )
    summary = results.summary
    if then_fix and not summary.all_ok:
        fix_options = (accept_visual, accept_reframed)
        _fix(project, centre, list(articles), fix_options, target_url, workers, ws_endpoint, report_dir)
        return
    if not summary.all_ok:
        raise SystemExit(summary.exit_code)


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
    from helpcentre.verify.fix import FixOptions
    from helpcentre.verify.fix import fix as run_fix

    accept_visual, reframed = fix_options
    options = FixOptions(selectors, accept_visual, target_url, workers or 0, ws_endpoint, report_dir)
    options.accept_reframed = {_step_of(centre, value) for value in reframed}
    stop_cleanly_on_sigterm()
    with engine_errors(project), CaptureProgress() as progress:
        result = run_fix(project, centre, options, progress.update)
    for line in result.lines:
        click.echo(str(line))
    fixed = sum(1 for line in result.lines if line.outcome == "fixed")
    accepted = sum(1 for line in result.lines if line.outcome == "accepted")
    left = sum(1 for line in result.lines if line.outcome == "needs a writer")
    where = f"; the articles' diff: {result.patch_path}" if result.patch_path else ""
    click.echo(
        f"Fixed {counted(fixed, 'step')}, accepted {accepted}, {left} left for a writer{where}. Nothing was committed."
    )
    if result.needs_a_writer:
        raise SystemExit(1)


def _accept(project, centre, report_dir: Path, mode: str, selectors: list[str]) -> None:
    from helpcentre.verify.accept import accept

    with engine_errors(project):
        accepted = accept(project, centre, report_dir, mode, selectors)
    for ref, steps in accepted.steps.items():
        click.echo(f"  accepted  {ref}: step{'s' if len(steps) > 1 else ''} {', '.join(map(str, steps))}")
    for refusal in accepted.refused:
        click.echo(f"  refused   {refusal}", err=True)
    total = sum(len(steps) for steps in accepted.steps.values())
    click.echo(
        f"Accepted {counted(total, 'step')} from the verify run of {accepted.run_started_at}; nothing was walked."
    )
    if accepted.refused:
        raise SystemExit(1)
