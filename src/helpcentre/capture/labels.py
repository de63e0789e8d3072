"""Bold labels on the page: is each bold label of a step on the page, as a reader reads it?

A label the page shows only with a colon, a required mark, other quotes or other spaces is on
the page ("Client" on "Client:", "Yes, I'm sure" on "Yes, I’m sure"); one the page spells only
in other capitals is not, and the page's spelling is what `fix` writes into the article.
"""

from __future__ import annotations

import difflib
import re

from helpcentre.articles.names import reader_name, words_pattern
from helpcentre.articles.steps import plain_text
from helpcentre.baselines.shot import StepShot
from helpcentre.capture.errors import StepProblem

# A name in an ARIA snapshot line: `- button "Card Details"`.
_PHRASES = re.compile(r'"((?:[^"\\]|\\.){1,60})"')


def label_on_page(label: str, page_words: str) -> bool:
    """Whether a label stands on the page as whole words, as the article spells it and a reader reads it."""
    return re.search(rf"(?<![\w]){words_pattern(label)}(?![\w])", page_words) is not None


def _phrases(seen: str) -> set[str]:
    """The page's names and short lines, as a reader reads them."""
    lines = {line.strip() for line in seen.splitlines() if 0 < len(line.strip()) <= 60}
    return {reader_name(phrase) for phrase in set(_PHRASES.findall(seen)) | lines}


def spelled_otherwise(label: str, seen: str) -> str | None:
    """The page's spelling of a label that differs from it only in case, if the page has one."""
    text = reader_name(plain_text(label)).casefold()
    same_but_case = sorted(phrase for phrase in _phrases(seen) if phrase.casefold() == text)
    return same_but_case[0] if same_but_case else None


def labels_not_shown(missing: list[str], seen: str) -> str:
    """Why the step's bold labels are not on the page, with the spelling the page has where it is close."""
    phrases = sorted(_phrases(seen))
    parts = []
    for label in missing:
        text = plain_text(label)
        spelled = spelled_otherwise(label, seen)
        close = [spelled] if spelled else difflib.get_close_matches(reader_name(text), phrases, n=1, cutoff=0.75)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        parts.append(f"the step names **{text}**, which is not on the page{hint}")
    return "; ".join(parts)


def labels_to_find(bold_labels: list[str], plan) -> list[str]:
    """The step's bold words that must be on the page: all but a value it types ("Type **Pri** in
    **Assignee**"), which is in the field, not in the page's words. A chosen option must be shown."""
    typed = {intent.value for intent in plan.intents if intent.kind == "set" and intent.value and not intent.chooses}
    named = {intent.label for intent in plan.intents}
    return [label for label in bold_labels if plain_text(label) not in typed or plain_text(label) in named]


def check_labels(shot: StepShot, to_find: list[str], seen: str, must_match: bool) -> None:
    """Note on the shot the bold labels the page showed neither before nor after its step, and the
    page's own spelling of those that differ only in case; capture (`must_match`) refuses the step."""
    missing = [label for label in to_find if not label_on_page(plain_text(label), seen)]
    if missing and must_match:
        raise StepProblem(labels_not_shown(missing, seen))
    shot.missing_labels = missing
    shot.label_spellings = {
        label: spelled for label in missing if (spelled := spelled_otherwise(label, seen)) is not None
    }
