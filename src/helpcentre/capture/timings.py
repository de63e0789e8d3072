"""Where a capture or verify run spends its time: cheap clocks the benchmark and the CLI read.

Each phase before the first step (the browser, the sandbox, signing in, the first page) and
each step's three parts (acting, taking its picture once the page is still, reading the
page after the picture) are measured with `time.perf_counter`, so measuring costs nothing a run notices.
"""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class StepTiming:
    """One walked step, in seconds: `action` is everything before the picture is framed."""

    article: str
    number: int
    action: float = 0.0
    shot: float = 0.0
    post_shot: float = 0.0
    # The frames its picture took: one when the page vouched for its quiet, else two or more.
    frames: int = 0
    # Of `action`, the time inside the step's own actions: Playwright's click, fill or select
    # (with its checks that the control is ready) and the page loading after it. No walk can
    # take less than this and one screenshot.
    acting: float = 0.0

    @property
    def total(self) -> float:
        return self.action + self.shot + self.post_shot


@dataclass
class RunTimings:
    """A run's clocks. Phases may overlap (the sandbox starts while the browser does)."""

    started: float = field(default_factory=time.perf_counter)
    # Each phase's first time (what the first article waits for), and its sum over the run.
    phases: dict[str, float] = field(default_factory=dict)
    totals: dict[str, float] = field(default_factory=dict)
    first_step_at: float | None = None
    walks_ended_at: float | None = None
    images_done_at: float | None = None
    steps: list[StepTiming] = field(default_factory=list)

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Count the time spent in the block towards phase `name`."""
        began = time.perf_counter()
        try:
            yield
        finally:
            spent = time.perf_counter() - began
            self.phases.setdefault(name, spent)
            self.totals[name] = self.totals.get(name, 0.0) + spent

    def step(self, article: str, number: int) -> StepTiming:
        timing = StepTiming(article, number)
        if self.first_step_at is None:
            self.first_step_at = time.perf_counter()
        self.steps.append(timing)
        return timing

    @property
    def before_first_step(self) -> float:
        """From the start of the run to the start of the first step."""
        return (self.first_step_at or time.perf_counter()) - self.started

    @property
    def images_after_walks(self) -> float:
        """How long image work went on once every walk had ended."""
        if self.walks_ended_at is None or self.images_done_at is None:
            return 0.0
        return max(0.0, self.images_done_at - self.walks_ended_at)

    def median_step(self) -> StepTiming | None:
        """The medians of each part over every step (of an article that may have failed too)."""
        if not self.steps:
            return None
        return StepTiming(
            "",
            0,
            action=statistics.median(step.action for step in self.steps),
            shot=statistics.median(step.shot for step in self.steps),
            post_shot=statistics.median(step.post_shot for step in self.steps),
            acting=statistics.median(step.acting for step in self.steps),
        )


class StepClock:
    """Splits one step's time into acting, shooting and reading, as the walker moves between them."""

    def __init__(self, timing: StepTiming | None):
        self.timing = timing
        self._part = "action"
        self._since = time.perf_counter()

    def switch(self, part: str) -> None:
        """From now on, time counts towards `part` ("action", "shot" or "post_shot")."""
        now = time.perf_counter()
        if self.timing is not None:
            setattr(self.timing, self._part, getattr(self.timing, self._part) + now - self._since)
        self._part, self._since = part, now

    @property
    def frames(self) -> int:
        return self.timing.frames if self.timing is not None else 0

    @frames.setter
    def frames(self, count: int) -> None:
        if self.timing is not None:
            self.timing.frames = count

    def acted(self, seconds: float) -> None:
        """`seconds` of this step went to an action in the product (counted in `action` too)."""
        if self.timing is not None:
            self.timing.acting += seconds

    def stop(self) -> None:
        self.switch(self._part)
