"""The masks of a step's picture: found once, marked on the page, and watched until the picture is kept.

A mask (`{label: Card number}`, `{css: .practice-name}`) is looked for once per picture and
its elements are marked, so that each frame paints over one attribute selector instead of
looking for every mask again, and what the step records of the masks is read from the marks.
A watch on the page notes any change to it after the marking: a change could have brought an
element the marks miss, so the masks are marked again and the frames taken again. A page that
keeps changing where it does not show (a ticking hidden region), or one with shadow roots,
which the watch cannot see into, is shot the slower way, with every mask looked for again in
each frame.

A mask paints over what shows of its elements: an element partly behind an opaque dialog or
header is painted over in the parts that show, one wholly behind it not at all (visible_parts.py).

The marks outlive the picture: the next step's picture, on the same document unchanged since
(the page's watch, `quiet.py`, counts its changes) and with the same masks, reuses them instead
of looking for every mask again.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.capture.page.framing import FRAME_ATTRIBUTE
from helpcentre.capture.page.masked_text import ELEMENT_TEXT, MASKED_TEXT, redact
from helpcentre.capture.page.personal_data import (
    PERSONAL_ATTRIBUTE,
    UNMASK_ATTRIBUTE,
    mark_personal_data,
    personal_rects_and_text,
)
from helpcentre.capture.page.quiet import document_epoch
from helpcentre.capture.page.unloaded_images import UNLOADED_ATTRIBUTE, mark_unloaded_images, unloaded_rects
from helpcentre.capture.page.visible_parts import (
    PARTS_ATTRIBUTE,
    SHOWN_RECTS,
    painted_whole,
    parts_moved,
    place_visible_parts,
    placed_parts,
)

MASK_COLOUR = "#8a8f98"
MASK_ATTRIBUTE = "data-helpcentre-mask"
# Which masks (by position) an element belongs to, as a space-separated list.
MASK_OF_ATTRIBUTE = "data-helpcentre-mask-of"

_WATCH = """([attributes, mark]) => {
  const key = Symbol.for('helpcentre.maskWatch');
  if (window[key]) window[key].observer.disconnect();
  const ours = new Set(attributes);
  const watch = {mark, changed: false};
  const note = records => {
    for (const record of records) {
      if (record.type === 'attributes' && ours.has(record.attributeName)) continue;
      // While it shoots, Playwright hides the caret of fields and adds its mask pane to <html>.
      if (record.type === 'attributes' && record.attributeName === 'style' && record.target.matches
          && record.target.matches('input, textarea, [contenteditable]')) continue;
      if (record.type === 'childList' && record.target === document.documentElement) continue;
      watch.changed = true;
    }
  };
  watch.observer = new MutationObserver(note);
  watch.take = () => note(watch.observer.takeRecords());
  watch.observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  window[key] = watch;
  return [...document.querySelectorAll('*')].some(element => element.shadowRoot);
}"""

_MARK = """(elements, [attribute, ofAttribute, mark, index]) => {
  for (const element of elements) {
    const of = element.getAttribute(attribute) === mark ? (element.getAttribute(ofAttribute) || '') : '';
    element.setAttribute(attribute, mark);
    element.setAttribute(ofAttribute, (of + ' ' + index).trim());
  }
}"""

# One mask's shown rectangles (the parts of them that show, visible_parts.py) and the text its
# elements show (masked_text.py), when the masks are looked for in each frame.
_READ_ONE = (
    """elements => [
  elements
    .filter(element => element.checkVisibility ? element.checkVisibility() : true)
    .flatMap("""
    + SHOWN_RECTS
    + """),
  elements.map("""
    + ELEMENT_TEXT
    + """),
]"""
)

# The same for every mask at once, and whether the page changed since they were tagged.
_READ = (
    """([attribute, ofAttribute, mark, count]) => {
  const readOne = """
    + _READ_ONE
    + """;
  const watch = window[Symbol.for('helpcentre.maskWatch')];
  if (watch) watch.take();
  const marked = [...document.querySelectorAll('[' + attribute + '="' + mark + '"]')];
  const groups = [];
  for (let index = 0; index < count; index++) {
    groups.push(readOne(marked.filter(el => (el.getAttribute(ofAttribute) || '').split(' ').includes(String(index)))));
  }
  return {changed: !watch || watch.mark !== mark || watch.changed, groups};
}"""
)


_MARKS = itertools.count(1)


@dataclass
class MaskReading:
    """Each mask's rectangles on the page, the text under the masks, and whether the page changed
    since the marking (then the picture cannot be trusted to have every mask painted)."""

    rects: list[list[list[float]]]
    values: list[str]
    changed: bool


@dataclass
class KeptMarks:
    """The marks a walk's last picture left on its page, and what they are valid for."""

    masks: str = ""
    mark: str = ""
    epoch: str | None = None


class PageMasks:
    def __init__(
        self,
        page: Page,
        locators: list[PlaywrightLocator],
        kept: KeptMarks | None = None,
        unmask: list[PlaywrightLocator] | None = None,
    ):
        self.page = page
        self.locators = locators
        # What the target lets show of what looks like personal data (`personal_data`).
        self.unmask = unmask or []
        # How many elements hold personal data, painted over as masks are.
        self.personal = 0
        # Shared by a walk's pictures, so that one can reuse the marks the last one made.
        self.kept = kept if kept is not None else KeptMarks()
        self.mark = ""
        # Set when marks cannot be trusted (the page keeps changing where it does not show, or has
        # shadow roots): then Playwright looks for every mask in each frame, as it does by itself.
        self.in_each_frame = False
        # How many images were still loading or had failed at the marking: painted over too.
        self.unloaded = 0
        # How many parts of partly hidden elements are painted instead of their boxes
        # (visible_parts.py); None when they could not be placed, and every mask is painted whole.
        self.parts: int | None = None

    async def mark_elements(self, reuse: bool = False) -> None:
        """Mark every element of every mask, under a new mark, start watching the page, and place
        the parts that show of the marked elements something opaque hides in part.

        With `reuse`, the marks of the walk's last picture are kept when they are still valid.
        Images still loading or failed are marked each time: one may have failed since.
        """
        await self._mark(reuse)
        self.parts = await place_visible_parts(self.page, self._marked_selectors())

    def _marked_selectors(self) -> list[str]:
        marked = [f'[{MASK_ATTRIBUTE}="{self.mark}"]'] if self.locators and not self.in_each_frame else []
        unloaded = [f"img[{UNLOADED_ATTRIBUTE}]"] if self.unloaded else []
        personal = [f"[{PERSONAL_ATTRIBUTE}]"] if self.personal else []
        return [*marked, *unloaded, *personal]

    async def _mark(self, reuse: bool) -> None:
        self.unloaded = await mark_unloaded_images(self.page)
        # Before the watch starts: marking may set a person's details apart in an element of their own.
        self.personal = await mark_personal_data(self.page, self.unmask)
        masks = repr(self.locators)
        if reuse and self.kept.mark and self.kept.masks == masks and not self.in_each_frame:
            epoch = await document_epoch(self.page)
            if epoch is not None and epoch == self.kept.epoch:
                self.mark = self.kept.mark
                return
        self.kept.mark = ""
        self.mark = str(next(_MARKS))
        if not self.locators or self.in_each_frame:
            return
        attributes = [
            MASK_ATTRIBUTE,
            MASK_OF_ATTRIBUTE,
            FRAME_ATTRIBUTE,
            UNLOADED_ATTRIBUTE,
            PERSONAL_ATTRIBUTE,
            UNMASK_ATTRIBUTE,
            PARTS_ATTRIBUTE,
        ]
        # Sent in this order: the watch is on before any mask is looked for.
        has_shadow_roots, *_, epoch = await asyncio.gather(
            self.page.evaluate(_WATCH, [attributes, self.mark]),
            *(
                locator.evaluate_all(_MARK, [MASK_ATTRIBUTE, MASK_OF_ATTRIBUTE, self.mark, index])
                for index, locator in enumerate(self.locators)
            ),
            document_epoch(self.page),
        )
        if has_shadow_roots:
            self.in_each_frame = True
        elif epoch is not None:
            self.kept.masks, self.kept.mark, self.kept.epoch = masks, self.mark, epoch

    def screenshot_mask(self) -> list[PlaywrightLocator]:
        """What `page.screenshot(mask=...)` paints over: the marked elements, or every mask, the
        images that had not arrived and the personal data; of those partly hidden, the parts that show."""
        whole = self.page.locator if self.parts is None else functools.partial(painted_whole, self.page)
        unloaded = [whole(f"img[{UNLOADED_ATTRIBUTE}]")] if self.unloaded else []
        personal = [whole(f"[{PERSONAL_ATTRIBUTE}]")] if self.personal else []
        parts = [placed_parts(self.page)] if self.parts else []
        if self.in_each_frame:
            return [*self.locators, *unloaded, *personal, *parts]
        marked = [whole(f'[{MASK_ATTRIBUTE}="{self.mark}"]')] if self.locators else []
        return [*marked, *unloaded, *personal, *parts]

    async def read(self) -> MaskReading:
        """Each mask's rectangles and text, then the unloaded images' rectangles (no text: an
        image's name stays in the step's record whether or not it arrived), then the personal
        data's rectangles, whose text leaves the record. A rectangle is what shows of an element:
        its box, or the parts of it placed at the marking; when those no longer show, the page
        changed since the marking."""
        reading, moved, images, (personal, values) = await asyncio.gather(
            self._read_masks(),
            parts_moved(self.page) if self.parts is not None else _unmoved(),
            unloaded_rects(self.page) if self.unloaded else _nothing(),
            personal_rects_and_text(self.page) if self.personal else _nothing(),
        )
        groups = [*reading.rects, *([images] if self.unloaded else []), *([personal] if self.personal else [])]
        # A configured mask over personal data says its text once.
        return MaskReading(groups, list(dict.fromkeys([*reading.values, *values])), reading.changed or moved)

    async def _read_masks(self) -> MaskReading:
        if not self.locators:
            return MaskReading([], [], False)
        if self.in_each_frame:
            found = await asyncio.gather(*(self._read_one(locator) for locator in self.locators))
            return MaskReading([rects for rects, _ in found], [value for _, values in found for value in values], False)
        found = await self.page.evaluate(_READ, [MASK_ATTRIBUTE, MASK_OF_ATTRIBUTE, self.mark, len(self.locators)])
        return MaskReading(
            [rects for rects, _ in found["groups"]],
            [str(value) for _, values in found["groups"] for value in values],
            bool(found["changed"]),
        )

    async def _read_one(self, locator: PlaywrightLocator) -> tuple[list[list[float]], list[str]]:
        try:
            rects, values = await locator.evaluate_all(_READ_ONE)
        except PlaywrightError:
            return [], []
        return rects, [str(value) for value in values]


async def _nothing() -> tuple[list, list]:
    return [], []


async def _unmoved() -> bool:
    return False


async def failure_picture(page: Page, masks: list[PlaywrightLocator], unmask: list[PlaywrightLocator]) -> bytes | None:
    """The page as a step failed on it, for the report: the target's masks and personal data painted over."""
    painted = PageMasks(page, masks, unmask=unmask)
    try:
        await painted.mark_elements()
        return await page.screenshot(
            type="png",
            animations="disabled",
            caret="hide",
            timeout=5000,
            mask=painted.screenshot_mask(),
            mask_color=MASK_COLOUR,
        )
    except PlaywrightError:
        return None


__all__ = ["MASKED_TEXT", "MASK_COLOUR", "MaskReading", "PageMasks", "failure_picture", "redact"]
