"""One step's verdict: flow, text, structure, pixels, or ok, from what the walk saw and the baseline."""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from typing import Any

from helpcentre.articles.walkthrough import Step, StepOverride, Walkthrough
from helpcentre.capture.walker import Box, StepShot
from helpcentre.settings import ToleranceSettings

# The order in which drift is reported: a step that cannot be done hides everything else.
STATUS_ORDER = ["flow", "text", "structure", "pixels", "new", "not_reached", "ok"]
DRIFT = {"flow", "text", "structure", "pixels"}


@dataclass(frozen=True)
class Tolerance:
    threshold: float
    include_aa: bool
    max_diff_pixels: int | None
    max_diff_ratio: float | None

    @classmethod
    def for_step(cls, site: ToleranceSettings, walkthrough: Walkthrough, step: Step | StepOverride | None) -> Tolerance:
        """The step's own limits, else its walkthrough's, else mkdocs.yml's."""

        def pick(name: str):
            for level in (step, walkthrough, site):
                value = getattr(level, name, None)
                if value is not None:
                    return value
            return None

        return cls(site.threshold, site.include_aa, pick("max_diff_pixels"), pick("max_diff_ratio"))

    def allowed(self, total: int) -> float:
        """How many pixels may differ: the stricter of the two limits, none when neither is set."""
        limits = []
        if self.max_diff_pixels is not None:
            limits.append(self.max_diff_pixels)
        if self.max_diff_ratio is not None:
            limits.append(self.max_diff_ratio * total)
        return min(limits) if limits else 0


def aria_diff(expected: str, actual: str) -> str | None:
    """A unified diff of two ARIA snapshots, or None when they match."""
    expected_lines = expected.rstrip("\n").splitlines()
    actual_lines = actual.rstrip("\n").splitlines()
    if expected_lines == actual_lines:
        return None
    return "\n".join(difflib.unified_diff(expected_lines, actual_lines, "expected", "actual", lineterm="", n=2))


def boxes_from(records: list[dict[str, float]] | None) -> list[Box]:
    return [Box(item["x"], item["y"], item["width"], item["height"]) for item in records or []]


def _whole_pixels(box: Box) -> tuple[int, int, int, int]:
    """The smallest pixel rectangle that covers a box: a masked edge pixel never counts."""
    left, top = math.floor(box.x), math.floor(box.y)
    return left, top, math.ceil(box.x + box.width) - left, math.ceil(box.y + box.height) - top


def judge(
    shot: StepShot,
    baseline_png: bytes,
    baseline_aria: str | None,
    baseline_masks: list[Box],
    tolerance: Tolerance,
) -> tuple[dict[str, Any], bytes | None]:
    """Compare a walked step with its baseline; return its record and the diff image, if any."""
    from helpcentre.compare import compare_images

    record: dict[str, Any] = {"status": "ok", "message": ""}
    problems: list[tuple[str, str]] = []
    if shot.missing_labels:
        names = ", ".join(f"'{label}'" for label in shot.missing_labels)
        problems.append(("text", f"not on the page as a name or visible text: {names}"))
    record["text_labels"] = {"expected": [], "missing": list(shot.missing_labels)} if shot.missing_labels else None

    diff = aria_diff(baseline_aria, shot.aria) if baseline_aria is not None else None
    record["aria"] = {"expected": baseline_aria, "actual": shot.aria, "diff": diff} if diff else None
    if diff:
        changed = sum(1 for line in diff.splitlines()[2:] if line[:1] in "+-")
        problems.append(("structure", f"the ARIA snapshot differs from the baseline ({changed} lines)"))

    comparison = compare_images(
        baseline_png,
        shot.png,
        threshold=tolerance.threshold,
        include_aa=tolerance.include_aa,
        ignore=[_whole_pixels(box) for box in [*baseline_masks, *shot.masks]],
        pad=True,
        diff_output=True,
    )
    allowed = tolerance.allowed(comparison.total)
    ratio = comparison.mismatched / comparison.total if comparison.total else 0.0
    record["pixels"] = {
        "mismatched": comparison.mismatched,
        "total": comparison.total,
        "ratio": round(ratio, 6),
        "allowed": round(allowed, 1),
        "threshold": tolerance.threshold,
        "max_diff_pixels": tolerance.max_diff_pixels,
        "max_diff_ratio": tolerance.max_diff_ratio,
    }
    if comparison.mismatched > allowed:
        problems.append(("pixels", f"{comparison.mismatched} pixels differ ({ratio:.3%}); {allowed:g} allowed"))
    if problems:
        problems.sort(key=lambda problem: STATUS_ORDER.index(problem[0]))
        record["status"] = problems[0][0]
        record["message"] = "; ".join(message for _, message in problems)
    diff_png = comparison.diff_png if comparison.mismatched else None
    return record, diff_png
