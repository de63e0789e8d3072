"""npm's pixelmatch, the reference that helpcentre.compare must agree with, run through node."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "reference"
REFERENCE_SCRIPT = REFERENCE_DIR / "pixelmatch_batch.mjs"
REFERENCE_PACKAGE = REFERENCE_DIR / "node_modules" / "pixelmatch" / "package.json"
REFERENCE_VERSION = "7.1.0"


@dataclass(frozen=True)
class Job:
    """One comparison for the reference, with pixelmatch's options; `diff` is where its diff image goes."""

    expected: Path
    actual: Path
    threshold: float = 0.1
    include_aa: bool = False
    diff: Path | None = None


class ReferencePixelmatch:
    """tests/reference/pixelmatch_batch.mjs: all jobs in one node run, since node's start costs more than a pair."""

    def __init__(self, node: str):
        self.node = node

    def count(self, jobs: list[Job]) -> list[int]:
        payload = [
            {
                "expected": str(job.expected),
                "actual": str(job.actual),
                "threshold": job.threshold,
                "includeAA": job.include_aa,
                "diff": str(job.diff) if job.diff else None,
            }
            for job in jobs
        ]
        ran = subprocess.run(
            [self.node, str(REFERENCE_SCRIPT)], input=json.dumps(payload), capture_output=True, text=True, timeout=300
        )
        assert ran.returncode == 0, f"the reference pixelmatch failed:\n{ran.stderr}"
        return json.loads(ran.stdout)
