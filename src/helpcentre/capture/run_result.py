"""What a capture or verify run asked for, and what each of its walks gave."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre import atomic
from helpcentre.articles import Article, HelpCentre, UnknownArticle
from helpcentre.baselines.paths import step_stem
from helpcentre.baselines.shot import StepShot
from helpcentre.capture.errors import CaptureUsageError, StepFailed
from helpcentre.capture.timings import RunTimings

# (event, article, step[, detail]): "start", each "step" as its picture is taken, then "done", or
# "failed" with the step that failed and the failure in words.
Progress = Callable[..., None]


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

    @property
    def walked_before_failure(self) -> list[StepShot]:
        return self.failure.shots_before if self.failure is not None else []


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
    timings: RunTimings = field(default_factory=RunTimings)

    @property
    def failed(self) -> list[ArticleOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    @property
    def steps(self) -> int:
        return sum(len(outcome.shots or []) for outcome in self.outcomes)

    @property
    def walked_steps(self) -> int:
        """The steps done: each captured article's, and those of a failed walk before its failure."""
        return sum(len(outcome.shots or outcome.walked_before_failure) for outcome in self.outcomes)


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
        from helpcentre.sharding import articles_of_shard

        chosen = articles_of_shard(chosen, shard)
    return chosen


def save_failure(report_dir: Path, failure: StepFailed | None) -> Path | None:
    """The page as it was when the step failed, next to the report."""
    if failure is None or failure.screenshot is None:
        return None
    path = report_dir / failure.article.ref / f"{step_stem(failure.number)}.failed.png"
    atomic.write_bytes(path, failure.screenshot)
    return path
