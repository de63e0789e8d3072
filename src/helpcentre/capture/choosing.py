"""Set a field to a value, whatever kind of field the page has, read from the ARIA it exposes.

"Choose the **Kind**" with `Kind: Hardware`, or "Choose **Hardware** as the **Kind**", works the
same on a native <select>, on a combobox that opens a listbox (a component library's select),
on a combobox that filters its options as you type (an autocomplete), on radio buttons (a
radiogroup, or a fieldset whose legend names them) and on a list or an open menu shown whole.
What the page says of the field decides how: its tag for a native select, its role,
`aria-haspopup`, `aria-autocomplete`, `aria-controls` and `aria-expanded`; never a library's
class names. An option is found by its accessible name, as any control is
(`aria_tree.matching_names`), and the field must read the option once it is chosen.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from enum import Enum

from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.articles.inference import CLICKABLE_ROLES
from helpcentre.articles.names import reader_name
from helpcentre.baselines.aria_tree import AriaNode, matching_names
from helpcentre.capture.errors import NotResolved
from helpcentre.capture.find.prose import text_pattern
from helpcentre.capture.page.settling import settle
from helpcentre.capture.popups import OPTION_ROLES, Popups, pick_option

TEXT_ROLES = ("textbox", "searchbox", "spinbutton")
TOGGLE_ROLES = ("checkbox", "switch", "radio", "menuitemcheckbox", "menuitemradio")
CONTAINER_ROLES = ("list", "table", "grid", "treegrid", "tree", "menu", "menubar", "group")
# The walk's mark on a field it sets (the page's watch never counts it as a change).
HELD = "data-helpcentre-field"
# What clearing a checkbox is called in `fields`.
CLEARED = ("false", "no", "off", "unchecked", "clear")
# How long a field may take to offer the option chosen, and one only typed into (Enter, Type) to
# offer one read alike; both after the work the typing started is done (`settling.py`).
PICK_WAIT_MS = 5_000
OFFER_WAIT_MS = 1_000


class Way(Enum):
    """How a value is set in a field: what a person would do with it."""

    TYPE = "type it"
    NATIVE = "choose it in the native select"
    TICK = "tick or clear it"
    PICK_IN_LIST = "pick the option in the list"
    PICK_RADIO = "pick the radio button"
    CLICK_INSIDE = "click the item inside it"
    OPEN_THEN_PICK = "open it, then pick the option"
    TYPE_THEN_PICK = "type it, then pick the option it offers"


@dataclass(frozen=True)
class ControlFacts:
    """What the page says of a field: its tag, role and the ARIA of a popup it may open."""

    tag: str
    role: str
    editable: bool = False
    haspopup: str = ""
    autocomplete: str = ""
    expanded: bool = False
    controls: bool = False
    # It holds radio buttons: a fieldset or group whose legend names the choice.
    radios: bool = False

    @property
    def has_popup(self) -> bool:
        return self.haspopup not in ("", "false")


_FACTS = """el => {
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') || 'text').toLowerCase();
  const typed = (tag === 'input' && !['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'range',
    'color', 'hidden'].includes(type)) || tag === 'textarea' || el.isContentEditable;
  return {tag, role: el.getAttribute('role') || '', editable: Boolean(typed && !el.readOnly && !el.disabled),
    haspopup: el.getAttribute('aria-haspopup') || '', autocomplete: el.getAttribute('aria-autocomplete') || '',
    expanded: el.getAttribute('aria-expanded') === 'true',
    controls: Boolean(el.getAttribute('aria-controls') || el.getAttribute('aria-owns')),
    radios: Boolean(el.querySelector('input[type=radio], [role~=radio]'))};
}"""


def way_to_set(facts: ControlFacts) -> Way:
    """How a person sets this field, from what the page says of it."""
    role = facts.role
    if facts.tag == "select":
        return Way.NATIVE
    if role in TOGGLE_ROLES:
        return Way.TICK
    if role == "radiogroup" or (role == "group" and facts.radios):
        return Way.PICK_RADIO
    if role == "listbox":
        return Way.PICK_IN_LIST
    if role in CONTAINER_ROLES:
        return Way.CLICK_INSIDE
    if facts.editable:
        # A list autocomplete, or a combobox whose popup offers options for what is typed.
        if facts.autocomplete in ("list", "both") or (role == "combobox" and (facts.has_popup or facts.controls)):
            return Way.TYPE_THEN_PICK
        return Way.TYPE
    if role == "combobox" or facts.has_popup:
        return Way.OPEN_THEN_PICK
    return Way.TYPE


async def read_facts(element: PlaywrightLocator, role: str | None) -> ControlFacts:
    found = await element.evaluate(_FACTS)
    # The page's own role attribute first; else the role the ARIA snapshot gave (an implicit one).
    return ControlFacts(**{**found, "role": found["role"].split()[0] if found["role"] else (role or "")})


async def set_field(
    page: Page,
    element: PlaywrightLocator,
    role: str | None,
    described: str,
    value: str,
    timeout_ms: float,
    chooses: bool = True,
) -> Way:
    """Set `element` (found as `described`, "combobox 'Kind'") to `value`; NotResolved when the
    field offers no such option. `chooses`: the words said to choose, so an option must be picked."""
    if role in TEXT_ROLES:
        # A text field is typed into, without asking the page anything first.
        await element.fill(value, timeout=timeout_ms)
        return Way.TYPE
    facts = await read_facts(element, role)
    way = way_to_set(facts)
    if way is Way.TYPE:
        await element.fill(value, timeout=timeout_ms)
    elif way is Way.TICK:
        await element.set_checked(value.strip().casefold() not in CLEARED, timeout=timeout_ms)
    elif way is Way.NATIVE:
        await _choose_native(element, described, value, timeout_ms)
    elif way in (Way.PICK_IN_LIST, Way.PICK_RADIO, Way.CLICK_INSIDE):
        await _pick_inside(element, way, described, value, timeout_ms)
    else:
        await _pick_from_popup(page, element, facts, way, described, value, timeout_ms, chooses)
    return way


async def click_or_choose(element: PlaywrightLocator, role: str | None, timeout_ms: float) -> None:
    """Click a control; an option of a closed native drop-down cannot be clicked, so it is chosen."""
    if role == "option":
        value = await element.evaluate(
            "el => { const select = el.tagName === 'OPTION' && el.closest('select');"
            " return select && !select.multiple && select.size <= 1 ? el.value : null; }"
        )
        if value is not None:
            await element.locator("xpath=ancestor::select[1]").select_option(value=value, timeout=timeout_ms)
            return
    await element.click(timeout=timeout_ms)


async def held(page: Page, element: PlaywrightLocator, role: str | None) -> PlaywrightLocator:
    """The field, found again by a mark of the walk's own rather than by its name: a select whose
    name holds its value ("Kind Hardware") is no longer the element named "Kind" once chosen."""
    if role in TEXT_ROLES:
        return element
    token = secrets.token_hex(6)
    await element.evaluate(f"(el, token) => el.setAttribute('{HELD}', token)", token)
    return page.locator(f'[{HELD}="{token}"]')


def best_option(names: list[str], value: str) -> tuple[list[str], str]:
    """The option names that `value` names, in the first tier that names any, and that tier:
    exact, as read, case, start (see `matching_names`)."""
    root = AriaNode("root", "")
    root.children = [AriaNode("option", name, parent=root) for name in names]
    matches = matching_names(root, value, ("option",))
    if not matches:
        return [], ""
    return list(dict.fromkeys(match.node.name for match in matches)), matches[0].how


def listed(names: list[str], limit: int = 8) -> str:
    shown = ", ".join(f"'{name}'" for name in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


async def _choose_native(element: PlaywrightLocator, described: str, value: str, timeout_ms: float) -> None:
    options = await element.evaluate(
        "el => [...el.options].filter(o => !o.disabled).map(o => [(o.label || o.text).trim(), o.value])"
    )
    names = [name for name, _ in options]
    found, _ = best_option(names, value)
    if len(found) == 1:
        chosen = next(option_value for name, option_value in options if name == found[0])
    elif not found and value in (option_value for _, option_value in options):
        chosen = value  # The option's value, as a writer copied it from the page's source.
    else:
        several = f"'{value}' names {len(found)} options" if found else f"no option named '{value}'"
        raise NotResolved(f"{several} in {described}; options here: {listed(found or names)}")
    await element.select_option(value=chosen, timeout=timeout_ms)


async def _pick_inside(element: PlaywrightLocator, way: Way, described: str, value: str, timeout_ms: float) -> None:
    """An option of a list shown whole, a radio button of a group, an item of a list or table."""
    roles = {Way.PICK_IN_LIST: OPTION_ROLES, Way.PICK_RADIO: ("radio",)}.get(way, CLICKABLE_ROLES)
    option = await pick_option(element, value, roles, described)
    if option is not None:
        chosen = option.element
    else:
        # An item of a list or table that is no control of its own: its visible text.
        chosen = element.get_by_text(text_pattern(value)).filter(visible=True)
        if await chosen.count() != 1:
            raise NotResolved(f"no item named '{value}' in {described}")
    if way is Way.PICK_RADIO:
        await chosen.check(timeout=timeout_ms)
    elif way is not Way.PICK_IN_LIST or await chosen.get_attribute("aria-selected", timeout=timeout_ms) != "true":
        # An option already selected is left so: a click would clear it in a list of several.
        await chosen.click(timeout=timeout_ms)


async def _pick_from_popup(
    page: Page,
    element: PlaywrightLocator,
    facts: ControlFacts,
    way: Way,
    described: str,
    value: str,
    timeout_ms: float,
    chooses: bool,
) -> None:
    """Open the field, or type into it, then pick the option its popup offers."""
    popups = Popups(page, element, described)
    await popups.note_shown()
    if way is Way.TYPE_THEN_PICK:
        await element.fill(value, timeout=timeout_ms)
    elif not facts.expanded:
        await element.click(timeout=timeout_ms)
    await settle(page, timeout_ms / 1000)
    # Typed, not chosen: an option is picked only when one reads as the value, soon.
    must_pick = chooses or way is Way.OPEN_THEN_PICK
    try:
        option = await popups.option_for(value, PICK_WAIT_MS if must_pick else OFFER_WAIT_MS, strict=must_pick)
        if option is None:
            if must_pick:
                offered = await popups.offered()
                what = f"options here: {listed(offered)}" if offered else "it offered no option"
                raise NotResolved(f"no option named '{value}' in {described}; {what}")
            return  # A field that offers nothing for what was typed keeps what was typed.
        name = option.name
        shown_before = await _reads(element)
        await option.element.click(timeout=timeout_ms)
    finally:
        await popups.forget()
    await settle(page, timeout_ms / 1000)
    await _confirm(page, element, described, name, shown_before)


async def _reads(element: PlaywrightLocator) -> str | None:
    """What a field shows: a text field its value, any other its text; None once it is gone."""
    if not await element.count():
        return None
    return await element.evaluate(
        "el => (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el.value : el.innerText || '').trim()",
        timeout=5_000,
    )


async def _confirm(page: Page, element: PlaywrightLocator, described: str, name: str, before: str | None) -> None:
    """The field must read the option chosen: otherwise the form's value was never set. A field
    that went away with its popup (a choice that leads to another page) has nothing to read."""
    wanted = reader_name(name).casefold()
    shown = before
    for _ in range(20):
        shown = await _reads(element)
        if shown is None:
            return
        read = reader_name(shown).casefold()
        if read and (wanted in read or (shown != before and read in wanted)):
            return
        await page.wait_for_timeout(100)
    raise NotResolved(f"picked option '{name}' in {described}, but it reads '{shown}': nothing was chosen")
