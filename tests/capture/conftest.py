"""Capture runs against the real sandbox in a real Chromium, on copies of the project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from capture.own_processes import OwnProcesses

GUIDE = "billing/change-card-or-bank-info"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/capture/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@dataclass
class ProjectCopy:
    root: Path

    @property
    def screenshots(self) -> Path:
        return self.root / "screenshots"

    def run(self, *args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "helpcentre", *args]
        return subprocess.run(command, cwd=self.root, capture_output=True, text=True, timeout=300)

    def capture(self, *articles: str) -> subprocess.CompletedProcess:
        return self.run("capture", *articles, "--workers", "1", "--report", str(self.root / "reports"))

    def commit_all(self, *ignored: str) -> None:
        """Make the copy a Git repository with everything committed, as a writer's checkout is.

        It ignores what the project's .gitignore ignores, and `ignored` besides.
        """
        ignore = (Path(__file__).resolve().parents[2] / ".gitignore").read_text()
        (self.root / ".gitignore").write_text(ignore + "".join(f"{pattern}\n" for pattern in ignored))
        for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "baselines"]):
            subprocess.run(
                ["git", "-c", "user.name=Writer", "-c", "user.email=writer@example.com", *command],
                cwd=self.root,
                check=True,
                capture_output=True,
            )

    def git_status(self) -> str:
        return subprocess.run(
            ["git", "status", "--porcelain"], cwd=self.root, check=True, capture_output=True, text=True
        ).stdout

    def snapshot(self) -> dict[str, bytes]:
        """Every file under screenshots/, by relative path."""
        return {
            path.relative_to(self.screenshots).as_posix(): path.read_bytes()
            for path in sorted(self.screenshots.rglob("*"))
            if path.is_file()
        }


def copy_project(source: Path, target: Path) -> ProjectCopy:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(source / "docs", target / "docs")
    shutil.copytree(source / "screenshots", target / "screenshots")
    return ProjectCopy(target)


@pytest.fixture
def project_copy(project_root: Path, tmp_path: Path) -> ProjectCopy:
    return copy_project(project_root, tmp_path / "project")


@pytest.fixture(scope="module")
def captured_guide(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> ProjectCopy:
    """The card-change guide captured once from scratch, shared by the tests that read it."""
    project = copy_project(project_root, tmp_path_factory.mktemp("captured") / "project")
    shutil.rmtree(project.screenshots)
    result = project.capture(GUIDE)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def own_processes() -> Iterator[OwnProcesses]:
    """Starts the test's processes, marked as its own; whatever of them is left when it ends is killed."""
    own = OwnProcesses()
    try:
        yield own
    finally:
        own.end_all()
