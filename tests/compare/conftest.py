"""The reference pixelmatch and the screenshot corpus that tests/compare holds helpcentre.compare against."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser
from reference_pixelmatch import REFERENCE_PACKAGE, REFERENCE_VERSION, Job, ReferencePixelmatch
from screenshot_corpus import BASELINE_PAIRS, OPTION_SETS, PAIR_NAMES, render_pairs

from helpcentre.baselines.publish import shot_offset


@pytest.fixture(scope="session")
def reference_pixelmatch() -> ReferencePixelmatch:
    """The reference; a missing node or an uninstalled reference fails the tests, never skips them."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "the pixelmatch agreement tests need node on PATH to run the reference pixelmatch; "
            "install Node.js (Debian: apt-get install nodejs npm), then run ./scripts/test",
            pytrace=False,
        )
    if not REFERENCE_PACKAGE.exists():
        pytest.fail(
            "the reference pixelmatch is not installed in tests/reference/node_modules; "
            "run ./scripts/test (its bootstrap runs `npm ci --prefix tests/reference`)",
            pytrace=False,
        )
    version = json.loads(REFERENCE_PACKAGE.read_text())["version"]
    if version != REFERENCE_VERSION:
        pytest.fail(
            f"tests/reference has pixelmatch {version}, not {REFERENCE_VERSION}; run ./scripts/test to reinstall it",
            pytrace=False,
        )
    return ReferencePixelmatch(node)


@pytest.fixture(scope="session")
def screenshot_pairs(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Every corpus pair by name: PNGs rendered in Chromium now, and committed baselines."""
    pairs = render_pairs(browser, tmp_path_factory.mktemp("screenshot-pairs"))
    folder = tmp_path_factory.mktemp("baseline-pairs")
    for name, (expected, published) in BASELINE_PAIRS.items():
        assert expected.exists() and published.exists(), f"{name}: a committed baseline is missing"
        # The published copy sets the shot in a margin: the shot's own area is what is compared.
        with Image.open(expected) as raw, Image.open(published) as drawn:
            left, top = shot_offset()
            actual = folder / f"{name}.png"
            drawn.crop((left, top, left + raw.width, top + raw.height)).save(actual)
        pairs[name] = (expected, actual)
    return pairs


@pytest.fixture(scope="session")
def reference_counts(
    screenshot_pairs: dict[str, tuple[Path, Path]], reference_pixelmatch: ReferencePixelmatch
) -> dict[tuple[str, float, bool], int]:
    """The reference's count for every pair under every option set, from one node run."""
    keys = [(name, threshold, include_aa) for name in PAIR_NAMES for threshold, include_aa in OPTION_SETS]
    jobs = [Job(*screenshot_pairs[name], threshold, include_aa) for name, threshold, include_aa in keys]
    return dict(zip(keys, reference_pixelmatch.count(jobs), strict=True))
