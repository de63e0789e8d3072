"""Articles as PDF files: Chromium prints each built article page, as a customer's Print button would.

The built site is served on a free port and every page printed with the site's own print
stylesheet, so the PDF and a printout from the browser show the same thing: the title, the
summary and the steps with their screenshots, without the site's navigation.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpcentre import atomic
from helpcentre.articles import Article, HelpCentre, UnknownArticle
from helpcentre.browser import launch_options
from helpcentre.exports import JSON_NAME
from helpcentre.pdf_reuse import PrintedPdfs, sources_hash
from helpcentre.static_server import SiteServer

log = logging.getLogger(__name__)

# The practices are in the United States: their printers take Letter.
PAPER_FORMAT = "Letter"
# The bottom one holds the page footer. An @page rule in the site's CSS would override them.
PAGE_MARGINS = {"top": "0.6in", "right": "0.6in", "bottom": "0.75in", "left": "0.6in"}
# Chromium fills the footer's `title`, `pageNumber` and `totalPages`; it loads nothing, so styles are inline.
PAGE_FOOTER = (
    '<div style="font: 8px sans-serif; color: #555; width: 100%; margin: 0 0.6in;'
    ' display: flex; justify-content: space-between;">'
    '<span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span>'
    "</div>"
)
# Screenshots load lazily; printing waits until every image has loaded or failed, up to this long.
IMAGE_DEADLINE_MS = 30_000

_LOAD_EVERY_IMAGE = "() => document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager' })"
_EVERY_IMAGE_SETTLED = "() => Array.from(document.images).every(img => img.complete)"
_BROKEN_IMAGES = "() => Array.from(document.images).filter(img => !img.naturalWidth).map(img => img.src)"


class PdfUsageError(Exception):
    """The request cannot be done as asked (no built site, an unknown article): exit code 2."""


class PdfFailed(Exception):
    """An article's page could not be printed as it should be; the others still are."""


@dataclass(frozen=True)
class WrittenPdf:
    article: Article
    path: Path
    size: int
    # Taken from the PDFs printed before: nothing it is printed from had changed.
    reused: bool = False


@dataclass(frozen=True)
class FailedPdf:
    article: Article
    reason: str


@dataclass
class PdfResult:
    written: list[WrittenPdf]
    failed: list[FailedPdf]
    seconds: float


def choose_articles(centre: HelpCentre, selectors: list[str], audience: str = "customers") -> list[Article]:
    """The articles named by path (`billing/change-requests`) or id, or every article of the
    audience's site; in path order. The customers' site has no internal article to print."""
    readable = centre.for_audience(audience)
    if not selectors:
        return sorted(readable.articles, key=lambda article: article.ref)
    try:
        chosen = centre.select(selectors)
    except UnknownArticle as error:
        raise PdfUsageError(str(error)) from None
    internal = [article.ref for article in chosen if readable.find(article.ref) is None]
    if internal:
        raise PdfUsageError(
            f"{', '.join(internal)}: internal (audience: agents), not on the customers' site;"
            " build and print the agents' site with --audience agents"
        )
    return chosen


def article_pages(site_dir: Path, articles: list[Article]) -> dict[str, str]:
    """Each article's page, relative to the site's root, as the built site's articles.json lists it.

    A site without that list (built by an older helpcentre) has its pages at `<article path>/`.
    """
    listed: dict[int, str] = {}
    try:
        index = json.loads((site_dir / JSON_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {}
    if not isinstance(index, dict):
        index = {}
    base = str(index.get("site", ""))
    base = base if base.endswith("/") else base + "/"
    for record in index.get("articles", []):
        url = str(record.get("url", ""))
        if url.startswith(base):
            listed[record.get("id")] = url[len(base) :]
    pages = {}
    for article in articles:
        page = listed.get(article.id, f"{article.ref}/")
        if not (site_dir / page / "index.html").is_file() and not (site_dir / page).is_file():
            raise PdfUsageError(f"{article.ref}: not in the built site {site_dir}; run helpcentre build first")
        pages[article.ref] = page
    return pages


def write_pdfs(
    articles: list[Article],
    site_dir: Path,
    output_dir: Path,
    on_done: Callable[[WrittenPdf | FailedPdf], None] | None = None,
    printed: PrintedPdfs | None = None,
) -> PdfResult:
    """Print each article's page of the built site to `<output_dir>/<article ref>.pdf`.

    With `printed`, a PDF printed before from the same page and files is used again, and every
    PDF printed is kept there for the next run.
    """
    if not (site_dir / "index.html").is_file():
        raise PdfUsageError(f"{site_dir}: no built site here; run helpcentre build first")
    pages = article_pages(site_dir, articles)
    started = time.monotonic()
    written: list[WrittenPdf] = []
    failed: list[FailedPdf] = []
    to_print: list[tuple[Article, str]] = []
    for article in articles:
        sources = sources_hash(site_dir, pages[article.ref]) if printed is not None else ""
        kept = printed.kept(article.ref, sources) if printed is not None else None
        if kept is None:
            to_print.append((article, sources))
            continue
        path = output_dir / f"{article.ref}.pdf"
        atomic.write_bytes(path, kept)
        _done(WrittenPdf(article, path, len(kept), reused=True), written, failed, on_done)
    if to_print:
        _print_all(to_print, site_dir, pages, output_dir, printed, (written, failed, on_done))
    return PdfResult(written, failed, time.monotonic() - started)


_Results = tuple[list[WrittenPdf], list[FailedPdf], Callable[[WrittenPdf | FailedPdf], None] | None]


def _print_all(
    to_print: list[tuple[Article, str]],
    site_dir: Path,
    pages: dict[str, str],
    output_dir: Path,
    printed: PrintedPdfs | None,
    results: _Results,
) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with SiteServer(site_dir) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            context = browser.new_context()
            for article, sources in to_print:
                page = context.new_page()
                try:
                    data = _print(page, server.url, pages[article.ref])
                except (PdfFailed, PlaywrightError) as error:
                    outcome: WrittenPdf | FailedPdf = FailedPdf(article, _first_line(error))
                else:
                    path = output_dir / f"{article.ref}.pdf"
                    atomic.write_bytes(path, data)
                    if printed is not None:
                        printed.keep(article.ref, sources, data)
                    outcome = WrittenPdf(article, path, len(data))
                finally:
                    page.close()
                _done(outcome, *results)
        finally:
            browser.close()


def _done(
    outcome: WrittenPdf | FailedPdf,
    written: list[WrittenPdf],
    failed: list[FailedPdf],
    on_done: Callable[[WrittenPdf | FailedPdf], None] | None,
) -> None:
    (written if isinstance(outcome, WrittenPdf) else failed).append(outcome)
    log.debug("%s: %s", outcome.article.ref, outcome)
    if on_done is not None:
        on_done(outcome)


def _print(page, site_url: str, path: str) -> bytes:
    response = page.goto(site_url + path, wait_until="load")
    if response is None or not response.ok:
        raise PdfFailed(f"{path} answered {response.status if response else 'nothing'}")
    page.emulate_media(media="print")
    page.evaluate(_LOAD_EVERY_IMAGE)
    page.wait_for_function(_EVERY_IMAGE_SETTLED, timeout=IMAGE_DEADLINE_MS)
    broken = [src.removeprefix(site_url) for src in page.evaluate(_BROKEN_IMAGES)]
    if broken:
        raise PdfFailed(f"{len(broken)} image(s) did not load: {', '.join(broken)}")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return page.pdf(
        format=PAPER_FORMAT,
        margin=PAGE_MARGINS,
        print_background=True,
        display_header_footer=True,
        header_template="<div></div>",
        footer_template=PAGE_FOOTER,
    )


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
