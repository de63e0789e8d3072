"""Bold UI labels in a step against that step's walkthrough.

A label the article names in **bold** but the walkthrough neither acts on nor asserts is a
label nobody checks: the product could rename it and verify would never notice.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcentre.articles import problems as codes
from helpcentre.articles.model import Article
from helpcentre.articles.names import reader_name
from helpcentre.articles.problems import Problem
from helpcentre.articles.steps import BOLD
from helpcentre.articles.walkthrough import Action, Locator, Step

_EDGE_PUNCTUATION = " .,:;!?\"'()…"


def normalise(text: str) -> str:
    """Compared as a reader reads names (`reader_name`: colons, required marks, quote style and
    spacing do not count) and as Playwright matches them by default: case does not count either."""
    return reader_name(text).strip(_EDGE_PUNCTUATION).casefold()


def checked_texts(step: Step) -> set[str]:
    """Every name, label and text the step acts on, asserts, photographs or highlights."""
    texts: set[str] = set()
    for action in step.actions:
        texts.update(_action_texts(action))
    locators = [step.shot.element, step.highlight or None]
    for locator in locators:
        if isinstance(locator, Locator):
            texts.update(_locator_texts(locator))
    return {normalise(text) for text in texts if text}


def unchecked_labels(article: Article) -> list[Problem]:
    walkthrough = article.meta.walkthrough
    if walkthrough is None:
        return []
    found: list[Problem] = []
    # Steps read from their words act on or check every label they name; spelt-out ones may not.
    for plan in article.plans:
        if plan.explicit is None:
            continue
        written = article.steps[plan.number - 1]
        texts = checked_texts(plan.explicit)
        for match in BOLD.finditer(written.text):
            label = normalise(match.group(1))
            if not label or any(label in text for text in texts):
                continue
            line, column = label_position(article, written.line, match.group(0))
            found.append(
                Problem(
                    article.display_path,
                    line,
                    codes.LABEL_NOT_IN_WALKTHROUGH,
                    f"walkthrough.steps.{written.number}",
                    f"step {written.number} names **{match.group(1)}**, but its walkthrough step neither acts on"
                    " nor asserts it; use it in a target or add an expect",
                    column,
                )
            )
    return found


def _action_texts(action: Action) -> Iterator[str]:
    if action.target is not None:
        yield from _locator_texts(action.target)
    if action.fields:
        yield from action.fields
    if action.action == "select" and action.value is not None:
        yield action.value
    if action.expect is not None:
        if action.expect.target is not None:
            yield from _locator_texts(action.expect.target)
        for text in (action.expect.text, action.expect.value):
            if text is not None:
                yield text


def _locator_texts(locator: Locator) -> Iterator[str]:
    current: Locator | None = locator
    while current is not None:
        for text in (current.name, current.label, current.text):
            if text is not None:
                yield text
        current = current.within


def label_position(article: Article, first_line: int, written: str) -> tuple[int, int]:
    """The line and column of `**label**` in the step, which may continue over several lines."""
    lines = article.body.splitlines()
    body_line = article.front_matter.body_line
    for index in range(first_line - body_line, len(lines)):
        column = lines[index].find(written)
        if column >= 0:
            return body_line + index, column + 1
    return first_line, 1
