"""Committed baselines: one folder of step shots per article, and screenshots/manifest.json."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpcentre import atomic
from helpcentre.capture.baseline_files import png_fault
from helpcentre.capture.frame_lookup import frame_name
from helpcentre.capture.images import prepare_images, same_pixels
from helpcentre.capture.layout import png_dimensions, step_files, step_stem
from helpcentre.capture.publish import PUBLISHED_STYLE

if TYPE_CHECKING:
    from helpcentre.capture.walker import StepShot

MANIFEST_VERSION = 1

__all__ = ["MANIFEST_VERSION", "BaselineStore", "prepare_images", "same_pixels"]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _same_files(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> bool:
    """Whether two manifest entries' steps hold byte-identical pictures and ARIA files."""
    return [(step["step"], step.get("sha256")) for step in before] == [
        (step["step"], step.get("sha256")) for step in after
    ]


class BaselineStore:
    """Reads and writes baselines under one folder; every write is atomic."""

    def __init__(self, root: Path):
        self.root = root

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    def read_manifest(self) -> dict[str, Any]:
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"version": MANIFEST_VERSION, "articles": {}}
        manifest.setdefault("articles", {})
        return manifest

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        manifest["articles"] = dict(sorted(manifest["articles"].items()))
        atomic.write_text(self.manifest_path, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")

    def path(self, relative: str) -> Path:
        return self.root / relative

    def previous_images(
        self, ref: str, shot: StepShot, manifest: dict[str, Any] | None = None
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
        entry = (manifest or self.read_manifest())["articles"].get(ref, {})
        step = next((item for item in entry.get("steps", []) if item["step"] == shot.number), None)
        highlight = shot.highlight.as_dict() if shot.highlight else None
        published_path = self.path(files.published)
        drawn_alike = step is not None and step.get("published_style") == PUBLISHED_STYLE
        if not drawn_alike or step.get("highlight") != highlight or not published_path.exists():
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
    ) -> dict[str, Any]:
        """Write these steps' baselines and return the article's manifest entry.

        `images` holds each shot's (optimised raw, published copy), from `prepare_images`.
        A capture replaces the whole folder; accepting a verify run keeps the other steps.
        The folder is staged beside the old one and swapped in with one rename.
        """
        target = self.root / ref
        staged = atomic.staging_directory(target)
        steps: dict[int, dict[str, Any]] = {}
        previous = self.read_manifest()["articles"].get(ref) or {}
        try:
            if keep_other_steps:
                if target.exists():
                    shutil.copytree(target, staged, dirs_exist_ok=True)
                steps = {step["step"]: step for step in previous.get("steps", [])}
            for shot, (raw, published) in zip(shots, images, strict=True):
                steps[shot.number] = self._stage_step(staged, ref, shot, raw, published)
            atomic.replace_directory(target, staged)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        ordered = [steps[number] for number in sorted(steps)]
        # Only what changes when the product changes: no capture time, no target address, so a
        # re-capture of an unchanged product leaves the manifest as it was. The browser named is
        # the one that made these pictures: a newer build that draws the same pixels changes nothing.
        if previous.get("browser") and _same_files(previous.get("steps", []), ordered):
            browser = previous["browser"]
        return {"id": article_id, "browser": browser, "steps": ordered}

    def _stage_step(self, staged: Path, ref: str, shot: StepShot, raw: bytes, published: bytes) -> dict[str, Any]:
        aria = shot.aria.rstrip("\n") + "\n"
        files = step_files(ref, shot.number)
        stem = step_stem(shot.number)
        (staged / f"{stem}.png").write_bytes(raw)
        (staged / f"{stem}.published.png").write_bytes(published)
        (staged / f"{stem}.aria.yml").write_text(aria, encoding="utf-8")
        width, height = png_dimensions(raw)
        return {
            "step": shot.number,
            "text": shot.text,
            "url": shot.url,
            "files": {"raw": files.raw, "published": files.published, "aria": files.aria},
            "sha256": {
                "raw": _sha256(raw),
                "published": _sha256(published),
                "aria": _sha256(aria.encode("utf-8")),
            },
            "bytes": {"raw": len(raw), "published": len(published)},
            "width": width,
            "height": height,
            "highlight": shot.highlight.as_dict() if shot.highlight else None,
            "published_style": PUBLISHED_STYLE,
            "masks": [box.as_dict() for box in shot.masks],
            # The picture's small text, in CSS pixels: the site crops a picture for phones by it.
            **({"text_px": shot.text_px} if shot.text_px else {}),
            # The controls the step used, by role and name: the picture's alt text names them.
            **({"controls": _named_controls(shot.controls, aria)} if shot.controls else {}),
            # What the picture frames, and where each check read its words: verify looks there.
            "frame": frame_name(shot.frame) if shot.frame else "the viewport",
            **({"places": dict(sorted(shot.places.items()))} if shot.places else {}),
            **({"warnings": shot.warnings} if shot.warnings else {}),
        }


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
