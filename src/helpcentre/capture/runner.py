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
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright

from helpcentre import atomic, verification
from helpcentre.articles import Article, HelpCentre, UnknownArticle
from helpcentre.browser import launch_options
from helpcentre.capture.baselines import BaselineStore, prepare_images
from helpcentre.capture.layout import step_stem
from helpcentre.capture.session import TargetError, new_page, open_browser
from helpcentre.capture.targets import SANDBOX_DATA_PREFIX, RunningTarget, TargetPool
from helpcentre.capture.walker import StepFailed, StepShot, WalkSettings, walk
from helpcentre.project import Project


class CaptureUsageError(Exception):
    """The request itself is wrong (unknown article, bad shard): exit code 2."""


@dataclass
class ArticleOutcome:
    article: Article
    shots: list[StepShot] | None = None
    images: list[tuple[bytes, bytes]] = field(default_factory=list)
    failure: StepFailed | None = None
    failure_screenshot: Path | None = None
    seconds: float = 0.0
    bytes_per_step: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failure is None and self.shots is not None


@dataclass
class CaptureOptions:
    selectors: list[str] = field(default_factory=list)
    target_url: str | None = None
    workers: int = 0
    shard: tuple[int, int] | None = None
    ws_endpoint: str | None = None
    report_dir: Path = Path("reports/capture")


@dataclass
class CaptureResult:
    outcomes: list[ArticleOutcome]
    seconds: float
    browser_version: str

    @property
    def failed(self) -> list[ArticleOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    @property
    def steps(self) -> int:
        return sum(len(outcome.shots or []) for outcome in self.outcomes)


def parse_shard(text: str) -> tuple[int, int]:
    try:
        index, total = (int(part) for part in text.split("/"))
    except ValueError:
        raise CaptureUsageError(f"--shard takes I/N, such as 1/3, not '{text}'") from None
    if not 1 <= index <= total:
        raise CaptureUsageError(f"--shard {text}: I must be between 1 and N")
    return index, total


def select_articles(centre: HelpCentre, selectors: list[str], shard: tuple[int, int] | None) -> list[Article]:
    """The articles named (by path or id), or every article with a walkthrough; then this shard's share."""
    if selectors:
        try:
            chosen = centre.select(selectors)
        except UnknownArticle as error:
            raise CaptureUsageError(str(error)) from None
        for article in chosen:
            if article.meta.walkthrough is None:
                raise CaptureUsageError(f"{article.display_path}: walkthrough: the article has no walkthrough")
    else:
        chosen = sorted(
            (article for article in centre.articles if article.meta.walkthrough is not None),
            key=lambda article: article.ref,
        )
    if shard is not None:
        index, total = shard
        chosen = [article for position, article in enumerate(chosen) if position % total == index - 1]
    return chosen


Progress = Callable[[str, Article, int], None]


def _quiet(event: str, article: Article, step: int) -> None:
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
) -> CaptureResult:
    """Walk every article (in parallel, one browser context each); nothing is written here.

    `after_walk` sees each outcome as soon as its walk ends, while other walks go on.
    """
    started = time.monotonic()
    _cancel_on_sigterm()
    # What a killed run left: half-swapped baseline folders, and sandbox data in the temp folder.
    atomic.remove_leftovers(project.screenshots_dir)
    atomic.remove_dead_temporary_folders(SANDBOX_DATA_PREFIX)
    workers = max(1, min(options.workers or os.cpu_count() or 1, len(articles) or 1))
    pool = TargetPool(project.settings.targets, options.target_url)
    queue: asyncio.Queue[Article] = asyncio.Queue()
    for article in articles:
        queue.put_nowait(article)
    outcomes: dict[str, ArticleOutcome] = {}
    try:
        async with async_playwright() as playwright:
            browser = await open_browser(playwright, options.ws_endpoint)

            async def worker() -> None:
                running: dict[str, RunningTarget] = {}
                while not queue.empty():
                    article = queue.get_nowait()
                    outcome = await _walk_one(
                        browser, pool, running, article, progress, check_labels, labels_must_match
                    )
                    outcomes[article.ref] = outcome
                    if after_walk is not None:
                        after_walk(outcome)

            await asyncio.gather(*(worker() for _ in range(workers)))
            version = browser.version
            await browser.close()
    finally:
        pool.close()
    ordered = [outcomes[article.ref] for article in articles]
    return CaptureResult(ordered, time.monotonic() - started, version)


def _cancel_on_sigterm() -> None:
    """SIGTERM cancels the walks, so every context, browser and sandbox closes on the way out."""
    task = asyncio.current_task()
    if task is None:
        return
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)


async def _walk_and_prepare_images(
    project: Project, articles: list[Article], options: CaptureOptions, progress: Progress
) -> CaptureResult:
    """Walk, and optimise each finished article's images in other processes while the rest walk."""
    store = BaselineStore(project.screenshots_dir)
    loop = asyncio.get_running_loop()
    pending: list[tuple[ArticleOutcome, asyncio.Future]] = []
    # oxipng holds the GIL, so image work gets processes of its own; spawned, not forked,
    # because forking a process that runs Playwright's threads can deadlock. One core fewer
    # than the machine has: the browser needs the rest to keep walking.
    spawn = multiprocessing.get_context("spawn")
    image_workers = max(1, (os.cpu_count() or 1) - 1)
    with ProcessPoolExecutor(max_workers=image_workers, mp_context=spawn) as images_pool:

        def prepare(outcome: ArticleOutcome) -> None:
            for shot in outcome.shots or []:
                previous = store.previous_images(outcome.article.ref, shot)
                job = loop.run_in_executor(
                    images_pool, prepare_images, shot.png, shot.number, shot.highlight, *previous
                )
                pending.append((outcome, job))

        # Capture writes baselines, so it refuses a walk whose bold labels are not on the page.
        result = await walk_articles(
            project, articles, options, progress, check_labels=True, labels_must_match=True, after_walk=prepare
        )
        for outcome, job in pending:
            outcome.images.append(await job)
    return result


async def _walk_one(
    browser,
    pool: TargetPool,
    running: dict,
    article: Article,
    progress: Progress,
    check_labels: bool,
    labels_must_match: bool,
) -> ArticleOutcome:
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None
    progress("start", article, 0)
    began = time.monotonic()
    target = await pool.for_worker(walkthrough.target, running)
    await target.reset()
    state = await target.session(browser)
    context, page = await new_page(browser, target.settings, state)
    settings = WalkSettings(
        base_url=target.base_url,
        masks=list(target.settings.masks),
        on_step=lambda number: progress("step", article, number),
        check_labels=check_labels,
        labels_must_match=labels_must_match,
    )
    try:
        shots = await walk(page, article, settings)
        outcome = ArticleOutcome(article, shots=shots)
    except StepFailed as failure:
        outcome = ArticleOutcome(article, failure=failure)
    finally:
        await context.close()
    outcome.seconds = time.monotonic() - began
    progress("done" if outcome.ok else "failed", article, len(outcome.shots or []))
    return outcome


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
    pool = TargetPool(project.settings.targets, options.target_url)
    try:
        async with async_playwright() as playwright:
            browser = await open_browser(playwright, options.ws_endpoint)
            target = await pool.for_worker(target_name, {})
            await target.reset()
            context, page = await new_page(browser, target.settings, await target.session(browser))
            try:
                if article is not None:
                    settings = WalkSettings(
                        base_url=target.base_url, masks=list(target.settings.masks), stop_after=through_step
                    )
                    await walk(page, article, settings)
                else:
                    await page.goto(target.base_url + path.lstrip("/"))
                await page.wait_for_load_state("load")
                snapshot = await page.locator("body").aria_snapshot()
                return page.url, snapshot
            finally:
                await context.close()
                await browser.close()
    finally:
        pool.close()


async def record_in_browser(project: Project, target_name: str, start: str, *, headless: bool = False) -> list:
    """Open the target, signed in, in a browser window, and record until it is closed or Enter is pressed."""
    import sys
    import threading

    from helpcentre.capture.recorder import Recorder, page_fingerprint

    pool = TargetPool(project.settings.targets, None)
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**launch_options(headless=headless))
            target = await pool.for_worker(target_name, {})
            await target.reset()
            context = await browser.new_context(
                viewport={"width": target.settings.viewport.width, "height": target.settings.viewport.height},
                storage_state=await target.session(browser),
            )
            recorder = Recorder(on_sandbox=target.resettable)
            await recorder.attach(context)
            page = await context.new_page()
            await page.goto(target.base_url + start.lstrip("/"))
            loop = asyncio.get_running_loop()
            done = loop.create_future()

            def finish(*_args) -> None:
                loop.call_soon_threadsafe(lambda: done.done() or done.set_result(None))

            page.on("close", finish)
            browser.on("disconnected", finish)
            # A thread of its own: a pending read must not keep the program from ending.
            threading.Thread(target=lambda: (sys.stdin.readline(), finish()), daemon=True).start()
            await done
            fingerprint = await page_fingerprint(page)
            with contextlib.suppress(Exception):
                await browser.close()
            return recorder.steps(fingerprint)
    finally:
        pool.close()


def capture(
    project: Project,
    centre: HelpCentre,
    options: CaptureOptions,
    progress: Progress = _quiet,
) -> CaptureResult:
    """Walk, then rewrite the baselines of each article whose whole walk succeeded, and only those."""
    articles = select_articles(centre, options.selectors, options.shard)
    if not articles:
        raise CaptureUsageError("no article has a walkthrough to capture")
    result = asyncio.run(_walk_and_prepare_images(project, articles, options, progress))
    store = BaselineStore(project.screenshots_dir)
    manifest = store.read_manifest()
    browser = f"Chromium {result.browser_version}"
    verified: dict[str, dict] = {}
    for outcome in result.outcomes:
        if outcome.ok:
            assert outcome.shots is not None
            entry = store.write_steps(
                outcome.article.ref, outcome.article.id, outcome.shots, outcome.images, browser=browser
            )
            manifest["articles"][outcome.article.ref] = entry
            outcome.bytes_per_step = [step["bytes"]["raw"] + step["bytes"]["published"] for step in entry["steps"]]
            # Shots just taken match the product by construction.
            verified[outcome.article.ref] = {
                "at": verification.now(),
                "status": "ok",
                "target": _target_url_for(project, outcome.article, options),
                "browser": browser,
                "by": "capture",
                "drifted_steps": [],
            }
        else:
            outcome.failure_screenshot = save_failure(options.report_dir, outcome.failure)
    if verified:
        store.write_manifest(manifest)
        verification.record_results(project.verification_record, verified)
    return result


def _target_url_for(project: Project, article: Article, options: CaptureOptions) -> str:
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None
    settings = project.settings.targets[walkthrough.target]
    if options.target_url:
        return options.target_url
    return "sandbox" if settings.sandbox else (settings.url or "")


def save_failure(report_dir: Path, failure: StepFailed | None) -> Path | None:
    """The page as it was when the step failed, next to the report."""
    if failure is None or failure.screenshot is None:
        return None
    path = report_dir / failure.article.ref / f"{step_stem(failure.number)}.failed.png"
    atomic.write_bytes(path, failure.screenshot)
    return path


__all__ = ["CaptureOptions", "CaptureResult", "CaptureUsageError", "TargetError", "capture", "parse_shard"]
