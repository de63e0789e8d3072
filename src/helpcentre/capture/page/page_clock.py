"""The time a walk's pages read: the target's fixed clock, moved on only by the timers that fire.

Pictures need a fixed clock (the same walk shows the same dates), but a page that debounces a
search measures the pause itself: lodash's `debounce`, which react-admin and many others use,
fires its timer and then checks on `Date.now()` that `wait` ms have passed since the last key.
Under a clock that never moves they never have, so the search never runs. Every page a walk
opens therefore reads a clock that stands still except when a timer the walk's input started
fires (`settling.py` knows which): then it reads at least the time that timer was due. A page
that waits 500 ms after a key sees 500 ms pass; a clock on the page, ticking on a timer of its
own, still shows the fixed time; and the same walk gives the same times.

Under a real clock (no fixed time) a timer never fires early, so nothing is added.
"""

from __future__ import annotations

PAGE_CLOCK_SCRIPT = """(() => {
  const key = Symbol.for('helpcentre.pageClock');
  if (window[key]) return;
  const Inner = window.Date;
  const innerNow = Inner.now.bind(Inner);
  let ahead = 0;
  const now = () => innerNow() + ahead;
  function PageDate(...given) {
    if (!new.target) return new Inner(now()).toString();
    return Reflect.construct(Inner, given.length ? given : [now()], new.target);
  }
  Object.setPrototypeOf(PageDate, Inner);
  PageDate.prototype = Inner.prototype;
  PageDate.now = now;
  window.Date = PageDate;
  // A timer fires no earlier than it was due: from then on, the clock reads at least that time.
  window[key] = {now, dueBy: due => { ahead = Math.max(ahead, due - innerNow()); }};
})();"""
