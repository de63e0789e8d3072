"""When each article last changed, from Git history: one `git log` for the whole docs folder.

A shallow clone (CI checks out one commit by default) has no older history: every file then
dates from the oldest commit it has, which is still a true "changed no later than" date. A
file with no commit yet (a new article), or a tree outside Git, falls back to the file's
modification time, so every article always has a date.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

_COMMIT_MARK = "\x00"  # what git prints for %x00: no file name starts with it


def last_updated(files: list[Path], repository: Path) -> dict[Path, date]:
    """The date of the last commit that touched each file, else its modification date (UTC)."""
    top = _git(repository, "rev-parse", "--show-toplevel")
    root = Path(top.strip()) if top else None
    committed = _commit_dates(repository, root) if root else {}
    uncommitted = _uncommitted_files(repository, root) if root and committed else set()
    dates: dict[Path, date] = {}
    for path in files:
        resolved = path.resolve()
        when = committed.get(resolved)
        if when is None or resolved in uncommitted:
            when = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
        dates[path] = when
    return dates


def _commit_dates(repository: Path, root: Path) -> dict[Path, date]:
    log = _git(repository, "log", "--format=%x00%cI", "--name-only", "--no-renames", "--", ".")
    if log is None:
        return {}
    dates: dict[Path, date] = {}
    current: date | None = None
    for line in log.splitlines():
        if line.startswith(_COMMIT_MARK):
            current = datetime.fromisoformat(line[1:]).astimezone(UTC).date()
        elif line and current is not None:
            # The log is newest first: the first date seen for a file is its last change.
            dates.setdefault((root / line).resolve(), current)
    return dates


def _uncommitted_files(repository: Path, root: Path) -> set[Path]:
    """Files edited since their last commit: their date is today's edit, not the commit's."""
    status = _git(repository, "status", "--porcelain", "--no-renames", "--", ".")
    if status is None:
        return set()
    # Paths in porcelain output are relative to the top of the repository, after two status letters.
    return {(root / line[3:]).resolve() for line in status.splitlines() if len(line) > 3}


def _git(repository: Path, *args: str) -> str | None:
    try:
        completed = subprocess.run(
            ["git", "-C", str(repository), *args], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return completed.stdout if completed.returncode == 0 else None
