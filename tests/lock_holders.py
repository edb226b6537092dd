"""Locks held by another process, as another stick (on this machine or another) would hold them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from surveys.locks.lock import lock_path
from surveys.processes import this_host

# Writes the holder's text into the lock file and keeps an OS lock on it until killed.
_HOLD = """
import fcntl, json, os, sys, time
lock, body = sys.argv[1], json.loads(sys.argv[2])
body.setdefault("pid", os.getpid())
fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.write(fd, json.dumps(body).encode())
print("held", flush=True)
time.sleep(60)
"""


def lock_body(
    user: str = "kim",
    host: str | None = None,
    pid: int | None = None,
    since: str = "2026-11-26T09:00:00+00:00",
    program: str = "stick interview",
) -> dict[str, object]:
    body: dict[str, object] = {"user": user, "host": host or this_host(), "since": since, "program": program}
    if pid is not None:
        body["pid"] = pid
    return body


def write_lock(path: Path, **fields: object) -> Path:
    """A lock file nobody holds (as a dead holder leaves it)."""
    lock = lock_path(path)
    lock.write_text(json.dumps(lock_body(**fields)))  # type: ignore[arg-type]
    return lock


@contextmanager
def held_lock(path: Path, **fields: object) -> Iterator[subprocess.Popen[str]]:
    """The lock on `path` held by a live process, naming `fields` (its own pid unless given)."""
    body = lock_body(**fields)  # type: ignore[arg-type]
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(lock_path(path)), json.dumps(body)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


def dead_pid() -> int:
    """The pid of a process that has ended (until the system reuses it)."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    return dead.pid


__all__ = ["dead_pid", "held_lock", "lock_body", "write_lock"]
