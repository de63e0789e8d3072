"""Is a step's bold label on a page, as a reader reads it; and if not, which name did it mean?

A label the page shows only with a colon, a required mark, other quotes or other spaces is on
the page ("Client" on "Client:", "Yes, I'm sure" on "Yes, I’m sure"); one the page spells only
in other capitals is not, and the page's spelling is what `fix` writes into the article.
Capture checks a page it walks; lint checks the page a capture recorded. Plain text, no browser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from helpcentre.articles.names import reader_name, words_pattern
from helpcentre.articles.steps import plain_text

if TYPE_CHECKING:
    from helpcentre.articles.inference import StepPlan

# A name in an ARIA snapshot line: `- button "Card Details"`.
_PHRASES = re.compile(r'"((?:[^"\\]|\\.){1,60})"')


def label_on_page(label: str, page_words: str) -> bool:
    """Whether a label stands on the page as whole words, as the article spells it and a reader reads it."""
    return re.search(rf"(?<![\w]){words_pattern(label)}(?![\w])", page_words) is not None


def page_phrases(seen: str) -> set[str]:
    """The page's names and short lines, as a reader reads them."""
    lines = {line.strip() for line in seen.splitlines() if 0 < len(line.strip()) <= 60}
    return {reader_name(phrase) for phrase in set(_PHRASES.findall(seen)) | lines}


def spelled_otherwise(label: str, seen: str) -> str | None:
    """The page's spelling of a label that differs from it only in case, if the page has one."""
    text = reader_name(plain_text(label)).casefold()
    same_but_case = sorted(phrase for phrase in page_phrases(seen) if phrase.casefold() == text)
    return same_but_case[0] if same_but_case else None


def misspelt(label: str, names: list[str]) -> str | None:
    """The one name, as a reader reads it, that `label` misspells by one or two edits (a letter
    left out, added, changed or two swapped); None when there is none, or more than one."""
    wanted = _read(label)
    most = min(2, len(wanted) // 3)
    close = {reader_name(name) for name in names if 0 < OSA.distance(_read(name), wanted, score_cutoff=most) <= most}
    return close.pop() if len(close) == 1 else None


def labels_to_find(bold_labels: list[str], plan: StepPlan) -> list[str]:
    """The step's bold words that must be on the page: all but a value it types ("Type **Pri** in
    **Assignee**"), which is in the field, not in the page's words. A chosen option must be shown."""
    typed = {intent.value for intent in plan.intents if intent.kind == "set" and intent.value and not intent.chooses}
    named = {intent.label for intent in plan.intents}
    return [label for label in bold_labels if plain_text(label) not in typed or plain_text(label) in named]


def _read(name: str) -> str:
    return reader_name(name).casefold()
