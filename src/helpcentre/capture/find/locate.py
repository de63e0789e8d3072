"""Turn a walkthrough locator into a Playwright locator, and say what was there instead."""

from __future__ import annotations

import re

from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.articles.names import LEADING_MARK_PATTERN, MARKS_PATTERN, words_pattern
from helpcentre.articles.walkthrough import Locator
from helpcentre.capture.find.suggest import misspelt
from helpcentre.plurals import plural_of


def resolve(page: Page, spec: Locator) -> PlaywrightLocator:
    root: Page | PlaywrightLocator = resolve(page, spec.within) if spec.within else page
    if spec.role is not None:
        found = root.get_by_role(spec.role, name=spec.name, exact=spec.exact)  # type: ignore[arg-type]
    elif spec.label is not None:
        # An exact label is the label as a reader reads it: `Client` is the field labelled "Client:".
        label = label_as_read(spec.label) if spec.exact else spec.label
        found = root.get_by_label(label, exact=spec.exact)
    elif spec.text is not None:
        found = root.get_by_text(spec.text, exact=spec.exact)
    elif spec.test_id is not None:
        found = root.get_by_test_id(spec.test_id)
    else:
        found = root.locator(spec.css)  # type: ignore[arg-type]
    return found.nth(spec.nth) if spec.nth is not None else found


def label_as_read(label: str) -> re.Pattern[str]:
    """A field's label text that reads as `label`: "Email", "Email:", "Email *" (the asterisk
    hidden from screen readers is still in the label's text), "Email (required)"."""
    return re.compile(rf"^\s*{LEADING_MARK_PATTERN}{words_pattern(label)}{MARKS_PATTERN}$")


_SNAPSHOT_ENTRY = re.compile(r'^\s*- (?P<role>[a-z]+) "(?P<name>(?:[^"\\]|\\.)*)"', re.MULTILINE)
_LABELLED_ROLES = ("textbox", "combobox", "checkbox", "radio", "spinbutton", "searchbox", "listbox", "switch")


def named_in_snapshot(snapshot: str, roles: tuple[str, ...]) -> list[str]:
    """Accessible names of the given roles in an ARIA snapshot, in page order, without repeats."""
    names: list[str] = []
    for match in _SNAPSHOT_ENTRY.finditer(snapshot):
        if match.group("role") in roles:
            name = match.group("name").replace('\\"', '"')
            if name not in names:
                names.append(name)
    return names


async def nearest_candidates(page: Page, spec: Locator, limit: int = 8) -> str:
    """What the page offers instead, as "buttons here: 'Payment Details', 'Close'", and the one name
    a misspelt one stands for: "tabs here: 'ADDRESS', 'INSURANCE'; did you mean 'ADDRESS'?"."""
    try:
        snapshot = await page.locator("body").aria_snapshot(timeout=3000)
    except Exception:  # noqa: BLE001 - a page that cannot even be read has no candidates to offer
        return ""
    if spec.role is not None:
        roles, noun = (spec.role,), plural_of(spec.role)
    elif spec.label is not None:
        roles, noun = _LABELLED_ROLES, "fields"
    else:
        return ""
    names = named_in_snapshot(snapshot, roles)
    if not names:
        return f"no {noun} here"
    asked = spec.name or spec.label or ""
    wanted = asked.casefold()
    names.sort(key=lambda name: _distance(name.casefold(), wanted))
    shown = ", ".join(f"'{name}'" for name in names[:limit])
    meant = misspelt(asked, names)
    return f"{noun} here: {shown}" + (f"; did you mean '{meant}'?" if meant else "")


def _distance(a: str, b: str) -> float:
    import difflib

    return 1 - difflib.SequenceMatcher(None, a, b).ratio()
