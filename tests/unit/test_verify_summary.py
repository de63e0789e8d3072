"""The job summary a pull request's reviewer reads: the steps that drifted, the screenshots that changed."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = PROJECT_ROOT / ".ci" / "verify_summary.py"


def load_summary_script():
    spec = importlib.util.spec_from_file_location("verify_summary", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


verify_summary = load_summary_script()


def step(number: int, text: str, status: str, message: str = "") -> dict:
    return {"step": number, "text": text, "status": status, "message": message}


def article(ref: str, steps: list[dict]) -> dict:
    return {"ref": ref, "id": 1, "title": ref, "path": f"docs/{ref}.md", "steps": steps}


def write_results(report_dir: Path, articles: list[dict], summary: dict) -> None:
    report_dir.mkdir(parents=True)
    results = {
        "version": 1,
        "started_at": "2026-11-26T20:55:52+00:00",
        "seconds": 12.5,
        "target": "sandbox",
        "browser": "Chromium 156.0.8078.108",
        "summary": summary,
        "articles": articles,
    }
    (report_dir / "results.json").write_text(json.dumps(results), encoding="utf-8")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def isolated_git(monkeypatch):
    """Git that reads no user or system configuration and can commit."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Writer")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "writer@example.com")


def test_drifted_steps_are_listed_worst_article_first_with_what_was_found(tmp_path, capsys):
    write_results(
        tmp_path / "verify",
        [
            article("billing/pre-pay", [step(1, "Click **Pre-pay**", "pixels", "1,204 pixels differ")]),
            article(
                "billing/change-card",
                [
                    step(1, "Go to the **Setup** menu", "ok"),
                    step(2, "Click **Card Details**", "flow", "not found: button 'Card Details'; buttons here: 'A|B'"),
                    step(3, "Click **Save**", "not_reached", "step 2 could not be done"),
                    step(4, "Check the **Status**", "not_reached", "step 2 could not be done"),
                ],
            ),
            article("clients/receipts", [step(1, "Open **Receipts**", "new")]),
        ],
        {"articles": 3, "steps": 6, "ok": 1, "drift": 2, "new": 1, "not_reached": 2, "flow": 1, "pixels": 1},
    )

    assert verify_summary.main([str(tmp_path / "verify"), "--artifact-url", "https://example.com/artifacts/7"]) == 0

    assert capsys.readouterr().out.splitlines() == [
        "## Screenshot verify",
        "",
        "2 steps drifted in 2 of 3 articles · 1 new · 2 not reached · "
        "verified against sandbox with Chromium 156 on 26 Nov 2026",
        "",
        "| article | step | status | found |",
        "|---|---|---|---|",
        "| `billing/change-card` | 2. Click Card Details | Flow broken "
        "| not found: button 'Card Details'; buttons here: 'A\\|B' |",
        "| `billing/pre-pay` | 1. Click Pre-pay | Pixels differ | 1,204 pixels differ |",
        "| `clients/receipts` | 1. Open Receipts | New |  |",
        "",
        "Expected, actual and diff images for every step are in "
        "[the verify report artifact](https://example.com/artifacts/7) (open `index.html`).",
    ]


def test_a_run_that_wrote_no_report_says_so(tmp_path, capsys):
    verify_summary.main([str(tmp_path / "verify")])

    assert capsys.readouterr().out.splitlines() == [
        "## Screenshot verify",
        "",
        f"Verify wrote no results to `{tmp_path / 'verify'}`: it did not run or stopped early; see the log.",
    ]


def test_the_screenshots_a_branch_changed_since_its_base_are_listed(tmp_path, monkeypatch, capsys, isolated_git):
    repo = tmp_path / "repo"
    shots = repo / "screenshots" / "billing" / "change-card"
    shots.mkdir(parents=True)
    (shots / "01.png").write_bytes(b"\x89PNG old 1")
    (shots / "02.png").write_bytes(b"\x89PNG old 2")
    (repo / "docs").mkdir()
    (repo / "docs" / "a.md").write_text("one\n", encoding="utf-8")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "base")
    git(repo, "switch", "--quiet", "-c", "rename-button")
    (shots / "01.png").write_bytes(b"\x89PNG new 1")
    (shots / "02.png").unlink()
    (shots / "03.png").write_bytes(b"\x89PNG new 3")
    (shots / "01.aria.yml").write_text("- button\n", encoding="utf-8")
    (repo / "docs" / "a.md").write_text("two\n", encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "new shots")
    git(repo, "switch", "--quiet", "main")
    (repo / "docs" / "later-on-main.md").write_text("main moved on\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "main moves on")
    git(repo, "switch", "--quiet", "rename-button")
    monkeypatch.chdir(repo)

    assert verify_summary.baselines_section("main") == [
        "## Changed screenshots",
        "",
        "3 screenshots differ from `main`; the pull request's **Files changed** view shows old and new side by side.",
        "",
        "- changed: `screenshots/billing/change-card/01.png`",
        "- deleted: `screenshots/billing/change-card/02.png`",
        "- added: `screenshots/billing/change-card/03.png`",
    ]
    git(repo, "switch", "--quiet", "main")
    assert verify_summary.baselines_section("rename-button")[-1] == (
        "No screenshot under `screenshots/` differs from `rename-button`."
    )
