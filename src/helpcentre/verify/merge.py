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
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, NonNegativeFloat, ValidationError

from helpcentre import atomic
from helpcentre.capture.baselines import BaselineStore
from helpcentre.project import Project
from helpcentre.verify.browsers import browsers_note
from helpcentre.verify.engine import RESULTS_FILE, RESULTS_VERSION, _record_last_verify
from helpcentre.verify.judge import DRIFT


class MergeError(Exception):
    """The shards' reports cannot be merged: a usage error (exit code 2)."""


# The statuses verify gives a step (verify.judge.STATUS_ORDER).
Status = Literal["error", "flow", "text", "structure", "pixels", "new", "not_reached", "ok"]


class _Record(BaseModel):
    """What the merge, the report writers and the verification record read; other keys pass through."""

    model_config = ConfigDict(extra="allow")


class StepRecord(_Record):
    step: int
    text: str
    status: Status
    message: str
    pixels: dict[str, Any] | None
    files: dict[str, str]


class ArticleRecord(_Record):
    ref: str
    id: int
    title: str
    status: Status
    drifted_steps: int
    steps: list[StepRecord]


class ShardRecord(_Record):
    index: int
    total: int
    help_centre: str
    articles: list[str]
    fingerprint: str


class ShardResults(_Record):
    version: int
    started_at: AwareDatetime
    seconds: NonNegativeFloat
    target: str
    browser: str
    articles: list[ArticleRecord]
    shard: ShardRecord | None = None


@dataclass
class ShardReport:
    """One shard's report folder: its results as written, and as checked."""

    folder: Path
    results: dict[str, Any]
    checked: ShardResults

    @property
    def where(self) -> str:
        return str(self.folder / RESULTS_FILE)

    @property
    def shard(self) -> ShardRecord:
        assert self.checked.shard is not None
        return self.checked.shard

    @property
    def name(self) -> str:
        return f"{self.shard.index}/{self.shard.total}"


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
        checked = ShardResults.model_validate(data)
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        field = ".".join(str(part) for part in problem["loc"])
        raise MergeError(f"{path}: {field}: {problem['msg']}") from None
    if checked.shard is None:
        raise MergeError(f"{path}: not a shard's report: verify ran without --shard")
    report = ShardReport(folder, data, checked)
    shard = checked.shard
    if not 1 <= shard.index <= shard.total:
        raise MergeError(f"{path}: shard.index: shard {report.name} does not exist")
    for number, article in enumerate(checked.articles):
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
    browsers = [report for report in shards if report.checked.browser]
    for report in browsers[1:]:
        if report.checked.browser != browsers[0].checked.browser:
            raise MergeError(
                f"{report.where}: walked with {report.checked.browser}, {browsers[0].where} with "
                f"{browsers[0].checked.browser}: the shards of one run use one browser"
            )
    by_index: dict[int, ShardReport] = {}
    for report in shards:
        if (other := by_index.setdefault(report.shard.index, report)) is not report:
            raise MergeError(f"{report.where}: shard {report.name} twice: {other.where} is shard {other.name} too")
    planned = set(first.shard.articles)
    holder: dict[str, ShardReport] = {}
    for report in shards:
        for article in report.checked.articles:
            if article.ref not in planned:
                raise MergeError(f"{report.where}: {article.ref} is not one of the run's articles")
            if (other := holder.setdefault(article.ref, report)) is not report:
                raise MergeError(f"{report.where}: {article.ref} is in {other.where} too; an article is in one shard")
        refs = [article.ref for article in report.checked.articles]
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
    elif report.checked.target != first.checked.target:
        problem = (
            f"verified against {report.checked.target}, {first.where} against {first.checked.target}: "
            "the shards of one run share a target"
        )
    else:
        return
    raise MergeError(f"{report.where}: {problem}")


def merged_results(shards: Sequence[ShardReport]) -> dict[str, Any]:
    """The results a single run over all the shards' articles gives, in its order; `shards` says how it was split."""
    plan = shards[0].shard.articles
    by_ref = {article["ref"]: article for report in shards for article in report.results["articles"]}
    articles = [by_ref[ref] for ref in plan]
    walked = [report for report in shards if report.checked.articles] or list(shards)
    started = min(walked, key=lambda report: report.checked.started_at)
    ended = max(report.checked.started_at + timedelta(seconds=report.checked.seconds) for report in walked)
    browser = next((report.checked.browser for report in shards if report.checked.browser), "")
    return {
        "version": RESULTS_VERSION,
        "started_at": started.results["started_at"],
        "seconds": round((ended - started.checked.started_at).total_seconds(), 2),
        "target": shards[0].checked.target,
        "browser": browser,
        "summary": summary_of(articles),
        "articles": articles,
        "shards": [
            {
                "shard": report.name,
                "started_at": report.results["started_at"],
                "seconds": report.checked.seconds,
                "articles": len(report.checked.articles),
                "steps": sum(len(article.steps) for article in report.checked.articles),
            }
            for report in sorted(shards, key=lambda report: report.shard.index)
        ],
    }


def summary_of(articles: Sequence[dict[str, Any]]) -> dict[str, int]:
    """The counts a verify run's results carry under `summary`."""
    statuses = [step["status"] for article in articles for step in article["steps"]]
    return {
        "articles": len(articles),
        "steps": len(statuses),
        "ok": statuses.count("ok"),
        "drift": sum(1 for status in statuses if status in DRIFT),
        "new": statuses.count("new"),
        "not_reached": statuses.count("not_reached"),
        "error": statuses.count("error"),
        **{status: statuses.count(status) for status in sorted(DRIFT)},
    }


def merge(project: Project, folders: Sequence[Path], report_dir: Path) -> dict[str, Any]:
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
    results = merged_results(shards)
    results["browsers"] = browsers_note(results, BaselineStore(project.screenshots_dir).read_manifest())
    from helpcentre.report import write_html_report, write_junit

    atomic.remove_leftovers(report_dir.resolve().parent, recursive=False)
    staged = atomic.staging_directory(report_dir)
    try:
        for report in shards:
            for article in report.checked.articles:
                # Each article's images sit in its own folder: its links stay as the shard wrote them.
                if (report.folder / article.ref).is_dir():
                    shutil.copytree(report.folder / article.ref, staged / article.ref)
        atomic.write_text(staged / RESULTS_FILE, json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        write_html_report(results, staged)
        write_junit(results, staged / "junit.xml")
        atomic.replace_directory(report_dir, staged)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    _record_last_verify(project, results)
    return results
