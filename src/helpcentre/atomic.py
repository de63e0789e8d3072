"""Atomic writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

# A staged or retired folder carries the id of the process that made it: `.01.4242.k3j9.staged`.
_LEFTOVER = re.compile(r"^\..+\.(?P<pid>\d+)\.[^.]+\.(?:staged|old)$")


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


def staging_directory(next_to: Path) -> Path:
    """An empty folder beside `next_to`, on the same file system, so a rename can swap them."""
    next_to.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{next_to.name}.{os.getpid()}.", suffix=".staged", dir=next_to.parent))
    os.chmod(staged, 0o777 & ~_umask())
    return staged


def replace_directory(target: Path, staged: Path) -> None:
    """Swap a fully written `staged` folder into place of `target` with two renames."""
    retired = None
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".old", dir=target.parent))
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


def process_is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(root: Path, *, recursive: bool = True) -> list[Path]:
    """Delete the staged and retired folders that a killed run left under `root` (or in it only).

    Only folders whose process is gone: a run still going on keeps its own. Returns what went.
    """
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    folders = root.rglob("*") if recursive else root.iterdir()
    for folder in [path for path in folders if path.is_dir()]:
        match = _LEFTOVER.match(folder.name)
        if match and not process_is_running(int(match.group("pid"))):
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
