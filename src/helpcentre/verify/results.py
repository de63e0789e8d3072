"""A verify run's results: one typed model, from the judging of a step to results.json, the
reports and the command line.

A step's status is the `Status` enum, defined here and nowhere else. The records are
dataclasses: `to_json` writes results.json as it has always been written, and `from_json` reads
it back, checked with pydantic, so that a broken file is refused with the field that is wrong
(`articles.0.steps.0.status: Input should be 'error', 'flow', …`). What follows from the steps
(an article's status, the summary, the exit code) is worked out from them, never kept apart.

Nothing here loads Playwright or the capture engine: the report and the CI summary read it.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, Field, NonNegativeFloat, PlainSerializer, TypeAdapter

from helpcentre import atomic, last_verified

RESULTS_FILE = "results.json"
JUNIT_FILE = "junit.xml"
RESULTS_VERSION = 1
# What a run exits with when a step drifted, is new or was not reached; and when the only
# trouble is the run's own (`error` steps: walk again).
DRIFT_EXIT_CODE = 1
RUN_ERROR_EXIT_CODE = 4


class Status(StrEnum):
    """What verify found at a step, worst first: a step that cannot be done hides everything else;
    a missing label misleads a reader more than a changed page structure, which misleads more than
    changed pixels. An `error` is the run's own failure at a step (a frame it could not find again):
    not drift, and nothing was compared, so it outranks every verdict."""

    ERROR = "error"
    FLOW = "flow"
    TEXT = "text"
    STRUCTURE = "structure"
    PIXELS = "pixels"
    NEW = "new"
    NOT_REACHED = "not_reached"
    OK = "ok"

    @property
    def severity(self) -> int:
        """The status's rank, 0 for the worst."""
        return list(Status).index(self)

    @property
    def is_drift(self) -> bool:
        """The docs no longer match the product at this step."""
        return self in DRIFT

    @property
    def needs_attention(self) -> bool:
        """Drifted, new or a run error: a step someone has to look at."""
        return self not in (Status.OK, Status.NOT_REACHED)


DRIFT = frozenset({Status.FLOW, Status.TEXT, Status.STRUCTURE, Status.PIXELS})
# Drift of any kind: the summary's count of it, and an article's state in the verification record.
DRIFTED = "drift"


def worst(statuses: Iterable[Status]) -> Status:
    """The worst of `statuses`; ok when there are none."""
    return min(statuses, key=lambda status: status.severity, default=Status.OK)


# A count or a limit as it was given: 0 stays 0, and 0.5 stays 0.5, in results.json.
Number = int | float
# A box on the picture: x, y, width and height in screenshot pixels.
Rect = dict[str, Number]
# A moment as results.json writes it (`2026-11-26T20:40:00+00:00`), read back as Python reads it.
Timestamp = Annotated[
    AwareDatetime,
    AfterValidator(lambda at: datetime.fromisoformat(at.isoformat())),
    PlainSerializer(lambda at: at.isoformat(), return_type=str),
]


def _omitted_when_none() -> Any:
    """A key that results.json leaves out rather than writing null."""
    return Field(exclude_if=lambda value: value is None)


@dataclass
class PixelCheck:
    """The step's picture compared with its baseline, and the tolerance it was held to."""

    mismatched: int
    total: int
    ratio: Number
    allowed: Number = 0
    # Drawn a pixel over, like anti-aliasing: not counted.
    shifted: int = 0
    threshold: Number = 0
    edge_shift: int = 0
    max_diff_pixels: int | None = None
    max_diff_ratio: Number | None = None


@dataclass
class LabelCheck:
    """The step's bold labels, and those the page showed nowhere."""

    expected: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass
class AriaCheck:
    """The ARIA snapshots of the baseline and the step, their diff, and one line on what changed."""

    expected: str = ""
    actual: str = ""
    diff: str = ""
    summary: str = ""
    # The article's bold labels that the change touches.
    labels: list[str] = field(default_factory=list)


@dataclass
class ShotDetails:
    """Where the step's picture was taken and what it frames: what `verify --update` needs to
    make it a baseline, and `fix --accept-visual` to compare its frame with the baseline's."""

    url: str = ""
    highlight: Rect | None = None
    masks: list[Rect] = field(default_factory=list)
    frame: str = ""
    width: int = 0
    height: int = 0
    places: dict[str, str] = field(default_factory=dict)


@dataclass
class Repair:
    """A rename `fix` can make: the label, the product's new name for it, the control's role, and
    the article's lines as they will read (`docs/x.md:12: 3. Click the **Payment Details** button`)."""

    old: Annotated[str, Field(alias="from")]
    new: Annotated[str, Field(alias="to")]
    role: str = ""
    edit: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return f"**{self.old}** → **{self.new}**"


@dataclass
class StepRecord:
    """What verify found at one numbered step of an article."""

    step: int
    text: str
    status: Status
    message: str = ""
    pixels: PixelCheck | None = None
    text_labels: LabelCheck | None = None
    aria: AriaCheck | None = None
    # The step's pictures in the report folder by role (expected, actual, diff, failure).
    files: dict[str, str] = field(default_factory=dict)
    capture: Annotated[ShotDetails | None, _omitted_when_none()] = None
    # What the run offers `fix`: the renames that repair the step, or why there is none.
    repair: Annotated[list[Repair] | None, _omitted_when_none()] = None
    repair_refused: Annotated[str | None, _omitted_when_none()] = None

    def to_json(self) -> dict[str, Any]:
        return _adapter(StepRecord).dump_python(self, mode="json", by_alias=True)


@dataclass
class ArticleRecord:
    """An article's steps as verify found them."""

    ref: str
    id: int
    title: str
    path: str = ""
    target: str = ""
    steps: list[StepRecord] = field(default_factory=list)

    @property
    def status(self) -> Status:
        return worst(step.status for step in self.steps)

    @property
    def drifted_steps(self) -> int:
        return sum(1 for step in self.steps if step.status.is_drift)

    def count(self, status: Status) -> int:
        return sum(1 for step in self.steps if step.status is status)


@dataclass
class ShardOf:
    """Which shard a shard's report is, of which run: what `report merge` checks (verify/shards.py)."""

    index: int
    total: int
    help_centre: str
    # Every article of the whole run, in the order a single run lists them.
    articles: list[str]
    fingerprint: str

    @property
    def name(self) -> str:
        return f"{self.index}/{self.total}"


@dataclass
class ShardRun:
    """One shard's part in a merged report."""

    shard: str
    started_at: Timestamp
    seconds: float
    articles: int
    steps: int


@dataclass
class BrowsersNote:
    """The Chromium builds behind the baselines and behind the run, and a line to say when they differ."""

    baselines: list[str] = field(default_factory=list)
    run: str = ""
    note: str = ""
    likely_browser_drift: bool = False


@dataclass(frozen=True)
class Summary:
    """How many articles and steps a run judged, by status, and what the run exits with."""

    articles: int
    counts: Mapping[Status, int]

    @classmethod
    def of(cls, articles: Sequence[ArticleRecord]) -> Summary:
        found = Counter(step.status for article in articles for step in article.steps)
        return cls(len(articles), {status: found[status] for status in Status})

    def __getitem__(self, status: Status) -> int:
        return self.counts.get(status, 0)

    @property
    def steps(self) -> int:
        return sum(self.counts.values())

    @property
    def drift(self) -> int:
        return sum(self[status] for status in DRIFT)

    @property
    def all_ok(self) -> bool:
        """Every step matches its baseline: exit 0."""
        return self[Status.OK] == self.steps

    @property
    def exit_code(self) -> int:
        """1 for drift, new steps or steps not reached; 4 when the only trouble is the run's own
        (its later steps are not reached); 0 when every step matches."""
        if self.drift or self[Status.NEW] or (self[Status.NOT_REACHED] and not self[Status.ERROR]):
            return DRIFT_EXIT_CODE
        return RUN_ERROR_EXIT_CODE if self[Status.ERROR] else 0

    def to_json(self) -> dict[str, int]:
        """The counts results.json carries under `summary`, in its order."""
        counts = {Status.OK: self[Status.OK], DRIFTED: self.drift}
        counts |= {status: self[status] for status in (Status.NEW, Status.NOT_REACHED, Status.ERROR)}
        counts |= {status: self[status] for status in sorted(DRIFT)}
        return {"articles": self.articles, "steps": self.steps} | {str(key): count for key, count in counts.items()}


@dataclass(kw_only=True)
class VerifyResults:
    """A verify run, as results.json holds it."""

    version: int = RESULTS_VERSION
    started_at: Timestamp
    seconds: NonNegativeFloat
    # What the run verified against: "sandbox", or the target's URL.
    target: str
    # The Chromium build that walked, or "" when the run walked nothing.
    browser: str
    articles: list[ArticleRecord] = field(default_factory=list)
    # A merged report: each shard's part in the run.
    shards: Annotated[list[ShardRun] | None, _omitted_when_none()] = None
    browsers: Annotated[BrowsersNote | None, _omitted_when_none()] = None
    # A shard's own report: which shard, of which run.
    shard: Annotated[ShardOf | None, _omitted_when_none()] = None

    @property
    def summary(self) -> Summary:
        return Summary.of(self.articles)

    def steps(self) -> Iterator[tuple[ArticleRecord, StepRecord]]:
        """Every step of the run, with its article, in the run's order."""
        return ((article, step) for article in self.articles for step in article.steps)

    def to_json(self) -> dict[str, Any]:
        data = _adapter(VerifyResults).dump_python(self, mode="json", by_alias=True)
        for written, article in zip(data["articles"], self.articles, strict=True):
            steps = written.pop("steps")
            written.update(status=str(article.status), drifted_steps=article.drifted_steps, steps=steps)
        # The summary stands after what says which run it was, and before the articles.
        run = {key: data.pop(key) for key in ("version", "started_at", "seconds", "target", "browser")}
        return run | {"summary": self.summary.to_json()} | data

    @classmethod
    def from_json(cls, data: Any) -> VerifyResults:
        """The results in `data` (results.json as read); a pydantic ValidationError names what is wrong."""
        return _adapter(VerifyResults).validate_python(data)


def step_records_json(results: VerifyResults) -> list[dict[str, Any]]:
    """One record per step with its article, as `verify --json` writes them."""
    kept = ("step", "text", "status", "message", "pixels")
    return [
        {"article": article.ref, "id": article.id}
        | {key: value for key, value in step.to_json().items() if key in kept}
        for article, step in results.steps()
    ]


def read_results(report_dir: Path) -> VerifyResults:
    """The results of the verify run that wrote `report_dir`."""
    path = report_dir / RESULTS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"no verify results in {report_dir}; run helpcentre verify first") from None
    return VerifyResults.from_json(json.loads(text))


def record_verification(
    record: Path, results: VerifyResults, articles: Iterable[ArticleRecord] | None = None, by: str = "verify"
) -> None:
    """Say in the verification record when each article (by default, each of the run) was
    verified and how it went, for the site's "Checked against … on <date>": drift when a step
    drifted, is new or was not reached."""
    unsettled = (Status.NEW, Status.NOT_REACHED)
    last_verified.record_results(
        record,
        {
            article.ref: last_verified.result(
                results.started_at.isoformat(),
                results.target,
                results.browser,
                by,
                matched=not (article.drifted_steps or article.status in unsettled),
                drifted_steps=[step.step for step in article.steps if step.status.is_drift],
            )
            for article in (results.articles if articles is None else articles)
        },
    )


def write_report(report_dir: Path, fill: Callable[[Path], VerifyResults]) -> VerifyResults:
    """Make the report in a folder of its own beside `report_dir`: `fill` puts the steps' pictures
    there and returns the results; results.json, index.html and junit.xml are written beside them;
    then the folder takes the place of `report_dir` at once. A run stopped half-way (or that fails)
    leaves the last report as it was, and nothing staged behind."""
    from helpcentre.report import write_html_report, write_junit

    atomic.remove_leftovers(report_dir.resolve().parent, recursive=False)
    staged = atomic.staging_directory(report_dir)
    try:
        results = fill(staged)
        text = json.dumps(results.to_json(), indent=2, ensure_ascii=False) + "\n"
        atomic.write_text(staged / RESULTS_FILE, text)
        write_html_report(results, staged)
        write_junit(results, staged / JUNIT_FILE)
        atomic.replace_directory(report_dir, staged)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return results


@cache
def _adapter(kind: type) -> TypeAdapter[Any]:
    return TypeAdapter(kind)
