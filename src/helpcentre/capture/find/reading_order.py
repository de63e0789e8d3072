"""Where a reader looks when a name alone does not settle which control a step means.

"Under **By staff status**, click **Yes**": a page with three filters has three links named
Yes, and a reader takes the first one after the words "By staff status". "Tick the box of
**tom.becker**": the checkbox a reader ticks is the one in the row that shows tom.becker,
whatever the product named it. Both read the page in its reading order and by what it shows;
neither depends on how a product builds its markup.
"""

from __future__ import annotations

import re

from playwright.async_api import Locator as PlaywrightLocator
from playwright.async_api import Page

from helpcentre.articles.inference import TOGGLE_ROLES
from helpcentre.articles.names import words_pattern
from helpcentre.articles.walkthrough import Locator
from helpcentre.baselines.aria_tree import parse_aria_snapshot

_FIRST_AFTER_WORDS = """(elements, source) => {
  const words = new RegExp(source, 'u');
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let anchor = null;
  while (texts.nextNode()) {
    const node = texts.currentNode;
    const holder = node.parentElement;
    if (holder && words.test(node.textContent) && holder.checkVisibility({visibilityProperty: true})) {
      anchor = node;
      break;
    }
  }
  if (anchor === null) return -1;
  return elements.findIndex(element => anchor.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""


def _as_words(label: str) -> str:
    return rf"(?<![\p{{L}}\p{{N}}_]){words_pattern(label)}(?![\p{{L}}\p{{N}}_])"


async def first_after_words(page: Page, matches: PlaywrightLocator, words: str) -> int | None:
    """The index among `matches` of the first one after the first place the page shows `words`."""
    index = await matches.evaluate_all(_FIRST_AFTER_WORDS, _as_words(words))
    return index if index >= 0 else None


async def toggle_in_row(root: Page | PlaywrightLocator, label: str, roles: tuple[str, ...]) -> Locator | None:
    """The one toggle in the one table row that shows `label`, named within its row, if there is one."""
    body = root.locator("body") if isinstance(root, Page) else root
    tree = parse_aria_snapshot(await body.aria_snapshot(timeout=5_000))
    shows = re.compile(rf"(?<![\w]){words_pattern(label)}(?![\w])")
    rows = [node for node in tree.walk() if node.role == "row" and shows.search(node.all_text())]
    if len(rows) != 1 or not rows[0].name:
        return None
    toggles = {(node.role, node.name) for node in rows[0].walk() if node.role in roles and node.role in TOGGLE_ROLES}
    if len(toggles) != 1:
        return None
    role, name = next(iter(toggles))
    row = Locator(role="row", name=rows[0].name, exact=True)
    return Locator(role=role, name=name or None, exact=bool(name), within=row)
