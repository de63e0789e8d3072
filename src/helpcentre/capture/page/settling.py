"""Wait for the work an action started in the page: a debounced search, the request it sends.

A search box that filters a list half a second after the last key, or a form that asks the
server for options as you type, changes the page well after the action returned, and after the
page has looked quiet for a while. Every page a walk opens carries a note of that work (a
context init script): the timers the page sets in reaction to an input (a key, a typed value, a
click, a change), the timers those set in turn, and the requests they send. After an action,
the walk waits until none is pending, as it waits for a page to load after a navigation.

What the page does on its own is not its reaction to the walk: a timer longer than
LONGEST_TIMER_MS (a toast that hides itself after a few seconds, a poll) or a chain of more than
GENERATIONS timers (a clock, a loop) is never waited for, and no wait lasts past its deadline.
"""

from __future__ import annotations

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

# Work started this soon after an input, or after work the input started, is the input's doing.
FOLLOW_MS = 50
# A debounce or a transition is shorter than this; a toast's own timer to hide it is longer.
LONGEST_TIMER_MS = 1500
# A reaction is a few timers deep (a debounce re-armed, a batch of updates); deeper is a loop.
GENERATIONS = 4

PENDING_WORK_SCRIPT = """(() => {
  const key = Symbol.for('helpcentre.pendingWork');
  if (window[key]) return;
  const [FOLLOW_MS, LONGEST_MS, GENERATIONS] = LIMITS;
  const now = () => performance.now();
  const setTimer = window.setTimeout.bind(window);
  const clearTimer = window.clearTimeout.bind(window);
  // `last` is when the last input came or the last work it started ran; `generation` how deep that was.
  const work = {timers: new Map(), requests: 0, last: -Infinity, generation: 0, running: null,
                sleep: ms => new Promise(resolve => setTimer(resolve, ms))};
  const noted = generation => { work.last = now(); work.generation = generation; };
  // The generation of what starts now: one deeper than the work it follows, or null when it follows none.
  const following = () => {
    if (work.running !== null) return work.running + 1;
    return now() - work.last < FOLLOW_MS ? work.generation + 1 : null;
  };
  for (const type of ['input', 'change', 'keydown', 'keyup', 'click', 'pointerup', 'compositionend',
                      'paste', 'submit', 'reset']) {
    window.addEventListener(type, () => noted(0), {capture: true, passive: true});
  }
  window.setTimeout = function (handler, delay, ...rest) {
    const generation = following();
    if (generation === null || generation > GENERATIONS || typeof handler !== 'function'
        || (Number(delay) || 0) > LONGEST_MS) {
      return setTimer(handler, delay, ...rest);
    }
    let id = null;
    // The page's clock (page_clock.py) reads the time this timer was due when it fires.
    const clock = window[Symbol.for('helpcentre.pageClock')];
    const due = clock ? clock.now() + (Number(delay) || 0) : 0;
    const run = function (...given) {
      work.timers.delete(id);
      if (clock) clock.dueBy(due);
      const outer = work.running;
      work.running = generation;
      try {
        return handler.apply(this, given);
      } finally {
        work.running = outer;
        noted(generation);
      }
    };
    id = setTimer(run, delay, ...rest);
    work.timers.set(id, generation);
    return id;
  };
  window.clearTimeout = function (id) {
    work.timers.delete(id);
    return clearTimer(id);
  };
  const fetchWith = window.fetch;
  if (fetchWith) {
    window.fetch = function (...given) {
      const generation = following();
      const answer = fetchWith.apply(window, given);
      if (generation !== null && generation <= GENERATIONS + 1) {
        work.requests += 1;
        const ended = () => { work.requests -= 1; noted(generation); };
        answer.then(ended, ended);
      }
      return answer;
    };
  }
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...given) {
    const generation = following();
    if (generation !== null && generation <= GENERATIONS + 1) {
      work.requests += 1;
      this.addEventListener('loadend', () => { work.requests -= 1; noted(generation); }, {once: true});
    }
    return send.apply(this, given);
  };
  window[key] = work;
})();""".replace("LIMITS", f"[{FOLLOW_MS}, {LONGEST_TIMER_MS}, {GENERATIONS}]")

# True once nothing the last input started is pending and FOLLOW_MS have passed since the last of
# it ran; false at the deadline; true for a page without the note (nothing to wait for).
_SETTLE = """async ([follow, wait]) => {
  const work = window[Symbol.for('helpcentre.pendingWork')];
  if (!work) return true;
  const until = performance.now() + wait;
  for (;;) {
    const since = performance.now() - work.last;
    const pending = work.timers.size + work.requests;
    if (pending === 0 && since >= follow) return true;
    if (performance.now() >= until) return false;
    await work.sleep(pending ? 20 : Math.max(1, follow - since));
  }
}"""


async def settle(page: Page, timeout_s: float) -> bool:
    """Wait until the work the last action started in the page is done; False when the deadline
    came first (the walk goes on: its checks have deadlines of their own)."""
    try:
        return bool(await page.evaluate(_SETTLE, [FOLLOW_MS, timeout_s * 1000]))
    except PlaywrightError:
        # The page navigated meanwhile: the walk waits for the new one to load.
        return True


_BUSY = """follow => {
  const work = window[Symbol.for('helpcentre.pendingWork')];
  return Boolean(work) && (work.timers.size + work.requests > 0 || performance.now() - work.last < follow);
}"""


async def busy(page: Page) -> bool:
    """Whether work an input started is still pending in the page, without waiting for it."""
    try:
        return bool(await page.evaluate(_BUSY, FOLLOW_MS))
    except PlaywrightError:
        return True
