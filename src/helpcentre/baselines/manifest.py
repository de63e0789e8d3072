"""screenshots/manifest.json, typed: what capture recorded beside each article's pictures.

The one reader and writer of the file's layout: the store writes it, and lint, the site,
capture and verify read it through these records, never as JSON by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcentre.baselines.paths import StepFiles
from helpcentre.baselines.shot import Box

MANIFEST_VERSION = 1
MANIFEST_NAME = "manifest.json"


def _box(record: dict[str, float] | None) -> Box | None:
    return Box(record["x"], record["y"], record["width"], record["height"]) if record else None


@dataclass
class StepBaseline:
    """One step's committed picture: its files and their hashes, and what the walk read there."""

    step: int
    text: str
    url: str
    files: StepFiles
    sha256: dict[str, str]
    bytes: dict[str, int]
    width: int
    height: int
    highlight: Box | None
    published_style: int
    masks: list[Box] = field(default_factory=list)
    # The picture's small text, in CSS pixels: the site crops a picture for phones by it.
    text_px: float | None = None
    # The controls the step used, by role and name: the picture's alt text names them (None: none
    # were used; empty: every one named a person's data, which the picture masks).
    controls: list[str] | None = None
    # What the picture frames, and where each check read its words: verify looks there.
    frame: str = "the viewport"
    places: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # The step's override as its front matter wrote it (None: it had none, or was captured before
    # overrides were recorded): lint and `renumber` tell by it which words an override was written for.
    override: Any = None

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> StepBaseline:
        files = record.get("files") or {}
        return cls(
            step=int(record["step"]),
            text=str(record.get("text", "")),
            url=str(record.get("url", "")),
            files=StepFiles(files.get("raw", ""), files.get("published", ""), files.get("aria", "")),
            sha256=dict(record.get("sha256") or {}),
            bytes=dict(record.get("bytes") or {}),
            width=int(record.get("width") or 0),
            height=int(record.get("height") or 0),
            highlight=_box(record.get("highlight")),
            published_style=int(record.get("published_style") or 0),
            masks=[box for item in record.get("masks") or [] if (box := _box(item)) is not None],
            text_px=record.get("text_px"),
            controls=None if record.get("controls") is None else list(record["controls"]),
            frame=str(record.get("frame") or "the viewport"),
            places=dict(record.get("places") or {}),
            warnings=list(record.get("warnings") or []),
            override=record.get("override"),
        )

    def as_json(self) -> dict[str, Any]:
        # The optional keys only when they hold something: a manifest written before them stays as it was.
        return {
            "step": self.step,
            "text": self.text,
            "url": self.url,
            "files": {"raw": self.files.raw, "published": self.files.published, "aria": self.files.aria},
            "sha256": self.sha256,
            "bytes": self.bytes,
            "width": self.width,
            "height": self.height,
            "highlight": self.highlight.as_dict() if self.highlight else None,
            "published_style": self.published_style,
            "masks": [box.as_dict() for box in self.masks],
            **({"text_px": self.text_px} if self.text_px else {}),
            **({"controls": self.controls} if self.controls is not None else {}),
            "frame": self.frame,
            **({"places": dict(sorted(self.places.items()))} if self.places else {}),
            **({"warnings": self.warnings} if self.warnings else {}),
            **({"override": self.override} if self.override is not None else {}),
        }


@dataclass
class ArticleBaselines:
    """An article's committed steps, and the browser that drew them."""

    id: int
    browser: str
    steps: list[StepBaseline] = field(default_factory=list)

    def step(self, number: int) -> StepBaseline | None:
        return next((step for step in self.steps if step.step == number), None)

    def by_number(self) -> dict[int, StepBaseline]:
        return {step.step: step for step in self.steps}

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> ArticleBaselines:
        steps = [StepBaseline.from_json(step) for step in record.get("steps") or []]
        return cls(int(record.get("id") or 0), str(record.get("browser") or ""), steps)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "browser": self.browser, "steps": [step.as_json() for step in self.steps]}


@dataclass
class Manifest:
    """Every article's baselines, by the article's ref (`billing/change-card`)."""

    articles: dict[str, ArticleBaselines] = field(default_factory=dict)
    version: int = MANIFEST_VERSION

    def entry(self, ref: str) -> ArticleBaselines | None:
        return self.articles.get(ref)

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Manifest:
        articles = {ref: ArticleBaselines.from_json(entry) for ref, entry in (record.get("articles") or {}).items()}
        return cls(articles, int(record.get("version") or MANIFEST_VERSION))

    def as_json(self) -> dict[str, Any]:
        articles = {ref: self.articles[ref].as_json() for ref in sorted(self.articles)}
        return {"version": self.version, "articles": articles}


def read_manifest(screenshots_dir: Path) -> Manifest:
    """The manifest under a screenshots folder; an empty one where none was written yet."""
    try:
        text = (screenshots_dir / MANIFEST_NAME).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Manifest()
    return Manifest.from_json(json.loads(text))


def manifest_text(manifest: Manifest) -> str:
    return json.dumps(manifest.as_json(), indent=2, ensure_ascii=False) + "\n"


def manifest_if_readable(screenshots_dir: Path) -> Manifest:
    """The manifest, or an empty one when it cannot be read: for readers that only add to a page
    (lint says what is wrong with the file)."""
    try:
        return read_manifest(screenshots_dir)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest()
