"""What the HTML report shows, worked out from the run's results before any HTML is written.

The template only lays these out; wording, ordering and number formats are decided here,
where they can be tested without parsing HTML.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup, escape
from PIL import Image as PILImage

from helpcentre.articles.steps import BOLD
from helpcentre.report.wording import anchor_id, articles_by_drift, clean_message, percent
from helpcentre.verify.results import DRIFTED, AriaCheck, ArticleRecord, PixelCheck, Status, StepRecord, VerifyResults

logger = logging.getLogger(__name__)

STATUS_LABELS = {
    Status.OK: "OK",
    Status.FLOW: "Flow broken",
    Status.TEXT: "Label missing",
    Status.STRUCTURE: "Structure changed",
    Status.PIXELS: "Pixels differ",
    Status.NEW: "New",
    Status.NOT_REACHED: "Not reached",
    Status.ERROR: "Run error",
}
STATUS_EXPLANATIONS = {
    Status.FLOW: "The step can no longer be done as written.",
    Status.TEXT: "A label the step names is not on the page.",
    Status.STRUCTURE: "The page's structure (its ARIA snapshot) differs from the committed one.",
    Status.PIXELS: "The screenshot differs from the committed one beyond the tolerance.",
    Status.NEW: "There is no committed baseline yet: this is what the step looks like now.",
    Status.ERROR: "The run could not judge this step (not drift): walk it again.",
}

# (label on the button and caption, what the picture is, for alt text)
IMAGE_ROLES = {
    "expected": ("Expected", "expected screenshot, the committed baseline"),
    "actual": ("Actual", "actual screenshot, captured in this run"),
    "diff": ("Diff", "difference between expected and actual, changed pixels highlighted"),
    "failure": ("At failure", "the page when the step failed"),
}
# The summary's counts, in the order the header shows them: (what is counted, label).
SUMMARY_COUNTS = ((DRIFTED, "Drifted"), (Status.NEW, "New"), (Status.NOT_REACHED, "Not reached"), (Status.OK, "OK"))
SIDE_BY_SIDE = "side-by-side"
SLIDER = "slider"


@dataclass(frozen=True)
class ReportImage:
    role: str
    label: str
    src: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class ImageViewer:
    """Each image on its own, side by side, and a slider over expected and actual."""

    images: list[ReportImage]
    modes: list[tuple[str, str]]
    default_mode: str
    side_by_side_roles: tuple[str, ...]
    slider: tuple[ReportImage, ReportImage] | None


@dataclass(frozen=True)
class DiffLine:
    kind: str  # header, hunk, added, removed or context
    text: str


@dataclass(frozen=True)
class StepView:
    number: int
    text: Markup
    status: Status
    status_label: str
    explanation: str
    # Messages and repairs show bold labels as the step does: "**Card Details** → **Payment Details**".
    message: Markup
    anchor: str
    viewer: ImageViewer | None
    pixel_figures: list[tuple[str, str]]
    missing_labels: list[str]
    found_labels: list[str]
    aria_diff: list[DiffLine]
    # One line before the full diff: what is gone, new or renamed, and the bold labels it touches.
    aria_summary: Markup
    # What `helpcentre fix` would change for this step: "**Card Details** → **Payment Details**".
    repairs: list[Markup]
    # The article's lines as fix will rewrite them: "docs/x.md:12: 3. Click the **Payment Details** button".
    repair_edits: list[str]
    aria_expected: str
    aria_actual: str

    @property
    def needs_attention(self) -> bool:
        return self.status.needs_attention


@dataclass(frozen=True)
class ArticleView:
    ref: str
    title: str
    path: str
    anchor: str
    status: Status
    status_label: str
    count: str
    steps: list[StepView]

    @property
    def steps_needing_attention(self) -> list[StepView]:
        return [step for step in self.steps if step.needs_attention]


@dataclass(frozen=True)
class ReportView:
    page_title: str
    summary_line: str
    run_details: str
    stats: list[tuple[str, str, int]]
    articles_needing_attention: list[ArticleView]
    articles_ok: list[ArticleView]
    ok_steps: int


def report_view(results: VerifyResults, report_dir: Path) -> ReportView:
    articles = [article_view(article, report_dir) for article in articles_by_drift(results.articles)]
    attention = [article for article in articles if article.status is not Status.OK]
    summary = results.summary
    counts = {DRIFTED: summary.drift} | {status: summary[status] for status in Status}
    return ReportView(
        page_title=page_title(summary.drift),
        summary_line=summary_line(results),
        run_details=run_details(results),
        stats=[(key, label, counts[key]) for key, label in SUMMARY_COUNTS],
        articles_needing_attention=attention,
        articles_ok=[article for article in articles if article.status is Status.OK],
        ok_steps=sum(len(article.steps) for article in articles if article.status is Status.OK),
    )


def page_title(drift: int) -> str:
    headline = f"{plural(drift, 'step')} drifted" if drift else "No drift"
    return f"{headline} · helpcentre verify"


def summary_line(results: VerifyResults) -> str:
    """The run in one sentence, such as
    `2 steps drifted in 1 of 7 articles · 1 new · verified against sandbox with Chromium 156 on 26 Nov 2026`.
    """
    summary = results.summary
    drifted_articles = sum(1 for article in results.articles if article.drifted_steps)
    articles = plural(summary.articles, "article")
    if summary.drift:
        parts = [f"{plural(summary.drift, 'step')} drifted in {drifted_articles} of {articles}"]
    else:
        parts = [f"No drift in {articles}"]
    if summary[Status.NEW]:
        parts.append(f"{summary[Status.NEW]} new")
    if summary[Status.NOT_REACHED]:
        parts.append(f"{summary[Status.NOT_REACHED]} not reached")
    verified = f"verified against {results.target or 'an unnamed target'}"
    if results.browser:
        verified += f" with {browser_name(results.browser)}"
    verified += f" on {results.started_at.day} {results.started_at:%b %Y}"
    parts.append(verified)
    return " · ".join(parts)


def run_details(results: VerifyResults) -> str:
    summary = results.summary
    details = [
        f"{plural(summary.steps, 'step')} in {plural(summary.articles, 'article')}",
        f"took {results.seconds:.1f} s",
        f"started {results.started_at:%Y-%m-%d %H:%M %Z}".rstrip(),
    ]
    if results.browser:
        details.append(results.browser)
    if results.browsers and results.browsers.note:
        details.append(results.browsers.note)
    return " · ".join(details)


def browser_name(browser: str) -> str:
    """`Chromium 156.0.8078.108` reads as `Chromium 156`."""
    name, _, version = browser.rpartition(" ")
    major = version.split(".")[0]
    return f"{name} {major}" if name and major.isdigit() else browser


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def article_view(article: ArticleRecord, report_dir: Path) -> ArticleView:
    status = article.status
    drifted = article.drifted_steps
    new = article.count(Status.NEW)
    not_reached = article.count(Status.NOT_REACHED)
    counts = [plural(drifted, "drifted step")] if drifted else []
    if new:
        counts.append(plural(new, "new step"))
    if not_reached:
        counts.append(f"{not_reached} not reached")
    return ArticleView(
        ref=article.ref,
        title=article.title or article.ref,
        path=article.path,
        anchor=anchor_id(article.ref),
        status=status,
        status_label=status_label(status),
        count=" · ".join(counts) or f"{plural(len(article.steps), 'step')}, all OK",
        steps=[step_view(article.ref, step, report_dir) for step in article.steps],
    )


def status_label(status: Status) -> str:
    return STATUS_LABELS[status]


def step_view(ref: str, step: StepRecord, report_dir: Path) -> StepView:
    status = step.status
    aria = step.aria
    missing = list(step.text_labels.missing) if step.text_labels else []
    expected = step.text_labels.expected if step.text_labels else []
    repairs = step.repair or []
    return StepView(
        number=step.step,
        text=with_bold(step.text),
        status=status,
        status_label=status_label(status),
        explanation=STATUS_EXPLANATIONS.get(status, ""),
        message=with_bold(clean_message(step.message)),
        anchor=anchor_id(ref, step.step),
        viewer=image_viewer(step, report_dir) if status.needs_attention else None,
        pixel_figures=pixel_figures(step.pixels) if step.pixels else [],
        missing_labels=missing,
        found_labels=[label for label in expected if label not in missing],
        aria_diff=aria_diff_lines(aria) if aria else [],
        aria_summary=with_bold(aria.summary if aria else ""),
        repairs=[with_bold(change.describe()) for change in repairs],
        repair_edits=[line for change in repairs for line in change.edit],
        aria_expected=aria.expected if aria else "",
        aria_actual=aria.actual if aria else "",
    )


def with_bold(text: str) -> Markup:
    """`text` as HTML: every character of it escaped, each `**label**` in it a <strong> element.

    Labels, messages and what a page is called are all writers' or products' words: never markup."""
    parts = BOLD.split(text)
    # split() with one group alternates: plain text, bold label, plain text, ...
    return Markup("").join(
        escape(part) if index % 2 == 0 else Markup("<strong>%s</strong>") % part for index, part in enumerate(parts)
    )


def pixel_figures(pixels: PixelCheck) -> list[tuple[str, str]]:
    return [
        ("Pixels that differ", f"{pixels.mismatched:,} of {pixels.total:,} ({percent(pixels.ratio)})"),
        ("Tolerance", f"{pixels.max_diff_pixels or 0:,} pixels or {percent(pixels.max_diff_ratio or 0)}"),
        ("Colour threshold", f"{pixels.threshold}"),
        # Drawn like anti-aliasing in the diff picture: not counted.
        ("Edges drawn a pixel over", f"{pixels.shifted:,}, not counted"),
    ]


def aria_diff_lines(aria: AriaCheck) -> list[DiffLine]:
    """The unified diff of the ARIA snapshots, each line tagged for colour."""
    diff = aria.diff
    if not diff:
        diff = "\n".join(
            difflib.unified_diff(
                aria.expected.splitlines(),
                aria.actual.splitlines(),
                "expected",
                "actual",
                lineterm="",
            )
        )
    lines: list[DiffLine] = []
    in_hunk = False
    for text in diff.splitlines():
        if text.startswith("@@"):
            in_hunk = True
            kind = "hunk"
        elif not in_hunk and text.startswith(("---", "+++")):
            kind = "header"
        else:
            kind = {"+": "added", "-": "removed"}.get(text[:1], "context")
        lines.append(DiffLine(kind, text))
    return lines


def image_viewer(step: StepRecord, report_dir: Path) -> ImageViewer | None:
    images = [
        image for role in IMAGE_ROLES if (image := report_image(step.step, role, step.files.get(role), report_dir))
    ]
    if not images:
        return None
    by_role = {image.role: image for image in images}
    side_by_side = tuple(image.role for image in images if image.role != "diff")
    modes = [(image.role, image.label) for image in images]
    if len(side_by_side) >= 2:
        modes.append((SIDE_BY_SIDE, "Side by side"))
    slider = (by_role["expected"], by_role["actual"]) if {"expected", "actual"} <= by_role.keys() else None
    if slider:
        modes.append((SLIDER, "Slider"))
    if "diff" in by_role:
        default = "diff"
    elif len(side_by_side) >= 2:
        default = SIDE_BY_SIDE
    else:
        default = images[0].role
    return ImageViewer(images, modes, default, side_by_side, slider)


def report_image(number: int, role: str, relative_path: str | None, report_dir: Path) -> ReportImage | None:
    """The image at `relative_path` in the report folder, or None when there is none to show."""
    if not relative_path:
        return None
    path = report_dir / relative_path
    try:
        with PILImage.open(path) as image:
            width, height = image.size
    except (OSError, ValueError) as error:
        logger.warning("step %s: no %s image to show: %s", number, role, error)
        return None
    label, description = IMAGE_ROLES[role]
    return ReportImage(
        role=role,
        label=label,
        # Quoted, so a `#` or `?` in a path stays part of the file name, and a stray `scheme:`
        # stays a relative path: the report never points outside its folder's files.
        src=quote(Path(relative_path).as_posix(), safe="/"),
        alt=f"Step {number}: {description}",
        width=width,
        height=height,
    )
