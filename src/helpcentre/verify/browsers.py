"""Which Chromium builds a verify run compares: the one that made the baselines, and its own.

A browser upgrade can move pixels without the product changing. The run says when the builds
differ, and whether the drift looks like the browser's: pixels only, in every article at once.
"""

from __future__ import annotations

from helpcentre.baselines.manifest import Manifest
from helpcentre.verify.results import BrowsersNote, Status, VerifyResults


def browser_drift_likely(results: VerifyResults) -> bool:
    """Drift in every article walked, and every drifted step's pixels only."""
    articles = results.articles
    unsettled = (Status.OK, Status.NEW, Status.NOT_REACHED)
    drifted = [[step.status for step in article.steps if step.status not in unsettled] for article in articles]
    return bool(articles) and all(drifted) and all(status is Status.PIXELS for steps in drifted for status in steps)


def browsers_note(results: VerifyResults, manifest: Manifest) -> BrowsersNote:
    """The builds behind the baselines and this run, and one line to print when they differ."""
    run = results.browser
    entries = [manifest.entry(article.ref) for article in results.articles]
    made = sorted({entry.browser for entry in entries if entry is not None and entry.browser})
    others = [browser for browser in made if browser != run]
    likely = bool(run and others) and browser_drift_likely(results)
    note = ""
    if run and others:
        note = f"Baselines made with {', '.join(others)}, this run {run}"
        if likely:
            note += (
                "; the drift is pixels only, in every article: likely the browser's, not the product's."
                " Re-baseline in a change of its own (verify --update all), after looking at the report"
            )
        else:
            note += "."
    return BrowsersNote(made, run, note, likely)


__all__ = ["browser_drift_likely", "browsers_note"]
