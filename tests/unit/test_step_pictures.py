"""A step picture's phone crop and alt text, from the baseline and what capture recorded beside it."""

from __future__ import annotations

import io

from PIL import Image

from helpcentre.baselines.manifest import StepBaseline
from helpcentre.baselines.publish import MARGIN
from helpcentre.baselines.shot import Box
from helpcentre.baselines.step_pictures import LEGIBLE_TEXT_PX, PHONE_COLUMN_PX, alt_text, crop_box, phone_crop


def png(width: int, height: int) -> bytes:
    image = Image.new("RGB", (width, height), (250, 250, 250))
    for x in range(0, width, 40):
        image.putpixel((x, height // 2), (0, 0, 0))
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def step(width: int, height: int, **recorded) -> StepBaseline:
    return StepBaseline.from_json({"step": 3, "width": width, "height": height, **recorded})


def framed(**recorded) -> StepBaseline:
    return StepBaseline.from_json({"step": 1, **recorded})


def test_a_picture_a_phone_can_read_whole_gets_no_crop():
    # 14 px text shown across a 328 px column reads at 9 px or more up to 510 px wide.
    assert phone_crop(png(480, 200), step(480, 200, text_px=14)) is None
    assert phone_crop(png(560, 200), step(560, 200, text_px=14)) is not None


def test_a_crop_is_as_wide_as_reads_and_drawn_with_the_steps_badge_and_highlight():
    highlight = {"x": 900, "y": 40, "width": 80, "height": 30}
    crop = phone_crop(png(1148, 400), step(1148, 400, text_px=12, highlight=highlight))
    assert crop is not None
    # Shown across the column, its text is 9 px: as wide as that allows, no wider.
    assert abs(crop.width * LEGIBLE_TEXT_PX / 12 - PHONE_COLUMN_PX) <= 2
    with Image.open(io.BytesIO(crop.png)) as drawn:
        assert drawn.size == (crop.width, crop.height)
        # The badge's orange is in the margin above the shot.
        assert (232, 89, 12) in {drawn.getpixel((x, 20))[:3] for x in range(drawn.width)}
    # Narrow screens up to where the whole picture reads: 1164 px at 9/12 is 873 px of column.
    assert crop.up_to_px == int((1148 + 2 * MARGIN) * 0.75) + 390 - PHONE_COLUMN_PX


def test_the_crop_is_cut_around_the_highlight_with_room_to_place_it():
    box = crop_box(1148, 400, Box(900, 300, 80, 30), 420)
    assert box.x <= 900 - 24 and box.x + box.width >= 980 + 24
    assert box.y <= 300 and box.y + box.height >= 330
    assert box.x + box.width <= 1148 and box.y + box.height <= 400
    # A highlight at the edge: the crop stays inside the picture.
    edge = crop_box(1148, 400, Box(1100, 10, 48, 20), 420)
    assert edge.x + edge.width == 1148 and edge.y == 0
    # Wider than the crop: from its start.
    wide = crop_box(1148, 700, Box(16, 16, 1115, 668), 420)
    assert (wide.x, wide.y) == (0, 0) and wide.width == 420
    # No highlight: the top left, where a page starts.
    assert crop_box(1148, 400, None, 420) == Box(0, 0, 420, 315)


def test_the_alt_text_says_what_the_picture_frames_and_what_is_highlighted():
    assert (
        alt_text(framed(frame="region 'Payment Method'", controls=["button 'Card Details'"]))
        == "The Payment Method region, with the Card Details button highlighted."
    )
    assert (
        alt_text(framed(frame="dialog 'Billing Contact'", controls=["textbox 'Name'", "textbox 'Email'", "key Tab"]))
        == "The Billing Contact dialog, with the Name field and the Email field highlighted."
    )
    assert alt_text(framed(frame="region 'Invoices'", controls=["region 'Invoices'"])) == "The Invoices region."
    assert alt_text(framed(frame="the part headed 'Invoice November 2026'")) == "The part headed Invoice November 2026."
    assert alt_text(None) == "The page."
