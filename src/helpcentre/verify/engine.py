"""A verify run: walk, judge every step against its baseline, write the report. Baselines never change."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from helpcentre.articles import Article, HelpCentre
from helpcentre.articles.steps import plain_text
from helpcentre.baselines.manifest import Manifest
from helpcentre.baselines.paths import step_files, step_stem
from helpcentre.baselines.png_files import png_dimensions, unreadable_raw_baselines
from helpcentre.baselines.shot import frame_name
from helpcentre.baselines.store import BaselineStore
from helpcentre.capture import (
    ArticleOutcome,
    BaselinesUnreadable,
    CaptureOptions,
    CaptureResult,
    Progress,
    select_articles,
    walk_articles,
)
from helpcentre.project import Project
from helpcentre.sharding import Shard, articles_of_shard
from helpcentre.verify.browsers import browsers_note
from helpcentre.verify.judge import Tolerance, judge
from helpcentre.verify.offers import flow_offer, text_offer, with_offer
from helpcentre.verify.results import (
    ArticleRecord,
    ShotDetails,
    Status,
    StepRecord,
    VerifyResults,
    record_verification,
    write_report,
)

# Told of each step as it is judged, with its article's record so far.
StepJudged = Callable[[ArticleRecord, StepRecord], None]


@dataclass
class VerifyOptions:
    selectors: list[str] = field(default_factory=list)
    target_url: str | None = None
    workers: int = 0
    ws_endpoint: str | None = None
    report_dir: Path = Path("reports/verify")
    # This machine's share of the articles (verify/shards.py); None walks them all.
    shard: Shard | None = None


def verify(
    project: Project,
    centre: HelpCentre,
    options: VerifyOptions,
    progress: Progress,
    on_step: StepJudged | None = None,
) -> VerifyResults:
    """Walk the chosen articles and judge each step (`on_step` sees each as it is judged); write
    the report; return the results."""
    planned = select_articles(centre, options.selectors, None)
    # Sharded: walk this shard's share only; results name the whole run's target and plan.
    articles = articles_of_shard(planned, options.shard) if options.shard else planned
    # Before any walk: a baseline that is no picture (an LFS pointer, a cut-short copy) stops the run.
    unreadable = unreadable_raw_baselines(project.screenshots_dir, articles)
    if unreadable:
        raise BaselinesUnreadable(unreadable)
    started = datetime.now(UTC).replace(microsecond=0)
    walk_options = CaptureOptions(
        selectors=options.selectors,
        target_url=options.target_url,
        workers=options.workers,
        ws_endpoint=options.ws_endpoint,
    )
    if articles or not options.shard:
        walked = asyncio.run(walk_articles(project, articles, walk_options, progress, check_labels=True))
    else:  # A shard with no article: nothing to walk, an empty report.
        walked = CaptureResult([], 0.0, "")
    store = BaselineStore(project.screenshots_dir)
    manifest = store.manifest()

    def judged(report: Path) -> VerifyResults:
        results = VerifyResults(
            started_at=started,
            seconds=round(walked.seconds, 2),
            target=_target(project, options, planned),
            browser=f"Chromium {walked.browser_version}" if walked.browser_version else "",
        )
        for outcome in walked.outcomes:
            results.articles.append(_judge_article(project, store, manifest, outcome, report, on_step))
        results.browsers = browsers_note(results, manifest)
        if options.shard:
            from helpcentre.verify.shards import shard_part

            results.shard = shard_part(project, planned, options.shard)
        return results

    results = write_report(options.report_dir, judged)
    if not options.shard:  # `report merge` records the shards' verification, once.
        record_verification(project.verification_record, results)
    return results


def _judge_article(
    project: Project,
    store: BaselineStore,
    manifest: Manifest,
    outcome: ArticleOutcome,
    report: Path,
    on_step: StepJudged | None,
) -> ArticleRecord:
    article = outcome.article
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None
    entry = manifest.entry(article.ref)
    baseline_steps = entry.by_number() if entry is not None else {}
    shots = outcome.shots if outcome.failure is None else outcome.failure.shots_before
    shot_by_number = {shot.number: shot for shot in shots or []}
    failed_at = outcome.failure.number if outcome.failure else None
    folder = report / article.ref
    folder.mkdir(parents=True, exist_ok=True)

    labels_by_step = {prose.number: [plain_text(label) for label in prose.bold_labels] for prose in article.steps}
    record = ArticleRecord(article.ref, article.id, article.title, article.display_path, walkthrough.target)
    for prose in article.steps:
        number = prose.number
        step = StepRecord(number, prose.text, Status.OK)
        files = step_files(article.ref, number)
        baseline_path = store.path(files.raw)
        stem = step_stem(number)
        if baseline_path.exists():
            shutil.copyfile(baseline_path, folder / f"{stem}.expected.png")
            step.files["expected"] = f"{article.ref}/{stem}.expected.png"
        shot = shot_by_number.get(number)
        if failed_at is not None and number == failed_at:
            failure = outcome.failure
            assert failure is not None
            message = failure.what()
            if failure.run_error:
                step.status, step.message = Status.ERROR, message
            else:
                frames = {n: baseline.frame for n, baseline in baseline_steps.items()}
                step.status = Status.FLOW
                offer = flow_offer(project, store, article, number, failure, frames)
                with_offer(step, message, offer, failure.candidates)
            if failure.screenshot:
                (folder / f"{stem}.failed.png").write_bytes(failure.screenshot)
                step.files["failure"] = f"{article.ref}/{stem}.failed.png"
        elif shot is None:
            step.status, step.message = Status.NOT_REACHED, f"step {failed_at} could not be done"
        else:
            (folder / f"{stem}.actual.png").write_bytes(shot.png)
            (folder / f"{stem}.actual.aria.yml").write_text(shot.aria.rstrip("\n") + "\n", encoding="utf-8")
            step.files["actual"] = f"{article.ref}/{stem}.actual.png"
            width, height = png_dimensions(shot.png)
            step.capture = ShotDetails(
                url=shot.url,
                highlight=shot.highlight.as_dict() if shot.highlight else None,
                masks=[box.as_dict() for box in shot.masks],
                frame=frame_name(shot.frame) if shot.frame else "the viewport",
                width=width,
                height=height,
                places=shot.places,
            )
            if not baseline_path.exists():
                step.status, step.message = Status.NEW, "no baseline yet; accept it with verify --update"
            else:
                aria_path = store.path(files.aria)
                baseline_aria = aria_path.read_text(encoding="utf-8") if aria_path.exists() else None
                tolerance = Tolerance.for_step(project.settings.verify, walkthrough, walkthrough.spec_for(number))
                baseline = baseline_steps.get(number)
                masks = baseline.masks if baseline is not None else []
                verdict, diff_png = judge(
                    shot, baseline_path.read_bytes(), baseline_aria, masks, tolerance, labels_by_step
                )
                step.status, step.message = verdict.status, verdict.message
                step.pixels, step.text_labels, step.aria = verdict.pixels, verdict.text_labels, verdict.aria
                if step.text_labels is not None:
                    step.text_labels.expected = prose.bold_labels
                    frame = baseline.frame if baseline is not None else ""
                    with_offer(step, step.message, text_offer(project, article, shot, baseline_aria, frame))
                if diff_png is not None:
                    (folder / f"{stem}.diff.png").write_bytes(diff_png)
                    step.files["diff"] = f"{article.ref}/{stem}.diff.png"
        record.steps.append(step)
        if on_step is not None:
            on_step(record, step)
    return record


def _target(project: Project, options: VerifyOptions, articles: list[Article]) -> str:
    """What the run verifies against: the URL given, else each target's URL, or "sandbox"."""
    targets = sorted({article.meta.walkthrough.target for article in articles if article.meta.walkthrough})
    return options.target_url or ", ".join(
        "sandbox" if project.settings.targets[name].sandbox else (project.settings.targets[name].url or name)
        for name in targets
    )
