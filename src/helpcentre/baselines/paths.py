"""Where baselines live under screenshots/: one folder per article, three files per step."""

from __future__ import annotations

from dataclasses import dataclass


def step_stem(number: int) -> str:
    return f"{number:02d}"


@dataclass(frozen=True)
class StepFiles:
    raw: str
    published: str
    aria: str


def step_files(ref: str, number: int) -> StepFiles:
    """Paths relative to the screenshots folder: `billing/x/01.png` and its siblings."""
    stem = f"{ref}/{step_stem(number)}"
    return StepFiles(f"{stem}.png", f"{stem}.published.png", f"{stem}.aria.yml")
