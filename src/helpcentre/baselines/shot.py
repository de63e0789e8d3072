"""The shot record: what a walk keeps of one step, and the boxes on its picture.

What capture hands to the baselines store, and what verify judges: plain data, no browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Box:
    """A rectangle in screenshot pixels."""

    x: float
    y: float
    width: float
    height: float

    def as_dict(self) -> dict[str, float]:
        return {
            "x": round(self.x, 1),
            "y": round(self.y, 1),
            "width": round(self.width, 1),
            "height": round(self.height, 1),
        }


@dataclass
class StepShot:
    number: int
    text: str
    png: bytes
    aria: str
    url: str
    highlight: Box | None
    masks: list[Box] = field(default_factory=list)
    # The bold UI labels of the step's text that were on the page neither before nor after it,
    # and the page's own spelling of those that differ only in case (what `fix` rewrites).
    missing_labels: list[str] | None = None
    label_spellings: dict[str, str] = field(default_factory=dict)
    # For `explain` and the capture summary: (what was done, the control found, the rule that read
    # the words), the frame, and what to look at again.
    controls: list[tuple[str, str, str]] = field(default_factory=list)
    frame: str = ""
    warnings: list[str] = field(default_factory=list)
    # Where each check found its words ("region 'Payment Method'"), and, at verify, why a word
    # found only somewhere else than its baseline's place no longer counts (text drift).
    places: dict[str, str] = field(default_factory=dict)
    moved: list[str] = field(default_factory=list)
    # The small text's size in the picture, in CSS pixels (see `text_size`).
    text_px: float | None = None


def frame_name(described: str) -> str:
    """ "menu 'Setup' with its button, 195×62 px" as "menu 'Setup' with its button"."""
    return re.sub(r", \d+×\d+ px$", "", described)
