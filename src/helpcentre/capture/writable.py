"""Whether the baselines can be written, found before any walk rather than after all of them."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Unwritable:
    """A folder where no file can be made, and what the system said when one was tried."""

    folder: Path
    reason: str


def unwritable_folders(top: Path) -> list[Unwritable]:
    """`top` and the folders under it where nothing can be written; for a missing `top`, its nearest parent.

    Tried, not deduced from permission bits: the superuser writes whatever the bits say, while a read-only
    mount or an immutable folder stops it too. Hidden folders (runs in progress) are left alone,
    and nothing under a folder already named is tried.
    """
    if not top.exists():
        # Capture makes it: its nearest parent that exists must take a new folder.
        parent = next(folder for folder in top.parents if folder.exists())
        reason = _write_fails(parent)
        return [] if reason is None else [Unwritable(parent, reason)]
    found: list[Unwritable] = []
    pending = [top]
    while pending:
        folder = pending.pop()
        reason = _write_fails(folder)
        if reason is None:
            pending.extend(_subfolders(folder))
        else:
            found.append(Unwritable(folder, reason))
    return sorted(found, key=lambda item: item.folder)


def _subfolders(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            return [
                Path(entry.path)
                for entry in entries
                if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False)
            ]
    except OSError:
        return []


def _write_fails(folder: Path) -> str | None:
    """Why a folder cannot be made in `folder` (what capture's staging does), or None if it can."""
    try:
        probe = tempfile.mkdtemp(prefix=f".helpcentre-write-check.{os.getpid()}.", dir=folder)
    except OSError as error:
        return error.strerror or str(error)
    os.rmdir(probe)
    return None
