"""A mask covers what a reader sees of its element, not what lies behind something opaque.

Playwright paints each mask's box on top of everything: a person's details on the page behind an
open dialog were painted over the dialog, hiding the dialog's own words. Now a mask covers only
the parts of its element's box that the picture shows. The page is asked what is drawn at points
over the box (`elementsFromPoint`, with `pointer-events` set aside, as a reader's eye has none):
an element drawn above it there whose background is opaque (alpha 1, nothing above it in the page
making it translucent, blending it or cutting it) hides it, and that element's opaque area
(its box inside what clips it, less its rounded corners) is taken out of the mask. A translucent
backdrop hides nothing: what shows dimmed through it stays masked. A modal dialog and an open
popover are drawn above the whole page, though the page behind them takes no hit.

Whatever the points do not vouch for stays masked: a point where the element may show must still
be inside what is left, or the whole box is masked as before; an occluder smaller than the gap
between points is painted over, as before. An element wholly hidden is not painted at all, and
its words still leave the step's ARIA record (masked_text.py): redaction does not depend on this.

The parts are painted through placeholders: fixed, hidden elements appended to <html>, one a
part, which the page's watches know as ours. The element itself is tagged, so that the picture's
masks leave it out. A reading that finds the parts no longer what shows (the page moved since
without a change the watches see) says so, and the masks are marked again.
"""

from __future__ import annotations

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page

# An element whose mask is painted in parts, by placeholders.
PARTS_ATTRIBUTE = "data-helpcentre-in-parts"
PART_TAG = "helpcentre-mask-part"
_STATE = "Symbol.for('helpcentre.maskParts')"

# The rectangles (x, y, width, height) a mask paints over one element: its placed parts, else its
# box. For `elements.flatMap(...)` in the page.
SHOWN_RECTS = (
    """element => {
  const placed = window["""
    + _STATE
    + """];
  const parts = placed && placed.parts.get(element);
  if (parts) return parts;
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 ? [[rect.x, rect.y, rect.width, rect.height]] : [];
}"""
)

# `visibleParts(element)`: null when all of the element's box may show (or none of it is in the
# viewport), else the rectangles that do, possibly none. `hitTesting(run)` runs `run` with every
# element of the document taking hits, as all are seen.
_HELPERS = """
  // Points at most this far apart, and at most this many across and down a box; first a few, further
  // apart, where nothing drawn above the element means nothing is looked for between them.
  const STEP = 16, MOST_ACROSS = 48, MOST_DOWN = 16, FIRST_STEP = 64;
  // Parts thinner than a pixel show nothing of the element.
  const THINNEST = 1;
  const TOP_LAYER = ':modal, :popover-open, :fullscreen';
  const ours = element => element.localName === tag || element.localName.startsWith('x-pw-');
  const parentOf = element => {
    if (element.parentElement) return element.parentElement;
    const root = element.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  const inTopLayer = element => {
    try {
      return Boolean(element.closest(TOP_LAYER));
    } catch (error) {
      return false;
    }
  };
  const alpha = colour => {
    if (!colour || colour === 'transparent') return 0;
    const slash = /\\/\\s*([\\d.]+)(%?)\\s*\\)$/.exec(colour);
    if (slash) return Number(slash[1]) / (slash[2] ? 100 : 1);
    const rgba = /^rgba\\((.*)\\)$/.exec(colour);
    if (rgba) {
      const channels = rgba[1].split(',');
      return channels.length === 4 ? Number(channels[3]) : 1;
    }
    return /^[a-z-]+\\(/.test(colour) ? 1 : 0;
  };
  // Drawn as it is: nothing from it up to the page makes it translucent, blends it, cuts it or turns it.
  const plainly = new Map();
  const drawnPlainly = element => {
    if (plainly.has(element)) return plainly.get(element);
    const style = getComputedStyle(element);
    const masked = [style.maskImage, style.webkitMaskImage].some(value => value && value !== 'none');
    let plain = style.opacity === '1' && style.mixBlendMode === 'normal' && !/opacity|blur|url/.test(style.filter)
      && style.clipPath === 'none' && !masked && (!style.rotate || style.rotate === 'none')
      && (style.transform === 'none' || /^matrix\\([^,]+, 0, 0,/.test(style.transform));
    if (plain) {
      const parent = parentOf(element);
      plain = parent ? drawnPlainly(parent) : true;
    }
    plainly.set(element, plain);
    return plain;
  };
  // Where an element can show: the viewport, less what its scrolling or clipping ancestors cut off
  // (up to the top layer, which they do not clip). Cutting more than the browser does only masks more.
  const root = document.documentElement;
  const rootStyle = getComputedStyle(root);
  const bodyClipsViewport = rootStyle.overflowX === 'visible' && rootStyle.overflowY === 'visible';
  const topLayerRoot = element => {
    try {
      return element.matches(TOP_LAYER);
    } catch (error) {
      return false;
    }
  };
  const clipOf = element => {
    let [left, top, right, bottom] = [0, 0, innerWidth, innerHeight];
    let node = element;
    while (!topLayerRoot(node) && (node = parentOf(node)) && node !== root) {
      if (node === document.body && bodyClipsViewport) continue;
      const style = getComputedStyle(node);
      const paint = /paint|strict|content/.test(style.contain);
      const clipsX = paint || style.overflowX !== 'visible', clipsY = paint || style.overflowY !== 'visible';
      if (!clipsX && !clipsY) continue;
      const box = node.getBoundingClientRect();
      const x = box.left + node.clientLeft, y = box.top + node.clientTop;
      if (clipsX) [left, right] = [Math.max(left, x), Math.min(right, x + node.clientWidth)];
      if (clipsY) [top, bottom] = [Math.max(top, y), Math.min(bottom, y + node.clientHeight)];
    }
    return [left, top, right, bottom];
  };
  const px = (value, size) => value.endsWith('%') ? parseFloat(value) * size / 100 : parseFloat(value) || 0;
  // The rectangles (left, top, right, bottom) an element paints opaque: none unless its background is.
  const opaque = new Map();
  const opaqueRects = element => {
    if (opaque.has(element)) return opaque.get(element);
    const rects = [];
    const style = getComputedStyle(element);
    if (alpha(style.backgroundColor) === 1 && style.backgroundClip !== 'text' && drawnPlainly(element)) {
      const box = element.getBoundingClientRect();
      let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom];
      const inset = [];
      if (style.backgroundClip !== 'border-box') inset.push('border-%-width');
      if (style.backgroundClip === 'content-box') inset.push('padding-%');
      for (const name of inset) {
        left += px(style.getPropertyValue(name.replace('%', 'left')), box.width);
        right -= px(style.getPropertyValue(name.replace('%', 'right')), box.width);
        top += px(style.getPropertyValue(name.replace('%', 'top')), box.width);
        bottom -= px(style.getPropertyValue(name.replace('%', 'bottom')), box.width);
      }
      const [clipLeft, clipTop, clipRight, clipBottom] = clipOf(element);
      [left, top] = [Math.max(left, clipLeft), Math.max(top, clipTop)];
      [right, bottom] = [Math.min(right, clipRight), Math.min(bottom, clipBottom)];
      // A rounded corner shows what is behind it: each corner is a stair of thin rows, each row
      // clear of the curve at its outer edge (the largest radius, for every corner).
      const radius = Math.max(0, ...['top-left', 'top-right', 'bottom-left', 'bottom-right']
        .flatMap(corner => style.getPropertyValue('border-' + corner + '-radius').split(' '))
        .map(value => px(value, Math.max(box.width, box.height))));
      const round = Math.min(radius, (right - left) / 2, (bottom - top) / 2);
      if (right > left && bottom > top) rects.push([left, top + round, right, bottom - round]);
      const row = Math.max(1, round / 32);
      for (let from = 0; right > left && from < round; from += row) {
        const [height, inset] = [Math.min(row, round - from), round - Math.sqrt(round * round - (round - from) ** 2)];
        rects.push([left + inset, top + from, right - inset, top + from + height]);
        rects.push([left + inset, bottom - from - height, right - inset, bottom - from]);
      }
    }
    // A modal dialog's backdrop, when nothing shows through it, hides the whole page behind it.
    if (element.localName === 'dialog' && inTopLayer(element)) {
      const backdrop = getComputedStyle(element, '::backdrop');
      const hides = alpha(backdrop.backgroundColor) === 1 && backdrop.opacity === '1';
      if (hides) rects.push([0, 0, innerWidth, innerHeight]);
    }
    opaque.set(element, rects);
    return rects;
  };
  const minus = (parts, [left, top, right, bottom]) => parts.flatMap(part => {
    const [l, t, r, b] = part;
    if (left >= r || right <= l || top >= b || bottom <= t) return [part];
    const [middleTop, middleBottom] = [Math.max(t, top), Math.min(b, bottom)];
    return [
      [l, t, r, Math.min(b, top)], [l, Math.max(t, bottom), r, b],
      [l, middleTop, Math.min(r, left), middleBottom], [Math.max(l, right), middleTop, r, middleBottom],
    ].filter(([pl, pt, pr, pb]) => pr - pl > 0 && pb - pt > 0);
  });
  const axis = (start, end, most, step = STEP) => {
    const length = end - start;
    if (length <= 2) return [start + length / 2];
    const count = Math.min(most, Math.ceil(length / step) + 1);
    return Array.from({length: count}, (_, at) => start + 1 + (length - 2) * at / (count - 1));
  };
  const visibleParts = element => {
    const box = element.getBoundingClientRect();
    const [left, top] = [Math.max(box.left, 0), Math.max(box.top, 0)];
    const [right, bottom] = [Math.min(box.right, innerWidth), Math.min(box.bottom, innerHeight)];
    if (right <= left || bottom <= top) return null;
    const owner = element.getRootNode();
    const hits = typeof owner.elementsFromPoint === 'function' ? owner : document;
    const stackAt = (x, y) => hits.elementsFromPoint(x, y).filter(hit => !ours(hit));
    const onTop = (x, y) => {
      const top = stackAt(x, y)[0];
      return Boolean(top) && (top === element || element.contains(top));
    };
    const first = axis(top, bottom, MOST_DOWN, FIRST_STEP).flatMap(y => axis(left, right, MOST_ACROSS, FIRST_STEP)
      .map(x => [x, y]));
    if (first.every(([x, y]) => onTop(x, y))) return null;
    const lifted = inTopLayer(element);
    const occluders = new Set();
    // The points where the element shows, or may: what no opaque element is known to be above.
    const shows = [];
    for (const y of axis(top, bottom, MOST_DOWN)) {
      for (const x of axis(left, right, MOST_ACROSS)) {
        const stack = stackAt(x, y);
        const at = stack.findIndex(hit => hit === element || element.contains(hit));
        // The first opaque element drawn above it; where the element takes no hit (the page behind
        // a modal dialog is inert), only one of the top layer is known to be above it.
        const cover = stack.slice(0, at < 0 ? stack.length : at).find(hit => opaqueRects(hit).length > 0);
        if (cover && (at >= 0 || (!lifted && inTopLayer(cover)))) occluders.add(cover);
        else shows.push([x, y]);
      }
    }
    if (occluders.size === 0) return null;
    let parts = [[box.left, box.top, box.right, box.bottom]];
    for (const occluder of occluders) {
      for (const rect of opaqueRects(occluder)) parts = minus(parts, rect);
    }
    parts = parts.filter(([l, t, r, b]) => r - l >= THINNEST && b - t >= THINNEST);
    const inside = ([x, y]) => parts.some(([l, t, r, b]) => x >= l - THINNEST && x <= r + THINNEST
      && y >= t - THINNEST && y <= b + THINNEST);
    if (!shows.every(inside)) return null;
    // Out to the browser's layout unit (1/64 px), where a placeholder can be put exactly.
    const [down, up] = [value => Math.floor(value * 64) / 64, value => Math.ceil(value * 64) / 64];
    return parts.map(([l, t, r, b]) => [down(l), down(t), up(r) - down(l), up(b) - down(t)]);
  };
  const hitTesting = run => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':not(x-pw-glass, ' + tag + ') { pointer-events: auto !important; }');
    document.adoptedStyleSheets.push(sheet);
    try {
      return run();
    } finally {
      const sheets = document.adoptedStyleSheets;
      sheets.splice(sheets.indexOf(sheet), 1);
    }
  };
  const same = (one, other) => (one === null || other === null) ? one === other
    : one.length === other.length
      && one.every((rect, at) => rect.every((value, i) => Math.abs(value - other[at][i]) < 0.01));
"""

# Mark which elements of `selectors` are partly or wholly hidden, and place the parts that show;
# how many parts are placed. When a placeholder is not where it was put (the root is transformed
# or zoomed), nothing is placed: every mask is painted whole, as before.
_PLACE = (
    """([selectors, attribute, tag]) => {"""
    + _HELPERS
    + """
  const key = """
    + _STATE
    + """;
  const elements = [...new Set(selectors.flatMap(selector => [...document.querySelectorAll(selector)]))]
    .filter(element => !element.checkVisibility || element.checkVisibility());
  const parts = new Map();
  hitTesting(() => elements.forEach(element => parts.set(element, visibleParts(element))));
  const placed = [...parts.values()].filter(Boolean).flat();
  const before = window[key];
  const present = [...root.children].filter(child => child.localName === tag);
  const unchanged = before && before.placed.length === placed.length && same(before.placed, placed)
    && present.length === placed.length;
  if (!unchanged) {
    present.forEach(part => part.remove());
    for (const [x, y, width, height] of placed) {
      const part = document.createElement(tag);
      part.setAttribute('aria-hidden', 'true');
      part.style.cssText = `all: initial !important; position: fixed !important; display: block !important;
        visibility: hidden !important; pointer-events: none !important; left: ${x}px !important;
        top: ${y}px !important; width: ${width}px !important; height: ${height}px !important;`;
      root.append(part);
    }
    const where = [...root.children].filter(child => child.localName === tag).map(part => {
      const rect = part.getBoundingClientRect();
      return [rect.x, rect.y, rect.width, rect.height];
    });
    if (!same(where, placed)) {
      [...root.children].filter(child => child.localName === tag).forEach(part => part.remove());
      parts.clear();
      placed.length = 0;
    }
  }
  for (const element of document.querySelectorAll('[' + attribute + ']')) {
    if (!parts.get(element)) element.removeAttribute(attribute);
  }
  for (const [element, found] of parts) {
    if (found && !element.hasAttribute(attribute)) element.setAttribute(attribute, '');
  }
  window[key] = {parts, placed};
  return placed.length;
}"""
)

# Whether what the placed parts say no longer shows: an element tagged but not placed, a part gone,
# or an element whose visible parts are not the ones placed (the page moved without a change to it).
_MOVED = (
    """([attribute, tag]) => {"""
    + _HELPERS
    + """
  const state = window["""
    + _STATE
    + """];
  const parts = state ? state.parts : new Map();
  if ([...document.querySelectorAll('[' + attribute + ']')].some(element => !parts.get(element))) return true;
  if (state && [...root.children].filter(child => child.localName === tag).length !== state.placed.length) return true;
  return hitTesting(() => [...parts].some(([element, placed]) => element.isConnected
    && (!element.checkVisibility || element.checkVisibility()) && !same(visibleParts(element), placed)));
}"""
)


async def place_visible_parts(page: Page, selectors: list[str]) -> int | None:
    """Tag the elements of `selectors` that something opaque hides in part, place what shows of them;
    how many parts are placed, or None when they could not be (then every mask is painted whole)."""
    try:
        return int(await page.evaluate(_PLACE, [selectors, PARTS_ATTRIBUTE, PART_TAG]))
    except PlaywrightError:
        return None


async def parts_moved(page: Page) -> bool:
    """Whether the placed parts are no longer what shows of their elements (then mark again), as
    when they could not be checked: a picture is never kept on parts nobody checked."""
    try:
        return bool(await page.evaluate(_MOVED, [PARTS_ATTRIBUTE, PART_TAG]))
    except PlaywrightError:
        return True


def painted_whole(page: Page, selector: str) -> Locator:
    """The elements of `selector` whose mask is their box: those not painted in parts."""
    return page.locator(f"{selector}:not([{PARTS_ATTRIBUTE}])")


def placed_parts(page: Page) -> Locator:
    """The placeholders of the parts that show of the elements painted in parts."""
    return page.locator(PART_TAG)
