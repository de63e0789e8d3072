"""How large the product's text is in a step's picture, so the site can tell whether a phone can read it.

Pictures are taken at one image pixel per CSS pixel, so a picture shown at a third of its width
shows 13 px text at 4 px. What counts is the small text a reader must read: the size below
which only a tenth of the picture's characters are set, read from the page's computed styles
the way the browser lays the text out, never from the pixels.
"""

from __future__ import annotations

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from helpcentre.baselines.shot import Box

# The share of characters allowed to be smaller than the size recorded: a footnote or a badge
# count does not make a whole table unreadable.
SMALL_TEXT_SHARE = 0.1

_TEXT_SIZE = """
([clip, share]) => {
  const sizes = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  while (walker.nextNode()) {
    const node = walker.currentNode
    const length = node.data.trim().length
    const parent = node.parentElement
    if (!length || !parent)
      continue
    const style = getComputedStyle(parent)
    if (style.visibility !== "visible" || Number(style.opacity) === 0)
      continue
    range.selectNodeContents(node)
    const rect = range.getBoundingClientRect()
    if (!rect.width || !rect.height || rect.right <= clip.x || rect.left >= clip.x + clip.width ||
        rect.bottom <= clip.y || rect.top >= clip.y + clip.height)
      continue
    sizes.push([parseFloat(style.fontSize), length])
  }
  if (!sizes.length)
    return null
  sizes.sort((a, b) => a[0] - b[0])
  const total = sizes.reduce((sum, size) => sum + size[1], 0)
  let seen = 0
  for (const [size, length] of sizes) {
    seen += length
    if (seen > total * share)
      return size
  }
  return sizes[sizes.length - 1][0]
}
"""


async def text_size(page: Page, clip: Box) -> float | None:
    """The size in CSS pixels of the small text inside `clip` (viewport coordinates); None when it holds none."""
    try:
        found = await page.evaluate(_TEXT_SIZE, [clip.as_dict(), SMALL_TEXT_SHARE])
    except PlaywrightError:
        # The page navigated away: the picture is taken, only this reading of it is lost.
        return None
    return round(float(found), 1) if found else None
