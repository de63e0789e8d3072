"""The sandbox's clock: a fixed date, so that pages, seed data and screenshots never depend on the day they are made."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date

TODAY_VARIABLE = "SANDBOX_TODAY"
DEFAULT_TODAY = date(2026, 11, 15)


class ClockError(ValueError):
    pass


def today_from_environment(environ: Mapping[str, str] | None = None) -> date:
    """The date the seed is built for: SANDBOX_TODAY (YYYY-MM-DD), else 2026-11-15."""
    environ = os.environ if environ is None else environ
    configured = environ.get(TODAY_VARIABLE, "").strip()
    if not configured:
        return DEFAULT_TODAY
    try:
        return date.fromisoformat(configured)
    except ValueError:
        raise ClockError(f"{TODAY_VARIABLE}={configured}: use a date like 2026-11-15") from None
