"""Finding a step's frame without ever settling for a larger one by accident.

On a starved machine the elements a step touched can take seconds to be handed back, and a
frame worked out without them is the whole viewport. Such a picture is not the product's
change: the frame is looked for again while the elements are still there, and where the
baseline records a container that cannot be found again in time, the run says so as an error
of its own, never as drift that `fix --accept-visual` could accept.
"""

from __future__ import annotations

import asyncio

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.capture.errors import FrameLost
from helpcentre.capture.page.framing import Frame, frame_around

VIEWPORT = "the viewport"
ATTEMPTS = 3
# How long one attempt waits for the touched elements to show again.
SHOW_WAIT_MS = 5000
# Found a moment ago: a handle's wait matters only on a starved machine, where 1 s was seen to pass.
HANDLE_WAIT_MS = 5000


async def element_handles(elements: list[PlaywrightLocator]) -> list:
    """The elements' handles, fetched together, each once (the subject is often the highlight too)."""
    distinct = list({repr(element): element for element in elements}.values())

    async def handle(element: PlaywrightLocator):
        try:
            return await element.element_handle(timeout=HANDLE_WAIT_MS)
        except PlaywrightError:
            return None

    found = await asyncio.gather(*(handle(element) for element in distinct))
    return [found_handle for found_handle in found if found_handle is not None]


def _fell_back(framing: Frame | None, wanted: list[PlaywrightLocator], recorded: str | None) -> bool:
    """Whether the step touched something that could not be framed, so the picture became the viewport.

    A frame found around an element that now stands elsewhere is the product's change, for the
    verdict to judge; only the lack of any frame is the run's own trouble.
    """
    return bool(wanted) and framing is None and recorded != VIEWPORT


async def _still_there(wanted: list[PlaywrightLocator]) -> list[PlaywrightLocator]:
    """The touched elements the page still has; one that is gone (a link that led away) is not waited for."""

    async def there(element: PlaywrightLocator) -> bool:
        try:
            return await element.count() > 0
        except PlaywrightError:
            return False

    present = await asyncio.gather(*(there(element) for element in wanted))
    return [element for element, is_there in zip(wanted, present, strict=True) if is_there]


async def _shown_again(elements: list[PlaywrightLocator]) -> None:
    async def shown(element: PlaywrightLocator) -> None:
        try:
            await element.first.wait_for(state="visible", timeout=SHOW_WAIT_MS)
        except PlaywrightError:
            pass  # Framed as it is: the next attempt, or the error, says what was found.

    await asyncio.gather(*(shown(element) for element in elements))


async def frame_touched(
    page: Page, wanted: list[PlaywrightLocator], handles: list, recorded: str | None
) -> Frame | None:
    """The frame around what the step touched, looked for again while it falls back to a larger one.

    `handles` are `wanted`'s handles, fetched already; `recorded` is the frame the baseline
    names (verify), or None (capture). Raises FrameLost when the recorded container stays lost.
    """
    framing = await frame_around(page, handles)
    for _ in range(ATTEMPTS):
        if not _fell_back(framing, wanted, recorded):
            return framing
        present = await _still_there(wanted)
        if not present:
            break
        await _shown_again(present)
        framing = await frame_around(page, await element_handles(present))
    if recorded is not None and _fell_back(framing, wanted, recorded):
        found = framing.described if framing is not None else VIEWPORT
        raise FrameLost(
            f"the picture's container could not be found again in time: the baseline frames {recorded},"
            f" this run found only {found}; nothing was compared, walk it again"
        )
    return framing


__all__ = ["VIEWPORT", "FrameLost", "element_handles", "frame_touched"]
