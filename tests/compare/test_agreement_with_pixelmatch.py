"""helpcentre.compare against npm's pixelmatch 7.1.0 on real screenshots: the same count, the same diff image."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from reference_pixelmatch import Job, ReferencePixelmatch
from screenshot_corpus import OPTION_SETS, PAIR_NAMES

from helpcentre.compare import DIFF_COLOR, Box, compare_images, decode_png

pytestmark = pytest.mark.browser


def options_id(threshold: float, include_aa: bool) -> str:
    return f"threshold={threshold}{'-includeAA' if include_aa else ''}"


def rgba(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGBA"))


@pytest.mark.parametrize(
    ("threshold", "include_aa"), OPTION_SETS, ids=[options_id(*options) for options in OPTION_SETS]
)
@pytest.mark.parametrize("pair", PAIR_NAMES)
def test_the_count_equals_pixelmatchs(pair, threshold, include_aa, screenshot_pairs, reference_counts):
    expected, actual = screenshot_pairs[pair]
    ours = compare_images(
        expected.read_bytes(), actual.read_bytes(), threshold=threshold, include_aa=include_aa, diff_output=False
    )
    assert ours.mismatched == reference_counts[(pair, threshold, include_aa)]


def test_the_corpus_has_the_cases_it_claims(screenshot_pairs, reference_counts):
    """Agreement means little on pairs that do not differ the way their names say."""
    default, everything = 0.1, 0.0
    assert reference_counts[("identical", everything, True)] == 0
    for pair in PAIR_NAMES:
        if pair != "identical":
            assert reference_counts[(pair, default, False)] > 0, f"{pair}: no difference at the default threshold"
    for pair in ("one-pixel-shift", "font-size-change", "rotated-edges"):
        ignored_as_aa = reference_counts[(pair, default, True)] - reference_counts[(pair, default, False)]
        assert ignored_as_aa > 0, f"{pair}: no anti-aliased pixels"
    for path in screenshot_pairs["transparency"]:
        alpha = rgba(path)[..., 3]
        assert alpha.min() == 0 and ((alpha > 0) & (alpha < 255)).any(), f"{path.name}: no semi-transparent pixels"
    assert reference_counts[("colour-change", 0.3, False)] < reference_counts[("colour-change", 0.0, False)]


DIFF_OPTION_SETS = [(0.1, False), (0.05, True)]


@pytest.mark.parametrize(
    ("threshold", "include_aa"), DIFF_OPTION_SETS, ids=[options_id(*options) for options in DIFF_OPTION_SETS]
)
@pytest.mark.parametrize("pair", PAIR_NAMES)
def test_the_diff_image_equals_pixelmatchs(
    pair, threshold, include_aa, screenshot_pairs, reference_pixelmatch: ReferencePixelmatch, tmp_path
):
    expected, actual = screenshot_pairs[pair]
    reference_diff = tmp_path / "reference-diff.png"
    reference_pixelmatch.count([Job(expected, actual, threshold, include_aa, diff=reference_diff)])
    ours = compare_images(expected.read_bytes(), actual.read_bytes(), threshold=threshold, include_aa=include_aa)
    assert np.array_equal(decode_png(ours.diff_png), rgba(reference_diff))


def test_ignored_boxes_count_as_pixelmatch_counts_them_made_identical(
    screenshot_pairs, reference_pixelmatch: ReferencePixelmatch, tmp_path
):
    expected, actual = screenshot_pairs["one-pixel-shift"]
    boxes = [Box(0, 0, 200, 80), Box(300, 150, 400, 100)]  # the second runs off the image's edges
    masked = Image.open(actual).convert("RGBA")
    original = Image.open(expected).convert("RGBA")
    for box in boxes:
        region = (box.x, box.y, min(box.x + box.width, masked.width), min(box.y + box.height, masked.height))
        masked.paste(original.crop(region), region[:2])
    masked.save(tmp_path / "masked.png")
    [reference] = reference_pixelmatch.count([Job(expected, tmp_path / "masked.png")])

    ours = compare_images(expected.read_bytes(), actual.read_bytes(), ignore=boxes)
    unmasked = compare_images(expected.read_bytes(), actual.read_bytes(), diff_output=False)
    assert ours.mismatched == reference
    assert 0 < ours.mismatched < unmasked.mismatched


def test_padding_counts_pixelmatch_on_the_padded_images_plus_the_padded_area(
    screenshot_pairs, reference_pixelmatch: ReferencePixelmatch, tmp_path
):
    expected, actual = screenshot_pairs["text-edit"]
    cropped = Image.open(actual).crop((0, 0, 600, 180))
    cropped.save(tmp_path / "cropped.png")
    width, height = Image.open(expected).size
    for name, image in (("expected", Image.open(expected)), ("cropped", cropped)):
        canvas = Image.new("RGBA", (width, height), (0, 0, 0, 0))  # Playwright pads with transparent black
        canvas.paste(image.convert("RGBA"), (0, 0))
        canvas.save(tmp_path / f"{name}.padded.png")
    reference_diff = tmp_path / "reference-diff.png"
    reference_pixelmatch.count(
        [Job(tmp_path / "expected.padded.png", tmp_path / "cropped.padded.png", diff=reference_diff)]
    )

    ours = compare_images(expected.read_bytes(), (tmp_path / "cropped.png").read_bytes(), pad=True)
    theirs = rgba(reference_diff)
    our_diff = decode_png(ours.diff_png)
    overlap = (slice(0, 180), slice(0, 600))
    red_in_overlap = int(np.all(theirs[overlap][..., :3] == DIFF_COLOR, axis=-1).sum())
    assert ours.padded == width * height - 600 * 180
    assert ours.mismatched == red_in_overlap + ours.padded
    assert np.array_equal(our_diff[overlap], theirs[overlap])
    outside = np.ones((height, width), dtype=bool)
    outside[overlap] = False
    assert np.all(our_diff[outside][:, :3] == DIFF_COLOR)
