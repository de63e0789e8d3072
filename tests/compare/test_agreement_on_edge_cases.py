"""helpcentre.compare against npm's pixelmatch where screenshots rarely go: see-through pixels,
1-pixel-wide images, few-colour noise that sets off the anti-aliasing detector everywhere."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from reference_pixelmatch import Job, ReferencePixelmatch

from helpcentre.compare import compare_images, decode_png

SIZES = [(1, 1), (1, 7), (7, 1), (2, 2), (3, 5)] + [(23, 17), (40, 9), (9, 40), (31, 31), (64, 48)] * 3
OPTION_SETS = [(threshold, include_aa) for threshold in (0, 0.1, 1.0) for include_aa in (False, True)]


def few_colour_pair(rng: np.random.Generator, width: int, height: int, case: int) -> tuple[np.ndarray, np.ndarray]:
    """Noise over a 2 to 5 colour palette (runs of equal pixels make siblings), some of it see-through."""
    palette = rng.integers(0, 256, size=(int(rng.integers(2, 6)), 4), dtype=np.uint8)
    if case % 3 == 0:
        palette[:, 3] = 255
    if case % 4 == 1:
        palette[0, 3] = 0
    expected = palette[rng.integers(0, len(palette), size=(height, width))]
    actual = expected.copy()
    changed = rng.random((height, width)) < rng.random()
    if case % 5 == 2:
        actual[changed] = rng.integers(0, 256, size=(int(changed.sum()), 4), dtype=np.uint8)
    else:
        actual[changed] = palette[rng.integers(0, len(palette), size=int(changed.sum()))]
    return expected, actual


@pytest.fixture(scope="module")
def edge_case_results(reference_pixelmatch: ReferencePixelmatch, tmp_path_factory: pytest.TempPathFactory):
    """(our result, the reference's count, the reference's diff image) for every image pair and option set."""
    folder = tmp_path_factory.mktemp("edge-cases")
    rng = np.random.default_rng(20251126)
    cases, jobs = [], []
    for case, (width, height) in enumerate(SIZES):
        expected, actual = few_colour_pair(rng, width, height, case)
        Image.fromarray(expected).save(folder / f"{case}.expected.png")
        Image.fromarray(actual).save(folder / f"{case}.actual.png")
        for number, (threshold, include_aa) in enumerate(OPTION_SETS):
            diff = folder / f"{case}.{number}.diff.png"
            jobs.append(
                Job(folder / f"{case}.expected.png", folder / f"{case}.actual.png", threshold, include_aa, diff)
            )
            cases.append((expected, actual, threshold, include_aa))
    counts = reference_pixelmatch.count(jobs)
    return [
        (compare_images(expected, actual, threshold=threshold, include_aa=include_aa), count, job.diff)
        for (expected, actual, threshold, include_aa), count, job in zip(cases, counts, jobs, strict=True)
    ]


def test_counts_and_diff_images_equal_pixelmatchs(edge_case_results):
    disagreements = [
        f"{diff.name}: ours {ours.mismatched}, pixelmatch {count}"
        for ours, count, diff in edge_case_results
        if ours.mismatched != count
        or not np.array_equal(decode_png(ours.diff_png), np.asarray(Image.open(diff).convert("RGBA")))
    ]
    assert disagreements == []
    assert len(edge_case_results) == len(SIZES) * len(OPTION_SETS)


def test_the_edge_cases_exercise_anti_aliasing_and_transparency(edge_case_results):
    assert sum(ours.anti_aliased for ours, _, _ in edge_case_results) > 100
    assert any(ours.mismatched > 0 for ours, _, _ in edge_case_results[: 5 * len(OPTION_SETS)])  # tiny images
