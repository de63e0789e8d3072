"""`helpcentre pdf`, run as a writer or CI runs it, over the repository's own built help centre."""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

from browser.card_change_guide import STEPS, TITLE
from PIL import Image
from pypdf import PdfReader

LETTER = (612, 792)  # in PDF points: 8.5 x 11 inches


def run_pdf(project_root: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "helpcentre", "pdf", "-f", str(project_root / "mkdocs.yml"), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def printed_text(reader: PdfReader) -> str:
    """The text of every page, with line breaks and runs of spaces as single spaces."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_an_article_is_printed_to_a_pdf_with_its_steps_and_screenshots(
    project_root: Path, built_site: Path, tmp_path: Path
):
    # By path and by id: the same article, written once. The session's site is only read.
    result = run_pdf(
        project_root, "billing/change-card-or-bank-info", "101", "-d", str(built_site), "-o", str(tmp_path), "--reprint"
    )

    assert result.returncode == 0, result.stderr
    written = tmp_path / "billing" / "change-card-or-bank-info.pdf"
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()) == [
        "billing/change-card-or-bank-info.pdf"
    ]
    data = written.read_bytes()
    assert data.startswith(b"%PDF-")
    assert f"wrote   {written} ({len(data) / 1024:.0f} KiB)" in result.stderr
    assert re.search(
        rf"Wrote 1 PDF\(s\) into {re.escape(str(tmp_path))} in [\d.]+ s \(1 printed, 0 unchanged\); 0 failed",
        result.stderr,
    )

    reader = PdfReader(written)
    assert len(reader.pages) >= 2
    assert {tuple(round(side) for side in page.mediabox[2:]) for page in reader.pages} == {LETTER}
    text = printed_text(reader)
    assert TITLE in text
    for number, step in enumerate(STEPS, start=1):
        assert f"{number}. {step}" in text
    assert sum(len(page.images) for page in reader.pages) == len(STEPS), "one screenshot a step"
    # The site around the article stays off the paper.
    for left_out in ("Table of contents", "Related articles", "Download PDF", "Copy link", "Search"):
        assert left_out not in text
    # Each sheet is numbered in its footer.
    assert f"1 / {len(reader.pages)}" in reader.pages[0].extract_text()


def test_without_output_the_pdfs_go_where_the_articles_link_to(project_root: Path, built_site: Path, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)

    result = run_pdf(project_root, "policies/terms-of-use-and-baa", "-d", str(site), "--reprint")

    assert result.returncode == 0, result.stderr
    page_html = (site / "policies/terms-of-use-and-baa/index.html").read_text(encoding="utf-8")
    href = re.search(r'class="md-button hc-download-pdf" href="([^"]+)" download', page_html).group(1)
    linked = site / posixpath.normpath(posixpath.join("policies/terms-of-use-and-baa", href))
    assert linked == site / "pdf/policies/terms-of-use-and-baa.pdf"
    assert linked.read_bytes().startswith(b"%PDF-")


def test_a_page_with_a_missing_screenshot_is_not_printed_and_the_run_fails(
    project_root: Path, built_site: Path, tmp_path: Path
):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "screenshots/billing/change-card-or-bank-info/03.published.png").unlink()
    output = tmp_path / "pdf"

    result = run_pdf(project_root, "billing/change-card-or-bank-info", "-d", str(site), "-o", str(output))

    assert result.returncode == 1
    assert (
        "  FAILED  billing/change-card-or-bank-info: 1 image(s) did not load: "
        "screenshots/billing/change-card-or-bank-info/03.published.png\n"
    ) in result.stderr
    assert not output.exists()


def test_an_unknown_article_is_a_usage_error(project_root: Path, built_site: Path, tmp_path: Path):
    result = run_pdf(project_root, "billing/no-such-article", "-d", str(built_site), "-o", str(tmp_path))

    assert result.returncode == 2
    assert result.stderr.endswith("Error: no article 'billing/no-such-article'\n")
    assert list(tmp_path.iterdir()) == []


def test_a_site_that_was_not_built_is_a_usage_error(project_root: Path, tmp_path: Path):
    missing = tmp_path / "site"

    result = run_pdf(project_root, "-d", str(missing))

    assert result.returncode == 2
    assert result.stderr.endswith(f"Error: {missing}: no built site here; run helpcentre build first\n")
    assert not missing.exists()


def test_the_agents_pdfs_are_printed_from_the_agents_site(project_root: Path, tmp_path: Path):
    # Run where no site was built: the error names the folder each audience prints from.
    project = tmp_path / "project"
    shutil.copytree(project_root / "docs", project / "docs")
    shutil.copy(project_root / "mkdocs.yml", project / "mkdocs.yml")
    for audience, folder in (("agents", "site-agents"), ("customers", "site")):
        command = [sys.executable, "-m", "helpcentre", "pdf", "--audience", audience]
        result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300)
        assert result.returncode == 2, result.stderr
        assert result.stderr.endswith(f"Error: {folder}: no built site here; run helpcentre build first\n")


def test_a_pdf_is_printed_again_only_when_its_page_or_pictures_changed(
    project_root: Path, built_site: Path, tmp_path: Path
):
    project = tmp_path / "project"
    for part in ("docs", "screenshots"):
        shutil.copytree(project_root / part, project / part)
    shutil.copy(project_root / "mkdocs.yml", project / "mkdocs.yml")
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    articles = ["billing/change-card-or-bank-info", "policies/terms-of-use-and-baa"]

    def run() -> str:
        command = [
            sys.executable,
            "-m",
            "helpcentre",
            "pdf",
            "-f",
            str(project / "mkdocs.yml"),
            *articles,
            "-d",
            str(site),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stderr

    assert "(2 printed, 0 unchanged)" in run()
    again = run()
    assert "(0 printed, 2 unchanged)" in again
    assert "kept    " in again and "pdf/billing/change-card-or-bank-info.pdf (unchanged since printed)" in again
    assert (site / "pdf/billing/change-card-or-bank-info.pdf").read_bytes().startswith(b"%PDF-")
    # A picture of the guide changed: the guide is printed again, the terms are not.
    picture = site / "screenshots/billing/change-card-or-bank-info/03.published.png"
    with Image.open(picture) as image:
        changed = image.convert("RGB")
    changed.putpixel((0, 0), (255, 0, 0))
    changed.save(picture)
    third = run()
    assert "(1 printed, 1 unchanged)" in third
    assert re.search(r"wrote   \S*change-card-or-bank-info\.pdf", third)
