"""The published copy of a step shot: a highlight box around the target and a numbered badge.

Drawn on the image after capture, so restyling the box or the badge is never drift:
verify compares the raw shots only. The shot is set in a margin of its own, and the badge sits
in that margin: it never covers what the picture shows, however tight the frame.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from helpcentre.baselines.shot import Box

# Bump whenever the drawing below changes: a capture draws again every published copy of
# another style, instead of keeping the one committed (the manifest records each step's style).
PUBLISHED_STYLE = 2

HIGHLIGHT_COLOUR = (232, 89, 12, 255)
BADGE_TEXT_COLOUR = (255, 255, 255, 255)
MARGIN_COLOUR = (255, 255, 255, 255)
# A hairline around the shot, so that a white page keeps its edge on a white article.
EDGE_COLOUR = (209, 213, 219, 255)
HIGHLIGHT_WIDTH = 3
HIGHLIGHT_OUTSET = 4
BADGE_DIAMETER = 28
BADGE_GAP = 6
# Around the shot: room for the box's outline on every side, and for the badge above it.
MARGIN = HIGHLIGHT_OUTSET + HIGHLIGHT_WIDTH + 1
TOP_MARGIN = BADGE_DIAMETER + 2 * BADGE_GAP


def shot_offset() -> tuple[int, int]:
    """Where the raw shot's top-left pixel is in its published copy."""
    return MARGIN, TOP_MARGIN


def published_copy(raw_png: bytes, number: int, highlight: Box | None) -> bytes:
    shot = Image.open(io.BytesIO(raw_png)).convert("RGBA")
    left, top = shot_offset()
    width = max(shot.width + 2 * MARGIN, BADGE_DIAMETER + 2 * MARGIN)
    image = Image.new("RGBA", (width, shot.height + top + MARGIN), MARGIN_COLOUR)
    image.paste(shot, (left, top))
    draw = ImageDraw.Draw(image)
    draw.rectangle((left - 1, top - 1, left + shot.width, top + shot.height), outline=EDGE_COLOUR)
    badge_x = left
    box = _inside(highlight, shot.width, shot.height) if highlight is not None else None
    if box is not None:
        outline = (
            max(0, left + box.x - HIGHLIGHT_OUTSET),
            max(0, top + box.y - HIGHLIGHT_OUTSET),
            min(image.width - 1, left + box.x + box.width + HIGHLIGHT_OUTSET),
            min(image.height - 1, top + box.y + box.height + HIGHLIGHT_OUTSET),
        )
        draw.rounded_rectangle(outline, radius=6, outline=HIGHLIGHT_COLOUR, width=HIGHLIGHT_WIDTH)
        # Above the box, in the margin: the badge points at what the step touched.
        badge_x = outline[0]
    badge_x = min(max(badge_x, 2), image.width - BADGE_DIAMETER - 2)
    badge_y = BADGE_GAP
    draw.ellipse(
        (badge_x, badge_y, badge_x + BADGE_DIAMETER, badge_y + BADGE_DIAMETER),
        fill=HIGHLIGHT_COLOUR,
        outline=BADGE_TEXT_COLOUR,
        width=2,
    )
    font = ImageFont.load_default(size=16)
    draw.text(
        (badge_x + BADGE_DIAMETER / 2, badge_y + BADGE_DIAMETER / 2),
        str(number),
        fill=BADGE_TEXT_COLOUR,
        font=font,
        anchor="mm",
    )
    output = io.BytesIO()
    image.convert("RGB").save(output, format="PNG")
    return output.getvalue()


def _inside(box: Box, width: int, height: int) -> Box | None:
    """The part of the box inside the shot: the highlight never points past the picture."""
    left, top = max(0.0, box.x), max(0.0, box.y)
    right, bottom = min(float(width), box.x + box.width), min(float(height), box.y + box.height)
    if right <= left or bottom <= top:
        return None
    return Box(left, top, right - left, bottom - top)
