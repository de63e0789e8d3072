"""A real app's help centre, copied and run the way a writer runs it: lint, capture, verify twice."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class HelpCentreCopy:
    root: Path
    environment: dict[str, str]

    def run(self, *arguments: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "helpcentre", *arguments]
        env = {**os.environ, **self.environment}
        return subprocess.run(command, cwd=self.root, env=env, capture_output=True, text=True, timeout=600)


def articles_of(help_centre: Path) -> list[str]:
    docs = help_centre / "docs"
    return sorted(path.relative_to(docs).with_suffix("").as_posix() for path in docs.rglob("*.md"))


def copy_help_centre(source: Path, target: Path, environment: dict[str, str] | None = None) -> HelpCentreCopy:
    """The fixture help centre as committed: no screenshots, reports or site a hand-run left."""
    ignored = shutil.ignore_patterns("screenshots", "reports", "site", "__pycache__", "node_modules", "dist")
    shutil.copytree(source, target, ignore=ignored)
    return HelpCentreCopy(target, environment or {})


def lint_codes(help_centre: HelpCentreCopy) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Lint's run, and the code of each problem it printed."""
    result = help_centre.run("lint")
    return result, [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()]


def capture_lines(help_centre: HelpCentreCopy, *articles: str) -> dict[str, str]:
    """Each article's line in one capture of these articles (all of the help centre without any)."""
    result = help_centre.run("capture", *articles, "--workers", "1")
    output = result.stdout + result.stderr
    lines = {}
    for line in output.splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] in ("ok", "FAILED"):
            lines[words[1].split(":")[0]] = line.strip()
    assert lines, f"capture named no article (exit {result.returncode}):\n{output}"
    return lines


def verify_twice(help_centre: HelpCentreCopy, *articles: str) -> list[dict[str, list[str]]]:
    """Each article's steps as `N status: message`, in two verify runs one after the other."""
    runs = []
    for run in (1, 2):
        steps = help_centre.root / f"verify-{run}.json"
        result = help_centre.run(
            "verify", *articles, "--json", str(steps), "--report", str(help_centre.root / f"report-{run}")
        )
        assert steps.exists(), f"verify run {run} wrote no results (exit {result.returncode}):\n{result.stderr}"
        by_article: dict[str, list[str]] = {}
        for record in json.loads(steps.read_text()):
            by_article.setdefault(record["article"], []).append(
                f"{record['step']} {record['status']}: {record['message']}".rstrip(": ")
            )
        runs.append(by_article)
    return runs
