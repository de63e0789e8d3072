"""The feedback commands: the service behind "Was this article helpful?" and the search box's reports; their reports."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from helpcentre.cli import cli
from helpcentre.cli.common import UsageProblem, config_option

if TYPE_CHECKING:
    from helpcentre.feedback.store import FeedbackStore

DEFAULT_DATABASE = ".cache/feedback.sqlite3"
# Enough queries to act on in one sitting; JSON for a script that wants them all: --limit 100000.
DEFAULT_SEARCH_LIMIT = 20

database_option = click.option(
    "--db",
    "database",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DATABASE,
    show_default=True,
    help="The SQLite file of votes and search reports.",
)


@cli.group()
def feedback() -> None:
    """Readers' votes on "Was this article helpful?" and their searches: the service that keeps them, the reports."""


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
@click.option(
    "--max-searches-per-minute",
    default=30,
    show_default=True,
    type=click.IntRange(1),
    help="Search reports one client address may send a minute; more get 429. Counted apart from votes.",
)
def feedback_serve(
    config_file: Path,
    host: str,
    port: int,
    database: Path,
    origins: tuple[str, ...],
    max_votes_per_minute: int,
    max_searches_per_minute: int,
) -> None:
    """Store the votes and search reports the site's pages post, until interrupted (SIGINT or SIGTERM).

    Answers POST /v1/feedback, the endpoint that mkdocs.yml's plugins.helpcentre.feedback.endpoint
    names, POST /v1/searches, the one its search.report names, and GET /healthz. Prints
    "Feedback: URL" on stdout once it accepts connections.
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
        app = create_app(
            store, allowed, votes_per_minute=max_votes_per_minute, searches_per_minute=max_searches_per_minute
        )
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
    click.echo(
        f"accepting votes at {server.url}v1/feedback and search reports at {server.url}v1/searches"
        f" from {', '.join(allowed)}",
        err=True,
    )
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
    help="Where to write the report; - for stdout.",
)
@click.option(
    "--searches",
    is_flag=True,
    help="Report what readers searched for (top queries, queries with no results, results never opened)"
    " instead of the votes.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="With --searches: only the searches of that day (UTC) and after.",
)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=DEFAULT_SEARCH_LIMIT,
    show_default=True,
    help="With --searches: at most this many queries in each list.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="With --searches: tables to read, or JSON.",
)
def feedback_report(
    config_file: Path,
    database: Path,
    output: Path,
    searches: bool,
    since: datetime | None,
    limit: int,
    output_format: str,
) -> None:
    """Write the votes per article as CSV: article_id, title, url, yes, no, helpful_ratio, comments, last_vote_at.

    Titles come from the help centre's articles; an article since removed keeps its row with an
    empty title. comments holds every comment on the article, newest first, one a line.

    With --searches, write what readers searched for instead: the top queries, the queries with
    no results (articles to write) and those whose results were never opened (synonyms to add).
    """
    from helpcentre.feedback.store import FeedbackStore, FeedbackStoreError

    if not searches:
        given = [name for name in ("since", "limit", "output_format") if _given(name)]
        if given:
            options = ", ".join(_SEARCH_ONLY_OPTIONS[name] for name in given)
            raise UsageProblem(f"{options}: only for the search report; add --searches")
    try:
        store = FeedbackStore(database, create=False)
        if searches:
            text = _searches_report(store, since, limit, output_format)
            written = "the search report"
        else:
            text, written = _votes_report(store, config_file)
    except FeedbackStoreError as error:
        raise click.ClickException(str(error)) from None
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    from helpcentre.atomic import write_text

    write_text(output, text)
    click.echo(f"Wrote {written} to {output}", err=True)


_SEARCH_ONLY_OPTIONS = {"since": "--since", "limit": "--limit", "output_format": "--format"}


def _given(parameter: str) -> bool:
    source = click.get_current_context().get_parameter_source(parameter)
    return source not in (None, ParameterSource.DEFAULT)


def _votes_report(store: FeedbackStore, config_file: Path) -> tuple[str, str]:
    """The votes CSV, and what it holds, for the line that says where it was written."""
    from helpcentre.feedback.report import feedback_csv

    votes = store.votes_by_article()
    return feedback_csv(votes, _article_titles(config_file)), f"{len(votes)} article(s)"


def _searches_report(store: FeedbackStore, since: datetime | None, limit: int, output_format: str) -> str:
    from helpcentre.feedback.search_report import searches_json, searches_text, summarise_searches

    day = since.strftime("%Y-%m-%d") if since is not None else None
    summary = summarise_searches(store.searches(since=day), limit=limit, since=day)
    return searches_json(summary) if output_format == "json" else searches_text(summary)


def _article_titles(config_file: Path) -> dict[int, str]:
    """Every article's title by id; none, with a warning, when the help centre cannot be read."""
    from helpcentre.project import ProjectError, load_project

    try:
        centre, _ = load_project(config_file).load_help_centre()
    except ProjectError as error:
        click.echo(f"warning: titles left empty: {error}", err=True)
        return {}
    return {article.id: article.title for article in centre.articles}
