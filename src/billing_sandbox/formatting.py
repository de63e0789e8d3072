"""How amounts, dates and billing periods read on the sandbox's pages."""

from __future__ import annotations

from datetime import date


def money(cents: int) -> str:
    """`14900` -> `$149.00`."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}${whole:,}.{part:02d}"


def period_label(period: str) -> str:
    """`2026-11` -> `November 2026`."""
    return month_start(period).strftime("%B %Y")


def month_start(period: str) -> date:
    year, month = period.split("-")
    return date(int(year), int(month), 1)


def period_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def add_months(period: str, months: int) -> str:
    start = month_start(period)
    index = start.year * 12 + (start.month - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def long_date(iso_day: str | date) -> str:
    """`2026-11-15` -> `Nov 15, 2026`; no leading zero, whatever the platform's strftime does."""
    day = date.fromisoformat(iso_day) if isinstance(iso_day, str) else iso_day
    return f"{day.strftime('%b')} {day.day}, {day.year}"
