"""Frame a step's picture around what it touched: the open menu with its button, the dialog,
the named region or landmark, the form. No pixel regions, never larger than the viewport.

The frame is worked out in the page in one evaluation, from the elements the step acted on
or checked; the container chosen is marked so that its ARIA snapshot is the step's record.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.async_api import ElementHandle, Page

from helpcentre.capture.page.landmarks import LANDMARK_HELPERS, keep_landmarks_whole

FRAME_ATTRIBUTE = "data-helpcentre-frame"
FRAME_PADDING = 16
# With no container around it, an element is shown with this much of the page around it.
LOOSE_MARGIN_X = 160
LOOSE_MARGIN_Y = 96

# How a reader groups the page: the container an element is in, and what it is called. Shared by
# the frame of a picture and the place a check found its text (places.py).
CONTAINER_HELPERS = """
  const named = el => el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
  const implicitRole = el => {
    const explicit = (el.getAttribute('role') || '').trim().split(/\\s+/)[0];
    if (explicit) return explicit;
    const tag = el.tagName.toLowerCase();
    const sectioning = 'article,aside,main,nav,section';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'main') return 'main';
    if (tag === 'section' && named(el)) return 'region';
    if (tag === 'form' && named(el)) return 'form';
    if (tag === 'nav') return 'navigation';
    if (tag === 'aside') return 'complementary';
    if (tag === 'header' && !el.parentElement.closest(sectioning)) return 'banner';
    if (tag === 'footer' && !el.parentElement.closest(sectioning)) return 'contentinfo';
    if (tag === 'table') return 'table';
    return '';
  };
  const describeUnnamed = el => {
    const heading = el.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
    return heading ? "the part headed '" + heading.textContent.replace(/\\s+/g, ' ').trim() + "'" : 'a group';
  };
  const accessibleName = el => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    return ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' ').replace(/\\s+/g, ' ').trim();
  };
  // Overlays are seen as one piece: whatever is inside a dialog or an open menu, the frame is all of it.
  const OVERLAYS = ['dialog', 'alertdialog', 'menu', 'listbox'];
  const CONTAINERS = ['region', 'form', 'navigation', 'banner', 'complementary', 'contentinfo', 'search', 'toolbar'];
  const FALLBACK = ['table', 'grid', 'tabpanel', 'group'];
  // An element that is a container itself ("In the **Invoices** panel, find ...") is its own frame.
  const containerOf = el => {
    let near = null, fallback = null, overlay = null, headed = null;
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      const role = implicitRole(node);
      if (role === 'main') break;
      if (OVERLAYS.includes(role)) overlay = node;
      if (!near && CONTAINERS.includes(role)) near = node;
      if (!fallback && FALLBACK.includes(role)) fallback = node;
      // Unlabelled layout still groups a heading with its actions: "Invoice November 2026 ... Print Pay".
      if (!headed && node !== el && node.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')) headed = node;
    }
    if (overlay) return overlay;
    return near || fallback || headed;
  };
  const describe = el => {
    const role = implicitRole(el);
    const name = accessibleName(el);
    return role ? role + (name ? " '" + name + "'" : '') : describeUnnamed(el);
  };
"""

_FRAME_SCRIPT = (
    """([elements, padding, looseX, looseY, attribute, scrolled]) => {
  // The first element is scrolled into view first, as Playwright does it, unless it is in view
  // already: inside the viewport and inside every box around it that clips what overflows.
  const inView = el => {
    if (!el || !el.isConnected) return true;
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
    for (let node = el.parentElement; node && node !== document.documentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const c = node.getBoundingClientRect();
      if (r.top < c.top || r.left < c.left || r.bottom > c.bottom || r.right > c.right) return false;
    }
    return true;
  };
  if (!scrolled && !inView(elements[0])) return {scroll: true};
"""
    + CONTAINER_HELPERS
    + LANDMARK_HELPERS
    + """
  const box = el => el.getBoundingClientRect();
  const union = rects => {
    const left = Math.min(...rects.map(r => r.left)), top = Math.min(...rects.map(r => r.top));
    const right = Math.max(...rects.map(r => r.right)), bottom = Math.max(...rects.map(r => r.bottom));
    return {left, top, right, bottom};
  };
  const shown = elements.filter(el => el && el.isConnected && (el.checkVisibility ? el.checkVisibility() : true));
  document.querySelectorAll('[' + attribute + ']').forEach(el => el.removeAttribute(attribute));
  if (!shown.length) return null;
  let containers = shown.map(containerOf);
  let frame = containers[0];
  if (frame && !containers.every(other => other === frame)) {
    // Several containers: the nearest one that holds every element.
    frame = frame.parentElement;
    while (frame && frame !== document.body && !shown.every(el => frame.contains(el))) frame = frame.parentElement;
    while (frame && frame !== document.body && !implicitRole(frame) && !frame.querySelector('h1, h2, h3, h4, h5, h6')) {
      frame = frame.parentElement;
    }
    if (frame === document.body || (frame && implicitRole(frame) === 'main')) frame = null;
  }
  let rects = shown.map(box);
  let described = '';
  let marked = frame;
  if (frame) {
    rects = [...rects, box(frame)];
    described = describe(frame);
    if (implicitRole(frame) === 'menu' && frame.id) {
      // An open menu is shown with the button that opened it.
      const opener = document.querySelector('[aria-controls~="' + CSS.escape(frame.id) + '"]');
      if (opener) {
        rects.push(box(opener));
        described += ' with its button';
        marked = frame.parentElement;
        while (marked && !marked.contains(opener)) marked = marked.parentElement;
      }
    }
  }
  let area = union(rects);
  // What the frame must keep whole, when a landmark it cuts is trimmed off (landmarks.py).
  const core = area;
  let pad = padding;
  if (!frame) {
    described = 'the page around it';
    area = {left: area.left - looseX, top: area.top - looseY, right: area.right + looseX, bottom: area.bottom + looseY};
    pad = 0;
  }
  if (marked) marked.setAttribute(attribute, '');
  return {
    left: area.left - pad, top: area.top - pad, right: area.right + pad, bottom: area.bottom + pad,
    focus: union(shown.map(box)), described, core, landmarks: landmarksAround(marked, shown),
  };
}"""
)


@dataclass(frozen=True)
class Frame:
    """The part of the viewport a step's picture shows, and what it is, for `explain`."""

    x: int
    y: int
    width: int
    height: int
    described: str
    has_container: bool

    def describe(self) -> str:
        return f"{self.described}, {self.width}×{self.height} px"


async def frame_around(page: Page, elements: list[ElementHandle]) -> Frame | None:
    """The frame for these elements (the first is scrolled into view), or None when none is shown."""
    if not elements:
        return None
    arguments = [elements, FRAME_PADDING, LOOSE_MARGIN_X, LOOSE_MARGIN_Y, FRAME_ATTRIBUTE, False]
    found = await page.evaluate(_FRAME_SCRIPT, arguments)
    if found is not None and found.get("scroll"):
        try:
            await elements[0].scroll_into_view_if_needed(timeout=5000)
        except Exception:  # noqa: BLE001 - an element that cannot scroll is framed where it stands
            pass
        found = await page.evaluate(_FRAME_SCRIPT, [*arguments[:-1], True])
    if found is None:
        return None
    viewport = page.viewport_size or {"width": 1280, "height": 800}
    left, top, right, bottom = _fit(found, found["focus"], viewport["width"], viewport["height"])
    # A landmark the frame cuts (a sliver of a sidebar, the foot of a breadcrumb bar) is trimmed off or taken whole.
    left, top, right, bottom = keep_landmarks_whole(
        (left, top, right, bottom), found["core"], found["landmarks"], viewport["width"], viewport["height"]
    )
    has_container = found["described"] != "the page around it"
    return Frame(left, top, right - left, bottom - top, found["described"], has_container)


def _fit(area: dict, focus: dict, width: int, height: int) -> tuple[int, int, int, int]:
    """The area within the viewport, in whole pixels; one taller or wider than it keeps what was touched."""
    left, top, right, bottom = area["left"], area["top"], area["right"], area["bottom"]
    if right - left > width:
        centre = (focus["left"] + focus["right"]) / 2
        left = max(left, min(centre - width / 2, right - width))
        right = left + width
    if bottom - top > height:
        centre = (focus["top"] + focus["bottom"]) / 2
        top = max(top, min(centre - height / 2, bottom - height))
        bottom = top + height
    left, top = max(0, int(left)), max(0, int(top))
    right, bottom = min(width, int(right + 0.999)), min(height, int(bottom + 0.999))
    return left, top, right, bottom
