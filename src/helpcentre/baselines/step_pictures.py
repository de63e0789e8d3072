"""What the site makes of a step's committed picture: a crop a phone can read, and words for who cannot see it.

Both come from the baseline and what capture recorded beside it (the manifest's highlight, the
picture's small-text size, what it frames and which controls the step used), at build time:
Git keeps one picture a step, and verify compares only that one.

A phone crop is written when the picture, shown across a phone's article column, would set the
product's text below 9 CSS pixels. It is cut around the highlight, with enough around it to
place it, and drawn as the published copy is (the highlight and the step's badge). The alt text
says what the picture frames and what is highlighted, never the step's sentence again: a screen
reader has just read that.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from PIL import Image

from helpcentre.baselines.manifest import StepBaseline
from helpcentre.baselines.publish import MARGIN, published_copy
from helpcentre.baselines.shot import Box

# The article column of a 390-px phone, where a step's picture sits in its list item.
PHONE_COLUMN_PX = 328
# Page margins and the list's indent around that column, at any phone width.
PHONE_GUTTER_PX = 390 - PHONE_COLUMN_PX
# Below this size in CSS pixels, a reader cannot read the product's text.
LEGIBLE_TEXT_PX = 9.0
# For a picture captured before its text size was recorded: the smallest text of common products.
USUAL_SMALL_TEXT_PX = 12.0
# Wider than this, the column holds the table of contents beside it and is no wider.
WIDEST_PHONE_VIEWPORT_PX = 959
# Room kept around the highlight, in image pixels.
CONTEXT_PX = 24

_NAMED = re.compile(r"^(?P<role>[a-z]+) '(?P<name>[^']*)'")
_ROLE_WORDS = {
    "textbox": "field",
    "searchbox": "search field",
    "combobox": "list",
    "listbox": "list",
    "menuitem": "menu item",
    "radio": "option",
    "spinbutton": "field",
    "columnheader": "column",
    "rowheader": "row",
    "gridcell": "cell",
}


@dataclass(frozen=True)
class PhoneCrop:
    png: bytes
    width: int
    height: int
    # The widest viewport that shows the crop; wider ones show the whole picture legibly.
    up_to_px: int


def phone_crop(raw_png: bytes, step: StepBaseline) -> PhoneCrop | None:
    """A crop of the step's raw picture a phone can read, drawn as published; None when the whole one reads."""
    text_px = float(step.text_px or USUAL_SMALL_TEXT_PX)
    published_width = step.width + 2 * MARGIN
    scale_needed = LEGIBLE_TEXT_PX / text_px
    if published_width * scale_needed <= PHONE_COLUMN_PX:
        return None
    shot = Image.open(io.BytesIO(raw_png))
    highlight = step.highlight
    box = crop_box(shot.width, shot.height, highlight, int(PHONE_COLUMN_PX / scale_needed) - 2 * MARGIN)
    cropped = shot.crop((int(box.x), int(box.y), int(box.x + box.width), int(box.y + box.height)))
    raw = io.BytesIO()
    cropped.save(raw, format="PNG")
    inside = _shifted(highlight, box) if highlight is not None else None
    png = published_copy(raw.getvalue(), step.step, inside)
    with Image.open(io.BytesIO(png)) as drawn:
        width, height = drawn.size
    up_to = min(int(published_width * scale_needed) + PHONE_GUTTER_PX, WIDEST_PHONE_VIEWPORT_PX)
    return PhoneCrop(png, width, height, up_to)


def crop_box(width: int, height: int, highlight: Box | None, crop_width: int) -> Box:
    """Where to cut a `crop_width` wide crop: around the highlight, or from the top left without one."""
    crop_width = max(min(crop_width, width), 1)
    # Three quarters as tall as wide, or the highlight with room around it, up to a little taller than wide.
    around_highlight = round(highlight.height) + 2 * CONTEXT_PX if highlight else 0
    crop_height = min(height, max(round(crop_width * 0.75), around_highlight), round(crop_width * 1.25))
    if highlight is None:
        return Box(0, 0, crop_width, crop_height)
    if highlight.width + 2 * CONTEXT_PX <= crop_width:
        left = highlight.x + highlight.width / 2 - crop_width / 2
    else:
        # Wider than the crop: its start, where a reader begins reading it.
        left = highlight.x - CONTEXT_PX
    if highlight.height + 2 * CONTEXT_PX <= crop_height:
        top = highlight.y + highlight.height / 2 - crop_height / 2
    else:
        top = highlight.y - CONTEXT_PX
    left = min(max(round(left), 0), width - crop_width)
    top = min(max(round(top), 0), height - crop_height)
    return Box(left, top, crop_width, crop_height)


def _shifted(highlight: Box, crop: Box) -> Box:
    return Box(highlight.x - crop.x, highlight.y - crop.y, highlight.width, highlight.height)


def alt_text(step: StepBaseline | None) -> str:
    """What the picture shows, as a sentence: "The Payment Method region, with the Edit button highlighted."."""
    framed = step.frame if step is not None else "the viewport"
    frame = _framed(framed)
    # A control that is the frame itself ("region 'Invoices'") is the whole picture, said already.
    named = (step.controls if step is not None else None) or []
    controls = [_control(name) for name in named if name and not framed.startswith(name)]
    controls = list(dict.fromkeys(control for control in controls if control))
    if not controls:
        return f"{frame}."
    return f"{frame}, with {_listed(controls)} highlighted."


def _framed(frame: str) -> str:
    if frame in ("the viewport", ""):
        return "The page"
    named = re.match(r"^(?P<role>[a-z]+) '(?P<name>.*)'(?P<rest>.*)$", frame)
    if named:
        role = _ROLE_WORDS.get(named["role"], named["role"])
        return f"The {named['name']} {role}{named['rest']}"
    headed = re.match(r"^the part headed '(?P<name>.*)'$", frame)
    if headed:
        return f"The part headed {headed['name']}"
    return frame[:1].upper() + frame[1:]


def _control(described: str) -> str:
    """ "button 'Edit'" as "the Edit button"; "text 'Paid'" as "the text Paid"; anything else as said."""
    named = _NAMED.match(described)
    if not named:
        return ""
    if named["role"] == "text":
        return f"the text {named['name']}"
    return f"the {named['name']} {_ROLE_WORDS.get(named['role'], named['role'])}"


def _listed(things: list[str]) -> str:
    return things[0] if len(things) == 1 else ", ".join(things[:-1]) + " and " + things[-1]
