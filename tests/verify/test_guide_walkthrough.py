"""The writers' guide's how-to of the sandbox is a walkthrough: verify keeps its committed pictures true."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ARTICLE = "walkthroughs/try-a-walkthrough-on-the-sandbox"


def test_the_guides_walkthrough_verifies_clean_against_the_sandbox(project_root: Path, tmp_path: Path):
    # A copy: verify writes the guide's verification record beside its mkdocs.yml.
    guide = tmp_path / "guide"
    shutil.copytree(project_root / "guide", guide, ignore=shutil.ignore_patterns("site", "reports"))
    baselines = {path: path.read_bytes() for path in (guide / "screenshots").rglob("*") if path.is_file()}
    assert len([path for path in baselines if path.name.endswith(".published.png")]) == 4
    command = [sys.executable, "-m", "helpcentre", "verify", "-f", str(guide / "mkdocs.yml"), "--workers", "1"]
    completed = subprocess.run(
        [*command, "--report", str(tmp_path / "report")], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, f"the guide's walkthrough drifted from the sandbox:\n{output}"
    results = json.loads((tmp_path / "report" / "results.json").read_text())
    (article,) = results["articles"]
    assert article["ref"] == ARTICLE
    assert [step["status"] for step in article["steps"]] == ["ok"] * 4
    record = json.loads((guide / "reports" / "verification.json").read_text())
    assert record["articles"][ARTICLE]["status"] == "ok"
    after = {path: path.read_bytes() for path in (guide / "screenshots").rglob("*") if path.is_file()}
    assert after == baselines, "verify never changes a baseline"
