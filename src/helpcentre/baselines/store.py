"""Committed baselines: one folder of step shots per article, and screenshots/manifest.json."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

from helpcentre import atomic
from helpcentre.baselines.manifest import (
    MANIFEST_NAME,
    ArticleBaselines,
    Manifest,
    StepBaseline,
    manifest_text,
    read_manifest,
)
from helpcentre.baselines.paths import step_files, step_stem
from helpcentre.baselines.png_files import png_dimensions, png_fault
from helpcentre.baselines.publish import PUBLISHED_STYLE
from helpcentre.baselines.shot import Box, StepShot, frame_name

__all__ = ["BaselineStore"]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _same_files(before: list[StepBaseline], after: list[StepBaseline]) -> bool:
    """Whether two manifest entries' steps hold byte-identical pictures and ARIA files."""
    return [(step.step, step.sha256) for step in before] == [(step.step, step.sha256) for step in after]


class BaselineStore:
    """Reads and writes baselines under one folder; every write is atomic."""

    def __init__(self, root: Path):
        self.root = root

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST_NAME

    def manifest(self) -> Manifest:
        return read_manifest(self.root)

    def write_manifest(self, manifest: Manifest) -> None:
        atomic.write_text(self.manifest_path, manifest_text(manifest))

    def path(self, relative: str) -> Path:
        return self.root / relative

    def previous_images(
        self, ref: str, shot: StepShot, manifest: Manifest | None = None
    ) -> tuple[bytes | None, bytes | None]:
        """The committed raw shot, and its published copy if the highlight has not moved and the
        copy was drawn in today's style (`PUBLISHED_STYLE`): a restyle draws every copy again.

        `manifest` is the one read already, if the caller has it.
        """
        files = step_files(ref, shot.number)
        try:
            # One that is no picture (an LFS pointer, a copy cut short, a link) is replaced, never read.
            if png_fault(self.path(files.raw)) is not None:
                return None, None
            raw = self.path(files.raw).read_bytes()
        except FileNotFoundError:
            return None, None
        entry = (manifest or self.manifest()).entry(ref)
        step = entry.step(shot.number) if entry is not None else None
        highlight = shot.highlight.as_dict() if shot.highlight else None
        published_path = self.path(files.published)
        drawn_alike = step is not None and step.published_style == PUBLISHED_STYLE
        if step is None or not drawn_alike or _as_dict(step.highlight) != highlight or not published_path.exists():
            return raw, None
        if png_fault(published_path) is not None:
            return raw, None
        return raw, published_path.read_bytes()

    def write_steps(
        self,
        ref: str,
        article_id: int,
        shots: list[StepShot],
        images: list[tuple[bytes, bytes]],
        *,
        browser: str,
        keep_other_steps: bool = False,
        overrides: dict[int, Any] | None = None,
    ) -> ArticleBaselines:
        """Write these steps' baselines and return the article's manifest entry.

        `images` holds each shot's (optimised raw, published copy), from `prepare_images`;
        `overrides`, the article's overrides by step number, as its front matter writes them.
        A capture replaces the whole folder; accepting a verify run keeps the other steps.
        The folder is staged beside the old one and swapped in with one rename.
        """
        target = self.root / ref
        staged = atomic.staging_directory(target)
        steps: dict[int, StepBaseline] = {}
        previous = self.manifest().entry(ref) or ArticleBaselines(article_id, "")
        try:
            if keep_other_steps:
                if target.exists():
                    shutil.copytree(target, staged, dirs_exist_ok=True)
                steps = previous.by_number()
            for shot, (raw, published) in zip(shots, images, strict=True):
                override = (overrides or {}).get(shot.number)
                steps[shot.number] = self._stage_step(staged, ref, shot, raw, published, override)
            atomic.replace_directory(target, staged)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        ordered = [steps[number] for number in sorted(steps)]
        # Only what changes when the product changes: no capture time, no target address, so a
        # re-capture of an unchanged product leaves the manifest as it was. The browser named is
        # the one that made these pictures: a newer build that draws the same pixels changes nothing.
        if previous.browser and _same_files(previous.steps, ordered):
            browser = previous.browser
        return ArticleBaselines(article_id, browser, ordered)

    def _stage_step(
        self, staged: Path, ref: str, shot: StepShot, raw: bytes, published: bytes, override: Any
    ) -> StepBaseline:
        aria = shot.aria.rstrip("\n") + "\n"
        files = step_files(ref, shot.number)
        stem = step_stem(shot.number)
        (staged / f"{stem}.png").write_bytes(raw)
        (staged / f"{stem}.published.png").write_bytes(published)
        (staged / f"{stem}.aria.yml").write_text(aria, encoding="utf-8")
        width, height = png_dimensions(raw)
        return StepBaseline(
            step=shot.number,
            text=shot.text,
            url=shot.url,
            files=files,
            sha256={"raw": _sha256(raw), "published": _sha256(published), "aria": _sha256(aria.encode("utf-8"))},
            bytes={"raw": len(raw), "published": len(published)},
            width=width,
            height=height,
            highlight=shot.highlight,
            published_style=PUBLISHED_STYLE,
            masks=list(shot.masks),
            text_px=shot.text_px,
            controls=_named_controls(shot.controls, aria) if shot.controls else None,
            frame=frame_name(shot.frame) if shot.frame else "the viewport",
            places=dict(shot.places),
            warnings=list(shot.warnings),
            override=override,
        )


def _as_dict(box: Box | None) -> dict[str, float] | None:
    return box.as_dict() if box else None


def _named_controls(controls: list[tuple[str, str, str]], aria: str) -> list[str]:
    """Each control as "button 'Edit'": never the value typed into it, nor a name the picture masks
    (its ARIA record, masked alike, no longer says it): either may be a person's."""
    named = []
    for _, control, _ in controls:
        control = re.sub(r"( = '.*'| \(.*\))+$", "", control)
        name = re.search(r"'([^']*)'", control)
        if name is None or name[1] in aria:
            named.append(control)
    return list(dict.fromkeys(named))
