"""`helpcentre pdf`: print articles of the built site to PDF files, the downloads their pages link to."""

from __future__ import annotations

from pathlib import Path

import click

from helpcentre.cli import cli
from helpcentre.cli.common import UsageProblem, config_option, load_checked, stop_cleanly_on_sigterm


@cli.command()
@config_option
@click.argument("articles", nargs=-1)
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="site",
    show_default=True,
    help="The built site whose pages are printed (site-agents unless given, with --audience agents).",
)
@click.option(
    "--audience",
    type=click.Choice(["customers", "agents"]),
    default="customers",
    show_default=True,
    help="Whose site it is, as `helpcentre build --audience` built it: the customers' has no internal article.",
)
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the PDFs go, as <article path>.pdf.  [default: SITE_DIR/<plugins.helpcentre.pdf.dir>]",
)
@click.option(
    "--reprint",
    is_flag=True,
    help="Print every PDF again, even those whose page, pictures and theme are as when they were printed.",
)
@click.pass_context
def pdf(
    context: click.Context,
    config_file: Path,
    articles: tuple[str, ...],
    site_dir: Path,
    audience: str,
    output_dir: Path | None,
    reprint: bool,
) -> None:
    """Print ARTICLES (paths like billing/change-card-or-bank-info, or ids; default: every article)
    from the built site to PDF files, with the site's print layout. Run `helpcentre build` first.
    A PDF whose article page, pictures and theme have not changed since it was printed is not
    printed again (they are kept in .cache/pdf/)."""
    from helpcentre.browser import BrowserNotFound
    from helpcentre.pdf import PdfUsageError, WrittenPdf, choose_articles, write_pdfs
    from helpcentre.pdf_reuse import PrintedPdfs
    from helpcentre.site import AGENTS_SITE_DIR

    project, centre = load_checked(config_file)
    # Stopped, the run still closes Chromium and the site server on its way out.
    stop_cleanly_on_sigterm()
    if audience == "agents" and context.get_parameter_source("site_dir") is click.core.ParameterSource.DEFAULT:
        site_dir = Path(AGENTS_SITE_DIR)
    output_dir = output_dir or site_dir / project.settings.pdf.dir

    printed = PrintedPdfs(project.root / ".cache" / "pdf" / audience)

    def report(outcome) -> None:
        if isinstance(outcome, WrittenPdf) and outcome.reused:
            click.echo(f"  kept    {_shown(outcome.path)} (unchanged since printed)", err=True)
        elif isinstance(outcome, WrittenPdf):
            click.echo(f"  wrote   {_shown(outcome.path)} ({outcome.size / 1024:.0f} KiB)", err=True)
        else:
            click.echo(f"  FAILED  {outcome.article.ref}: {outcome.reason}", err=True)

    try:
        chosen = choose_articles(centre, list(articles), audience)
        result = write_pdfs(chosen, site_dir, output_dir, report, None if reprint else printed)
    except PdfUsageError as error:
        raise UsageProblem(str(error)) from None
    except BrowserNotFound as error:
        raise click.ClickException(str(error)) from None
    reused = sum(1 for outcome in result.written if outcome.reused)
    click.echo(
        f"Wrote {len(result.written)} PDF(s) into {_shown(output_dir)} in {result.seconds:.1f} s"
        f" ({len(result.written) - reused} printed, {reused} unchanged); {len(result.failed)} failed",
        err=True,
    )
    if result.failed:
        raise SystemExit(1)


def _shown(path: Path) -> str:
    """The path relative to the working directory when it is below it, as the user typed it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)
