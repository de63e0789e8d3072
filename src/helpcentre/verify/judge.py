"""One step's verdict: flow, text, structure, pixels, or ok, from what the walk saw and the baseline."""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass

from helpcentre.articles.walkthrough import Step, StepOverride, Walkthrough
from helpcentre.baselines.shot import Box, StepShot
from helpcentre.settings import ToleranceSettings
from helpcentre.verify.results import AriaCheck, LabelCheck, PixelCheck, Rect, Status


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


# Entries that hold text rather than name a control: the structure summary leaves them out.
NOT_CONTROLS = frozenset({"text", "paragraph", "cell", "row", "rowgroup"})
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
        if match is None or match.group("role") in NOT_CONTROLS:
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


def boxes_from(records: list[Rect] | None) -> list[Box]:
    return [Box(item["x"], item["y"], item["width"], item["height"]) for item in records or []]


def _whole_pixels(box: Box) -> tuple[int, int, int, int]:
    """The smallest pixel rectangle that covers a box: a masked edge pixel never counts."""
    left, top = math.floor(box.x), math.floor(box.y)
    return left, top, math.ceil(box.x + box.width) - left, math.ceil(box.y + box.height) - top


@dataclass
class Verdict:
    """What comparing a walked step with its baseline found: the worst problem's status, every
    problem's message, and the evidence of each check."""

    status: Status
    message: str
    pixels: PixelCheck
    text_labels: LabelCheck | None
    aria: AriaCheck | None


def judge(
    shot: StepShot,
    baseline_png: bytes,
    baseline_aria: str | None,
    baseline_masks: list[Box],
    tolerance: Tolerance,
    labels_by_step: dict[int, list[str]] | None = None,
) -> tuple[Verdict, bytes | None]:
    """Compare a walked step with its baseline; return the verdict and the diff image, if any.

    `labels_by_step` holds the bold labels of every step of the article: a structure change
    names the ones it touches, so the writer is led to the step whose words changed.
    """
    from helpcentre.compare import compare_images

    problems: list[tuple[Status, str]] = []
    if shot.missing_labels:
        names = ", ".join(f"'{label}'" for label in shot.missing_labels)
        problems.append((Status.TEXT, f"not on the page as a name or visible text: {names}"))
    text_labels = LabelCheck(missing=list(shot.missing_labels)) if shot.missing_labels else None
    if shot.moved:
        # The word is on the page, but not where the baseline read it: other words, not the same.
        problems.append((Status.TEXT, "; ".join(shot.moved)))

    diff = aria_diff(baseline_aria, shot.aria) if baseline_aria is not None else None
    aria = None
    if diff:
        changed = sum(1 for line in diff.splitlines()[2:] if line[:1] in "+-")
        change = aria_changes(diff)
        touched = labels_touched(change, labels_by_step or {})
        summary = change.summary()
        if touched:
            summary += "; it touches " + ", ".join(
                f"**{label}** (step {', '.join(map(str, steps))})" for label, steps in touched.items()
            )
        aria = AriaCheck(baseline_aria or "", shot.aria, diff, summary, sorted(touched))
        message = f"the ARIA snapshot differs from the baseline: {summary} ({changed} lines)"
        problems.append((Status.STRUCTURE, message))

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
    pixels = PixelCheck(
        mismatched=comparison.mismatched,
        total=comparison.total,
        ratio=round(ratio, 6),
        allowed=round(allowed, 1),
        shifted=comparison.shifted,
        threshold=tolerance.threshold,
        edge_shift=tolerance.edge_shift,
        max_diff_pixels=tolerance.max_diff_pixels,
        max_diff_ratio=tolerance.max_diff_ratio,
    )
    if comparison.mismatched > allowed:
        problems.append((Status.PIXELS, f"{comparison.mismatched} pixels differ ({ratio:.3%}); {allowed:g} allowed"))
    problems.sort(key=lambda problem: problem[0].severity)
    status = problems[0][0] if problems else Status.OK
    message = "; ".join(message for _, message in problems)
    diff_png = comparison.diff_png if comparison.mismatched else None
    return Verdict(status, message, pixels, text_labels, aria), diff_png
