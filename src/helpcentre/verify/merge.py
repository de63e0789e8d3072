"""`helpcentre report merge`: the reports of a sharded verify run put together into one.

The merged report is the one a single run over every article gives: the same steps with the
same statuses, the articles in the order a single run lists them, the images beside it with
the same relative links, one results.json, one junit.xml, one index.html. The shards wrote no
verification record; the merge writes it once, as that single run would have: every article
verified at the run's start (the earliest shard's), against its target, with its browser.

Shards that do not belong together are refused before anything is written, with one line that
names the file and what is wrong: a folder with no results, results that cannot be read, a
report made without --shard, a shard of another help centre or of another run, a shard given
twice, an article in two shards, a shard missing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from helpcentre.baselines.store import BaselineStore
from helpcentre.capture import EngineError
from helpcentre.project import Project
from helpcentre.verify.browsers import browsers_note
from helpcentre.verify.results import (
    RESULTS_FILE,
    RESULTS_VERSION,
    ShardOf,
    ShardRun,
    VerifyResults,
    record_verification,
    write_report,
)


class MergeError(EngineError):
    """The shards' reports cannot be merged: a usage error (exit code 2)."""


@dataclass
class ShardReport:
    """One shard's report folder and its results."""

    folder: Path
    results: VerifyResults

    @property
    def where(self) -> str:
        return str(self.folder / RESULTS_FILE)

    @property
    def shard(self) -> ShardOf:
        assert self.results.shard is not None
        return self.results.shard

    @property
    def name(self) -> str:
        return self.shard.name


def read_shard(folder: Path) -> ShardReport:
    """A shard's report, checked on its own: readable, well formed, made with --shard, complete."""
    path = folder / RESULTS_FILE
    if not folder.is_dir():
        raise MergeError(f"{folder}: no such folder")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MergeError(
            f"{folder}: no {RESULTS_FILE}: not a verify report, or its run stopped before the end"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise MergeError(f"{path}: cannot be read: {error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MergeError(f"{path}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    if not isinstance(data, dict):
        raise MergeError(f"{path}: not the results of a verify run")
    if data.get("version") != RESULTS_VERSION:
        raise MergeError(
            f"{path}: results version {data.get('version')!r}; this helpcentre merges version {RESULTS_VERSION}"
        )
    try:
        results = VerifyResults.from_json(data)
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        field = ".".join(str(part) for part in problem["loc"])
        raise MergeError(f"{path}: {field}: {problem['msg']}") from None
    if results.shard is None:
        raise MergeError(f"{path}: not a shard's report: verify ran without --shard")
    report = ShardReport(folder, results)
    shard = results.shard
    if not 1 <= shard.index <= shard.total:
        raise MergeError(f"{path}: shard.index: shard {report.name} does not exist")
    for number, article in enumerate(results.articles):
        if not _is_article_path(article.ref):
            raise MergeError(f"{path}: articles.{number}.ref: '{article.ref}' is not an article's path")
        for step in article.steps:
            for role, relative in step.files.items():
                if PurePosixPath(relative).parent.as_posix() != article.ref or ".." in PurePosixPath(relative).parts:
                    raise MergeError(
                        f"{path}: {article.ref} step {step.step}: {role} '{relative}' is outside its folder"
                    )
                if not (folder / relative).is_file():
                    raise MergeError(f"{path}: {article.ref} step {step.step}: its {role} image {relative} is missing")
    return report


def _is_article_path(ref: str) -> bool:
    path = PurePosixPath(ref)
    return bool(ref) and not path.is_absolute() and ".." not in path.parts and path.as_posix() == ref


def check_together(project: Project, shards: Sequence[ShardReport]) -> None:
    """Every shard of one run of this help centre, each once, each article in one shard only."""
    first = shards[0]
    for report in shards:
        if report.shard.help_centre != project.site_name:
            raise MergeError(
                f"{report.where}: a shard of the help centre '{report.shard.help_centre}', "
                f"not of '{project.site_name}' ({project.config_file.name})"
            )
        _check_same_run(report, first)
    browsers = [report for report in shards if report.results.browser]
    for report in browsers[1:]:
        if report.results.browser != browsers[0].results.browser:
            raise MergeError(
                f"{report.where}: walked with {report.results.browser}, {browsers[0].where} with "
                f"{browsers[0].results.browser}: the shards of one run use one browser"
            )
    by_index: dict[int, ShardReport] = {}
    for report in shards:
        if (other := by_index.setdefault(report.shard.index, report)) is not report:
            raise MergeError(f"{report.where}: shard {report.name} twice: {other.where} is shard {other.name} too")
    planned = set(first.shard.articles)
    holder: dict[str, ShardReport] = {}
    for report in shards:
        for article in report.results.articles:
            if article.ref not in planned:
                raise MergeError(f"{report.where}: {article.ref} is not one of the run's articles")
            if (other := holder.setdefault(article.ref, report)) is not report:
                raise MergeError(f"{report.where}: {article.ref} is in {other.where} too; an article is in one shard")
        refs = [article.ref for article in report.results.articles]
        if twice := sorted({ref for ref in refs if refs.count(ref) > 1}):
            raise MergeError(f"{report.where}: {', '.join(twice)} twice")
    total = first.shard.total
    missing = [index for index in range(1, total + 1) if index not in by_index]
    if missing:
        names = ", ".join(f"{index}/{total}" for index in missing)
        raise MergeError(f"shard {names} missing: the merge needs the reports of all {total} shards")
    if unverified := [ref for ref in first.shard.articles if ref not in holder]:
        raise MergeError(f"{first.where}: no shard's report has {', '.join(unverified)}, which its run verifies")


def _check_same_run(report: ShardReport, first: ShardReport) -> None:
    shard, theirs = report.shard, first.shard
    if shard.total != theirs.total:
        problem = f"shard {report.name} of another run: {first.where} is shard {first.name}"
    elif shard.articles != theirs.articles:
        problem = f"a shard of another run: its run verifies other articles than {first.where}'s"
    elif shard.fingerprint != theirs.fingerprint:
        problem = f"a shard of another run: its articles or baselines differ from those of {first.where}"
    elif report.results.target != first.results.target:
        problem = (
            f"verified against {report.results.target}, {first.where} against {first.results.target}: "
            "the shards of one run share a target"
        )
    else:
        return
    raise MergeError(f"{report.where}: {problem}")


def merged_results(shards: Sequence[ShardReport]) -> VerifyResults:
    """The results a single run over all the shards' articles gives, in its order; `shards` says how it was split."""
    plan = shards[0].shard.articles
    by_ref = {article.ref: article for report in shards for article in report.results.articles}
    walked = [report.results for report in shards if report.results.articles] or [report.results for report in shards]
    started = min(results.started_at for results in walked)
    ended = max(results.started_at + timedelta(seconds=results.seconds) for results in walked)
    return VerifyResults(
        started_at=started,
        seconds=round((ended - started).total_seconds(), 2),
        target=shards[0].results.target,
        browser=next((report.results.browser for report in shards if report.results.browser), ""),
        articles=[by_ref[ref] for ref in plan],
        shards=[
            ShardRun(
                report.name,
                report.results.started_at,
                report.results.seconds,
                len(report.results.articles),
                report.results.summary.steps,
            )
            for report in sorted(shards, key=lambda report: report.shard.index)
        ],
    )


def merge(project: Project, folders: Sequence[Path], report_dir: Path) -> VerifyResults:
    """Check the shards' reports, write the merged one to `report_dir`, record the verification once."""
    seen: set[Path] = set()
    for folder in folders:
        if folder.resolve() in seen:
            raise MergeError(f"{folder}: given twice")
        seen.add(folder.resolve())
    shards = [read_shard(folder) for folder in folders]
    for report in shards:
        inside = report.folder.resolve()
        if inside == report_dir.resolve() or report_dir.resolve() in inside.parents:
            raise MergeError(
                f"--report {report_dir}: writing the merged report there would delete the shard's report "
                f"{report.folder}; choose another folder"
            )
    check_together(project, shards)
    merged = merged_results(shards)
    merged.browsers = browsers_note(merged, BaselineStore(project.screenshots_dir).manifest())

    def gathered(report_folder: Path) -> VerifyResults:
        for report in shards:
            for article in report.results.articles:
                # Each article's images sit in its own folder: its links stay as the shard wrote them.
                if (report.folder / article.ref).is_dir():
                    shutil.copytree(report.folder / article.ref, report_folder / article.ref)
        return merged

    write_report(report_dir, gathered)
    record_verification(project.verification_record, merged)
    return merged
