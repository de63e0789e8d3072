"""Where baselines live under screenshots/, and the boxes on them: light enough for the site plugin
and the image workers to import."""

from __future__ import annotations

import struct
from dataclasses import dataclass


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


def png_dimensions(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header, without decoding the image."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", png[16:24])
    return width, height
