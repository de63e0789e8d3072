"""Which Chromium builds a verify run compares: the one that made the baselines, and its own.

A browser upgrade can move pixels without the product changing. The run says when the builds
differ, and whether the drift looks like the browser's: pixels only, in every article at once.
"""

from __future__ import annotations

from typing import Any


def browser_drift_likely(results: dict[str, Any]) -> bool:
    """Drift in every article walked, and every drifted step's pixels only."""
    articles = results["articles"]
    statuses = [[step["status"] for step in article["steps"]] for article in articles]
    drifted = [[status for status in steps if status not in ("ok", "new", "not_reached")] for steps in statuses]
    return bool(articles) and all(drifted) and all(status == "pixels" for steps in drifted for status in steps)


def browsers_note(results: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    """The builds behind the baselines and this run, and one line to print when they differ."""
    run = results.get("browser", "")
    entries = manifest.get("articles", {})
    made = sorted(
        {
            entries[article["ref"]]["browser"]
            for article in results["articles"]
            if entries.get(article["ref"], {}).get("browser")
        }
    )
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
    return {"baselines": made, "run": run, "note": note, "likely_browser_drift": likely}


__all__ = ["browser_drift_likely", "browsers_note"]
