"""A walk stays on its target: where the page goes on another origin, the walk stops.

A walk runs signed in with the test account, and what it sees becomes screenshots in Git and on
the public site. A product page that sends the browser elsewhere (a link, a script, a redirect;
a compromised page sending it to `http://169.254.169.254/latest/meta-data/`) must not have the
walk photograph that page, or the request leave from the machine that runs the walk.

So every context `new_page` makes carries a guard, armed with the target's address when a walk
begins. A navigation of a page's main frame to another origin is answered here with 204 No
Content, which leaves the page where it was and sends nothing; a redirect the target's server
answers with is followed by the browser without asking (Playwright routes no redirects), so it
is noticed when the page arrives. Either way the address is kept, and the step fails naming it.
Frames inside the page and its scripts, styles and images may still come from other origins:
only where the page itself goes is held.
"""

from __future__ import annotations

from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from playwright.async_api import BrowserContext, Frame, Page, Route
from playwright.async_api import Error as PlaywrightError


def origin_of(url: str) -> str:
    """`scheme://host:port`, the part of an address that says which site it is."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class OriginGuard:
    """Holds one context's pages on the target's origin, once `stay_on` has named it."""

    def __init__(self) -> None:
        self.origin: str | None = None
        # The first address elsewhere: the walk is over from there on, so it is never cleared.
        self.left_for: str | None = None

    def stay_on(self, base_url: str) -> None:
        self.origin = origin_of(base_url)

    @property
    def error(self) -> str | None:
        """Why the walk cannot go on, naming the address, or None while it stayed on its target."""
        if self.left_for is None:
            return None
        return (
            f"the page was sent to {self.left_for}, another origin than the target's ({self.origin});"
            " a walk stays on its target"
        )

    def elsewhere(self, url: str) -> bool:
        return self.origin is not None and origin_of(url) != self.origin

    def note(self, url: str) -> None:
        if self.left_for is None:
            self.left_for = url

    async def route(self, route: Route) -> None:
        request = route.request
        if request.is_navigation_request() and request.frame.parent_frame is None and self.elsewhere(request.url):
            self.note(request.url)
            await route.fulfill(status=204)
            return
        await route.fallback()

    def page_arrived(self, frame: Frame) -> None:
        # `about:blank` and Chromium's own error pages are nobody's site.
        if frame.parent_frame is None and frame.url.startswith(("http:", "https:")) and self.elsewhere(frame.url):
            self.note(frame.url)


_GUARDS: WeakKeyDictionary[BrowserContext, OriginGuard] = WeakKeyDictionary()


async def guard_origin(context: BrowserContext) -> OriginGuard:
    """Install the guard on every page of `context`, unarmed: sign-in and the like go anywhere."""
    guard = OriginGuard()
    context.on("page", lambda page: page.on("framenavigated", guard.page_arrived))
    _GUARDS[context] = guard
    return guard


async def hold_page(page: Page) -> None:
    """Stop the page's own navigations to another origin before they leave the browser.

    Only documents are held, through Chromium's Fetch domain: a Playwright route would take
    every request of the page through the driver and turn off its cache, which slowed walks by
    a tenth. Where the browser offers no such session, a route does the same, more slowly.
    """
    guard = guard_of(page)
    if guard is None:
        return
    try:
        session = await page.context.new_cdp_session(page)
        main_frame = (await session.send("Page.getFrameTree"))["frameTree"]["frame"]["id"]
    except PlaywrightError:
        await page.context.route("**/*", guard.route)
        return

    async def paused(event: dict) -> None:
        request_id, url = event["requestId"], event["request"]["url"]
        try:
            if event.get("frameId") == main_frame and guard.elsewhere(url):
                guard.note(url)
                await session.send("Fetch.fulfillRequest", {"requestId": request_id, "responseCode": 204})
            else:
                await session.send("Fetch.continueRequest", {"requestId": request_id})
        except PlaywrightError:
            pass  # The page or its request is gone: nothing is left to hold.

    session.on("Fetch.requestPaused", paused)
    document = {"urlPattern": "*", "resourceType": "Document", "requestStage": "Request"}
    await session.send("Fetch.enable", {"patterns": [document]})


def guard_of(page: Page) -> OriginGuard | None:
    """The guard of the page's context, if `guard_origin` installed one."""
    return _GUARDS.get(page.context)
