"""Commands for writers: start a new article."""

from __future__ import annotations

from pathlib import Path

import click

from helpcentre import atomic
from helpcentre.cli import cli
from helpcentre.cli.common import UsageProblem, config_option, load_checked


@cli.command()
@config_option
@click.argument("title")
@click.option("--category", required=True, help="A category key from mkdocs.yml, such as billing.")
@click.option("--how-to", is_flag=True, help="Add numbered steps and a walkthrough to fill in.")
def new(config_file: Path, title: str, category: str, how_to: bool) -> None:
    """Write a new article titled TITLE, with the next free id; never overwrites a file."""
    from helpcentre.articles import parse_article
    from helpcentre.articles.scaffold import draft, next_id, slug_for

    project, centre = load_checked(config_file)
    keys = [item.key for item in project.settings.categories]
    if category not in keys:
        raise UsageProblem(f"no category '{category}'; known: {', '.join(keys)}")
    target = next(iter(project.settings.targets), None)
    if how_to and target is None:
        raise UsageProblem("a how-to needs a walkthrough target: add one under targets in mkdocs.yml")
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
