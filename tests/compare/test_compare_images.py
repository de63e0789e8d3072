"""compare_images on small made-up images whose answer can be worked out by hand."""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from PIL import Image

from helpcentre.compare import (
    AA_COLOR,
    DIFF_COLOR,
    Box,
    ImageSizeMismatch,
    UnreadableImage,
    compare_images,
    decode_png,
)

WHITE, BLACK = (255, 255, 255, 255), (0, 0, 0, 255)


def canvas(width: int, height: int, colour=WHITE) -> np.ndarray:
    return np.tile(np.array(colour, dtype=np.uint8), (height, width, 1))


def png(rgba: np.ndarray) -> bytes:
    stream = io.BytesIO()
    Image.fromarray(rgba).save(stream, format="PNG")
    return stream.getvalue()


def three_black_dots() -> tuple[np.ndarray, np.ndarray]:
    expected = canvas(10, 10)
    actual = expected.copy()
    for x, y in ((1, 1), (5, 5), (8, 2)):
        actual[y, x] = BLACK
    return expected, actual


def anti_aliased_edge() -> tuple[np.ndarray, np.ndarray]:
    """Black left, white right, one gray column between them whose shade changes: anti-aliasing."""
    expected = canvas(10, 10)
    expected[:, :5] = BLACK
    expected[:, 5] = (128, 128, 128, 255)
    actual = expected.copy()
    actual[:, 5] = (100, 100, 100, 255)
    return expected, actual


def test_identical_images_match_and_the_diff_is_the_faded_image():
    image = canvas(4, 3, BLACK)
    result = compare_images(image, image.copy())
    assert (result.mismatched, result.total, result.width, result.height) == (0, 12, 4, 3)
    assert result.matches and result.ratio == 0
    # pixelmatch fades to 10 % opacity over white: black becomes 255 - 25.5, truncated to 229.
    assert np.all(decode_png(result.diff_png) == (229, 229, 229, 255))


def test_each_changed_pixel_counts_and_is_drawn_red():
    expected, actual = three_black_dots()
    result = compare_images(png(expected), png(actual))
    assert (result.mismatched, result.total, result.ratio) == (3, 100, 0.03)
    diff = decode_png(result.diff_png)
    red = np.all(diff[..., :3] == DIFF_COLOR, axis=-1)
    assert sorted(zip(*np.nonzero(red), strict=True)) == [(1, 1), (2, 8), (5, 5)]


def test_a_faint_change_counts_only_under_a_strict_threshold():
    expected = canvas(4, 4)
    actual = expected.copy()
    actual[2, 2] = (250, 250, 250, 255)
    assert compare_images(expected, actual, threshold=0).mismatched == 1
    assert compare_images(expected, actual, threshold=0.1).mismatched == 0


def test_anti_aliasing_is_ignored_and_drawn_yellow_unless_included():
    expected, actual = anti_aliased_edge()
    ignored = compare_images(expected, actual)
    assert (ignored.mismatched, ignored.anti_aliased) == (0, 10)
    assert np.all(decode_png(ignored.diff_png)[:, 5, :3] == AA_COLOR)
    included = compare_images(expected, actual, include_aa=True)
    assert (included.mismatched, included.anti_aliased) == (10, 0)


def test_different_sizes_are_an_error_naming_both():
    with pytest.raises(ImageSizeMismatch, match="^the images differ in size: expected 4x4, actual 4x6$") as caught:
        compare_images(canvas(4, 4), canvas(4, 6))
    assert (caught.value.expected_size, caught.value.actual_size) == ((4, 4), (4, 6))


def test_padding_counts_the_area_outside_the_smaller_image():
    result = compare_images(canvas(4, 4), canvas(6, 5), pad=True)
    assert (result.width, result.height, result.total) == (6, 5, 30)
    assert result.mismatched == result.padded == 30 - 16
    diff = decode_png(result.diff_png)
    assert np.all(diff[4:, :, :3] == DIFF_COLOR) and np.all(diff[:, 4:, :3] == DIFF_COLOR)
    assert not np.any(np.all(diff[:4, :4, :3] == DIFF_COLOR, axis=-1))


def test_ignored_boxes_never_count_and_are_drawn_like_unchanged_pixels():
    expected, actual = three_black_dots()
    result = compare_images(expected, actual, ignore=[Box(0, 0, 3, 3), (7, 1, 10, 10)])
    assert result.mismatched == 1  # only (5, 5) is outside the boxes
    diff = decode_png(result.diff_png)
    assert tuple(diff[1, 1]) == tuple(diff[0, 0]) == (255, 255, 255, 255)


def test_an_ignored_box_over_the_padding_is_not_counted():
    result = compare_images(canvas(4, 4), canvas(4, 6), pad=True, ignore=[Box(0, 4, 4, 1)])
    assert result.mismatched == result.padded == 4


def test_rgb_arrays_are_opaque_rgba():
    expected, actual = three_black_dots()
    assert compare_images(expected[..., :3], actual[..., :3]).mismatched == 3


def test_the_diff_image_is_made_only_when_asked():
    expected, actual = three_black_dots()
    assert compare_images(expected, actual, diff_output=False).diff_png is None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: compare_images(canvas(2, 2), canvas(2, 2), threshold=1.5), "threshold must be between 0 and 1"),
        (lambda: compare_images(np.zeros((2, 2), np.uint8), canvas(2, 2)), "expected an (H, W, 3) or (H, W, 4)"),
        (lambda: compare_images(canvas(2, 2), canvas(2, 2), ignore=[(0, 0, -1, 1)]), "non-negative width"),
    ],
    ids=["threshold", "array shape", "box"],
)
def test_bad_arguments_are_value_errors(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


def test_bytes_that_are_not_a_png_are_unreadable():
    with pytest.raises(UnreadableImage, match="^not a PNG image$"):
        compare_images(b"GIF89a", png(canvas(2, 2)))
