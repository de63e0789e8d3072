"""What the HTML report shows, worked out from the results dict before any HTML is written.

The template only lays these out; wording, ordering and number formats are decided here,
where they can be tested without parsing HTML.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup, escape
from PIL import Image as PILImage

from helpcentre.articles.steps import BOLD
from helpcentre.report.results import (
    NEW,
    NOT_REACHED,
    OK,
    anchor_id,
    articles_by_drift,
    clean_message,
    drifted_step_count,
    needs_attention,
    percent,
    worst_status,
)

logger = logging.getLogger(__name__)

STATUS_LABELS = {
    OK: "OK",
    "flow": "Flow broken",
    "text": "Label missing",
    "structure": "Structure changed",
    "pixels": "Pixels differ",
    NEW: "New",
    NOT_REACHED: "Not reached",
    "error": "Run error",
}
STATUS_EXPLANATIONS = {
    "flow": "The step can no longer be done as written.",
    "text": "A label the step names is not on the page.",
    "structure": "The page's structure (its ARIA snapshot) differs from the committed one.",
    "pixels": "The screenshot differs from the committed one beyond the tolerance.",
    NEW: "There is no committed baseline yet: this is what the step looks like now.",
    "error": "The run could not judge this step (not drift): walk it again.",
}

# (label on the button and caption, what the picture is, for alt text)
IMAGE_ROLES = {
    "expected": ("Expected", "expected screenshot, the committed baseline"),
    "actual": ("Actual", "actual screenshot, captured in this run"),
    "diff": ("Diff", "difference between expected and actual, changed pixels highlighted"),
    "failure": ("At failure", "the page when the step failed"),
}
# The summary's counts, in the order the header shows them: (key in results["summary"], label).
SUMMARY_COUNTS = (("drift", "Drifted"), (NEW, "New"), (NOT_REACHED, "Not reached"), (OK, "OK"))
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
    status: str
    status_label: str
    explanation: str
    message: str
    anchor: str
    viewer: ImageViewer | None
    pixel_figures: list[tuple[str, str]]
    missing_labels: list[str]
    found_labels: list[str]
    aria_diff: list[DiffLine]
    # One line before the full diff: what is gone, new or renamed, and the bold labels it touches.
    aria_summary: str
    # What `helpcentre fix` would change for this step: "**Card Details** → **Payment Details**".
    repairs: list[str]
    # The article's lines as fix will rewrite them: "docs/x.md:12: 3. Click the **Payment Details** button".
    repair_edits: list[str]
    aria_expected: str
    aria_actual: str

    @property
    def needs_attention(self) -> bool:
        return needs_attention(self.status)


@dataclass(frozen=True)
class ArticleView:
    ref: str
    title: str
    path: str
    anchor: str
    status: str
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


def report_view(results: dict, report_dir: Path) -> ReportView:
    articles = [article_view(article, report_dir) for article in articles_by_drift(results["articles"])]
    attention = [article for article in articles if article.status != OK]
    summary = results["summary"]
    return ReportView(
        page_title=page_title(summary),
        summary_line=summary_line(results),
        run_details=run_details(results),
        stats=[(key, label, summary.get(key, 0)) for key, label in SUMMARY_COUNTS],
        articles_needing_attention=attention,
        articles_ok=[article for article in articles if article.status == OK],
        ok_steps=sum(len(article.steps) for article in articles if article.status == OK),
    )


def page_title(summary: dict) -> str:
    drift = summary.get("drift", 0)
    headline = f"{plural(drift, 'step')} drifted" if drift else "No drift"
    return f"{headline} · helpcentre verify"


def summary_line(results: dict) -> str:
    """The run in one sentence, such as
    `2 steps drifted in 1 of 7 articles · 1 new · verified against sandbox with Chromium 156 on 26 Nov 2026`.
    """
    summary = results["summary"]
    total_articles = summary.get("articles", len(results["articles"]))
    drifted_articles = sum(1 for article in results["articles"] if drifted_step_count(article))
    drift = summary.get("drift", 0)
    if drift:
        parts = [f"{plural(drift, 'step')} drifted in {drifted_articles} of {plural(total_articles, 'article')}"]
    else:
        parts = [f"No drift in {plural(total_articles, 'article')}"]
    if summary.get(NEW):
        parts.append(f"{summary[NEW]} new")
    if summary.get(NOT_REACHED):
        parts.append(f"{summary[NOT_REACHED]} not reached")
    verified = f"verified against {results.get('target', 'an unnamed target')}"
    if results.get("browser"):
        verified += f" with {browser_name(results['browser'])}"
    if started := started_at(results):
        verified += f" on {started.day} {started:%b %Y}"
    parts.append(verified)
    return " · ".join(parts)


def run_details(results: dict) -> str:
    summary = results["summary"]
    details = [f"{plural(summary.get('steps', 0), 'step')} in {plural(summary.get('articles', 0), 'article')}"]
    if results.get("seconds") is not None:
        details.append(f"took {results['seconds']:.1f} s")
    if started := started_at(results):
        details.append(f"started {started:%Y-%m-%d %H:%M %Z}".rstrip())
    if results.get("browser"):
        details.append(results["browser"])
    if note := (results.get("browsers") or {}).get("note"):
        details.append(note)
    return " · ".join(details)


def browser_name(browser: str) -> str:
    """`Chromium 156.0.8078.108` reads as `Chromium 156`."""
    name, _, version = browser.rpartition(" ")
    major = version.split(".")[0]
    return f"{name} {major}" if name and major.isdigit() else browser


def started_at(results: dict) -> datetime | None:
    try:
        return datetime.fromisoformat(results["started_at"])
    except (KeyError, TypeError, ValueError):
        return None


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def article_view(article: dict, report_dir: Path) -> ArticleView:
    status = worst_status(article["steps"])
    drifted = drifted_step_count(article)
    new = sum(1 for step in article["steps"] if step["status"] == NEW)
    not_reached = sum(1 for step in article["steps"] if step["status"] == NOT_REACHED)
    counts = [plural(drifted, "drifted step")] if drifted else []
    if new:
        counts.append(plural(new, "new step"))
    if not_reached:
        counts.append(f"{not_reached} not reached")
    return ArticleView(
        ref=article["ref"],
        title=article.get("title") or article["ref"],
        path=article.get("path") or "",
        anchor=anchor_id(article["ref"]),
        status=status,
        status_label=status_label(status),
        count=" · ".join(counts) or f"{plural(len(article['steps']), 'step')}, all OK",
        steps=[step_view(article["ref"], step, report_dir) for step in article["steps"]],
    )


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " ").capitalize())


def step_view(ref: str, step: dict, report_dir: Path) -> StepView:
    status = step["status"]
    aria = step.get("aria") or {}
    labels = step.get("text_labels") or {}
    missing = list(labels.get("missing") or [])
    return StepView(
        number=step["step"],
        text=step_text_html(step["text"]),
        status=status,
        status_label=status_label(status),
        explanation=STATUS_EXPLANATIONS.get(status, ""),
        message=clean_message(step.get("message")),
        anchor=anchor_id(ref, step["step"]),
        viewer=image_viewer(step, report_dir) if needs_attention(status) else None,
        pixel_figures=pixel_figures(step["pixels"]) if step.get("pixels") else [],
        missing_labels=missing,
        found_labels=[label for label in labels.get("expected") or [] if label not in missing],
        aria_diff=aria_diff_lines(aria) if aria else [],
        aria_summary=aria.get("summary") or "",
        repairs=[f"**{change['from']}** → **{change['to']}**" for change in step.get("repair") or []],
        repair_edits=[line for change in step.get("repair") or [] for line in change.get("edit") or []],
        aria_expected=aria.get("expected") or "",
        aria_actual=aria.get("actual") or "",
    )


def step_text_html(text: str) -> Markup:
    """Escape the step's text, then show its **UI labels** in bold."""
    parts = BOLD.split(text)
    # split() with one group alternates: plain text, bold label, plain text, ...
    return Markup("").join(
        escape(part) if index % 2 == 0 else Markup("<strong>%s</strong>") % part for index, part in enumerate(parts)
    )


def pixel_figures(pixels: dict) -> list[tuple[str, str]]:
    return [
        ("Pixels that differ", f"{pixels['mismatched']:,} of {pixels['total']:,} ({percent(pixels['ratio'])})"),
        (
            "Tolerance",
            f"{pixels.get('max_diff_pixels') or 0:,} pixels or {percent(pixels.get('max_diff_ratio') or 0)}",
        ),
        ("Colour threshold", f"{pixels.get('threshold', 0)}"),
        # Drawn like anti-aliasing in the diff picture: not counted.
        ("Edges drawn a pixel over", f"{pixels.get('shifted', 0):,}, not counted"),
    ]


def aria_diff_lines(aria: dict) -> list[DiffLine]:
    """The unified diff of the ARIA snapshots, each line tagged for colour."""
    diff = aria.get("diff")
    if not diff:
        diff = "\n".join(
            difflib.unified_diff(
                (aria.get("expected") or "").splitlines(),
                (aria.get("actual") or "").splitlines(),
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


def image_viewer(step: dict, report_dir: Path) -> ImageViewer | None:
    images = [
        image
        for role in IMAGE_ROLES
        if (image := report_image(step["step"], role, (step.get("files") or {}).get(role), report_dir))
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
