"""The popup a field opens (a listbox, a menu, a tree, a grid) and the option in it that a value names.

The popup is the one the field points at (`aria-controls`, `aria-owns`), or else the one popup
that was not shown before the field was opened or typed into: libraries put their listbox at
the end of the document, far from the field. It is marked for the walk with an attribute of its
own (`data-helpcentre-…`, which the page's watch does not count as a change) and unmarked after.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.baselines.aria_tree import matching_names, parse_aria_snapshot
from helpcentre.capture.errors import NotResolved
from helpcentre.capture.page.settling import busy

OPTION_ROLES = ("option", "menuitemradio", "menuitem", "menuitemcheckbox", "treeitem", "gridcell")
# The tiers of a name that a value typed (not chosen) must reach to pick an option: not a name
# that only begins with it ("Dana" is not "Dana Whitfield" for a writer who typed it).
READ_ALIKE = ("exact", "as read", "case")
# Once the work an action started is done, a popup still without the option has it not.
IDLE_S = 0.5
BEFORE = "data-helpcentre-popup-before"
FOUND = "data-helpcentre-popup"

_POPUP = '[role~="listbox"], [role~="menu"], [role~="tree"], [role~="grid"]'

_NOTE_SHOWN = f"""token => {{
  const shown = node => node.checkVisibility ? node.checkVisibility() : node.offsetParent !== null;
  for (const node of document.querySelectorAll('{_POPUP}')) {{
    if (shown(node)) node.setAttribute('{BEFORE}', token);
  }}
}}"""

# The popup of `field`: the one it points at, or the one shown since `_NOTE_SHOWN` (when only one
# was). Marks it with the token; answers how many there were.
_FIND = f"""(field, token) => {{
  const shown = node => node.checkVisibility ? node.checkVisibility() : node.offsetParent !== null;
  const owner = field.closest('[role~="combobox"]') || field;
  const ids = [field, owner].flatMap(node =>
    `${{node.getAttribute('aria-controls') || ''}} ${{node.getAttribute('aria-owns') || ''}}`.split(/\\s+/))
    .filter(Boolean);
  let found = ids.map(id => document.getElementById(id)).filter(Boolean)
    .map(node => node.matches('{_POPUP}') ? node : node.querySelector('{_POPUP}')).filter(node => node && shown(node));
  if (!found.length) {{
    found = [...document.querySelectorAll('{_POPUP}')].filter(node => shown(node)
      && node.getAttribute('{BEFORE}') !== token && !node.contains(field) && !owner.contains(node));
  }}
  for (const node of document.querySelectorAll('[{FOUND}]')) node.removeAttribute('{FOUND}');
  found = [...new Set(found)];
  if (found.length === 1) found[0].setAttribute('{FOUND}', token);
  return found.length;
}}"""

_FORGET = f"""token => {{
  for (const name of ['{BEFORE}', '{FOUND}']) {{
    for (const node of document.querySelectorAll(`[${{name}}="${{token}}"]`)) node.removeAttribute(name);
  }}
}}"""


@dataclass
class Option:
    element: PlaywrightLocator
    name: str


async def pick_option(
    root: PlaywrightLocator,
    value: str,
    roles: tuple[str, ...],
    described: str,
    *,
    loose: bool = True,
    raising: bool = True,
) -> Option | None:
    """The one option under `root` that `value` names, by accessible name. `loose`: a name that
    begins with the value counts too. `raising`: several options named so is a NotResolved."""
    tree = parse_aria_snapshot(await root.aria_snapshot(timeout=5_000))
    matches = matching_names(tree, value, roles)
    if not loose:
        matches = [match for match in matches if match.how in READ_ALIKE]
    distinct = list(dict.fromkeys((match.node.role, match.node.name) for match in matches))
    if len(distinct) == 1:
        role, name = distinct[0]
        element = root.get_by_role(role, name=name, exact=True)  # type: ignore[arg-type]
        if await element.count() == 1:
            return Option(element, name)
    if len(distinct) > 1 and raising:
        shown = ", ".join(f"{role} '{name}'" for role, name in distinct[:6])
        raise NotResolved(f"'{value}' names {len(distinct)} options in {described}: {shown}; spell the option in full")
    return None


class Popups:
    """The popup a field opens, found again each time it is asked for."""

    def __init__(self, page: Page, field: PlaywrightLocator, described: str):
        self.page = page
        self.field = field
        self.described = described
        self.token = secrets.token_hex(6)
        self.marked = page.locator(f'[{FOUND}="{self.token}"]')

    async def note_shown(self) -> None:
        """Before the field is opened: the popups already shown are not its own."""
        await self.page.evaluate(_NOTE_SHOWN, self.token)

    async def find(self) -> PlaywrightLocator | None:
        return self.marked if await self.field.evaluate(_FIND, self.token) == 1 else None

    async def option_for(self, value: str, wait_ms: float, *, strict: bool) -> Option | None:
        """The option of the popup that `value` names, waiting up to `wait_ms` for it to be offered.

        `strict`: the words chose the value, so a name that begins with it counts, and a value
        that names several options is refused; otherwise only a name read alike is picked.
        """
        deadline = time.monotonic() + wait_ms / 1000
        idle_since: float | None = None
        while True:
            popup = await self.find()
            # Nothing pending in the page for a while: what it offers now is all it will offer.
            idle_since = (idle_since or time.monotonic()) if not await busy(self.page) else None
            last = time.monotonic() >= deadline or (idle_since is not None and time.monotonic() - idle_since > IDLE_S)
            if popup is not None:
                found = await pick_option(
                    popup, value, OPTION_ROLES, self.described, loose=strict, raising=strict and last
                )
                if found is not None:
                    return found
            if last:
                return None
            await self.page.wait_for_timeout(50)

    async def offered(self) -> list[str]:
        """The names of the options the popup shows now, for a writer to pick from."""
        popup = await self.find()
        if popup is None:
            return []
        tree = parse_aria_snapshot(await popup.aria_snapshot(timeout=5_000))
        return list(dict.fromkeys(node.name for node in tree.walk() if node.role in OPTION_ROLES and node.name))

    async def forget(self) -> None:
        try:
            await self.page.evaluate(_FORGET, self.token)
        except PlaywrightError:
            pass  # The page went on to another document, and the marks with it.
