"""How a walk goes: the target's address, what to mask, the waits, and what the caller watches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from helpcentre.articles.walkthrough import Locator
from helpcentre.baselines.manifest import StepBaseline
from helpcentre.baselines.shot import StepShot
from helpcentre.capture.timings import RunTimings


@dataclass
class WalkSettings:
    base_url: str
    masks: list[Locator]
    unmask: list[Locator] = field(default_factory=list)
    action_timeout_ms: float = 10_000
    settle_timeout_s: float = 5.0
    on_step: Callable[[int], None] | None = None
    check_labels: bool = False
    # Capture refuses a walk whose bold labels are not on the page; verify reports them as text drift.
    labels_must_match: bool = False
    # Walk only this far (`inspect ARTICLE --step N`).
    stop_after: int | None = None
    # Sees each step's shot as soon as it is taken (capture starts its image work there).
    on_shot: Callable[[StepShot], None] | None = None
    # Where the walk's clocks go (the benchmark reads them).
    timings: RunTimings | None = None
    # Verify: the baseline's manifest entry of each step, by number (its frame, its checks' places).
    baseline: dict[int, StepBaseline] = field(default_factory=dict)
