"""What `fix --accept-visual` may take as a new baseline, and why it refuses the rest.

A new picture is accepted when the product only looks different. It is refused when its
words no longer match the product (a bold label of the step renamed or gone from the
picture's ARIA snapshot), or when its frame changed kind or size a lot: a menu's picture
that became the whole viewport shows something else, not the same thing restyled. A writer
who has looked at such a picture passes the step explicitly (`--accept-reframed REF:N`).
"""

from __future__ import annotations

import re
from typing import Any

from helpcentre.articles.steps import BOLD, plain_text
from helpcentre.verify.judge import aria_changes

# A frame whose area grows or shrinks past this factor shows another part of the page.
AREA_FACTOR = 2.0


def frame_kind(frame: str) -> str:
    """ "menu 'Setup' with its button" is a menu; "the part headed 'Invoices'" a headed part."""
    return frame.split(" '")[0]


def words_gone(step: dict[str, Any]) -> list[str]:
    """The step's bold labels that its picture's ARIA snapshot renames or removes."""
    aria = step.get("aria") or {}
    if not aria.get("diff"):
        return []
    change = aria_changes(aria["diff"])
    added = {name.casefold() for _, name in change.new}
    names = [name for _, name in change.gone if name.casefold() not in added]
    names += [old for (_, old), _ in change.renamed]
    folded = [name.casefold() for name in names if name]
    gone = []
    for label in (plain_text(label) for label in BOLD.findall(step["text"])):
        words = re.compile(rf"(?<!\w){re.escape(label.casefold())}(?!\w)")
        if any(words.search(name) for name in folded):
            gone.append(label)
    return gone


def reframed(step: dict[str, Any], baseline: dict[str, Any]) -> str | None:
    """How the picture's frame changed kind or size a lot from its baseline's, or None."""
    capture = step.get("capture") or {}
    before, after = baseline.get("frame"), capture.get("frame")
    size_before = (baseline.get("width") or 0, baseline.get("height") or 0)
    size_after = (capture.get("width") or 0, capture.get("height") or 0)
    kind_changed = bool(before and after) and frame_kind(before) != frame_kind(after)
    area_before, area_after = size_before[0] * size_before[1], size_after[0] * size_after[1]
    size_changed = bool(area_before and area_after) and not (1 / AREA_FACTOR <= area_after / area_before <= AREA_FACTOR)
    if not (kind_changed or size_changed):
        return None
    return (
        f"its frame changed from {before or 'a picture'} ({size_before[0]}×{size_before[1]} px)"
        f" to {after or 'a picture'} ({size_after[0]}×{size_after[1]} px)"
    )


def refusal(ref: str, step: dict[str, Any], baseline: dict[str, Any], allowed: set[tuple[str, int]]) -> str | None:
    """Why `--accept-visual` must leave this step to a writer, or None when it may accept it."""
    gone = words_gone(step)
    if gone:
        labels = ", ".join(f"**{label}**" for label in gone)
        return (
            f"its words no longer match the product: the picture no longer has {labels};"
            " change the article's words, then verify again"
        )
    changed = reframed(step, baseline)
    if changed and (ref, step["step"]) not in allowed:
        return (
            f"{changed}: look at it in the report; accept it with"
            f" fix --accept-visual --accept-reframed {ref}:{step['step']}"
        )
    return None


__all__ = ["frame_kind", "reframed", "refusal", "words_gone"]
