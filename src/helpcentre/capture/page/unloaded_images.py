"""Images that have not arrived when a picture is taken are painted over, like a mask.

An image from another host (an avatar service, a CDN) may load, fail at once, or hang, depending
on the machine's network: Chromium draws it, a broken-image icon, or nothing. A walk waits a
while for the images in view (`quiet.until_still`), then paints over those still on their way or
failed, in the mask colour, and records their boxes with the masks. Verify ignores the masks of
both pictures, so a picture taken where the image loaded and one taken where it did not agree.
"""

from __future__ import annotations

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from helpcentre.capture.page.visible_parts import SHOWN_RECTS

UNLOADED_ATTRIBUTE = "data-helpcentre-unloaded"

# An image that failed is `complete` like one that loaded; its natural size of 0 does not tell it
# from an SVG drawn without one, but decoding it fails.
_MARK = """async attribute => {
  const failed = image => image.complete && image.naturalWidth === 0
    && image.decode().then(() => false, () => true);
  let marked = 0;
  for (const image of document.images) {
    const unloaded = Boolean(image.currentSrc || image.src) && (!image.complete || await failed(image));
    if (unloaded) {
      image.setAttribute(attribute, '');
      marked += 1;
    } else if (image.hasAttribute(attribute)) {
      image.removeAttribute(attribute);
    }
  }
  return marked;
}"""

# What shows of the marked images (visible_parts.py).
_RECTS = """attribute => [...document.querySelectorAll('img[' + attribute + ']')].flatMap(""" + SHOWN_RECTS + """)"""


async def mark_unloaded_images(page: Page) -> int:
    """Mark the page's images still loading or failed, and unmark the rest; how many are marked."""
    try:
        return int(await page.evaluate(_MARK, UNLOADED_ATTRIBUTE))
    except PlaywrightError:
        return 0


async def unloaded_rects(page: Page) -> list[list[float]]:
    """The shown rectangles (x, y, width, height) of the marked images, or of what shows of them."""
    try:
        rects = await page.evaluate(_RECTS, UNLOADED_ATTRIBUTE)
    except PlaywrightError:
        return []
    return [[float(value) for value in rect] for rect in rects]
