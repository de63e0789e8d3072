"""What a walk last read of the whole page, kept until its next action can have changed it.

A step reads the page's ARIA snapshot to find the controls its words name, and, for the
label check, the page's words before and after it. The page a step ends on is the page the
next one starts from, so one reading serves both; every action forgets it.

The readings also know how long the page has been quiet (no request in flight, no change to
its document): a name still missing from a page quiet for half a second is missing, and the
writer hears so without the walk waiting out its whole deadline.
"""

from __future__ import annotations

import asyncio
import time

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Request

from helpcentre.capture.page.masks import KeptMarks
from helpcentre.capture.page.quiet import change_count

SNAPSHOT_TIMEOUT_MS = 10_000
# A page that has neither fetched nor changed anything for this long has finished drawing.
QUIET_S = 0.5

# Seconds since the document last changed; 0 the first time, when the watch starts.
_SINCE_LAST_CHANGE = """() => {
  const key = Symbol.for('helpcentre.lastChange');
  if (window[key] === undefined) {
    window[key] = performance.now();
    new MutationObserver(() => { window[key] = performance.now(); })
      .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
    return 0;
  }
  return (performance.now() - window[key]) / 1000;
}"""


class PageReadings:
    def __init__(self, page: Page):
        self.page = page
        self.body_aria: str | None = None
        self._inner_text: str | None = None
        # The masks the last picture marked on the page, for the next picture to reuse.
        self.kept_marks = KeptMarks()
        # The page's count of changes (quiet.py) when its words were read, if it has a watch.
        self.words_at: int | None = None
        self._in_flight: set[Request] = set()
        self._last_request_at = time.monotonic()
        page.on("request", self._request_started)
        page.on("requestfinished", self._request_ended)
        page.on("requestfailed", self._request_ended)

    def _request_started(self, request: Request) -> None:
        self._in_flight.add(request)
        self._last_request_at = time.monotonic()

    def _request_ended(self, request: Request) -> None:
        self._in_flight.discard(request)
        self._last_request_at = time.monotonic()

    async def quiet(self) -> bool:
        """Whether the page has neither fetched nor changed anything for QUIET_S."""
        if self._in_flight or time.monotonic() - self._last_request_at < QUIET_S:
            return False
        try:
            return await self.page.evaluate(_SINCE_LAST_CHANGE) >= QUIET_S
        except PlaywrightError:
            return False

    def forget(self) -> None:
        """The page may change from here on: an action is about to run."""
        self.body_aria = None
        self._inner_text = None
        self.words_at = None

    async def aria(self) -> str:
        """The ARIA snapshot of the whole page."""
        if self.body_aria is None:
            self.body_aria = await self.page.locator("body").aria_snapshot(timeout=SNAPSHOT_TIMEOUT_MS)
        return self.body_aria

    async def words(self) -> str:
        """Accessible names and visible text of the whole page, where a UI label must appear."""
        if self.body_aria is None or self._inner_text is None:
            # The page's count of changes is read first: words read at a count are at least that new.
            changes, aria, visible = await asyncio.gather(
                change_count(self.page),
                self.page.locator("body").aria_snapshot(timeout=SNAPSHOT_TIMEOUT_MS),
                self.page.evaluate("document.body.innerText"),
            )
            self.body_aria, self._inner_text, self.words_at = aria, visible, changes
        return f"{self.body_aria}\n{self._inner_text}"
