"""The port of the sandbox that capture, verify, fix, explain, inspect and record start.

A free port of the system's choosing by default; `HELPCENTRE_SANDBOX_PORT` (or the commands'
`--sandbox-port`, which sets it for the run) gives a fixed one, for people who run several
checkouts side by side and want each one's sandbox at an address of its own. A port that is taken
stops the run before any walk, in one line.
"""

from __future__ import annotations

import errno
import os
import socket

# Light to import: the command line reads the variable's name before anything starts.
SANDBOX_PORT_ENV = "HELPCENTRE_SANDBOX_PORT"
SANDBOX_HOST = "127.0.0.1"


def sandbox_port() -> int:
    """The port asked for, or 0 (any free one)."""
    from helpcentre.capture.errors import TargetError

    value = os.environ.get(SANDBOX_PORT_ENV, "").strip()
    if not value:
        return 0
    if not value.isdigit() or int(value) > 65535:
        raise TargetError(
            f"{SANDBOX_PORT_ENV}={value!r} is not a port: give a number from 1 to 65535, or 0 for any free one"
        )
    return int(value)


def free_sandbox_port() -> int:
    """The port asked for once it is known to be free (0 is always free); TargetError when it is taken."""
    from helpcentre.capture.errors import TargetError

    port = sandbox_port()
    if port == 0:
        return port
    try:
        # create_server sets SO_REUSEADDR as the sandbox's server does: a port in TIME_WAIT counts as free.
        with socket.create_server((SANDBOX_HOST, port)):
            pass
    except OSError as error:
        reason = "another program is using it" if error.errno == errno.EADDRINUSE else error.strerror or str(error)
        raise TargetError(
            f"cannot start the sandbox on port {port} ({SANDBOX_PORT_ENV} or --sandbox-port): {reason};"
            " choose another port, or 0 for any free one"
        ) from None
    return port
