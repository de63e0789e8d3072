"""When each article's screenshots were last shown to match the product: the verification record.

It is kept apart from the baselines, so that verifying never changes a file in Git: the
manifest holds only what changes when the product changes. Capture and verify write the
record (by default `reports/verification.json`, outside Git); the site reads it when it is
built, so its "verified on <date>" note is true of the run that preceded that build. The
publishing workflow verifies, then builds.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from helpcentre import atomic

RECORD_VERSION = 1

# The record's two words for an article's last run: every picture matched the product, or not.
MATCHED = "ok"
DRIFTED = "drift"


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def read_record(path: Path) -> dict[str, Any]:
    """The record, or an empty one when there is none (or it cannot be read)."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {"version": RECORD_VERSION, "articles": {}}
    if not isinstance(record, dict) or not isinstance(record.get("articles"), dict):
        return {"version": RECORD_VERSION, "articles": {}}
    return record


def result(
    at: str, target: str, browser: str, by: str, *, matched: bool = True, drifted_steps: list[int] | None = None
) -> dict[str, Any]:
    """One article's entry: when, against what and by which command; whether it matched, and the steps that drifted."""
    return {
        "at": at,
        "status": MATCHED if matched else DRIFTED,
        "target": target,
        "browser": browser,
        "by": by,
        "drifted_steps": drifted_steps or [],
    }


def record_results(path: Path, entries: dict[str, dict[str, Any]]) -> None:
    """Add these articles' latest results (ref: {at, status, target, browser, by, drifted_steps})."""
    if not entries:
        return
    record = read_record(path)
    record["articles"].update(entries)
    record["articles"] = dict(sorted(record["articles"].items()))
    atomic.write_text(path, json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def last_result(record: dict[str, Any], ref: str) -> dict[str, Any] | None:
    entry = record.get("articles", {}).get(ref)
    return entry if isinstance(entry, dict) and "at" in entry and "status" in entry else None
