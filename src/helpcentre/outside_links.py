"""Symbolic links that lead out of the project: nothing they point at is read or published.

A link in docs/ to /etc/passwd would otherwise be copied into the site, and a linked article
read as if it were the project's own. Links that stay inside the project are fine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutsideLink:
    """A link under a scanned folder whose target is outside the project."""

    path: Path
    # Its path relative to the folder scanned, as `billing/secret.png`.
    relative: str


def links_out_of(folder: Path, root: Path) -> list[OutsideLink]:
    """Every link under `folder` that resolves outside `root` (or outside `folder` itself).

    Hidden entries are skipped, as the site and lint skip them. A linked folder that stays
    inside is looked into; one that leaves is one link, not one per file behind it.
    """
    allowed = (Path(os.path.realpath(root)), Path(os.path.realpath(folder)))
    found: list[OutsideLink] = []
    seen: set[str] = set()

    def scan(directory: Path, prefix: str) -> None:
        real = os.path.realpath(directory)
        if real in seen:  # A link back up the tree: scanned once.
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = f"{prefix}{entry.name}"
            path = directory / entry.name
            if entry.is_symlink() and not _within(Path(os.path.realpath(path)), allowed):
                found.append(OutsideLink(path, relative))
            elif entry.is_dir():
                scan(path, f"{relative}/")

    if folder.is_dir():
        scan(folder, "")
    return found


def under_any(relative: str, links: list[OutsideLink]) -> bool:
    """Whether a path relative to the scanned folder is one of `links`, or behind one of them."""
    return any(relative == link.relative or relative.startswith(f"{link.relative}/") for link in links)


def _within(path: Path, folders: tuple[Path, ...]) -> bool:
    return any(path == folder or path.is_relative_to(folder) for folder in folders)
