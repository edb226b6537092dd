"""Which machine and process is this, and is a process still running?

Used to name lock holders and temp files, and to tell stale ones from live ones.
"""

from __future__ import annotations

import os
import socket
import sys

# Overrides the machine's name in locks and temp files: for a machine whose
# name is not unique on the network, and for soaking two "machines" on one.
HOST_ENV = "STICK_HOST"
_MAX_PID = 2**31 - 1


def this_host() -> str:
    return os.environ.get(HOST_ENV) or socket.gethostname()


def alive(pid: int) -> bool:
    if pid <= 0 or pid > _MAX_PID:
        return False  # no process has such a number (os.kill would overflow)
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it is just someone else's
    return True
