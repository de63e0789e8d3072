"""`helpcentre serve` in a real Chromium: an article edited on disk reloads itself in the open page.

To reproduce by hand: run `helpcentre serve` in the project, open an article, edit its Markdown.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from capture.conftest import copy_project
from playwright.sync_api import Page, expect

GUIDE = "billing/change-card-or-bank-info"
STARTUP_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0
RELOAD_TIMEOUT_MS = 15_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is `pid`, read from /proc."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def title_of(article: Path) -> str:
    front_matter = article.read_text(encoding="utf-8").split("---\n")[1]
    return yaml.safe_load(front_matter)["title"]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@dataclass
class RunningPreview:
    process: subprocess.Popen
    stdout_path: Path
    stderr_path: Path
    site_url: str

    @property
    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8")

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8")

    def printed_url(self, prefix: str) -> str | None:
        for line in self.stdout.splitlines():
            if line.startswith(prefix):
                return line[len(prefix) :].split()[0]
        return None

    def wait_until(self, condition, what: str, timeout: float = STARTUP_TIMEOUT) -> None:
        """Poll `condition` until it holds, failing fast with the preview's output if the process died."""
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the preview exited ({self.process.returncode}):\n{self.stderr}"
            assert time.monotonic() < deadline, f"{what} within {timeout:g}s; the preview said:\n{self.stderr}"
            time.sleep(0.1)


@contextmanager
def preview_of(project_root: Path, *options: str) -> Iterator[RunningPreview]:
    """`helpcentre serve` running in `project_root` until the block ends, then stopped with SIGTERM."""
    port = free_port()
    stdout_path, stderr_path = project_root / "serve.out", project_root / "serve.err"
    with stdout_path.open("w") as stdout, stderr_path.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "helpcentre", "serve", "--port", str(port), *options],
            cwd=project_root,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    preview = RunningPreview(process, stdout_path, stderr_path, f"http://127.0.0.1:{port}/")
    try:
        yield preview
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            for child in child_pids(process.pid):
                os.kill(child, signal.SIGKILL)
            process.kill()
            process.wait()


def test_editing_an_article_reloads_the_open_page(page: Page, project_root: Path, tmp_path: Path):
    project = copy_project(project_root, tmp_path / "project")
    article = project.root / "docs" / f"{GUIDE}.md"
    title = title_of(article)
    new_sentence = "This sentence was written while the page was open in the preview."

    with preview_of(project.root, "--sandbox-port", "0") as preview:
        preview.wait_until(lambda: answers(preview.site_url), f"{preview.site_url} did not answer")
        assert preview.printed_url("Help centre: ") == preview.site_url, preview.stdout
        sandbox_url = preview.printed_url("Billing sandbox: ")
        assert sandbox_url, f"no sandbox URL in:\n{preview.stdout}"
        assert answers(sandbox_url + "healthz")
        assert "sign in as demo@willowcreek.example, password sandbox-demo" in preview.stdout
        assert "Watching paths for changes: 'docs', 'mkdocs.yml', 'screenshots'" in preview.stderr
        sandboxes = child_pids(preview.process.pid)
        assert len(sandboxes) == 1, sandboxes

        # Writers preview the internal articles they write too, which the customers' site leaves out.
        page.goto(preview.site_url + "agents/billing/link-billing-articles-in-replies/")
        expect(page.locator("h1")).to_have_text("Link billing articles and steps in support replies")

        page.goto(preview.site_url + GUIDE + "/")
        expect(page.locator("h1")).to_have_text(title)
        expect(page.get_by_text(new_sentence)).to_have_count(0)
        # Gone after any navigation: proves the page reloaded itself.
        page.evaluate("window.openedBeforeTheEdit = true")

        with article.open("a", encoding="utf-8") as markdown:
            markdown.write(f"\n{new_sentence}\n")

        expect(page.get_by_text(new_sentence)).to_be_visible(timeout=RELOAD_TIMEOUT_MS)
        assert page.evaluate("window.openedBeforeTheEdit") is None

    assert preview.process.returncode == 0, preview.stderr
    assert preview.stderr.rstrip().endswith("Stopped."), preview.stderr
    assert not [pid for pid in sandboxes if is_running(pid)], "the sandbox outlived the preview"
    assert not answers(sandbox_url + "healthz")


def test_a_failed_rebuild_is_reported_and_the_preview_keeps_running(page: Page, project_root: Path, tmp_path: Path):
    project = copy_project(project_root, tmp_path / "project")
    article = project.root / "docs" / f"{GUIDE}.md"
    original = article.read_text(encoding="utf-8")
    title = title_of(article)
    fixed_sentence = "This sentence was written after the front matter was fixed."

    with preview_of(project.root, "--no-sandbox") as preview:
        preview.wait_until(lambda: answers(preview.site_url), f"{preview.site_url} did not answer")
        assert "Billing sandbox" not in preview.stdout
        page.goto(preview.site_url + GUIDE + "/")
        expect(page.locator("h1")).to_have_text(title)

        article.write_text(original.replace("---\n", "---\ncolour: teal\n", 1), encoding="utf-8")
        preview.wait_until(
            lambda: "An error happened during the rebuild" in preview.stderr, "the failed rebuild was not reported"
        )
        # The line as lint prints it, its code's page in the writers' guide at its end.
        assert (
            f"docs/{GUIDE}.md:2:1: HC102 colour: unknown key 'colour' (see guide/docs/reference/lint-codes.md#hc102)\n"
            in preview.stderr
        )
        expect(page.locator("h1")).to_have_text(title)

        article.write_text(f"{original}\n{fixed_sentence}\n", encoding="utf-8")
        expect(page.get_by_text(fixed_sentence)).to_be_visible(timeout=RELOAD_TIMEOUT_MS)

    assert preview.process.returncode == 0, preview.stderr
