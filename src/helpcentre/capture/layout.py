"""Where baselines live under screenshots/: light enough for the site plugin to import."""

from __future__ import annotations

import struct
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


def png_dimensions(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header, without decoding the image."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", png[16:24])
    return width, height
