"""A capture run: walk the chosen articles in parallel and write the baselines of those that succeed."""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from playwright.async_api import Browser, BrowserContext, Page, async_playwright

from helpcentre import atomic, last_verified
from helpcentre.articles import Article, HelpCentre
from helpcentre.articles.step_overrides import article_overrides
from helpcentre.baselines import image_work
from helpcentre.baselines.manifest import ArticleBaselines
from helpcentre.baselines.shot import StepShot
from helpcentre.baselines.store import BaselineStore
from helpcentre.capture.errors import CaptureUsageError, StepFailed
from helpcentre.capture.run_result import (
    ArticleOutcome,
    CaptureOptions,
    CaptureResult,
    Progress,
    save_failure,
    select_articles,
)
from helpcentre.capture.target.session import new_page, open_browser
from helpcentre.capture.target.targets import SANDBOX_DATA_PREFIX, RunningTarget, TargetPool
from helpcentre.capture.timings import RunTimings
from helpcentre.capture.walk_settings import WalkSettings
from helpcentre.capture.walker import walk
from helpcentre.project import Project


def _quiet(event: str, article: Article, step: int, detail: str = "") -> None:
    return None


async def walk_articles(
    project: Project,
    articles: list[Article],
    options: CaptureOptions,
    progress: Progress = _quiet,
    *,
    check_labels: bool = False,
    labels_must_match: bool = False,
    after_walk: Callable[[ArticleOutcome], None] | None = None,
    on_shot: Callable[[Article, StepShot], None] | None = None,
    timings: RunTimings | None = None,
) -> CaptureResult:
    """Walk every article (in parallel, one browser context each); nothing is written here.

    `on_shot` sees each step's shot as soon as it is taken, and `after_walk` each outcome as
    soon as its walk ends, while other walks go on. `timings` gets the run's clocks.
    """
    timings = timings or RunTimings()
    started = time.monotonic()
    _cancel_on_sigterm()
    # What a killed run left: half-swapped baseline folders, and sandbox data in the temp folder.
    atomic.remove_leftovers(project.screenshots_dir)
    atomic.remove_dead_temporary_folders(SANDBOX_DATA_PREFIX)
    workers = max(1, min(options.workers or os.cpu_count() or 1, len(articles) or 1))
    pool = TargetPool(project.settings.targets, options.target_url, project.root)
    queue: asyncio.Queue[Article] = asyncio.Queue()
    for article in articles:
        queue.put_nowait(article)
    outcomes: dict[str, ArticleOutcome] = {}
    # Verify walks each step against its baseline's record: its frame, and where its checks read.
    recorded = BaselineStore(project.screenshots_dir).manifest().articles if check_labels else {}
    try:
        # The sandbox starts (and signs in) while Playwright's driver and the browser start.
        pool.start(article.meta.walkthrough.target for article in articles if article.meta.walkthrough)
        with timings.phase("driver"):
            playwright = await async_playwright().start()
        try:
            with timings.phase("browser"):
                browser = await open_browser(playwright, options.ws_endpoint)

            async def worker() -> None:
                running: dict[str, RunningTarget] = {}

                def open_next() -> asyncio.Future[_OpenArticle] | None:
                    if queue.empty():
                        return None
                    return asyncio.ensure_future(_open_article(browser, pool, running, queue.get_nowait(), timings))

                upcoming = open_next()
                try:
                    while upcoming is not None:
                        opened = await upcoming
                        # The next article's data and context are made ready while this one is walked.
                        upcoming = open_next()
                        outcome = await _walk_opened(
                            opened,
                            progress,
                            check_labels,
                            labels_must_match,
                            timings,
                            on_shot,
                            recorded.get(opened.article.ref),
                        )
                        outcomes[opened.article.ref] = outcome
                        if after_walk is not None:
                            after_walk(outcome)
                finally:
                    if upcoming is not None:
                        await _abandon(upcoming)

            await asyncio.gather(*(worker() for _ in range(workers)))
            timings.walks_ended_at = time.perf_counter()
            version = browser.version
            await browser.close()
        finally:
            await playwright.stop()
    finally:
        pool.close()
    ordered = [outcomes[article.ref] for article in articles]
    return CaptureResult(ordered, time.monotonic() - started, version, timings)


def _cancel_on_sigterm() -> None:
    """SIGTERM cancels the walks, so every context, browser and sandbox closes on the way out."""
    task = asyncio.current_task()
    if task is None:
        return
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)


async def _walk_and_prepare_images(
    project: Project,
    articles: list[Article],
    options: CaptureOptions,
    progress: Progress,
    timings: RunTimings | None = None,
) -> CaptureResult:
    """Walk, and optimise each step's images in other processes as soon as it is taken.

    Only the images of the last steps are left to do once the walks end. A failed walk's
    images are made for nothing and never written.
    """
    timings = timings or RunTimings()
    store = BaselineStore(project.screenshots_dir)
    manifest = store.manifest()
    loop = asyncio.get_running_loop()
    jobs: dict[tuple[str, int], asyncio.Future] = {}
    # oxipng holds the GIL, so image work gets processes of its own; spawned, not forked,
    # because forking a process that runs Playwright's threads can deadlock. One core fewer
    # than the machine has: the browser needs the rest to keep walking.
    spawn = multiprocessing.get_context("spawn")
    image_workers = max(1, (os.cpu_count() or 1) - 1)
    with ProcessPoolExecutor(image_workers, spawn, initializer=image_work.end_with_parent) as images_pool:
        # The worker process starts and imports the image code while the browser starts.
        warm_up = loop.run_in_executor(images_pool, image_work.ready)

        def prepare(article: Article, shot: StepShot) -> None:
            previous = store.previous_images(article.ref, shot, manifest)
            jobs[(article.ref, shot.number)] = loop.run_in_executor(
                images_pool, image_work.prepare_images, shot.png, shot.number, shot.highlight, *previous
            )

        try:
            # Capture writes baselines, so it refuses a walk whose bold labels are not on the page.
            result = await walk_articles(
                project,
                articles,
                options,
                progress,
                check_labels=True,
                labels_must_match=True,
                on_shot=prepare,
                timings=timings,
            )
            await warm_up
            for outcome in result.outcomes:
                if outcome.ok:
                    for shot in outcome.shots or []:
                        outcome.images.append(await jobs[(outcome.article.ref, shot.number)])
            timings.images_done_at = time.perf_counter()
        finally:
            for job in jobs.values():
                job.cancel()
    return result


@dataclass
class _OpenArticle:
    """An article about to be walked: its target, its data-set headers and its fresh context."""

    article: Article
    target: RunningTarget
    headers: dict[str, str]
    context: BrowserContext
    page: Page
    # How long opening it took (it may have been opened while another article was walked).
    opening_seconds: float

    async def close(self) -> None:
        await self.context.close()
        if self.headers:
            await asyncio.to_thread(self.target.release, self.headers)


async def _open_article(
    browser: Browser, pool: TargetPool, running: dict, article: Article, timings: RunTimings
) -> _OpenArticle:
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None
    began = time.monotonic()
    with timings.phase("sandbox"):
        target = await pool.for_worker(walkthrough.target, running)
    with timings.phase("sign-in"):
        state = await target.session(browser)
    with timings.phase("data"):
        # The article's own copy of the seed data, named in a header of every request it makes.
        headers = await target.fresh_data()
    with timings.phase("context"):
        context, page = await new_page(browser, target.settings, state, headers)
    return _OpenArticle(article, target, headers, context, page, time.monotonic() - began)


async def _abandon(upcoming: asyncio.Future[_OpenArticle]) -> None:
    """Close an article opened for a walk that will not come (the run is stopping)."""
    upcoming.cancel()
    try:
        opened = await upcoming
    except BaseException:  # noqa: BLE001 - cancelled, or failed: either way nothing is left open
        return
    await opened.close()


async def _walk_opened(
    opened: _OpenArticle,
    progress: Progress,
    check_labels: bool,
    labels_must_match: bool,
    timings: RunTimings,
    on_shot: Callable[[Article, StepShot], None] | None = None,
    baseline_entry: ArticleBaselines | None = None,
) -> ArticleOutcome:
    article, target = opened.article, opened.target
    began = time.monotonic()
    progress("start", article, 0)
    settings = WalkSettings(
        base_url=target.base_url,
        masks=list(target.settings.masks),
        unmask=list(target.settings.unmask),
        on_step=lambda number: progress("step", article, number),
        check_labels=check_labels,
        labels_must_match=labels_must_match,
        on_shot=(lambda shot: on_shot(article, shot)) if on_shot is not None else None,
        timings=timings,
        baseline=baseline_entry.by_number() if baseline_entry is not None else {},
    )
    try:
        # A live target's data is put back first; its articles wait for a place (`parallel`).
        async with target.turn(article, opened.page):
            shots = await walk(opened.page, article, settings)
        outcome = ArticleOutcome(article, shots=shots)
    except StepFailed as failure:
        outcome = ArticleOutcome(article, failure=failure)
    finally:
        await opened.close()
    outcome.seconds = opened.opening_seconds + time.monotonic() - began
    if outcome.failure is not None:
        progress("failed", article, outcome.failure.number, str(outcome.failure))
    else:
        progress("done", article, len(outcome.shots or []))
    return outcome


def capture(
    project: Project,
    centre: HelpCentre,
    options: CaptureOptions,
    progress: Progress = _quiet,
    timings: RunTimings | None = None,
) -> CaptureResult:
    """Walk, then rewrite the baselines of each article whose whole walk succeeded, and only those.

    `timings` gets the run's clocks; give one whose start is the process's to count the imports.
    """
    articles = select_articles(centre, options.selectors, options.shard)
    if not articles:
        raise CaptureUsageError("no article has a walkthrough to capture")
    result = asyncio.run(_walk_and_prepare_images(project, articles, options, progress, timings))
    store = BaselineStore(project.screenshots_dir)
    manifest = store.manifest()
    browser = f"Chromium {result.browser_version}"
    verified: dict[str, dict] = {}
    for outcome in result.outcomes:
        if outcome.ok:
            assert outcome.shots is not None
            entry = store.write_steps(
                outcome.article.ref,
                outcome.article.id,
                outcome.shots,
                outcome.images,
                browser=browser,
                overrides=article_overrides(outcome.article),
            )
            manifest.articles[outcome.article.ref] = entry
            outcome.bytes_per_step = [step.bytes["raw"] + step.bytes["published"] for step in entry.steps]
            # Shots just taken match the product by construction.
            target = _target_url_for(project, outcome.article, options)
            verified[outcome.article.ref] = last_verified.result(last_verified.now(), target, browser, "capture")
        else:
            outcome.failure_screenshot = save_failure(options.report_dir, outcome.failure)
    if verified:
        store.write_manifest(manifest)
        last_verified.record_results(project.verification_record, verified)
    return result


def _target_url_for(project: Project, article: Article, options: CaptureOptions) -> str:
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None
    settings = project.settings.targets[walkthrough.target]
    if options.target_url:
        return options.target_url
    return "sandbox" if settings.sandbox else (settings.url or "")


__all__ = ["capture", "walk_articles"]
