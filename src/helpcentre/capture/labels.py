"""Bold labels on the page a walk is on: each step's must be there, as a reader reads them.

The matching itself (`helpcentre.articles.page_labels`) is plain text, shared with lint, which
checks the pages a capture recorded; here a label the page does not show stops the step.
"""

from __future__ import annotations

import difflib

from helpcentre.articles.names import reader_name
from helpcentre.articles.page_labels import label_on_page, page_phrases, spelled_otherwise
from helpcentre.articles.steps import plain_text
from helpcentre.baselines.shot import StepShot
from helpcentre.capture.errors import StepProblem


def labels_not_shown(missing: list[str], seen: str) -> str:
    """Why the step's bold labels are not on the page, with the spelling the page has where it is close."""
    phrases = sorted(page_phrases(seen))
    parts = []
    for label in missing:
        text = plain_text(label)
        spelled = spelled_otherwise(label, seen)
        close = [spelled] if spelled else difflib.get_close_matches(reader_name(text), phrases, n=1, cutoff=0.75)
        hint = f"; did you mean **{close[0]}**?" if close else ""
        parts.append(f"the step names **{text}**, which is not on the page{hint}")
    return "; ".join(parts)


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
