"""A verify run: walk, judge every step against its baseline, write the report. Baselines never change."""

from __future__ import annotations

import asyncio
import json
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from helpcentre import atomic, verification
from helpcentre.articles import Article, HelpCentre
from helpcentre.articles.steps import plain_text
from helpcentre.capture.baseline_files import check_raw_baselines
from helpcentre.capture.baselines import BaselineStore
from helpcentre.capture.frame_lookup import frame_name
from helpcentre.capture.layout import png_dimensions, step_files, step_stem
from helpcentre.capture.runner import (
    ArticleOutcome,
    CaptureOptions,
    CaptureResult,
    Progress,
    select_articles,
    walk_articles,
)
from helpcentre.project import Project
from helpcentre.sharding import Shard, articles_of_shard
from helpcentre.verify.browsers import browsers_note
from helpcentre.verify.judge import DRIFT, STATUS_ORDER, Tolerance, boxes_from, judge
from helpcentre.verify.offers import flow_offer, text_offer, with_offer

RESULTS_FILE = "results.json"
RESULTS_VERSION = 1


@dataclass
class VerifyOptions:
    selectors: list[str] = field(default_factory=list)
    target_url: str | None = None
    workers: int = 0
    ws_endpoint: str | None = None
    report_dir: Path = Path("reports/verify")
    # This machine's share of the articles (verify/shards.py); None walks them all.
    shard: Shard | None = None


def verify(project: Project, centre: HelpCentre, options: VerifyOptions, progress: Progress) -> dict[str, Any]:
    """Walk the chosen articles and judge each step; write the report; return the results."""
    planned = select_articles(centre, options.selectors, None)
    # Sharded: walk this shard's share only; results name the whole run's target and plan.
    articles = articles_of_shard(planned, options.shard) if options.shard else planned
    # Before any walk: a baseline that is no picture (an LFS pointer, a cut-short copy) stops the run.
    check_raw_baselines(project.screenshots_dir, articles)
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
    manifest = store.read_manifest()

    atomic.remove_leftovers(options.report_dir.resolve().parent, recursive=False)
    staged = atomic.staging_directory(options.report_dir)
    try:
        records = [_judge_article(project, store, manifest, outcome, staged) for outcome in walked.outcomes]
        results = _results(records, started, walked.seconds, options, walked.browser_version, project, planned)
        results["browsers"] = browsers_note(results, manifest)
        if options.shard:
            from helpcentre.verify.shards import shard_part

            results["shard"] = shard_part(project, planned, options.shard)
        atomic.write_text(staged / RESULTS_FILE, json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        from helpcentre.report import write_html_report, write_junit

        write_html_report(results, staged)
        write_junit(results, staged / "junit.xml")
        atomic.replace_directory(options.report_dir, staged)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    if not options.shard:  # `report merge` records the shards' verification, once.
        _record_last_verify(project, results)
    return results


def _judge_article(
    project: Project, store: BaselineStore, manifest: dict[str, Any], outcome: ArticleOutcome, report: Path
) -> dict[str, Any]:
    article = outcome.article
    walkthrough = article.meta.walkthrough
    assert walkthrough is not None
    entry = manifest["articles"].get(article.ref, {})
    baseline_steps = {step["step"]: step for step in entry.get("steps", [])}
    shots = outcome.shots if outcome.failure is None else outcome.failure.shots_before
    shot_by_number = {shot.number: shot for shot in shots or []}
    failed_at = outcome.failure.number if outcome.failure else None
    folder = report / article.ref
    folder.mkdir(parents=True, exist_ok=True)

    labels_by_step = {prose.number: [plain_text(label) for label in prose.bold_labels] for prose in article.steps}
    steps = []
    for prose in article.steps:
        number = prose.number
        step = walkthrough.spec_for(number)
        record: dict[str, Any] = {
            "step": number,
            "text": prose.text,
            "status": "ok",
            "message": "",
            "pixels": None,
            "text_labels": None,
            "aria": None,
            "files": {},
        }
        files = step_files(article.ref, number)
        baseline_path = store.path(files.raw)
        stem = step_stem(number)
        if baseline_path.exists():
            shutil.copyfile(baseline_path, folder / f"{stem}.expected.png")
            record["files"]["expected"] = f"{article.ref}/{stem}.expected.png"
        shot = shot_by_number.get(number)
        if failed_at is not None and number == failed_at:
            failure = outcome.failure
            assert failure is not None
            message = failure.reason
            if failure.locator is not None:
                message += f": {failure.locator.describe()}"
            if failure.candidates:
                message += f"; {failure.candidates}"
            if failure.run_error:
                record.update(status="error", message=message)
            else:
                frames = {n: entry.get("frame", "") for n, entry in baseline_steps.items()}
                record.update(status="flow")
                offer = flow_offer(project, store, article, number, failure, frames)
                record.update(with_offer(message, offer, failure.candidates))
            if failure.screenshot:
                (folder / f"{stem}.failed.png").write_bytes(failure.screenshot)
                record["files"]["failure"] = f"{article.ref}/{stem}.failed.png"
        elif shot is None:
            record.update(status="not_reached", message=f"step {failed_at} could not be done")
        else:
            (folder / f"{stem}.actual.png").write_bytes(shot.png)
            (folder / f"{stem}.actual.aria.yml").write_text(shot.aria.rstrip("\n") + "\n", encoding="utf-8")
            record["files"]["actual"] = f"{article.ref}/{stem}.actual.png"
            record["capture"] = {
                "url": shot.url,
                "highlight": shot.highlight.as_dict() if shot.highlight else None,
                "masks": [box.as_dict() for box in shot.masks],
                "frame": frame_name(shot.frame) if shot.frame else "the viewport",
                "width": png_dimensions(shot.png)[0],
                "height": png_dimensions(shot.png)[1],
                "places": shot.places,
            }
            if not baseline_path.exists():
                record.update(status="new", message="no baseline yet; accept it with verify --update")
            else:
                aria_path = store.path(files.aria)
                baseline_aria = aria_path.read_text(encoding="utf-8") if aria_path.exists() else None
                tolerance = Tolerance.for_step(project.settings.verify, walkthrough, step)
                masks = boxes_from(baseline_steps.get(number, {}).get("masks"))
                verdict, diff_png = judge(
                    shot, baseline_path.read_bytes(), baseline_aria, masks, tolerance, labels_by_step
                )
                if verdict["text_labels"] is not None:
                    verdict["text_labels"]["expected"] = prose.bold_labels
                    frame = baseline_steps.get(number, {}).get("frame", "")
                    verdict.update(
                        with_offer(verdict["message"], text_offer(project, article, shot, baseline_aria, frame))
                    )
                record.update(verdict)
                if diff_png is not None:
                    (folder / f"{stem}.diff.png").write_bytes(diff_png)
                    record["files"]["diff"] = f"{article.ref}/{stem}.diff.png"
        steps.append(record)

    statuses = [step["status"] for step in steps]
    worst = min(statuses, key=STATUS_ORDER.index) if statuses else "ok"
    return {
        "ref": article.ref,
        "id": article.id,
        "title": article.title,
        "path": article.display_path,
        "target": walkthrough.target,
        "status": worst,
        "drifted_steps": sum(1 for status in statuses if status in DRIFT),
        "steps": steps,
    }


def _results(
    records: list[dict[str, Any]],
    started: datetime,
    seconds: float,
    options: VerifyOptions,
    browser_version: str,
    project: Project,
    articles: list[Article],
) -> dict[str, Any]:
    statuses = [step["status"] for record in records for step in record["steps"]]
    targets = sorted({article.meta.walkthrough.target for article in articles if article.meta.walkthrough})
    target = options.target_url or ", ".join(
        "sandbox" if project.settings.targets[name].sandbox else (project.settings.targets[name].url or name)
        for name in targets
    )
    return {
        "version": RESULTS_VERSION,
        "started_at": started.isoformat(),
        "seconds": round(seconds, 2),
        "target": target,
        "browser": f"Chromium {browser_version}" if browser_version else "",
        "summary": {
            "articles": len(records),
            "steps": len(statuses),
            "ok": statuses.count("ok"),
            "drift": sum(1 for status in statuses if status in DRIFT),
            "new": statuses.count("new"),
            "not_reached": statuses.count("not_reached"),
            "error": statuses.count("error"),
            **{status: statuses.count(status) for status in sorted(DRIFT)},
        },
        "articles": records,
    }


def _record_last_verify(project: Project, results: dict[str, Any]) -> None:
    """The site says when each article's screenshots were last verified, and how it went."""
    verification.record_results(
        project.verification_record,
        {
            record["ref"]: {
                "at": results["started_at"],
                "status": "drift" if record["drifted_steps"] or record["status"] in ("new", "not_reached") else "ok",
                "target": results["target"],
                "browser": results["browser"],
                "by": "verify",
                "drifted_steps": [step["step"] for step in record["steps"] if step["status"] in DRIFT],
            }
            for record in results["articles"]
        },
    )


def read_results(report_dir: Path) -> dict[str, Any]:
    path = report_dir / RESULTS_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"no verify results in {report_dir}; run helpcentre verify first") from None
