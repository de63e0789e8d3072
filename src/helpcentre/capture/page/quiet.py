"""Whether a page is still drawing, known from the page itself, so that one frame can be the picture.

Two byte-identical frames prove that a page stopped changing, at the price of a second
screenshot per step. Every page a walk opens carries a watch instead (a context init script):
it notes the time of the last change to the document and of every event that changes what is
drawn without changing the document (a scroll, a focus, a typed value, a hover, a loaded image
or font, a started animation). A page that has been quiet for QUIET_MS, and stays quiet while
its picture is taken, is shot once.

A page the watch cannot vouch for is shot the old way, until two frames agree: one that draws
where the watch cannot see (a canvas, a video, a frame), that is still animating or loading
images or fonts, that is never quiet long enough, or that has no watch (a context made without
it). So the watch can only make a walk faster, never let a half-drawn picture through.
"""

from __future__ import annotations

from playwright.async_api import BrowserContext, Page
from playwright.async_api import Error as PlaywrightError

from helpcentre.capture.page.page_clock import PAGE_CLOCK_SCRIPT
from helpcentre.capture.page.settling import PENDING_WORK_SCRIPT
from helpcentre.capture.page.visible_parts import PART_TAG

# The quiet a page needs before its one frame is taken. Two frames were compared about this far
# apart, so a change that two frames would catch, this catches too (and one during the shot).
QUIET_MS = 50
# Past this, the page is shot until two frames agree, which has its own deadline.
QUIET_WAIT_MS = 1000
# The longest a picture waits for transitions to end and images in view to load before it is framed.
STILL_WAIT_MS = 3000

PAGE_WATCH_SCRIPT = (
    """(() => {
  const key = Symbol.for('helpcentre.pageWatch');
  if (window[key]) return;
  // `document` tells this document from the next one; `mutations` counts changes to the document
  // itself, which is what the marks of masks depend on.
  const watch = {changes: 0, mutations: 0, last: performance.now(), document: String(Math.random())};
  const changed = () => { watch.changes += 1; watch.last = performance.now(); };
  // Playwright's mask pane is shown as a popover over the page while it shoots: the pointer
  // passing onto it and back off is not the page's doing.
  const playwrights = node => Boolean(node && node.nodeName && node.nodeName.startsWith('X-PW-'));
  const drawn = event => {
    if (!playwrights(event.target) && !playwrights(event.relatedTarget)) changed();
  };
  const ours = record => {
    // The walk's own marks (masks, the frame) and the parts of masks it places on <html>
    // (visible_parts.py), and what Playwright does while it shoots: hide the caret of fields and
    // add its mask pane to <html>.
    if (record.type === 'attributes' && record.attributeName.startsWith('data-helpcentre-')) return true;
    if (record.type === 'attributes' && record.attributeName === 'style' && record.target.matches
        && record.target.matches('input, textarea, [contenteditable]')) return true;
    return record.type === 'childList' && record.target === document.documentElement
      && [...record.addedNodes, ...record.removedNodes]
        .every(node => node.nodeName.startsWith('X-PW-') || node.nodeName === '"""
    + PART_TAG.upper()
    + """');
  };
  new MutationObserver(records => {
    if (records.every(ours)) return;
    watch.mutations += 1;
    changed();
  })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  // Changes to what is drawn that leave the document as it was.
  for (const type of ['load', 'error', 'scroll', 'resize', 'input', 'change', 'focusin', 'focusout',
                      'selectionchange', 'toggle', 'mouseover', 'mouseout', 'transitionrun', 'transitionend',
                      'transitioncancel', 'animationstart', 'animationend', 'animationcancel']) {
    window.addEventListener(type, drawn, {capture: true, passive: true});
  }
  document.fonts.addEventListener('loadingdone', changed);
  try {
    new PerformanceObserver(changed).observe({type: 'resource'});
  } catch (error) {}
  window[key] = watch;
})();"""
)

# The number of changes so far once the page has been quiet for `quiet` ms, or null when the watch
# cannot vouch for the page: no watch, a drawing surface it cannot see into, an animation still
# running, an image or a font still loading, or no quiet within `wait` ms.
_QUIET = """async ([quiet, wait]) => {
  const watch = window[Symbol.for('helpcentre.pageWatch')];
  if (!watch || document.querySelector('canvas, video, iframe, frame, object, embed')) return null;
  if (document.fonts.status !== 'loaded' || [...document.images].some(image => !image.complete)) return null;
  if (document.getAnimations().some(animation => animation.playState === 'running')) return null;
  const until = performance.now() + wait;
  // The walk's own timer, which neither moves the page's clock nor counts as the page's work.
  const work = window[Symbol.for('helpcentre.pendingWork')];
  const sleep = work ? work.sleep : ms => new Promise(resolve => setTimeout(resolve, ms));
  // A scroll made just now (framing scrolls the subject into view) is announced at the next frame.
  await new Promise(resolve => requestAnimationFrame(() => resolve()));
  for (;;) {
    const since = performance.now() - watch.last;
    if (since >= quiet) return watch.changes;
    if (performance.now() + quiet - since > until) return null;
    await sleep(quiet - since);
  }
}"""

# True once no finite animation or transition runs and every image in the viewport has loaded or
# failed; false at the deadline. A spinner that turns forever is no motion to wait for.
_STILL = """async wait => {
  const until = performance.now() + wait;
  const work = window[Symbol.for('helpcentre.pendingWork')];
  const sleep = work ? work.sleep : ms => new Promise(resolve => setTimeout(resolve, ms));
  const moving = animation => animation.playState === 'running'
    && Number.isFinite(animation.effect?.getComputedTiming?.().endTime ?? Infinity);
  const inView = element => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
      && rect.top < innerHeight && rect.left < innerWidth;
  };
  for (;;) {
    const still = !document.getAnimations().some(moving)
      && ![...document.images].some(image => !image.complete && inView(image));
    if (still) return true;
    if (performance.now() >= until) return false;
    await sleep(20);
  }
}"""

_CHANGES = """() => {
  const watch = window[Symbol.for('helpcentre.pageWatch')];
  return watch ? watch.changes : null;
}"""


# Which document the page shows, and how often it has changed: what a mark made on it is valid for.
DOCUMENT_EPOCH = """() => {
  const watch = window[Symbol.for('helpcentre.pageWatch')];
  return watch ? watch.document + ':' + watch.mutations : null;
}"""


async def watch_pages(context: BrowserContext) -> None:
    """Every document the context loads from now on carries the watch, the note of the work an
    input starts (`settling.py`) and the clock that work moves on (`page_clock.py`)."""
    await context.add_init_script(PAGE_WATCH_SCRIPT)
    await context.add_init_script(PENDING_WORK_SCRIPT)
    await context.add_init_script(PAGE_CLOCK_SCRIPT)


async def _watch_says(page: Page, script: str, kind: type, argument: object = None):
    """What the page's watch answers, or None without one (or when the page is gone)."""
    try:
        answer = await page.evaluate(script, argument)
    except PlaywrightError:
        return None
    return answer if isinstance(answer, kind) else None


async def quiet_now(page: Page) -> int | None:
    """Wait for QUIET_MS of quiet; the page's change count then, or None if the watch cannot vouch for it."""
    return await _watch_says(page, _QUIET, int, [QUIET_MS, QUIET_WAIT_MS])


async def until_still(page: Page, wait_ms: float = STILL_WAIT_MS) -> bool:
    """Wait until what moves on the page has come to rest: its transitions, and the images in view.

    Boxes measured mid-transition (a menu sliding open) frame a picture that the screenshot, which
    finishes transitions at once, no longer fills; an image still loading is drawn blank once and
    as loaded (or broken) the next time. False when the page was still moving at the deadline.
    """
    return bool(await _watch_says(page, _STILL, bool, wait_ms))


async def document_epoch(page: Page) -> str | None:
    """The document and its count of changes, or None when the page has no watch."""
    return await _watch_says(page, DOCUMENT_EPOCH, str)


async def change_count(page: Page) -> int | None:
    """How many changes the page's watch has seen, or None when it has none."""
    return await _watch_says(page, _CHANGES, int)


async def still_quiet(page: Page, changes: int) -> bool:
    """Whether nothing has changed since `quiet_now` gave `changes`."""
    return await change_count(page) == changes
