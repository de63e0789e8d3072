"""One step's verdict: flow, text, structure, pixels, or ok, from what the walk saw and the baseline."""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from typing import Any

from helpcentre.articles.walkthrough import Step, StepOverride, Walkthrough
from helpcentre.capture.walker import Box, StepShot
from helpcentre.settings import ToleranceSettings

# The order in which drift is reported: a step that cannot be done hides everything else. An
# `error` is the run's own failure at a step (a frame it could not find again): not drift, and
# nothing was compared, so it outranks every verdict.
STATUS_ORDER = ["error", "flow", "text", "structure", "pixels", "new", "not_reached", "ok"]
DRIFT = {"flow", "text", "structure", "pixels"}


@dataclass(frozen=True)
class Tolerance:
    threshold: float
    include_aa: bool
    max_diff_pixels: int | None
    max_diff_ratio: float | None
    edge_shift: int = 0

    @classmethod
    def for_step(cls, site: ToleranceSettings, walkthrough: Walkthrough, step: Step | StepOverride | None) -> Tolerance:
        """The step's own limits, else its walkthrough's, else mkdocs.yml's."""

        def pick(name: str):
            for level in (step, walkthrough, site):
                value = getattr(level, name, None)
                if value is not None:
                    return value
            return None

        return cls(site.threshold, site.include_aa, pick("max_diff_pixels"), pick("max_diff_ratio"), site.edge_shift)

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


_ENTRY = re.compile(r'^\s*- (?P<role>[a-z]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?')


@dataclass
class AriaChange:
    """What a structure diff adds, removes and renames, as `role 'name'` entries."""

    gone: list[tuple[str, str]]
    new: list[tuple[str, str]]
    renamed: list[tuple[tuple[str, str], tuple[str, str]]]

    def summary(self) -> str:
        """One line a writer can act on: "gone: link 'Print November 2026' and 11 more"."""
        parts = []
        if self.renamed:
            (role, old), (_, new) = self.renamed[0]
            more = f" and {len(self.renamed) - 1} more" if len(self.renamed) > 1 else ""
            parts.append(f"renamed: {role} '{old}' is now '{new}'{more}")
        for word, entries in (("gone", self.gone), ("new", self.new)):
            if entries:
                role, name = entries[0]
                more = f" and {len(entries) - 1} more" if len(entries) > 1 else ""
                parts.append(f"{word}: {role} '{name}'{more}" if name else f"{word}: a {role}{more}")
        return "; ".join(parts) or "the same entries, in another order or with other properties"

    def names(self) -> list[str]:
        return (
            [name for _, name in self.gone]
            + [name for (_, name), _ in self.renamed]
            + [name for _, (_, name) in self.renamed]
        )


def aria_changes(diff: str) -> AriaChange:
    """The named entries a unified ARIA diff removes and adds; a removed and an added entry of the
    same role, next to each other, are one renamed entry."""
    removed: list[tuple[str, str]] = []
    added: list[tuple[str, str]] = []
    renamed: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for line in diff.splitlines()[2:]:
        if line[:1] not in "+-" or line[:3] in ("---", "+++"):
            if removed and added:
                # A hunk's run of removals and additions ended: pair same-role entries in order.
                _pair(removed, added, renamed)
            continue
        match = _ENTRY.match(line[1:])
        if match is None or match.group("role") in ("text", "paragraph", "cell", "row", "rowgroup"):
            continue
        entry = (match.group("role"), (match.group("name") or "").replace('\\"', '"'))
        (removed if line[0] == "-" else added).append(entry)
    _pair(removed, added, renamed)
    return AriaChange(removed, added, renamed)


def _pair(removed: list, added: list, renamed: list) -> None:
    for old in list(removed):
        same_role = next((new for new in added if new[0] == old[0] and new[1] != old[1]), None)
        if same_role is not None and old[1] and same_role[1]:
            renamed.append((old, same_role))
            removed.remove(old)
            added.remove(same_role)


def labels_touched(change: AriaChange, labels_by_step: dict[int, list[str]]) -> dict[str, list[int]]:
    """The article's bold labels that a removed or renamed entry's name holds, with their steps."""
    names = [name.casefold() for name in change.names() if name]
    touched: dict[str, list[int]] = {}
    for number, labels in sorted(labels_by_step.items()):
        for label in labels:
            words = re.compile(rf"(?<!\w){re.escape(label.casefold())}(?!\w)")
            if any(words.search(name) for name in names):
                touched.setdefault(label, []).append(number)
    return touched


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
    labels_by_step: dict[int, list[str]] | None = None,
) -> tuple[dict[str, Any], bytes | None]:
    """Compare a walked step with its baseline; return its record and the diff image, if any.

    `labels_by_step` holds the bold labels of every step of the article: a structure change
    names the ones it touches, so the writer is led to the step whose words changed.
    """
    from helpcentre.compare import compare_images

    record: dict[str, Any] = {"status": "ok", "message": ""}
    problems: list[tuple[str, str]] = []
    if shot.missing_labels:
        names = ", ".join(f"'{label}'" for label in shot.missing_labels)
        problems.append(("text", f"not on the page as a name or visible text: {names}"))
    record["text_labels"] = {"expected": [], "missing": list(shot.missing_labels)} if shot.missing_labels else None
    if shot.moved:
        # The word is on the page, but not where the baseline read it: other words, not the same.
        problems.append(("text", "; ".join(shot.moved)))

    diff = aria_diff(baseline_aria, shot.aria) if baseline_aria is not None else None
    record["aria"] = None
    if diff:
        changed = sum(1 for line in diff.splitlines()[2:] if line[:1] in "+-")
        change = aria_changes(diff)
        touched = labels_touched(change, labels_by_step or {})
        summary = change.summary()
        if touched:
            summary += "; it touches " + ", ".join(
                f"**{label}** (step {', '.join(map(str, steps))})" for label, steps in touched.items()
            )
        record["aria"] = {
            "expected": baseline_aria,
            "actual": shot.aria,
            "diff": diff,
            "summary": summary,
            "labels": sorted(touched),
        }
        problems.append(("structure", f"the ARIA snapshot differs from the baseline: {summary} ({changed} lines)"))

    comparison = compare_images(
        baseline_png,
        shot.png,
        threshold=tolerance.threshold,
        include_aa=tolerance.include_aa,
        ignore=[_whole_pixels(box) for box in [*baseline_masks, *shot.masks]],
        pad=True,
        diff_output=True,
        edge_shift=tolerance.edge_shift,
    )
    allowed = tolerance.allowed(comparison.total)
    ratio = comparison.mismatched / comparison.total if comparison.total else 0.0
    record["pixels"] = {
        "mismatched": comparison.mismatched,
        "total": comparison.total,
        "ratio": round(ratio, 6),
        "allowed": round(allowed, 1),
        "shifted": comparison.shifted,
        "threshold": tolerance.threshold,
        "edge_shift": tolerance.edge_shift,
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
