"""A picture never cuts through a landmark: it shows a page's banner, navigation, sidebar or
footer whole, or not at all.

A frame is its container padded, or the page around an element; the padding may take a sliver of
the sidebar beside the container, or the bottom of a breadcrumb bar above it, and a reader sees a
piece of something cut off. The landmarks are those a screen reader's landmarks list shows: by
ARIA role or by HTML element (`header`, `nav`, `aside`, `footer`), visible, not hidden from
assistive technology, and inside the open modal dialog when there is one. A landmark the frame
cuts is trimmed off, when that leaves what the step touched whole; otherwise the frame takes all
of it. Landmarks around the frame's container, or inside it, are part of what it shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Runs inside the framing script, after its container helpers (`implicitRole`): the landmarks
# that may be cut, each with whether it holds the frame (around) or the frame holds it (inside).
LANDMARK_HELPERS = """
  const LANDMARKS = ['banner', 'navigation', 'complementary', 'contentinfo'];
  const modalOpen = () => [...document.querySelectorAll('dialog, [aria-modal="true"]')].find(el =>
    (el.tagName === 'DIALOG' ? el.matches(':modal') : true) && (el.checkVisibility ? el.checkVisibility() : true));
  const landmarksAround = (marked, shown) => {
    const modal = modalOpen();
    const found = [];
    for (const el of document.querySelectorAll('header, nav, aside, footer, [role]')) {
      if (!LANDMARKS.includes(implicitRole(el))) continue;
      if (el.closest('[aria-hidden="true"], [inert]') || (modal && !modal.contains(el))) continue;
      if (el.checkVisibility && !el.checkVisibility()) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const around = marked ? el.contains(marked) : shown.every(s => el.contains(s));
      const inside = !!marked && marked !== el && marked.contains(el);
      if (!around && !inside) found.push({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
    }
    return found;
  };
"""

# Less than this much overlap is rounding, not a cut.
_TOLERANCE = 0.5


@dataclass(frozen=True)
class Edges:
    """A rectangle by its edges, in CSS pixels of the viewport."""

    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def of(cls, rect: dict) -> Edges:
        return cls(rect["left"], rect["top"], rect["right"], rect["bottom"])

    def clipped(self, other: Edges) -> Edges:
        return Edges(
            max(self.left, other.left),
            max(self.top, other.top),
            min(self.right, other.right),
            min(self.bottom, other.bottom),
        )

    def area(self) -> float:
        return max(0.0, self.right - self.left) * max(0.0, self.bottom - self.top)

    def cuts(self, landmark: Edges) -> bool:
        """Whether this frame shows part of the landmark, but not all of it."""
        shared = self.clipped(landmark)
        if shared.right - shared.left <= _TOLERANCE or shared.bottom - shared.top <= _TOLERANCE:
            return False
        return (
            landmark.left < self.left - _TOLERANCE
            or landmark.top < self.top - _TOLERANCE
            or landmark.right > self.right + _TOLERANCE
            or landmark.bottom > self.bottom + _TOLERANCE
        )


def keep_landmarks_whole(
    frame: tuple[int, int, int, int], core: dict, landmarks: list[dict], width: int, height: int
) -> tuple[int, int, int, int]:
    """The frame (left, top, right, bottom, whole pixels) with no landmark cut through.

    `core` is what the frame must keep (its container, what the step touched); `landmarks` those
    `LANDMARK_HELPERS` found. Each landmark is taken as far as it shows in the viewport.
    """
    viewport = Edges(0, 0, width, height)
    marks = [Edges.of(rect).clipped(viewport) for rect in landmarks]
    marks = [mark for mark in marks if mark.area() > 0]
    edges = Edges(*frame)
    # Each pass settles one landmark; one settled may cut another, so a pass per landmark, and one more.
    for _ in range(len(marks) + 1):
        cut = next((mark for mark in marks if edges.cuts(mark)), None)
        if cut is None:
            break
        edges = _trimmed(edges, Edges.of(core).clipped(edges), cut) or _grown(edges, cut, viewport)
    return (
        int(edges.left),
        int(edges.top),
        int(edges.right),
        int(edges.bottom),
    )


def _trimmed(frame: Edges, core: Edges, mark: Edges) -> Edges | None:
    """The frame moved back off the landmark on one side, losing least; None when every side cuts the core."""
    options = []
    if mark.right <= core.left + _TOLERANCE:
        options.append(Edges(math.ceil(mark.right), frame.top, frame.right, frame.bottom))
    if mark.left >= core.right - _TOLERANCE:
        options.append(Edges(frame.left, frame.top, math.floor(mark.left), frame.bottom))
    if mark.bottom <= core.top + _TOLERANCE:
        options.append(Edges(frame.left, math.ceil(mark.bottom), frame.right, frame.bottom))
    if mark.top >= core.bottom - _TOLERANCE:
        options.append(Edges(frame.left, frame.top, frame.right, math.floor(mark.top)))
    options = [option for option in options if option.right > option.left and option.bottom > option.top]
    return max(options, key=Edges.area, default=None)


def _grown(frame: Edges, mark: Edges, viewport: Edges) -> Edges:
    """The frame with all of the landmark that shows."""
    grown = Edges(
        math.floor(min(frame.left, mark.left)),
        math.floor(min(frame.top, mark.top)),
        math.ceil(max(frame.right, mark.right)),
        math.ceil(max(frame.bottom, mark.bottom)),
    )
    return grown.clipped(viewport)
