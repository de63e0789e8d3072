"""`helpcentre explain` and `helpcentre inspect`: see what a walkthrough does before capturing it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click

from helpcentre.cli import cli
from helpcentre.cli.capture_commands import sandbox_port_option, target_option, ws_endpoint_option
from helpcentre.cli.common import (
    UsageProblem,
    config_option,
    engine_errors,
    leave_as_found,
    load_checked,
    stop_cleanly_on_sigterm,
)
from helpcentre.guide import guide_address


@cli.command()
@config_option
@click.argument("article")
@target_option
@sandbox_port_option
@ws_endpoint_option
@click.option("--yes", is_flag=True, help="Walk a live target that has no reset even when steps would change its data.")
def explain(config_file: Path, article: str, target_url: str | None, ws_endpoint: str | None, yes: bool) -> None:
    """Walk ARTICLE (a path such as billing/change-card-or-bank-info, or an id) and print, for
    each step, what its words were read as, the control found on the live target and the
    frame of its picture. Nothing is written. Exit 1 when a step cannot be done; exit 2, before
    any walk, when steps would change the data of a live target with no reset, unless --yes."""
    from helpcentre.capture import CaptureOptions, ResetFailed, select_articles, walk_articles

    project, centre = load_checked(config_file)
    stop_cleanly_on_sigterm()
    with engine_errors(project):
        chosen = select_articles(centre, [article], None)
        _stop_unless_restored(project, chosen[0], target_url, yes)
        options = CaptureOptions(selectors=[article], target_url=target_url, workers=1, ws_endpoint=ws_endpoint)
        result = asyncio.run(walk_articles(project, chosen, options, check_labels=True))
    outcome = result.outcomes[0]
    walked = chosen[0]
    walkthrough = walked.meta.walkthrough
    assert walkthrough is not None
    click.echo(f"{walked.ref}: {len(walked.steps)} steps on target '{walkthrough.target}', from {walkthrough.start}")
    shots = outcome.shots if outcome.ok else (outcome.failure.shots_before if outcome.failure else [])
    by_number = {shot.number: shot for shot in shots or []}
    for plan in walked.plans:
        click.echo("")
        click.echo(f"Step {plan.number}. {plan.text}")
        if plan.explicit is not None:
            click.echo(f"  spelt out   walkthrough.steps.{plan.number}: {plan.explicit.action}")
        elif plan.override is not None:
            given = sorted(plan.override.model_dump(exclude_defaults=True))
            click.echo(f"  override    walkthrough.steps.{plan.number}: {', '.join(given)}")
        shot = by_number.get(plan.number)
        if shot is None:
            if outcome.failure is not None and outcome.failure.number == plan.number:
                failure = outcome.failure
                click.echo(f"  FAILED      {failure.what()}")
            else:
                for intent in plan.intents:
                    click.echo(f"  {intent.kind:<11} {intent.describe()}  [{intent.rule}]")
                click.echo("  (not reached)")
            continue
        for done, control, rule in shot.controls:
            click.echo(f"  {done:<11} {control}  [{rule}]")
        if plan.explicit is None:
            when = "before its last click" if plan.photographed_before_last_click else "after it acts"
        else:
            when = "before it acts" if plan.explicit.shot_before_acting else "after it acts"
        click.echo(f"  picture     {when}: {shot.frame}")
        for label in shot.missing_labels or []:
            click.echo(f"  text        **{label}** is not on the page as the step spells it")
        for warning in shot.warnings:
            click.echo(f"  warning     {warning}")
    if not isinstance(outcome.failure, ResetFailed):  # A reset that failed left nothing to put back.
        leave_as_found(project, walkthrough.target, target_url, walked.ref)
    if not outcome.ok:
        raise SystemExit(1)


def _stop_unless_restored(project, walked, target_url: str | None, yes: bool) -> None:
    """Exit 2, naming them, when steps would change the data of a live target that nothing puts back."""
    from helpcentre.capture import unrestored_changes

    name = walked.meta.walkthrough.target
    target = project.settings.targets.get(name)
    changing = unrestored_changes(walked, target) if target is not None and not yes else []
    if not changing:
        return
    where = target_url or target.url
    click.echo(
        f"{walked.ref}: walking it would change the data of target '{name}' ({where}),"
        " which has no reset to put it back:",
        err=True,
    )
    for step in changing:
        click.echo(f"  {step.describe()}", err=True)
    click.echo(
        "Nothing was walked. Walk it anyway with --yes, or give the target a reset"
        f" (see {guide_address('walkthroughs/reset-the-products-data')}).",
        err=True,
    )
    raise SystemExit(2)


@cli.command()
@config_option
@click.argument("where", default="/", metavar="[PATH | ARTICLE]")
@click.option("--step", "through_step", type=click.IntRange(0), help="With ARTICLE: the page after this step.")
@click.option("--target", "target_name", metavar="NAME", help="A target named in mkdocs.yml.  [default: the first]")
@click.option("--target-url", metavar="URL", help="A running app to open, instead of the configured target.")
@sandbox_port_option
@ws_endpoint_option
def inspect(
    config_file: Path,
    where: str,
    through_step: int | None,
    target_name: str | None,
    target_url: str | None,
    ws_endpoint: str | None,
) -> None:
    """List what a page of the product calls its containers, controls and fields, as step
    sentences and overrides ready to paste. PATH is a page of the target (/billing); ARTICLE
    with --step N opens the page that the article reaches after step N."""
    from helpcentre.authoring.inventory import format_inventory, inventory
    from helpcentre.authoring.page_snapshot import page_snapshot
    from helpcentre.baselines.aria_tree import parse_aria_snapshot
    from helpcentre.capture import CaptureOptions, StepFailed

    project, centre = load_checked(config_file)
    article = None if where.startswith("/") else centre.find(where)
    if not where.startswith("/") and article is None:
        raise UsageProblem(f"no article '{where}'; give a path on the target (/billing) or an article")
    if article is not None and article.meta.walkthrough is None:
        raise UsageProblem(f"{article.display_path}: walkthrough: the article has no walkthrough")
    if article is None and through_step is not None:
        raise UsageProblem("--step goes with an ARTICLE, not a path")
    if target_name is not None and target_name not in project.settings.targets:
        known = ", ".join(project.settings.targets) or "none"
        raise UsageProblem(f"no target '{target_name}' in mkdocs.yml; known: {known}")
    stop_cleanly_on_sigterm()
    options = CaptureOptions(target_url=target_url, ws_endpoint=ws_endpoint)
    steps = through_step if through_step is not None else (len(article.steps) if article else None)
    try:
        with engine_errors(project):
            url, snapshot = asyncio.run(page_snapshot(project, article, where, steps, options, target_name))
    except StepFailed as failure:
        click.echo(f"FAILED  {failure}", err=True)
        raise SystemExit(1) from None
    click.echo(f"What the page calls things at {url}")
    click.echo("")
    for line in format_inventory(inventory(parse_aria_snapshot(snapshot))):
        click.echo(line)
