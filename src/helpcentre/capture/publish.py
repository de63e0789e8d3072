"""The published copy of a step shot: a highlight box around the target and a numbered badge.

Drawn on the image after capture, so restyling the box or the badge is never drift:
verify compares the raw shots only.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from helpcentre.capture.layout import Box

HIGHLIGHT_COLOUR = (232, 89, 12, 255)
BADGE_TEXT_COLOUR = (255, 255, 255, 255)
HIGHLIGHT_WIDTH = 3
HIGHLIGHT_OUTSET = 4
BADGE_DIAMETER = 28


def published_copy(raw_png: bytes, number: int, highlight: Box | None) -> bytes:
    image = Image.open(io.BytesIO(raw_png)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    if highlight is not None:
        outline = (
            highlight.x - HIGHLIGHT_OUTSET,
            highlight.y - HIGHLIGHT_OUTSET,
            highlight.x + highlight.width + HIGHLIGHT_OUTSET,
            highlight.y + highlight.height + HIGHLIGHT_OUTSET,
        )
        draw.rounded_rectangle(outline, radius=6, outline=HIGHLIGHT_COLOUR, width=HIGHLIGHT_WIDTH)
        badge_x, badge_y = outline[0] - BADGE_DIAMETER / 2, outline[1] - BADGE_DIAMETER / 2
    else:
        badge_x, badge_y = 8, 8
    # Keep the badge inside the image, whatever the box's position.
    badge_x = min(max(badge_x, 2), image.width - BADGE_DIAMETER - 2)
    badge_y = min(max(badge_y, 2), image.height - BADGE_DIAMETER - 2)
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
