"""pixelmatch 7.1.0's pixel test, vectorised with numpy so that its counts are the reference's.

A port of mapbox/pixelmatch 7.1.0 `index.js`, function by function: the YIQ colour delta with
pixelmatch's alpha blending (against a pattern keyed by byte offset, not plain white), the 35215
normaliser, and the anti-aliasing detector (`antialiased` with `hasManySiblings`). pixelmatch
loops over every pixel in JS doubles; here the same float64 operations run in the same order
over whole arrays, so every delta is bit-for-bit the one JS computes and the counts agree
exactly. Only pixels whose 32-bit values differ are looked at, and only those over the
threshold go through the anti-aliasing check.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# The largest possible YIQ delta (black against white); threshold 1 allows any difference.
MAX_YIQ_DELTA = 35215

# Neighbours in pixelmatch's visiting order: x outer, y inner. The order matters: the darkest and
# brightest neighbours are the first ones found, so ties go to the earlier neighbour.
_NEIGHBOURS = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if (dx, dy) != (0, 0)]

# Candidates checked for anti-aliasing at once; bounds the (candidates x 8 x 4) work arrays.
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Match:
    """Flat pixel indices over the threshold, split the way pixelmatch colours its diff."""

    different: np.ndarray  # counted: drawn in diffColor
    anti_aliased: np.ndarray  # over the threshold but anti-aliasing: drawn in aaColor, not counted


def match_pixels(img1: np.ndarray, img2: np.ndarray, *, threshold: float, include_aa: bool) -> Match:
    """Which pixels of two equally sized (H, W, 4) uint8 images pixelmatch calls different."""
    height, width = img1.shape[:2]
    # One uint32 per pixel, as pixelmatch's a32 and b32: cheap to compare and to gather.
    a32 = img1.reshape(-1, 4).view(np.uint32).ravel()
    b32 = img2.reshape(-1, 4).view(np.uint32).ravel()

    # pixelmatch's fast path and per-pixel shortcut: equal 32-bit pixels have delta 0.
    changed = np.flatnonzero(a32 != b32)
    if changed.size == 0:
        empty = np.empty(0, dtype=np.intp)
        return Match(different=empty, anti_aliased=empty)

    max_delta = MAX_YIQ_DELTA * threshold * threshold
    delta = color_delta(_rgba(a32[changed]), _rgba(b32[changed]), changed * 4)
    over = changed[np.abs(delta) > max_delta]
    if include_aa or over.size == 0:
        return Match(different=over, anti_aliased=np.empty(0, dtype=np.intp))

    is_aa = np.zeros(over.size, dtype=bool)
    for start in range(0, over.size, _CHUNK):
        chunk = over[start : start + _CHUNK]
        # antialiased(img1, ...) || antialiased(img2, ...): the second only where the first says no.
        first = antialiased(a32, b32, chunk, width, height)
        rest = ~first
        second = np.zeros_like(first)
        second[rest] = antialiased(b32, a32, chunk[rest], width, height)
        is_aa[start : start + _CHUNK] = first | second
    return Match(different=over[~is_aa], anti_aliased=over[is_aa])


def _rgba(pixels32: np.ndarray) -> np.ndarray:
    """uint32 pixels back as their R, G, B, A bytes, on a new last axis."""
    return pixels32.view(np.uint8).reshape(pixels32.shape + (4,))


def _blend_backgrounds(byte_offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """pixelmatch's background under semi-transparent pixels, a pattern keyed by byte offset `k`."""
    k = byte_offsets.astype(np.float64)
    red = 48 + 159 * (byte_offsets % 2)
    # `k / 1.618033988749895 | 0` in JS: divide in doubles, then truncate (k is never negative).
    green = 48 + 159 * ((k / 1.618033988749895).astype(np.int64) % 2)
    blue = 48 + 159 * ((k / 2.618033988749895).astype(np.int64) % 2)
    return red, green, blue


def _channel_deltas(
    first: np.ndarray, second: np.ndarray, byte_offsets: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """dr, dg, db as pixelmatch computes them, alpha-blended against its background.

    pixelmatch blends only when an alpha is below 255, where the blended formula would give
    (255 * (r1 - r2)) / 255: exactly r1 - r2 in doubles. So the blend may run on opaque pixels
    too with identical results, and is skipped only as a shortcut when every pixel is opaque.
    """
    if first[..., 3].min() == 255 and second[..., 3].min() == 255:
        difference = first.astype(np.int16) - second.astype(np.int16)
        return difference[..., 0], difference[..., 1], difference[..., 2]
    first = first.astype(np.int32)
    second = second.astype(np.int32)
    alpha1, alpha2 = first[..., 3], second[..., 3]
    alpha_delta = alpha1 - alpha2
    deltas = []
    for channel, background in enumerate(_blend_backgrounds(byte_offsets)):
        # The products are integers (exact in int32 and in doubles); only the division rounds.
        numerator = first[..., channel] * alpha1 - second[..., channel] * alpha2 - background * alpha_delta
        deltas.append(numerator / 255.0)
    return deltas[0], deltas[1], deltas[2]


def color_delta(first: np.ndarray, second: np.ndarray, byte_offsets: np.ndarray) -> np.ndarray:
    """pixelmatch's `colorDelta`: squared YIQ distance, negative where the second pixel is darker."""
    dr, dg, db = _channel_deltas(first, second, byte_offsets)
    # Same operations in the same order as pixelmatch, so the doubles round identically.
    y = dr * 0.29889531 + dg * 0.58662247 + db * 0.11448223
    i = dr * 0.59597799 - dg * 0.27417610 - db * 0.32180189
    q = dr * 0.21147017 - dg * 0.52261711 + db * 0.31114694
    delta = 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q
    return np.where(y > 0, -delta, delta)


def brightness_delta(first: np.ndarray, second: np.ndarray, byte_offsets: np.ndarray) -> np.ndarray:
    """pixelmatch's `colorDelta(..., yOnly=true)`: the Y (brightness) part alone."""
    dr, dg, db = _channel_deltas(first, second, byte_offsets)
    return dr * 0.29889531 + dg * 0.58662247 + db * 0.11448223


def _neighbourhood(indices: np.ndarray, width: int, height: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each pixel: whether it is on the image's edge, its 8 neighbours' flat indices, and
    which of those exist (pixelmatch clamps its loops, so an edge pixel's outside neighbours are
    skipped; their indices here are placeholders, to be read with mode="clip" and ignored)."""
    y, x = np.divmod(indices, width)
    left, right, top, bottom = x > 0, x < width - 1, y > 0, y < height - 1
    on_edge = ~(left & right & top & bottom)
    column_exists = {-1: left, 0: True, 1: right}
    row_exists = {-1: top, 0: True, 1: bottom}
    inside = np.stack([column_exists[dx] & row_exists[dy] for dx, dy in _NEIGHBOURS], axis=1)
    neighbours = indices[:, None] + np.array([dy * width + dx for dx, dy in _NEIGHBOURS])
    return on_edge, neighbours, inside


def has_many_siblings_in_both(
    first32: np.ndarray, second32: np.ndarray, indices: np.ndarray, width: int, height: int
) -> np.ndarray:
    """pixelmatch's `hasManySiblings(a32, ...) && hasManySiblings(b32, ...)`: in both images, 3+ of
    the pixel's 8 neighbours (an edge counts as one) are exactly its colour."""
    on_edge, neighbours, inside = _neighbourhood(indices, width, height)

    def many_siblings(img32: np.ndarray) -> np.ndarray:
        same = (img32.take(neighbours, mode="clip") == img32[indices][:, None]) & inside
        return on_edge + np.count_nonzero(same, axis=1) > 2

    return many_siblings(first32) & many_siblings(second32)


def antialiased(own32: np.ndarray, other32: np.ndarray, indices: np.ndarray, width: int, height: int) -> np.ndarray:
    """pixelmatch's `antialiased` for each pixel in `indices` of one image (`own32`: its pixels as uint32).

    A pixel is anti-aliasing when at most 2 neighbours share its brightness, it has both darker
    and brighter neighbours, and the darkest or the brightest of them has 3+ same-coloured
    siblings in both images (`own32` and `other32`).
    """
    result = np.zeros(indices.size, dtype=bool)
    on_edge, neighbours, inside = _neighbourhood(indices, width, height)
    around = own32.take(neighbours, mode="clip")
    centre = own32[indices]
    # Identical neighbours have brightness delta 0: 3+ of them (an edge counts as one) rule a
    # pixel out before any delta is computed, as pixelmatch's early `return false` does.
    identical = (around == centre[:, None]) & inside
    maybe = np.flatnonzero(on_edge + np.count_nonzero(identical, axis=1) <= 2)
    if maybe.size == 0:
        return result
    on_edge, neighbours, inside = on_edge[maybe], neighbours[maybe], inside[maybe]
    delta = brightness_delta(_rgba(centre[maybe, None]), _rgba(around[maybe]), (indices[maybe] * 4)[:, None])
    # A missing neighbour neither counts as equal nor can be the darkest or brightest: 0 is
    # pixelmatch's starting min and max, and only strictly darker or brighter replaces them.
    delta = np.where(inside, delta, 0.0)
    zeroes = on_edge + np.count_nonzero((delta == 0) & inside, axis=1)
    darkest = delta.argmin(axis=1)  # argmin/argmax keep the first of equals, as pixelmatch's `<` does
    brightest = delta.argmax(axis=1)
    rows = np.arange(maybe.size)
    possible = (zeroes <= 2) & (delta[rows, darkest] < 0) & (delta[rows, brightest] > 0)
    if not possible.any():
        return result
    extremes = np.concatenate([neighbours[rows, darkest][possible], neighbours[rows, brightest][possible]])
    settled = has_many_siblings_in_both(own32, other32, extremes, width, height)
    darkest_settled, brightest_settled = np.split(settled, 2)
    result[maybe[possible]] = darkest_settled | brightest_settled
    return result


def gray_background(image: np.ndarray, alpha: float) -> np.ndarray:
    """pixelmatch's `drawGrayPixel` over a whole (H, W, 4) image: faded grayscale, opaque."""
    # The products by table (the same doubles as multiplying), the rest in place: same order as JS.
    value = _Y_RED[image[..., 0]]
    value += _Y_GREEN[image[..., 1]]
    value += _Y_BLUE[image[..., 2]]
    value -= 255
    value *= alpha
    value *= image[..., 3]
    value /= 255
    value += 255
    # A JS Uint8Array store truncates toward zero; value is always within [229.5, 255].
    gray = value.astype(np.uint8)
    out = np.empty(image.shape, dtype=np.uint8)
    out[..., 0] = gray
    out[..., 1] = gray
    out[..., 2] = gray
    out[..., 3] = 255
    return out


_LEVELS = np.arange(256, dtype=np.float64)
_Y_RED, _Y_GREEN, _Y_BLUE = _LEVELS * 0.29889531, _LEVELS * 0.58662247, _LEVELS * 0.11448223
