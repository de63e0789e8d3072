"""The feedback commands: the service behind "Was this article helpful?", and its report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from helpcentre.cli import cli
from helpcentre.cli.common import UsageProblem, config_option

DEFAULT_DATABASE = ".cache/feedback.sqlite3"

database_option = click.option(
    "--db",
    "database",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DATABASE,
    show_default=True,
    help="The SQLite file of votes.",
)


@cli.group()
def feedback() -> None:
    """Readers' votes on "Was this article helpful?": the service the site posts them to, and the report."""


@feedback.command("serve")
@config_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8002,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on; 0 lets the OS pick a free one.",
)
@database_option
@click.option(
    "--allow-origin",
    "origins",
    multiple=True,
    metavar="ORIGIN",
    help="A site whose pages may post votes (https://help.example.com); repeatable. "
    "Default: the origin of mkdocs.yml's site_url.",
)
@click.option(
    "--max-votes-per-minute",
    default=10,
    show_default=True,
    type=click.IntRange(1),
    help="Votes one client address may send a minute; more get 429.",
)
def feedback_serve(
    config_file: Path, host: str, port: int, database: Path, origins: tuple[str, ...], max_votes_per_minute: int
) -> None:
    """Store the votes the site's pages post, until interrupted (SIGINT or SIGTERM).

    Answers POST /v1/feedback, the endpoint that mkdocs.yml's plugins.helpcentre.feedback.endpoint
    names, and GET /healthz. Prints "Feedback: URL" on stdout once it accepts connections.
    """
    from helpcentre.child_server import stop_with_parent
    from helpcentre.feedback.service import FeedbackServer, OriginError, create_app, origin_of
    from helpcentre.feedback.store import FeedbackStore, FeedbackStoreError

    stop_with_parent()
    if not origins:
        origins = (_site_origin(config_file),)
    try:
        allowed = sorted({origin_of(origin) for origin in origins})
        store = FeedbackStore(database)
        app = create_app(store, allowed, votes_per_minute=max_votes_per_minute)
    except OriginError as error:
        raise UsageProblem(f"--allow-origin: {error}") from None
    except FeedbackStoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        server = FeedbackServer(app, host, port)
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    click.echo(f"Feedback: {server.url}")
    sys.stdout.flush()
    click.echo(f"accepting votes at {server.url}v1/feedback from {', '.join(allowed)}", err=True)
    server.serve_until_stopped()
    click.echo("Stopped.", err=True)


def _site_origin(config_file: Path) -> str:
    from helpcentre.project import ProjectError, load_project

    try:
        project = load_project(config_file)
    except ProjectError as error:
        raise UsageProblem(f"{error}\n(or name the site with --allow-origin)") from None
    if not project.site_url:
        raise UsageProblem(f"{config_file.name}: no site_url, so no origin to allow; pass --allow-origin ORIGIN")
    return project.site_url


@feedback.command("report")
@config_option
@database_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default="-",
    show_default=True,
    help="Where to write the CSV; - for stdout.",
)
def feedback_report(config_file: Path, database: Path, output: Path) -> None:
    """Write the votes per article as CSV: article_id, title, url, yes, no, helpful_ratio, comments, last_vote_at.

    Titles come from the help centre's articles; an article since removed keeps its row with an
    empty title. comments holds every comment on the article, newest first, one a line.
    """
    from helpcentre.atomic import write_text
    from helpcentre.feedback.report import feedback_csv
    from helpcentre.feedback.store import FeedbackStore, FeedbackStoreError

    try:
        votes = FeedbackStore(database, create=False).votes_by_article()
    except FeedbackStoreError as error:
        raise click.ClickException(str(error)) from None
    text = feedback_csv(votes, _article_titles(config_file))
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    write_text(output, text)
    click.echo(f"Wrote {len(votes)} article(s) to {output}", err=True)


def _article_titles(config_file: Path) -> dict[int, str]:
    """Every article's title by id; none, with a warning, when the help centre cannot be read."""
    from helpcentre.project import ProjectError, load_project

    try:
        centre, _ = load_project(config_file).load_help_centre()
    except ProjectError as error:
        click.echo(f"warning: titles left empty: {error}", err=True)
        return {}
    return {article.id: article.title for article in centre.articles}
