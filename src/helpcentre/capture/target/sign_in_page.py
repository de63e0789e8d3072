"""What a sign-in page shows a reader: its fields and buttons by name, and its error messages.

Read the way a person reads the page, through the names Playwright's ARIA snapshot computes
(hidden elements left out), so that a failed sign-in can say what is there instead. Names are
compared as a reader reads them (`helpcentre.articles.names`): "Username:", "Username *" with the
star hidden from screen readers, "Email (required)" and "Email  address" with a non-breaking
space are the fields Username, Email and Email address; for signing in, case does not count either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page

from helpcentre.articles.names import reader_name
from helpcentre.capture.find.locate import label_as_read, named_in_snapshot

# Where a person types: a password field is a textbox in Playwright's roles.
FIELD_ROLES = ("textbox", "searchbox", "combobox", "spinbutton")
SUBMIT_BUTTONS = "button[type=submit], button:not([type]), input[type=submit], input[type=image]"
MOST_ERRORS_SHOWN = 3
LONGEST_ERROR = 200


@cache
def sign_in_words() -> dict[str, list[str]]:
    """The error selectors and error words of `sign_in_words.yml`."""
    text = resources.files("helpcentre.capture.target").joinpath("sign_in_words.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def name_pattern(wanted: str) -> re.Pattern[str]:
    """The names a reader reads as `wanted`, whole, in any case: the walk's own pattern for a label
    (`label_as_read`), for Playwright to run in the page; a sign-in ignores case as well."""
    return re.compile(label_as_read(wanted).pattern, re.IGNORECASE)


# The product's own messages: alerts, its error elements, and what the fields it marks
# invalid are described by; then every line of visible text, to see which lines are new.
_READ_MESSAGES = """(selectors) => {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const text = (el) => (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim();
  const messages = [];
  for (const el of document.querySelectorAll(['[role=alert]', ...selectors].join(','))) {
    if (shown(el)) messages.push(text(el));
  }
  for (const el of document.querySelectorAll('[aria-invalid=true]')) {
    const ids = `${el.getAttribute('aria-errormessage') || ''} ${el.getAttribute('aria-describedby') || ''}`;
    for (const id of ids.split(/\\s+/).filter(Boolean)) {
      const described = document.getElementById(id);
      if (described && shown(described)) messages.push(text(described));
    }
  }
  const lines = (document.body ? document.body.innerText : '').split('\\n').map((line) => line.trim());
  return {messages: messages.filter(Boolean), lines: lines.filter(Boolean), ready: document.readyState};
}"""


@dataclass
class PageReading:
    """The messages and lines of text a page shows at one moment."""

    messages: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    ready: bool = False

    def errors_since(self, before: PageReading) -> list[str]:
        """The product's error messages that were not on the page before: its own error elements,
        then new lines that read like an error."""
        words = [word.casefold() for word in sign_in_words()["error_words"]]
        new_lines = [line for line in self.lines if line not in before.lines]
        errors = [message for message in self.messages if message not in before.messages]
        errors += [line for line in new_lines if any(_has_words(line.casefold(), word) for word in words)]
        unique: list[str] = []
        for error in errors:
            # The same message read twice (an alert that is also a new line) is said once.
            if not any(error in other or other in error for other in unique):
                unique.append(error)
        return unique


def _has_words(line: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", line) is not None


async def read_page(page: Page) -> PageReading:
    """What the page shows now; nothing while it is between two documents."""
    try:
        found = await page.evaluate(_READ_MESSAGES, sign_in_words()["error_selectors"])
    except PlaywrightError:
        return PageReading()
    # Parsed is enough: a slow image must not keep a sign-in from being seen.
    return PageReading(found["messages"], found["lines"], found["ready"] != "loading")


def quoted_errors(errors: list[str]) -> str:
    """`'Please enter a correct username and password.'`, a few at most, each cut short."""
    shown = [error if len(error) <= LONGEST_ERROR else error[: LONGEST_ERROR - 1] + "…" for error in errors]
    return "; ".join(f"'{error}'" for error in shown[:MOST_ERRORS_SHOWN])


def field_named(page: Page, name: str) -> Locator:
    """The visible field a reader knows by `name`, by its accessible name or its label's text."""
    pattern = name_pattern(name)
    return page.get_by_role("textbox", name=pattern).or_(page.get_by_label(pattern)).filter(visible=True)


def button_named(page: Page, name: str) -> Locator:
    return page.get_by_role("button", name=name_pattern(name)).filter(visible=True)


def any_field(page: Page) -> Locator:
    return page.locator("input:not([type=hidden]), textarea, select").filter(visible=True)


def password_field(page: Page) -> Locator:
    """Any visible password field, whatever it is called: the mark of a sign-in form."""
    return page.locator("input[type=password]").filter(visible=True)


async def shown(locator: Locator) -> bool:
    try:
        return await locator.count() > 0
    except PlaywrightError:
        return False


async def names_on_page(page: Page) -> tuple[list[str], list[str]]:
    """The names of the page's fields and of its buttons, as a reader reads them, in page order."""
    try:
        snapshot = await page.locator("body").aria_snapshot(timeout=3000)
    except PlaywrightError:
        return [], []
    return _as_read(named_in_snapshot(snapshot, FIELD_ROLES)), _as_read(named_in_snapshot(snapshot, ("button",)))


def _as_read(names: list[str]) -> list[str]:
    read: list[str] = []
    for name in map(reader_name, names):
        if name and name not in read:
            read.append(name)
    return read


async def name_of(locator: Locator) -> str:
    """The name a reader reads on one element (a button), or "" when it has none."""
    try:
        names = _as_read(named_in_snapshot(await locator.aria_snapshot(timeout=3000), ("button",)))
    except PlaywrightError:
        return ""
    return names[0] if names else ""


def listed(noun: str, names: list[str]) -> str:
    """`fields here: 'Username', 'Password'`, or `no fields here`."""
    if not names:
        return f"no {noun} here"
    return f"{noun} here: " + ", ".join(f"'{name}'" for name in names)
