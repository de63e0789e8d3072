"""`verify --update`: accept the shots of the last verify run as baselines, without walking again."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from helpcentre.articles import HelpCentre
from helpcentre.articles.step_overrides import article_overrides
from helpcentre.baselines.image_work import prepare_images
from helpcentre.baselines.shot import StepShot
from helpcentre.baselines.store import BaselineStore
from helpcentre.capture import EngineError
from helpcentre.project import Project
from helpcentre.verify.judge import boxes_from
from helpcentre.verify.results import DRIFT, Status, StepRecord, read_results, record_verification

# The statuses of a step whose walk took its picture.
ACCEPTABLE = DRIFT | {Status.NEW, Status.OK}


class AcceptError(EngineError):
    """Nothing can be accepted as asked: exit code 2."""


@dataclass
class Accepted:
    run_started_at: str
    steps: dict[str, list[int]] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)


def accept(
    project: Project,
    centre: HelpCentre,
    report_dir: Path,
    mode: str,
    selectors: list[str],
    only: dict[str, list[int]] | None = None,
) -> Accepted:
    """`mode` is `all` (every walked step) or `failed` (drifted and new steps only); `only`, by
    article, limits it to those steps."""
    try:
        results = read_results(report_dir)
    except FileNotFoundError as error:
        raise AcceptError(str(error)) from None
    chosen = {_ref(centre, selector) for selector in selectors}
    store = BaselineStore(project.screenshots_dir)
    accepted = Accepted(results.started_at.isoformat())
    for record in results.articles:
        if chosen and record.ref not in chosen:
            continue
        article = centre.find(record.ref)
        if article is None:
            accepted.refused.append(f"{record.ref}: the article no longer exists")
            continue
        shots = []
        refused_before = len(accepted.refused)
        for step in record.steps:
            wanted = step.status is not Status.OK if mode == "failed" else True
            if only is not None and step.step not in only.get(record.ref, []):
                wanted = False
            if not wanted:
                continue
            if step.status not in ACCEPTABLE or "actual" not in step.files:
                accepted.refused.append(
                    f"{record.ref}: step {step.step} ({step.status}) has no shot to accept;"
                    " fix the walkthrough or the article, then verify again"
                )
                continue
            shots.append(_shot_from_report(report_dir, step))
        if not shots:
            continue
        images = [
            prepare_images(shot.png, shot.number, shot.highlight, *store.previous_images(record.ref, shot))
            for shot in shots
        ]
        entry = store.write_steps(
            record.ref,
            record.id,
            shots,
            images,
            browser=results.browser,
            keep_other_steps=True,
            overrides=article_overrides(article),
        )
        manifest = store.manifest()
        manifest.articles[record.ref] = entry
        store.write_manifest(manifest)
        taken = {shot.number for shot in shots}
        if len(accepted.refused) == refused_before and all(
            step.status is Status.OK or step.step in taken for step in record.steps
        ):
            # Every step of that run now matches its baseline: the article was verified then.
            matching = replace(record, steps=[replace(step, status=Status.OK) for step in record.steps])
            record_verification(project.verification_record, results, [matching], by="verify --update")
        accepted.steps[record.ref] = [shot.number for shot in shots]
    if chosen - {record.ref for record in results.articles}:
        missing = sorted(chosen - {record.ref for record in results.articles})
        raise AcceptError(f"the last verify run did not walk: {', '.join(missing)}")
    return accepted


def _ref(centre: HelpCentre, selector: str) -> str:
    article = centre.find(selector)
    if article is None:
        raise AcceptError(f"no article '{selector}'")
    return article.ref


def _shot_from_report(report_dir: Path, step: StepRecord) -> StepShot:
    actual = report_dir / step.files["actual"]
    aria = actual.with_name(actual.name.replace(".actual.png", ".actual.aria.yml"))
    capture = step.capture
    highlight = boxes_from([capture.highlight]) if capture and capture.highlight else []
    return StepShot(
        number=step.step,
        text=step.text,
        png=actual.read_bytes(),
        aria=aria.read_text(encoding="utf-8"),
        url=capture.url if capture else "",
        highlight=highlight[0] if highlight else None,
        masks=boxes_from(capture.masks if capture else None),
        frame=capture.frame if capture else "",
        places=capture.places if capture else {},
    )
