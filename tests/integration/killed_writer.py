"""A run killed halfway through its writes, for the tests: what it leaves, made by the real code."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

# Stages one folder and never finishes it, then swaps another in and is killed while it
# deletes the folder it replaced: the two moments a killed run leaves folders behind.
_KILLED_RUN = textwrap.dedent(
    """
    import os, shutil, signal, sys
    from pathlib import Path

    from helpcentre import atomic

    unfinished, swapped = Path(sys.argv[1]), Path(sys.argv[2])
    (atomic.staging_directory(unfinished) / "01.png").write_bytes(b"half written")
    staged = atomic.staging_directory(swapped)
    shutil.copytree(swapped, staged, dirs_exist_ok=True)
    shutil.rmtree = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
    atomic.replace_directory(swapped, staged)
    """
)


def kill_a_run_while_it_writes(unfinished: Path, swapped: Path) -> int:
    """Run a writer that stages `unfinished` and swaps in an identical copy of `swapped`, and
    is killed with SIGKILL before it cleans up. Returns its process id, which now names no process."""
    writer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_RUN, str(unfinished), str(swapped)],
        stderr=subprocess.PIPE,
        text=True,
    )
    _, stderr = writer.communicate(timeout=60)
    assert writer.returncode == -signal.SIGKILL, stderr
    return writer.pid
