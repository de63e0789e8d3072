"""What the HTML report and the JUnit writer say alike: the order of the articles, anchors, messages, shares.

Shared by both writers so that they rank, name and count steps alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from helpcentre.verify.results import ArticleRecord

# Playwright's expectation messages carry terminal colours; they are noise in HTML and XML.
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
NOT_IN_ANCHOR = re.compile(r"[^a-z0-9]+")


def articles_by_drift(articles: Iterable[ArticleRecord]) -> list[ArticleRecord]:
    """Most drifted steps first, then the worst status, then by ref so the order is stable."""
    return sorted(articles, key=lambda article: (-article.drifted_steps, article.status.severity, article.ref))


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
