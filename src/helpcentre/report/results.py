"""What a `helpcentre verify` results dict means: statuses, their order, anchors, step text, shares.

Shared by the HTML report and the JUnit writer so both rank, name and count steps alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

OK = "ok"
NEW = "new"
NOT_REACHED = "not_reached"
# The run failed at the step (not the product): nothing was compared.
ERROR = "error"
DRIFT = ("flow", "text", "structure", "pixels")

# Worst first. A step that can no longer be done blocks the reader; a missing label misleads
# them more than a changed page structure, which misleads more than changed pixels.
SEVERITY_ORDER = (ERROR, "flow", "text", "structure", "pixels", NEW, NOT_REACHED, OK)

# Playwright's expectation messages carry terminal colours; they are noise in HTML and XML.
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
NOT_IN_ANCHOR = re.compile(r"[^a-z0-9]+")


def severity(status: str) -> int:
    """Rank of a status, 0 the worst. A status this writer doesn't know ranks worst: look at it."""
    return SEVERITY_ORDER.index(status) if status in SEVERITY_ORDER else 0


def needs_attention(status: str) -> bool:
    """Drifted or new: a step a writer has to look at. Unknown statuses count too."""
    return status not in (OK, NOT_REACHED)


def worst_status(steps: Iterable[dict]) -> str:
    return min((step["status"] for step in steps), key=severity, default=OK)


def drifted_step_count(article: dict) -> int:
    return sum(1 for step in article["steps"] if step["status"] in DRIFT)


def articles_by_drift(articles: Iterable[dict]) -> list[dict]:
    """Most drifted steps first, then the worst status, then by ref so the order is stable."""
    return sorted(
        articles,
        key=lambda article: (-drifted_step_count(article), severity(worst_status(article["steps"])), article["ref"]),
    )


def anchor_id(ref: str, step: int | None = None) -> str:
    """A stable HTML id: `billing/change-card` step 3 is `billing-change-card-step-3`."""
    slug = NOT_IN_ANCHOR.sub("-", ref.lower()).strip("-")
    return slug if step is None else f"{slug}-step-{step}"


def clean_message(message: str | None) -> str:
    return ANSI_ESCAPE.sub("", message or "").strip()


def percent(ratio: float) -> str:
    """`0.0012` reads `0.12%`; tiny shares keep two significant digits rather than round to 0."""
    if ratio <= 0:
        return "0%"
    share = ratio * 100
    decimals = max(2, 1 - math.floor(math.log10(share)))
    return f"{share:.{decimals}f}".rstrip("0").rstrip(".") + "%"
