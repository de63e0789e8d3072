"""Hostile or broken files: a link out of the project, a screenshot that is no picture, a
screenshots folder that cannot be written. Each is named in one line, with its fix, before
anything is walked, read or published."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from integration.conftest import LFS_POINTER, PNG, FixtureProject, LinkTo, article_text, write_files
from integration.test_lint import lint, project  # noqa: F401  (a fixture)

OUTSIDE = (
    "HC132 links outside the project, so it is never read or published; put the file itself here"
    " (see guide/docs/reference/lint-codes.md#hc132)"
)


def helpcentre(fixture: FixtureProject, *args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    command = [*prefix, sys.executable, "-m", "helpcentre", *args]
    return subprocess.run(command, cwd=fixture.root, capture_output=True, text=True, timeout=120)


def test_an_article_linked_from_outside_the_project_is_reported_and_never_read(
    project,  # noqa: F811
    tmp_path_factory,
    monkeypatch,
):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "notes.md"
    elsewhere.write_text(article_text(9, "Someone else's notes"), encoding="utf-8")
    write_files(project.root, {"docs/billing/notes.md": LinkTo(str(elsewhere))})
    monkeypatch.chdir(project.root)
    assert lint(project, "docs/billing/notes.md") == (
        1,
        [f"docs/billing/notes.md:1:1: {OUTSIDE}"],
        "1 error(s), 0 warning(s)\n",
    )


def test_links_that_stay_inside_the_project_are_fine(project):  # noqa: F811
    write_files(
        project.root,
        {
            "docs/billing/form.png": PNG,
            "docs/policies/form.png": LinkTo("../billing/form.png"),
            "docs/policies/shots": LinkTo("../../screenshots/billing"),
        },
    )
    assert lint(project) == (0, [], "No problems found.\n")


def test_a_picture_linked_from_outside_the_project_is_never_published(project):  # noqa: F811
    write_files(project.root, {"docs/billing/passwords.png": LinkTo("/etc/passwd")})
    result = project.build()
    assert result.returncode == 1, result.output
    assert f"ERROR   -  docs/billing/passwords.png:1:1: {OUTSIDE}\n" in result.output
    assert not (result.site / "billing" / "passwords.png").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(PNG[:-12], "a PNG file cut short; capture it again: helpcentre capture billing/open", id="cut"),
        pytest.param(
            LinkTo("01.published.png"),
            "a symbolic link, not a PNG file; capture it again: helpcentre capture billing/open",
            id="link",
        ),
        pytest.param("GIF89a", "not a PNG file; capture it again: helpcentre capture billing/open", id="gif"),
    ],
)
def test_lint_names_a_screenshot_that_is_not_a_whole_png(project, content, message):  # noqa: F811
    write_files(project.root, {"screenshots/billing/open/02.png": content})
    assert lint(project) == (
        1,
        [f"screenshots/billing/open/02.png:1:1: HC133 {message} (see guide/docs/reference/lint-codes.md#hc133)"],
        "1 error(s), 0 warning(s)\n",
    )


def test_the_build_names_a_screenshot_that_is_an_lfs_pointer_and_exits_3(project):  # noqa: F811
    write_files(project.root, {"screenshots/billing/open/01.published.png": LFS_POINTER})
    result = project.build()
    assert result.returncode == 3, result.output
    assert "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if line.startswith(("ERROR", "Error"))] == [
        "ERROR   -  screenshots/billing/open/01.published.png:1:1: HC133 a Git LFS pointer, not the picture;"
        " run: git lfs pull (see guide/docs/reference/lint-codes.md#hc133)",
        "ERROR   -  1 error(s) in the help centre; see the messages above.",
        "Error: screenshots are not PNG files; see the messages above",
    ]


@pytest.mark.parametrize("command", [["verify"], ["fix"]], ids=" ".join)
def test_verify_names_baselines_that_are_not_pictures_before_walking_and_exits_3(project, command):  # noqa: F811
    write_files(
        project.root, {"screenshots/billing/open/01.png": LFS_POINTER, "screenshots/billing/open/02.png": PNG[:40]}
    )
    result = helpcentre(project, *command)
    assert (result.returncode, result.stdout) == (3, ""), result.stderr
    assert result.stderr == (
        "Error: screenshots/billing/open/01.png: a Git LFS pointer, not the picture; run: git lfs pull\n"
        "screenshots/billing/open/02.png: a PNG file cut short; capture it again: helpcentre capture billing/open\n"
    )


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[tuple[tuple[str, ...], str]]:
    """A command prefix under which `folder` cannot be written, and what the system then says.

    Permission bits do not stop root, so as root the command runs in a mount namespace of its
    own with `folder` bound read-only there: the test's folder is never changed for anyone else.
    """
    if os.geteuid() != 0:
        folders = [folder, *(path for path in folder.rglob("*") if path.is_dir())]
        for path in folders:
            path.chmod(0o555)
        try:
            yield (), "Permission denied"
        finally:
            for path in folders:
                path.chmod(0o755)
        return
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
    yield ("unshare", "--mount", "sh", "-c", script, str(folder)), "Read-only file system"


@pytest.mark.parametrize(
    "command",
    [["capture"], ["verify", "--update", "failed"], ["verify", "--fix"], ["fix"]],
    ids=" ".join,
)
def test_commands_that_write_baselines_refuse_a_read_only_screenshots_folder_before_walking(
    project,  # noqa: F811
    command,
):
    with read_only(project.root / "screenshots") as (prefix, reason):
        result = helpcentre(project, *command, prefix=prefix)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr == (
        f"Error: screenshots cannot be written ({reason}); the baselines are written there: make it writable first\n"
    )
