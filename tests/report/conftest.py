"""A verify run written as the verify engine writes it: results and a folder of images."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from verify_results import every_status_results, write_images

from helpcentre.verify.results import VerifyResults


@dataclass
class VerifyRun:
    results: VerifyResults
    report_dir: Path


@pytest.fixture
def verify_run(tmp_path: Path) -> VerifyRun:
    results = VerifyResults.from_json(every_status_results())
    report_dir = tmp_path / "reports" / "verify"
    write_images(results, report_dir)
    return VerifyRun(results, report_dir)
