"""A page photographed as capture photographs it, its masks painted, and what the picture shows.

Boxes are Playwright's (`{"x", "y", "width", "height"}` in CSS pixels); the picture is taken at
CSS scale, so a box is also where its pixels are.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image
from playwright.async_api import Page

from helpcentre.capture.page.masks import MASK_COLOUR, MaskReading, PageMasks, redact

MASK_RGB = tuple(int(MASK_COLOUR[at : at + 2], 16) for at in (1, 3, 5))


@dataclass
class Photographed:
    picture: Image.Image
    reading: MaskReading
    # The page's ARIA snapshot, with the masked text taken out as capture takes it out.
    aria: str

    def mask_boxes(self, group: int = -1) -> list[dict]:
        """One group's recorded mask rectangles (the last: the personal data) as boxes."""
        return [{"x": x, "y": y, "width": w, "height": h} for x, y, w, h in self.reading.rects[group]]


async def photographed(page: Page, unmask=None) -> Photographed:
    """The page's picture with its masks (none configured) and personal data painted over."""
    masks = PageMasks(page, [], unmask=unmask)
    await masks.mark_elements()
    png = await page.screenshot(
        type="png",
        scale="css",
        animations="disabled",
        caret="hide",
        mask=masks.screenshot_mask(),
        mask_color=MASK_COLOUR,
    )
    reading = await masks.read()
    aria = redact(await page.locator("body").aria_snapshot(), reading.values)
    return Photographed(Image.open(io.BytesIO(png)).convert("RGB"), reading, aria)


def masked_share(picture: Image.Image, box: dict) -> float:
    """The share of the box's pixels (a pixel in from its edges) painted in the mask colour."""
    pixels = [
        picture.getpixel((x, y))
        for x in range(int(box["x"]) + 1, int(box["x"] + box["width"]) - 1)
        for y in range(int(box["y"]) + 1, int(box["y"] + box["height"]) - 1)
    ]
    return sum(pixel == MASK_RGB for pixel in pixels) / max(len(pixels), 1)


def area(box: dict) -> float:
    return box["width"] * box["height"]


def overlap(one: dict, other: dict) -> float:
    """The area two boxes share."""
    width = min(one["x"] + one["width"], other["x"] + other["width"]) - max(one["x"], other["x"])
    height = min(one["y"] + one["height"], other["y"] + other["height"]) - max(one["y"], other["y"])
    return max(width, 0) * max(height, 0)


def split_at(box: dict, edge: float) -> tuple[dict, dict]:
    """The parts of a box left and right of an upright edge (either may be empty)."""
    middle = min(max(edge, box["x"]), box["x"] + box["width"])
    left = {**box, "width": middle - box["x"]}
    right = {**box, "x": middle, "width": box["x"] + box["width"] - middle}
    return left, right
