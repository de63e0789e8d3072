"""Compare two screenshots: how many pixels differ, and a picture of where."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from helpcentre.compare.images import as_rgba, encode_png, pad_to
from helpcentre.compare.pixelmatch_port import MAX_YIQ_DELTA, gray_background, match_pixels
from helpcentre.compare.shifted import shifted_edges

log = logging.getLogger(__name__)

# pixelmatch's defaults, so a diff image reads the same as one from pixelmatch or Playwright.
DIFF_COLOR = (255, 0, 0)
AA_COLOR = (255, 255, 0)
DIFF_ALPHA = 0.1
DEFAULT_THRESHOLD = 0.1


class Box(NamedTuple):
    """A rectangle in pixels: left, top, width, height."""

    x: int
    y: int
    width: int
    height: int


class ImageSizeMismatch(ValueError):
    """The images are not the same size and `pad` was not asked for."""

    def __init__(self, expected_size: tuple[int, int], actual_size: tuple[int, int]):
        self.expected_size = expected_size
        self.actual_size = actual_size
        super().__init__(
            f"the images differ in size: expected {expected_size[0]}x{expected_size[1]}, "
            f"actual {actual_size[0]}x{actual_size[1]}"
        )


@dataclass(frozen=True)
class Comparison:
    """The outcome of `compare_images`; `mismatched` is the count pixelmatch would return."""

    mismatched: int
    total: int
    width: int
    height: int
    anti_aliased: int  # over the threshold but taken for anti-aliasing, so not counted (0 with include_aa)
    padded: int  # of `mismatched`: pixels outside the smaller image, counted because the sizes differ
    shifted: int = 0  # over the threshold but an edge drawn `edge_shift` pixels over, so not counted
    diff_png: bytes | None = field(default=None, repr=False)

    @property
    def ratio(self) -> float:
        """The share of pixels that differ, 0 to 1."""
        return self.mismatched / self.total if self.total else 0.0

    @property
    def matches(self) -> bool:
        return self.mismatched == 0


def compare_images(
    expected: np.ndarray | bytes,
    actual: np.ndarray | bytes,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    include_aa: bool = False,
    ignore: Iterable[Box | tuple[int, int, int, int]] = (),
    pad: bool = False,
    diff_output: bool = True,
    edge_shift: int = 0,
) -> Comparison:
    """Count the pixels of `actual` that differ from `expected`, exactly as pixelmatch 7 counts them.

    Images are PNG bytes or (H, W, 3|4) uint8 arrays. `threshold` (0 to 1) and `include_aa` mean
    what pixelmatch's `threshold` and `includeAA` mean. `ignore` boxes are made identical in both
    images before comparing (as a Playwright mask paints both alike), so they never count and are
    drawn like unchanged pixels. Images of different sizes raise `ImageSizeMismatch` unless `pad`:
    then both are padded to the larger size with transparent black, as Playwright does, and every
    pixel outside the smaller one counts as different. `diff_output` adds pixelmatch's diff image.
    With `edge_shift`, a patch drawn as the other image draws it that many pixels over or fewer
    (an edge Chromium rounded the other way, `shifted.py`) does not count; drawn like anti-aliasing.
    """
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    img1 = as_rgba(expected)
    img2 = as_rgba(actual)
    (height1, width1), (height2, width2) = img1.shape[:2], img2.shape[:2]
    width, height = max(width1, width2), max(height1, height2)

    outside_overlap = None
    if (width1, height1) != (width2, height2):
        if not pad:
            raise ImageSizeMismatch((width1, height1), (width2, height2))
        img1, img2 = pad_to(img1, width, height), pad_to(img2, width, height)
        outside_overlap = np.ones((height, width), dtype=bool)
        outside_overlap[: min(height1, height2), : min(width1, width2)] = False

    boxes = [_clipped(Box(*box), width, height) for box in ignore]
    if boxes:
        img2 = img2.copy()
        for left, top, right, bottom in boxes:
            img2[top:bottom, left:right] = img1[top:bottom, left:right]
            if outside_overlap is not None:
                outside_overlap[top:bottom, left:right] = False

    found = match_pixels(img1, img2, threshold=threshold, include_aa=include_aa)
    different, anti_aliased = found.different, found.anti_aliased
    max_delta = MAX_YIQ_DELTA * threshold * threshold
    # Images of different sizes changed more than an edge: nothing is taken for a shift.
    reach = edge_shift if outside_overlap is None else 0
    moved = shifted_edges(img1, img2, different, reach=reach, max_delta=max_delta)
    shifted, different = different[moved], different[~moved]
    padded = 0
    if outside_overlap is not None:
        forced = np.flatnonzero(outside_overlap)
        padded = forced.size
        different = np.union1d(different, forced)
        anti_aliased = np.setdiff1d(anti_aliased, forced, assume_unique=True)

    log.debug(
        "compared %dx%d at threshold %s: %d differ, %d anti-aliased, %d shifted",
        width,
        height,
        threshold,
        different.size,
        anti_aliased.size,
        shifted.size,
    )
    return Comparison(
        mismatched=int(different.size),
        total=width * height,
        width=width,
        height=height,
        anti_aliased=int(anti_aliased.size),
        padded=int(padded),
        shifted=int(shifted.size),
        diff_png=encode_png(_diff_image(img1, different, np.union1d(anti_aliased, shifted))) if diff_output else None,
    )


def _clipped(box: Box, width: int, height: int) -> tuple[int, int, int, int]:
    """The box as (left, top, right, bottom) inside the image."""
    if box.width < 0 or box.height < 0:
        raise ValueError(f"an ignore box needs a non-negative width and height, got {tuple(box)}")
    left, top = min(max(box.x, 0), width), min(max(box.y, 0), height)
    right, bottom = min(max(box.x + box.width, 0), width), min(max(box.y + box.height, 0), height)
    return left, top, right, bottom


def _diff_image(expected: np.ndarray, different: np.ndarray, anti_aliased: np.ndarray) -> np.ndarray:
    """pixelmatch's diff output: the expected image faded to gray, anti-aliasing yellow, differences red."""
    diff = gray_background(expected, DIFF_ALPHA)
    pixels = diff.reshape(-1, 4)
    pixels[anti_aliased, :3] = AA_COLOR
    pixels[different, :3] = DIFF_COLOR
    return diff
