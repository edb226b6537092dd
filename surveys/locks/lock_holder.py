"""Who holds a lock, as its file says: the holder's name written, read and checked.

A lock file names its holder (user, machine, process, since, program) for the
"already open" message. Reading it never blocks (a FIFO) and never trusts it:
anything that is not a small JSON object naming a real process id is "someone
unknown".
"""

from __future__ import annotations

import json
import os
import stat
import time
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from surveys.clock import local_now, local_time
from surveys.processes import this_host

_MAX_LOCK_BYTES = 4096
_MAX_PID = 2**31 - 1
_OPEN_EXISTING = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
UNKNOWN_PID = 0


class Holder(NamedTuple):
    user: str
    host: str
    pid: int
    since: datetime
    program: str

    @property
    def known(self) -> bool:
        return self.pid != UNKNOWN_PID

    def describe(self) -> str:
        if not self.known:
            return f"someone unknown (its lock file cannot be read) since {self.since:%Y-%m-%d %H:%M}"
        return f"{self.user} on {self.host} ({self.program}, process {self.pid}) since {self.since:%Y-%m-%d %H:%M}"

    def is_me(self) -> bool:
        return self.known and self.pid == os.getpid() and self.host == this_host()


def unknown_holder(since: float | None = None) -> Holder:
    when = local_time(since if since is not None else time.time())
    return Holder("someone unknown", "an unknown machine", UNKNOWN_PID, when.replace(microsecond=0), "unreadable lock")


def me(program: str) -> Holder:
    since = local_now().replace(microsecond=0)
    return Holder(_user(), this_host(), os.getpid(), since, program)


def _user() -> str:
    # The variables getpass.getuser reads first; getpass itself (and the
    # terminal modules it brings) is imported only where none is set.
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if user := os.environ.get(name):
            return user
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors where no user name is set
        return "someone"


def holder_body(holder: Holder, **extra: str) -> bytes:
    fields = {"user": holder.user, "host": holder.host, "pid": holder.pid, "since": holder.since.isoformat()}
    return json.dumps({**fields, "program": holder.program, **extra}).encode("utf-8")


def parse_holder(data: bytes) -> Holder | None:
    """The holder a lock file names, or None if it names nobody we could trust."""
    try:
        raw = json.loads(data.decode("utf-8"))
        pid = raw["pid"]
        if type(pid) is not int or not 0 < pid <= _MAX_PID:
            return None
        since = datetime.fromisoformat(raw["since"])
        texts = (raw["user"], raw["host"], raw["program"])
        if not all(isinstance(t, str) for t in texts):
            return None
        return Holder(raw["user"], raw["host"], pid, since, raw["program"])
    except (ValueError, KeyError, TypeError, RecursionError):
        return None


def read_lock_fd(fd: int) -> Holder | None:
    try:
        data = os.pread(fd, _MAX_LOCK_BYTES + 1, 0) if hasattr(os, "pread") else os.read(fd, _MAX_LOCK_BYTES + 1)
    except OSError:
        return None
    return None if len(data) > _MAX_LOCK_BYTES else parse_holder(data)


def open_existing(lock: Path) -> int:
    """The lock file opened for reading and locking; OSError if it is gone or no file. Never blocks (a FIFO)."""
    fd = os.open(lock, _OPEN_EXISTING)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(f"{lock.name} is not a regular file")
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_holder_at(lock: Path) -> Holder | None:
    """Who the lock file `lock` names, or None if there is none or it cannot be read."""
    try:
        fd = open_existing(lock)
    except OSError:
        return None
    try:
        return read_lock_fd(fd)
    finally:
        os.close(fd)
