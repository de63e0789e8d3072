"""Build small fixture help centres into tmp_path, the way a writer runs the build."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from helpcentre.search import INDEX_DIR

MKDOCS_YML = textwrap.dedent(
    """\
    site_name: Fixture Help Centre
    site_url: http://127.0.0.1:8000/
    theme:
      name: material
      font: false
      features: [navigation.indexes, navigation.prune]
    plugins:
      - helpcentre:
          contact:
            url: mailto:billing@fixture.example
          categories:
            - key: billing
              title: Billing & Account
              description: Invoices and payment.
            - key: policies
              title: Policies & Legal
    """
)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1)).save(buffer, "PNG")
    return buffer.getvalue()


# A whole PNG file: what lint, the build and verify take for a screenshot.
PNG = _png()
# What a checkout without Git LFS has where a tracked picture should be.
LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    "size 12345\n"
)


@dataclass(frozen=True)
class LinkTo:
    """A symbolic link to write instead of a file."""

    target: str


def write_files(root: Path, files: dict[str, str | bytes | LinkTo]) -> None:
    """Write each file (text, bytes, or a link) at its path under `root`, over what is there."""
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, LinkTo):
            target.unlink(missing_ok=True)
            target.symlink_to(content.target)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def article_text(id: int, title: str, category: str = "billing", extra: str = "", body: str = "Body.\n") -> str:
    return f"---\nid: {id}\ntitle: {title}\nsummary: About {title}.\ncategory: {category}\n{extra}---\n\n{body}"


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


@dataclass
class FixtureProject:
    root: Path

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def build(self, *args: str) -> BuildResult:
        command = [sys.executable, "-m", "helpcentre", "build", "-f", "mkdocs.yml", "-d", "site", *args]
        completed = subprocess.run(command, cwd=self.root, capture_output=True, text=True, timeout=120)
        return BuildResult(completed.returncode, completed.stdout + completed.stderr, self.root / "site")


@pytest.fixture
def fixture_project(tmp_path: Path) -> FixtureProject:
    """Two valid articles that relate to each other; tests break them one way at a time."""
    project = FixtureProject(tmp_path)
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("docs/billing/pay.md", article_text(1, "Pay an invoice", extra="related:\n  - billing/card\n"))
    project.write("docs/billing/card.md", article_text(2, "Change your card", extra="related: [1]\n"))
    return project


def indexed_pages(site: Path) -> dict[str, list]:
    """What the site's search index holds, page by page, by URL: [url, title, summary, tags]."""
    pages = {}
    for records in (site / INDEX_DIR / "pages").glob("*.json"):
        for record in json.loads(records.read_text(encoding="utf-8")):
            pages[record[0]] = record
    return pages
