"""Commands for writers: start a new article."""

from __future__ import annotations

from pathlib import Path

import click

from helpcentre import atomic
from helpcentre.cli import cli
from helpcentre.cli.capture_commands import sandbox_port_option
from helpcentre.cli.common import (
    UsageProblem,
    check_screenshots_writable,
    config_option,
    engine_errors,
    leave_as_found,
    load_checked,
)


@cli.command()
@config_option
@click.argument("title")
@click.option("--category", required=True, help="A category key from mkdocs.yml, such as billing.")
@click.option("--how-to", is_flag=True, help="Add numbered steps and a walkthrough to fill in.")
@click.option("--target", "target_name", help="With --how-to: a target named in mkdocs.yml.  [default: the first]")
def new(config_file: Path, title: str, category: str, how_to: bool, target_name: str | None) -> None:
    """Write a new article titled TITLE, with the next free id; never overwrites a file."""
    from helpcentre.articles import parse_article
    from helpcentre.articles.scaffold import draft, next_id, slug_for

    project, centre = load_checked(config_file)
    keys = [item.key for item in project.settings.categories]
    if category not in keys:
        raise UsageProblem(f"no category '{category}'; known: {', '.join(keys)}")
    target = target_name or next(iter(project.settings.targets), None)
    if how_to and target is None:
        raise UsageProblem("a how-to needs a walkthrough target: add one under targets in mkdocs.yml")
    if target_name is not None and target_name not in project.settings.targets:
        known = ", ".join(project.settings.targets) or "none"
        raise UsageProblem(f"no target '{target_name}' in mkdocs.yml; known: {known}")
    src_path = f"{category}/{slug_for(title)}.md"
    path = project.docs_dir / src_path
    shown = project.display_path(path)
    if path.exists():
        raise UsageProblem(f"{shown} already exists; choose another title")
    article_id = next_id(centre)
    text = draft(title, category, article_id, how_to, target)
    _, problems = parse_article(src_path, text, shown)
    if problems:
        raise UsageProblem("\n".join(str(problem) for problem in problems))
    atomic.write_text(path, text)
    click.echo(f"Wrote {shown} (id {article_id})")


@cli.command()
@config_option
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one `path:line:col: HC### field: message (see ADDRESS)` per line, ADDRESS being the code's page"
    " in the writers' guide; json: a list of problems, the address as `help`.",
)
def lint(config_file: Path, paths: tuple[Path, ...], output_format: str) -> None:
    """Check articles and screenshots; exit 1 if any error is found.

    With PATHs (files or folders), only problems in them are reported; the whole help centre
    is still read, so that ids, links and related articles are checked across it.
    """
    import json

    from helpcentre.lint import errors_in
    from helpcentre.project import ProjectError, load_project

    try:
        project = load_project(config_file)
    except ProjectError as error:
        raise UsageProblem(str(error)) from None
    _, found = project.lint()
    if paths:
        wanted = [project.display_path(path) for path in paths]
        found = [problem for problem in found if any(_within(problem.path, prefix) for prefix in wanted)]
    if output_format == "json":
        click.echo(json.dumps([problem.as_json() for problem in found], indent=2))
    else:
        for problem in found:
            click.echo(str(problem))
        errors = len(errors_in(found))
        warnings = len(found) - errors
        summary = f"{errors} error(s), {warnings} warning(s)" if found else "No problems found."
        click.echo(summary, err=True)
    if errors_in(found):
        raise SystemExit(1)


def _within(path: str, prefix: str) -> bool:
    return prefix in (".", "") or path == prefix or path.startswith(prefix.rstrip("/") + "/")


@cli.command()
@config_option
@click.argument("title")
@click.option("--category", required=True, help="A category key from mkdocs.yml, such as billing.")
@click.option("--target", "target_name", help="A target named in mkdocs.yml.  [default: the first]")
@click.option("--start", default="/", show_default=True, help="The page of the target to start from.")
@sandbox_port_option
def record(config_file: Path, title: str, category: str, target_name: str | None, start: str) -> None:
    """Record a new how-to: do the task in the browser window that opens, then close it (or press
    Enter here). The clicks, choices and typing become the article's numbered steps, in words the
    walkthrough rules read; the values typed go into its walkthrough. Then it is captured."""
    import asyncio
    import os
    import sys

    from helpcentre.articles import parse_article
    from helpcentre.articles.scaffold import draft_recorded, next_id, slug_for
    from helpcentre.authoring.recording import record_in_browser
    from helpcentre.capture import CaptureOptions, capture

    project, centre = load_checked(config_file)
    keys = [item.key for item in project.settings.categories]
    if category not in keys:
        raise UsageProblem(f"no category '{category}'; known: {', '.join(keys)}")
    target_name = target_name or next(iter(project.settings.targets), None)
    if target_name is None or target_name not in project.settings.targets:
        known = ", ".join(project.settings.targets) or "none"
        raise UsageProblem(f"no target '{target_name}' in mkdocs.yml; known: {known}")
    if not start.startswith("/"):
        raise UsageProblem("--start is a path on the target, beginning with '/'")
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise UsageProblem(
            "record opens a browser window, and there is no display here (DISPLAY is not set);"
            " run it on a desktop, or under a virtual screen: xvfb-run helpcentre record …"
        )
    src_path = f"{category}/{slug_for(title)}.md"
    path = project.docs_dir / src_path
    shown = project.display_path(path)
    if path.exists():
        raise UsageProblem(f"{shown} already exists; choose another title")
    check_screenshots_writable(project)
    click.echo("Do the task in the browser window; close it, or press Enter here, when you are done.", err=True)
    with engine_errors(project):
        steps = asyncio.run(record_in_browser(project, target_name, start))
    if not steps:
        raise UsageProblem("nothing was recorded: no click or typing changed the page")
    article_id = next_id(centre)
    text = draft_recorded(
        title, category, article_id, target_name, start, [(step.sentence, step.fields, step.masks) for step in steps]
    )
    _, problems = parse_article(src_path, text, shown)
    atomic.write_text(path, text)
    click.echo(f"Wrote {shown} (id {article_id}), {len(steps)} steps:")
    for number, step in enumerate(steps, start=1):
        click.echo(f"  {number}. {step.sentence}")
    replaced = [f"step {number}: {note.describe()}" for number, step in enumerate(steps, 1) for note in step.replaced]
    if replaced:
        click.echo("Typed values not kept (the walkthrough holds these instead; their fields are masked):")
        for line in replaced:
            click.echo(f"  {line}")
    for problem in problems:
        click.echo(str(problem), err=True)
    project, centre = load_checked(config_file)
    result = capture(project, centre, CaptureOptions(selectors=[src_path.removesuffix(".md")], workers=1))
    for outcome in result.outcomes:
        click.echo(f"  capture: {'ok' if outcome.ok else outcome.failure}", err=True)
    leave_as_found(project, target_name, None, src_path.removesuffix(".md"))
    click.echo(f"Next: helpcentre lint {shown}, then helpcentre serve to read it as customers will.")
    if result.failed:
        raise SystemExit(1)


@cli.command()
@config_option
@click.argument("reference", metavar="ARTICLE")
def renumber(config_file: Path, reference: str) -> None:
    """After steps were inserted or removed, move ARTICLE's overrides (walkthrough.steps.N) to the
    steps that now have the words each was written for, as the last capture recorded them.

    Only the numbers change, where they stand; nothing is written when any override cannot be
    placed for sure, and the message says which and why.
    """
    from helpcentre.articles import HelpCentre, parse_article
    from helpcentre.articles.frontmatter import decode_source
    from helpcentre.authoring.renumbering import renumber as renumbered
    from helpcentre.baselines.store import BaselineStore
    from helpcentre.project import ProjectError, load_project

    try:
        project = load_project(config_file)
    except ProjectError as error:
        raise UsageProblem(str(error)) from None
    centre, _ = project.load_help_centre()
    found = centre.find(reference)
    if found is None:
        unusable = HelpCentre.reference_key(reference) in centre.unusable
        why = "; its front matter cannot be read: run helpcentre lint" if unusable else ""
        raise UsageProblem(f"no article '{reference}'{why}")
    path = project.docs_dir / found.src_path
    shown = project.display_path(path)
    # The file as it is now, read once: what is parsed is what is rewritten.
    data = path.read_bytes()
    text, _ = decode_source(data, shown)
    article, _ = parse_article(found.src_path.as_posix(), text, shown) if text is not None else (None, [])
    if text is None or article is None:
        raise UsageProblem(f"{shown} cannot be read now: run helpcentre lint")
    store = BaselineStore(project.screenshots_dir)
    try:
        manifest = store.manifest()
    except (ValueError, KeyError, TypeError) as error:
        raise UsageProblem(f"{project.display_path(store.manifest_path)} cannot be read: {error}") from None
    result = renumbered(text, article, manifest.entry(article.ref))
    if result.refusals:
        raise UsageProblem(f"{shown} was left as it was:\n" + "\n".join(f"  {why}" for why in result.refusals))
    if not result.moves:
        click.echo(f"{shown}: every override stands at the step it was written for; nothing to move")
        return
    entry = manifest.entry(article.ref)
    if result.assumed and entry is not None:
        # The record first: were the article's write to fail, a run again still finds every override.
        for number, spec in result.assumed.items():
            step = entry.step(number)
            if step is not None:
                step.override = spec
        store.write_manifest(manifest)
    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
    atomic.write_text(path, bom + result.text)
    for move in result.moves:
        click.echo(f"  walkthrough.steps.{move.old} -> {move.new}: written for '{move.words}'")
    click.echo(f"Wrote {shown}; its screenshots show the old steps: helpcentre capture {article.ref}")
