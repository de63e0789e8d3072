"""Pixels that differ only because an edge was drawn a pixel over.

Chromium places an element on a fractional position (a button's top at y = 21.75) and rounds its
edges to whole pixels when it draws them. Whether the edge lands on row 21 or 22 can change from
one load of the same page to the next (a layer composited during a fade-in and not the next time),
with the layout exactly the same.

Such a change is a small patch of the picture drawn one pixel over, every pixel of it by the same
offset. So the differing pixels are taken a tile at a time: a tile whose every differing pixel the
other image draws at one and the same nearby offset (both ways) is an edge that moved. A new colour,
an icon or a changed word cannot be explained by one offset across its tile and still counts.
"""

from __future__ import annotations

import numpy as np

from helpcentre.compare.pixelmatch_port import color_delta

# Small enough that one element's edge, not a word, fills a tile's differing pixels.
TILE = 16


def _rgba(pixels32: np.ndarray) -> np.ndarray:
    return pixels32.view(np.uint8).reshape(pixels32.shape + (4,))


def _offsets(reach: int) -> list[tuple[int, int]]:
    return [(dx, dy) for dy in range(-reach, reach + 1) for dx in range(-reach, reach + 1) if (dx, dy) != (0, 0)]


def _drawn_at(
    own32: np.ndarray, other32: np.ndarray, x: np.ndarray, y: np.ndarray, dx: int, dy: int, size: tuple[int, int]
) -> np.ndarray:
    """How far each pixel (x, y) of `own32` is in colour from (x + dx, y + dy) of `other32`:
    pixelmatch's YIQ delta, infinite where that pixel is off the image."""
    width, height = size
    nx, ny = x + dx, y + dy
    inside = (nx >= 0) & (nx < width) & (ny >= 0) & (ny < height)
    delta = np.full(x.size, np.inf)
    own = y * width + x
    if inside.any():
        neighbours = ny[inside] * width + nx[inside]
        delta[inside] = np.abs(color_delta(_rgba(own32[own[inside]]), _rgba(other32[neighbours]), own[inside] * 4))
    return delta


def shifted_edges(
    expected: np.ndarray, actual: np.ndarray, indices: np.ndarray, *, reach: int, max_delta: float
) -> np.ndarray:
    """Which of `indices` (flat pixel indices of two equally sized (H, W, 4) uint8 images) lie in
    a tile that `actual` draws as `expected` shifted by one offset of at most `reach` pixels."""
    shifted = np.zeros(indices.size, dtype=bool)
    if reach <= 0 or indices.size == 0:
        return shifted
    height, width = expected.shape[:2]
    expected32 = expected.reshape(-1, 4).view(np.uint32).ravel()
    actual32 = actual.reshape(-1, 4).view(np.uint32).ravel()
    y, x = np.divmod(indices, width)
    tiles, tile_of = np.unique((y // TILE) * ((width + TILE - 1) // TILE) + x // TILE, return_inverse=True)
    explained = np.zeros(tiles.size, dtype=bool)
    for dx, dy in _offsets(reach):
        # actual(p) = expected(p - d) and expected(p) = actual(p + d): the content moved by d.
        back = _drawn_at(actual32, expected32, x, y, -dx, -dy, (width, height)) <= max_delta
        forth = _drawn_at(expected32, actual32, x, y, dx, dy, (width, height)) <= max_delta
        misses = np.bincount(tile_of, weights=~(back & forth), minlength=tiles.size)
        explained |= misses == 0
    return explained[tile_of]
