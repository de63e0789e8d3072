"""What `inspect` reads: a page of the target, or where an article is after its step N."""

from __future__ import annotations

from playwright.async_api import async_playwright

from helpcentre.articles import Article
from helpcentre.capture import CaptureOptions, CaptureUsageError, TargetPool, WalkSettings, new_page, open_browser, walk
from helpcentre.project import Project


async def page_snapshot(
    project: Project,
    article: Article | None,
    path: str,
    through_step: int | None,
    options: CaptureOptions,
    target_name: str | None = None,
) -> tuple[str, str]:
    """`(url, ARIA snapshot)` of a page of the target: PATH, or where ARTICLE is after step N.

    The target is the one named, else the article's, else the first in mkdocs.yml.
    """
    if target_name is None and article is not None and article.meta.walkthrough is not None:
        target_name = article.meta.walkthrough.target
    target_name = target_name or next(iter(project.settings.targets), None)
    if target_name is None:
        raise CaptureUsageError("mkdocs.yml names no walkthrough target")
    pool = TargetPool(project.settings.targets, options.target_url, project.root)
    try:
        async with async_playwright() as playwright:
            browser = await open_browser(playwright, options.ws_endpoint)
            target = await pool.for_worker(target_name, {})
            await target.reset(article.ref if article is not None else "")
            context, page = await new_page(browser, target.settings, await target.session(browser))
            try:
                if article is not None:
                    settings = WalkSettings(
                        base_url=target.base_url,
                        masks=list(target.settings.masks),
                        unmask=list(target.settings.unmask),
                        stop_after=through_step,
                    )
                    await walk(page, article, settings)
                else:
                    url = target.base_url + path.lstrip("/")
                    response = await page.goto(url)
                    if response is not None and response.status >= 400:
                        # An empty list would look like a page with nothing named: say what went wrong.
                        raise CaptureUsageError(
                            f"{url} answered HTTP {response.status}; a PATH is read under the target's"
                            f" address {target.base_url}: give the part of the page's address after it"
                        )
                await page.wait_for_load_state("load")
                snapshot = await page.locator("body").aria_snapshot()
                return page.url, snapshot
            finally:
                await context.close()
                await browser.close()
                if article is not None:  # The walk changed the data: put it back.
                    await target.reset(article.ref)
    finally:
        pool.close()
