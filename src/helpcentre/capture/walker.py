"""Walk one article's steps in a page and photograph each step, deterministically."""

from __future__ import annotations

import contextlib
from urllib.parse import urljoin

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from helpcentre.articles import Article
from helpcentre.articles.page_labels import labels_to_find
from helpcentre.baselines.shot import StepShot
from helpcentre.capture.errors import FrameLost, NotResolved, StepFailed, StepProblem, first_line
from helpcentre.capture.find.locate import nearest_candidates, resolve
from helpcentre.capture.labels import check_labels
from helpcentre.capture.next_check import NextChecks
from helpcentre.capture.page.masks import failure_picture
from helpcentre.capture.page.reading import PageReadings
from helpcentre.capture.page.refusal import NavigationWatch
from helpcentre.capture.step import StepWalk
from helpcentre.capture.timings import StepClock
from helpcentre.capture.walk_settings import WalkSettings

__all__ = ["WalkSettings", "walk"]


async def walk(page: Page, article: Article, settings: WalkSettings) -> list[StepShot]:
    """Do every step of the article's walkthrough; return one shot per step, or raise StepFailed."""
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None, f"{article.ref} has no walkthrough"
    plans = article.plans
    if len(plans) != len(article.steps):
        # Lint reports why (HC110, HC113); capture and verify refuse such an article before walking.
        raise ValueError(f"{article.ref}: the walkthrough cannot be read; run helpcentre lint")
    masks = [*settings.masks, *walkthrough.mask]
    watch = NavigationWatch(page, settings.base_url)
    readings = PageReadings(page)
    shots: list[StepShot] = []
    number = 0
    try:
        with settings.timings.phase("start page") if settings.timings else contextlib.nullcontext():
            await page.goto(urljoin(settings.base_url, walkthrough.start.lstrip("/")))
        if watch.error:
            raise StepProblem(watch.error)
        next_checks = NextChecks(plans)
        for plan in plans:
            if settings.stop_after is not None and plan.number > settings.stop_after:
                break
            number = plan.number
            prose = article.steps[number - 1]
            clock = StepClock(settings.timings.step(article.ref, number) if settings.timings else None)
            # The page this step starts from is the one the last step ended on: read once for both.
            seen = await readings.words() if settings.check_labels else ""
            step_walk = StepWalk(page, plan, settings, masks, watch, readings, clock, next_checks)
            shot = await step_walk.run()
            if watch.left_target:  # sent elsewhere while the step was shot: the picture is not the target's
                raise StepProblem(watch.left_target)
            if settings.check_labels:
                clock.switch("post_shot")
                seen += "\n" + await readings.words()
                check_labels(shot, labels_to_find(prose.bold_labels, plan), seen, settings.labels_must_match)
            clock.stop()
            shots.append(shot)
            if settings.on_shot is not None:
                settings.on_shot(shot)
            if settings.on_step is not None:
                settings.on_step(number)
    except (StepProblem, NotResolved, FrameLost) as problem:
        if isinstance(problem, NotResolved):
            problem = StepProblem(
                problem.reason, override=problem.override, missing=problem.missing, meant=problem.meant
            )
        elif isinstance(problem, FrameLost):
            problem = StepProblem(str(problem))
            problem.run_error = True
        failure = await _failure(page, article, number, problem, settings)
        failure.shots_before = shots
        raise failure from None
    except PlaywrightError as error:
        failure = await _failure(page, article, number, StepProblem(first_line(error.message)), settings)
        failure.shots_before = shots
        raise failure from None
    return shots


async def _failure(
    page: Page, article: Article, number: int, problem: StepProblem, settings: WalkSettings
) -> StepFailed:
    candidates = await nearest_candidates(page, problem.locator) if problem.locator else ""
    if problem.override:
        candidates = (candidates + "; " if candidates else "") + problem.override
    walkthrough = article.meta.walkthrough
    unlike = problem.meant is None and "settle it with" not in problem.override
    if number <= 1 and problem.missing is not None and unlike and walkthrough is not None:
        # The first page has nothing like the first label: the article may name the wrong product
        # (`helpcentre new` writes the first target), which no spelling or override would settle.
        product = (
            f"is it the right product? the article walks target '{walkthrough.target}' from"
            f" {walkthrough.start}; if not, change walkthrough.target"
        )
        candidates = f"{candidates}; {product}" if candidates else product
    screenshot = await failure_picture(
        page, [resolve(page, spec) for spec in settings.masks], [resolve(page, spec) for spec in settings.unmask]
    )
    failure = StepFailed(article, max(number, 1), problem.reason, problem.locator, candidates, screenshot)
    failure.missing = problem.missing
    failure.meant = problem.meant
    failure.run_error = problem.run_error
    locator = problem.locator
    if (
        failure.missing is None
        and locator is not None
        and locator.role
        and locator.name
        and "not found" in problem.reason
    ):
        failure.missing = (locator.name, (locator.role,))
    if failure.missing is not None:
        try:
            failure.page_aria = await page.locator("body").aria_snapshot(timeout=5000)
        except PlaywrightError:
            failure.page_aria = ""
    return failure
