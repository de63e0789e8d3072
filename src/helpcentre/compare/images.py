"""PNG in and out as RGBA arrays, decoded as pngjs decodes them for pixelmatch."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, UnidentifiedImageError


class UnreadableImage(ValueError):
    """The bytes are not a PNG image Pillow can decode."""


def decode_png(data: bytes) -> np.ndarray:
    """An 8-bit PNG as an (H, W, 4) uint8 RGBA array; RGB, grey and palette images get their alpha."""
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            return np.asarray(image.convert("RGBA"))
    except UnidentifiedImageError:
        raise UnreadableImage("not a PNG image") from None
    except (OSError, SyntaxError, ValueError) as error:
        # Pillow reports a truncated or corrupt PNG as one of these.
        raise UnreadableImage(f"a damaged PNG image ({error})") from None


def encode_png(rgba: np.ndarray) -> bytes:
    """An (H, W, 4) uint8 array as PNG bytes, quickly: a diff image is looked at once, not kept."""
    stream = io.BytesIO()
    Image.fromarray(rgba).save(stream, format="PNG", compress_level=1)
    return stream.getvalue()


def as_rgba(image: np.ndarray | bytes) -> np.ndarray:
    """PNG bytes or an (H, W, 3|4) uint8 array, as a C-contiguous (H, W, 4) uint8 array."""
    if isinstance(image, bytes | bytearray | memoryview):
        return decode_png(bytes(image))
    array = np.asarray(image)
    if array.dtype != np.uint8 or array.ndim != 3 or array.shape[2] not in (3, 4):
        raise ValueError(f"expected an (H, W, 3) or (H, W, 4) uint8 array, got {array.dtype} {array.shape}")
    if array.shape[2] == 3:
        opaque = np.full(array.shape[:2] + (1,), 255, dtype=np.uint8)
        array = np.concatenate([array, opaque], axis=2)
    return np.ascontiguousarray(array)


def pad_to(rgba: np.ndarray, width: int, height: int) -> np.ndarray:
    """`rgba` in the top-left corner of a transparent black canvas, as Playwright pads screenshots."""
    canvas = np.zeros((height, width, 4), dtype=np.uint8)
    canvas[: rgba.shape[0], : rgba.shape[1]] = rgba
    return canvas
