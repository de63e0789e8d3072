"""`helpcentre compare`: what it prints and how it exits."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from helpcentre.cli import cli


def write_png(path: Path, width: int, height: int, black: list[tuple[int, int]] = ()) -> Path:
    """A white PNG with the given (x, y) pixels black."""
    pixels = np.full((height, width, 3), 255, dtype=np.uint8)
    for x, y in black:
        pixels[y, x] = 0
    Image.fromarray(pixels).save(path)
    return path


def run(*args: str | Path):
    return CliRunner().invoke(cli, ["compare", *map(str, args)])


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two 10x10 PNGs that differ in 3 pixels."""
    return write_png(tmp_path / "a.png", 10, 10), write_png(tmp_path / "b.png", 10, 10, [(1, 1), (5, 5), (8, 2)])


def test_differing_images_print_the_count_and_exit_1(pair):
    result = run(*pair)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "3 of 100 pixels differ (3.00%)\n", "")


def test_identical_images_exit_0(pair):
    result = run(pair[0], pair[0])
    assert (result.exit_code, result.stdout) == (0, "0 of 100 pixels differ (0.00%)\n")


def test_a_tiny_share_is_not_shown_as_zero(tmp_path):
    result = run(write_png(tmp_path / "a.png", 200, 100), write_png(tmp_path / "b.png", 200, 100, [(7, 7)]))
    assert (result.exit_code, result.stdout) == (1, "1 of 20000 pixels differ (<0.01%)\n")


def test_json_output(pair):
    result = run(*pair, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "mismatched": 3,
        "total": 100,
        "ratio": 0.03,
        "width": 10,
        "height": 10,
        "anti_aliased": 0,
        "shifted": 0,
        "threshold": 0.1,
        "include_aa": False,
        "edge_shift": 0,
        "diff": None,
    }


def test_the_diff_image_marks_the_changed_pixels_red(pair, tmp_path):
    out = tmp_path / "reports" / "diff.png"
    result = run(*pair, "--diff", out)
    assert (result.exit_code, result.stderr) == (1, f"diff image: {out}\n")
    diff = np.asarray(Image.open(out).convert("RGB"))
    red = np.all(diff == (255, 0, 0), axis=-1)
    assert sorted(zip(*np.nonzero(red), strict=True)) == [(1, 1), (2, 8), (5, 5)]
    assert [path.name for path in out.parent.iterdir()] == ["diff.png"]  # no temporary file left beside it


def test_threshold_and_include_aa_mean_what_pixelmatch_means(tmp_path):
    # A gray column between black and white whose shade changes: anti-aliasing, 10 pixels of it.
    expected = np.full((10, 10, 3), 255, dtype=np.uint8)
    expected[:, :5] = 0
    expected[:, 5] = 128
    actual = expected.copy()
    actual[:, 5] = 100
    Image.fromarray(expected).save(tmp_path / "a.png")
    Image.fromarray(actual).save(tmp_path / "b.png")
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    assert run(a, b).stdout == "0 of 100 pixels differ (0.00%)\n"
    assert run(a, b, "--include-aa").stdout == "10 of 100 pixels differ (10.00%)\n"
    assert run(a, b, "--include-aa", "--threshold", "0.3").stdout == "0 of 100 pixels differ (0.00%)\n"


def test_a_missing_file_is_a_usage_error_naming_it(pair, tmp_path):
    missing = tmp_path / "missing.png"
    result = run(pair[0], missing)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"Error: cannot read {missing}: No such file or directory\n"


def test_a_file_that_is_not_a_png_is_a_usage_error_naming_it(pair, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not an image")
    result = run(notes, pair[1])
    assert (result.exit_code, result.stderr) == (2, f"Error: cannot read {notes}: not a PNG image\n")


def test_images_of_different_sizes_are_a_usage_error_naming_both_sizes(tmp_path):
    small, tall = write_png(tmp_path / "small.png", 10, 10), write_png(tmp_path / "tall.png", 10, 12)
    result = run(small, tall)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"Error: the images differ in size: {small} is 10x10, {tall} is 10x12\n"


def test_a_threshold_outside_0_to_1_is_a_usage_error(pair):
    result = run(*pair, "--threshold", "2")
    assert result.exit_code == 2
    assert "Invalid value for '--threshold': 2.0 is not in the range 0<=x<=1." in result.stderr
