"""Atomic writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from pathlib import Path

# A process stages and retires folders in a hidden folder of its own beside the one it replaces,
# `.helpcentre-staging-4242`: on the same file system, so one rename swaps them, and holding a
# `.gitignore` of `*`, so Git lists nothing a killed run left there, whatever the project ignores.
_STAGING_AREA_PREFIX = ".helpcentre-staging-"
_STAGING_AREA = re.compile(rf"^{re.escape(_STAGING_AREA_PREFIX)}(?P<pid>\d+)$")
_STAGING_AREA_IGNORE = "# helpcentre's unfinished writes: a killed run leaves them, the next run removes them.\n*\n"
# What earlier versions staged beside the folder itself: `.01.4242.k3j9.staged` or `.old`.
_LEFTOVER = re.compile(r"^\..+\.(?P<pid>\d+)\.[^.]+\.(?:staged|old)$")
# Threads of one process share its staging areas: one makes or empties an area at a time.
_staging_areas = threading.RLock()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` through a rename; `durable` also waits for it to reach the disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; give the file the mode any new file would get.
        os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, *, durable: bool = True) -> None:
    write_bytes(path, text.encode("utf-8"), durable=durable)


def _staging_area(parent: Path) -> Path:
    """This process's staging area in `parent`, made if need be; call it holding `_staging_areas`."""
    area = parent / f"{_STAGING_AREA_PREFIX}{os.getpid()}"
    area.mkdir(parents=True, exist_ok=True)
    ignore = area / ".gitignore"
    if not ignore.exists():
        ignore.write_text(_STAGING_AREA_IGNORE, encoding="utf-8")
    return area


def _remove_staging_area_if_empty(area: Path) -> None:
    """Remove this process's staging area once nothing is staged or retired in it."""
    if area.name != f"{_STAGING_AREA_PREFIX}{os.getpid()}":
        return
    with _staging_areas:
        try:
            if {path.name for path in area.iterdir()} == {".gitignore"}:
                (area / ".gitignore").unlink()
                area.rmdir()
        except OSError:
            pass


def staging_directory(next_to: Path) -> Path:
    """An empty folder to write in, on the file system of `next_to`, so a rename can swap them.

    It lies in a hidden staging area beside `next_to` that Git ignores: a run killed while
    writing leaves nothing that `git status` lists, and the next run removes it.
    """
    with _staging_areas:
        area = _staging_area(next_to.parent)
        staged = Path(tempfile.mkdtemp(prefix=f"{next_to.name}.", suffix=".staged", dir=area))
    os.chmod(staged, 0o777 & ~_umask())
    return staged


def replace_directory(target: Path, staged: Path) -> None:
    """Swap a fully written `staged` folder into place of `target` with two renames.

    The folder it replaces is moved into the staging area, then deleted.
    """
    retired = None
    with _staging_areas:
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f"{target.name}.", suffix=".old", dir=_staging_area(target.parent)))
            retired.rmdir()
            os.replace(target, retired)
        try:
            os.replace(staged, target)
        except BaseException:
            if retired is not None:
                os.replace(retired, target)
            raise
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
    for area in {staged.parent, *([retired.parent] if retired else [])}:
        _remove_staging_area_if_empty(area)


def process_is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(root: Path, *, recursive: bool = True) -> list[Path]:
    """Delete the staging areas (and older runs' staged and retired folders) that a killed run
    left under `root`, or in it only.

    Only those whose process is gone: a run still going on keeps its own. Returns what went.
    """
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    folders = root.rglob(".*") if recursive else root.glob(".*")
    for folder in sorted(path for path in folders if path.is_dir()):
        match = _STAGING_AREA.match(folder.name) or _LEFTOVER.match(folder.name)
        if match and folder.is_dir() and not process_is_running(int(match.group("pid"))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def remove_dead_temporary_folders(prefix: str) -> list[Path]:
    """Delete `<tmp>/<prefix><pid>-*` folders whose process is gone: what a killed run left in /tmp."""
    pattern = re.compile(rf"^{re.escape(prefix)}(?P<pid>\d+)-")
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{prefix}*"):
        match = pattern.match(folder.name)
        if match and folder.is_dir() and not process_is_running(int(match.group("pid"))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed
