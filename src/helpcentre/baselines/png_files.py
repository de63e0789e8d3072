"""Reading baselines as PNG files: whether one on disk is a whole PNG, and its size.

Whether a baseline is a whole PNG file is checked before anything reads it as one.

A checkout without Git LFS has pointer files where the pictures should be, a copy cut short
has a PNG without its end, and a symbolic link may lead anywhere: each is named with its fix.
Light enough for lint and the site plugin to import.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from helpcentre.baselines.paths import step_files

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LFS_POINTER = b"version https://git-lfs.github.com/spec/v1"
# The last chunk of every PNG: zero length, `IEND`, and its CRC.
_PNG_END = bytes.fromhex("0000000049454e44ae426082")
# Signature, IHDR chunk and IEND chunk: no PNG is shorter.
_SMALLEST_PNG = len(PNG_SIGNATURE) + 25 + len(_PNG_END)


class Fault(Enum):
    """What is wrong with a file that should be a PNG, as a writer would say it."""

    LFS_POINTER = "a Git LFS pointer, not the picture"
    SYMLINK = "a symbolic link, not a PNG file"
    CUT_SHORT = "a PNG file cut short"
    NOT_PNG = "not a PNG file"

    def fix(self, ref: str) -> str:
        if self is Fault.LFS_POINTER:
            return "run: git lfs pull"
        return f"capture it again: helpcentre capture {ref}"


@dataclass(frozen=True)
class UnreadableFile:
    """One baseline that cannot be read as a picture."""

    path: Path
    fault: Fault
    # The article whose folder holds it, for the fix.
    ref: str

    @property
    def reason(self) -> str:
        """`a Git LFS pointer, not the picture; run: git lfs pull`"""
        return f"{self.fault.value}; {self.fault.fix(self.ref)}"

    def describe(self, shown: str) -> str:
        return f"{shown}: {self.reason}"


def png_fault(path: Path) -> Fault | None:
    """What keeps `path` from being read as a PNG, or None; reads only its first and last bytes."""
    if path.is_symlink():
        return Fault.SYMLINK
    with path.open("rb") as stream:
        head = stream.read(64)
        size = stream.seek(0, os.SEEK_END)
        stream.seek(max(0, size - len(_PNG_END)))
        tail = stream.read()
    if head.startswith(LFS_POINTER):
        return Fault.LFS_POINTER
    if not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return Fault.NOT_PNG
    if size < _SMALLEST_PNG or tail != _PNG_END:
        return Fault.CUT_SHORT
    return None


def unreadable(path: Path, ref: str) -> UnreadableFile | None:
    fault = png_fault(path)
    return None if fault is None else UnreadableFile(path, fault, ref)


def unreadable_raw_baselines(screenshots_dir: Path, articles: Iterable) -> list[UnreadableFile]:
    """Every step shot of `articles` that is not a whole PNG.

    Missing shots are not this check's business: they are new steps.
    """
    found = []
    for article in articles:
        for number in range(1, len(article.steps) + 1):
            path = screenshots_dir / step_files(article.ref, number).raw
            if os.path.lexists(path) and (problem := unreadable(path, article.ref)) is not None:
                found.append(problem)
    return found


def png_dimensions(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header, without decoding the image."""
    if png[:8] != PNG_SIGNATURE or png[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", png[16:24])
    return width, height
