"""The pre-commit hooks, run for real: by pre-commit, on commits, in a fresh Git copy of the project."""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpcentre.cli import cli

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CLEAN_ARTICLE = "docs/policies/terms-of-use-and-baa.md"
BROKEN_ARTICLE = "docs/policies/terms-broken-copy.md"
LINT_PROBLEM = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>HC\d{3}) (?P<message>.+)$", re.M)
TIDY_PYTHON = '"""A module ruff accepts."""\n\nGREETING = "hello"\n'
UNTIDY_PYTHON = 'import os\nGREETING  =  "hello"\n'


def load_hooks() -> dict[str, dict]:
    config = yaml.safe_load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def broken_copy(article: str) -> str:
    """The article with a new id and no summary: it breaks lint and nothing else."""
    text = (PROJECT_ROOT / article).read_text(encoding="utf-8")
    text, renumbered = re.subn(r"^id: \d+$", "id: 9401", text, count=1, flags=re.M)
    text, unsummarised = re.subn(r"^summary: .*\n", "", text, count=1, flags=re.M)
    assert renumbered == unsummarised == 1, f"{article} no longer has the id and summary this test edits"
    return text


def isolated_environment(tmp_path: Path) -> dict[str, str]:
    """Git with no user or system configuration, and pre-commit's cache in the test's folder."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_AUTHOR_NAME="Writer",
        GIT_AUTHOR_EMAIL="writer@example.com",
        GIT_COMMITTER_NAME="Writer",
        GIT_COMMITTER_EMAIL="writer@example.com",
    )
    return env


def installed_packages_are_current() -> bool:
    """Whether the bootstrap's stamp matches the pins, as scripts/bootstrap.sh computes it.

    A copy that shares this checkout's .venv must not make the bootstrap reinstall: it would
    install the copy, which is deleted after the test, in place of this checkout.
    """
    pins = (PROJECT_ROOT / "pyproject.toml").read_bytes() + (PROJECT_ROOT / "requirements.lock").read_bytes()
    stamp = PROJECT_ROOT / ".venv" / ".helpcentre-installed"
    return stamp.is_file() and stamp.read_text().strip() == hashlib.sha256(pins).hexdigest()


@pytest.fixture
def clone(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A Git repository with the project's files, committed, as a fresh clone after bootstrap has them."""
    assert installed_packages_are_current(), (
        "the pins changed since .venv was set up: run ./scripts/test, which installs them, then this test"
    )
    repo = tmp_path / "clone"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for relative in filter(None, listed.split("\0")):
        source = PROJECT_ROOT / relative
        if source.is_file():
            (repo / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / relative)
    # The bootstrap finds its virtual environment in .venv/ and leaves it alone when the pins match.
    (repo / ".venv").symlink_to(PROJECT_ROOT / ".venv", target_is_directory=True)
    env = isolated_environment(tmp_path)
    for command in (
        ["init", "--quiet", "--initial-branch=main"],
        ["add", "--all"],
        ["commit", "--quiet", "-m", "clone"],
    ):
        subprocess.run(["git", *command], cwd=repo, env=env, check=True, capture_output=True)
    return repo, env


def run(command: list[str], repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=120)


def head(repo: Path, env: dict[str, str]) -> str:
    return run(["git", "rev-parse", "HEAD"], repo, env).stdout.strip()


def test_every_hook_is_local_and_runs_a_command_of_this_project():
    hooks = load_hooks()
    assert set(hooks) == {"helpcentre-lint", "helpcentre-lint-guide", "ruff-check", "ruff-format"}
    for hook_id, hook in hooks.items():
        assert hook["language"] == "system", f"{hook_id} must not fetch an environment"
        executable, *args = shlex.split(hook["entry"])
        assert os.access(PROJECT_ROOT / executable, os.X_OK), f"{hook_id} runs {executable}, which is not executable"
    assert shlex.split(hooks["helpcentre-lint"]["entry"]) == ["./scripts/run", "lint"]
    assert "lint" in cli.commands
    assert hooks["helpcentre-lint"]["pass_filenames"] is True
    lint_files = re.compile(hooks["helpcentre-lint"]["files"])
    assert lint_files.search("docs/billing/change-requests.md")
    assert not lint_files.search("README.md")
    assert not lint_files.search("screenshots/billing/change-requests/01.png")
    assert not lint_files.search("guide/docs/reference/lint-codes.md"), "the guide is another help centre"
    guide = hooks["helpcentre-lint-guide"]
    assert shlex.split(guide["entry"]) == ["./scripts/run", "lint", "-f", "guide/mkdocs.yml"]
    assert guide["pass_filenames"] is True
    assert re.compile(guide["files"]).search("guide/docs/reference/lint-codes.md")
    assert not re.compile(guide["files"]).search("docs/billing/change-requests.md")


def test_the_lint_hook_passes_a_clean_article_and_reports_a_broken_one(clone):
    repo, env = clone
    entry = shlex.split(load_hooks()["helpcentre-lint"]["entry"])
    (repo / BROKEN_ARTICLE).write_text(broken_copy(CLEAN_ARTICLE), encoding="utf-8")

    clean = run([*entry, CLEAN_ARTICLE], repo, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert not LINT_PROBLEM.search(clean.stdout)

    broken = run([*entry, BROKEN_ARTICLE], repo, env)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    problems = [match.groupdict() for match in LINT_PROBLEM.finditer(broken.stdout)]
    assert problems, f"no `path:line:col: HC### message` line in:\n{broken.stdout}"
    assert {problem["path"] for problem in problems} == {BROKEN_ARTICLE}, "only the file passed in is reported"
    assert any("summary" in problem["message"] for problem in problems), broken.stdout


def test_pre_commit_blocks_a_commit_with_a_broken_article_or_untidy_python_and_lets_a_clean_one_through(clone):
    repo, env = clone
    pre_commit = [sys.executable, "-m", "pre_commit"]
    installed = run([*pre_commit, "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    before = head(repo, env)

    (repo / BROKEN_ARTICLE).write_text(broken_copy(CLEAN_ARTICLE), encoding="utf-8")
    (repo / "untidy.py").write_text(UNTIDY_PYTHON, encoding="utf-8")
    run(["git", "add", BROKEN_ARTICLE, "untidy.py"], repo, env)
    blocked = run(["git", "commit", "-m", "a broken article"], repo, env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert re.search(r"^helpcentre lint\.+Failed$", output, re.M), output
    assert re.search(rf"^{re.escape(BROKEN_ARTICLE)}:\d+:\d+: HC\d{{3}} summary", output, re.M), output
    assert re.search(r"^ruff check\.+Failed$", output, re.M), output
    assert "F401" in output, "ruff check names the unused import"
    assert re.search(r"^ruff format --check\.+Failed$", output, re.M), output
    assert "1 file would be reformatted" in output, "only untidy.py, not the article"
    assert head(repo, env) == before, "nothing was committed"

    run(["git", "rm", "--cached", "--quiet", BROKEN_ARTICLE, "untidy.py"], repo, env)
    with (repo / CLEAN_ARTICLE).open("a", encoding="utf-8") as article:
        article.write("\nBoth agreements are on the Setup page.\n")
    (repo / "tidy.py").write_text(TIDY_PYTHON, encoding="utf-8")
    run(["git", "add", CLEAN_ARTICLE, "tidy.py"], repo, env)
    committed = run(["git", "commit", "-m", "a clean article"], repo, env)
    output = committed.stdout + committed.stderr
    assert committed.returncode == 0, output
    for hook_name in ("helpcentre lint", "ruff check", r"ruff format --check"):
        assert re.search(rf"^{re.escape(hook_name)}\.+Passed$", output, re.M), output
    assert head(repo, env) != before
