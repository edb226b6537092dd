"""One writer per response file: a lock file beside it says who has it open.

The lock is a small file created with O_EXCL next to the response file. A lock
left by a process that no longer runs (killed, laptop closed) is recognised on
the same machine by its process id and cleared; one from another machine is
honoured, since we cannot see its processes.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from surveys.errors import StickError
from surveys.processes import alive


class Holder(NamedTuple):
    user: str
    host: str
    pid: int
    since: datetime
    program: str

    def describe(self) -> str:
        return f"{self.user} on {self.host} ({self.program}, process {self.pid}) since {self.since:%Y-%m-%d %H:%M}"


class LockedError(StickError):
    def __init__(self, path: Path, holder: Holder) -> None:
        super().__init__(f"{path}: already open by {holder.describe()}")
        self.holder = holder


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def _me(program: str) -> Holder:
    since = datetime.now().astimezone().replace(microsecond=0)
    return Holder(_user(), socket.gethostname(), os.getpid(), since, program)


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


def read_holder(path: Path) -> Holder | None:
    """Who holds the lock on `path`, or None if nobody does (or the lock is unreadable)."""
    try:
        raw = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return Holder(
            str(raw["user"]),
            str(raw["host"]),
            int(raw["pid"]),
            datetime.fromisoformat(raw["since"]),
            str(raw["program"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _stale(holder: Holder | None) -> bool:
    if holder is None:
        return True  # half-written by a process killed while taking it
    return holder.host == socket.gethostname() and not alive(holder.pid)


class FileLock:
    """Held while a front end may write the file; release() on every way out."""

    def __init__(self, path: Path, program: str) -> None:
        self.path = path
        self._lock = lock_path(path)
        self._program = program
        self.held = False

    def acquire(self) -> None:
        me = _me(self._program)
        body = json.dumps(
            {"user": me.user, "host": me.host, "pid": me.pid, "since": me.since.isoformat(), "program": me.program}
        ).encode("utf-8")
        for _ in range(2):
            try:
                fd = os.open(self._lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_holder(self.path)
                if holder is not None and holder.pid == me.pid and holder.host == me.host:
                    self.held = True  # this process already holds it
                    return
                if _stale(holder):
                    with contextlib.suppress(FileNotFoundError):
                        self._lock.unlink()
                    continue
                assert holder is not None
                raise LockedError(self.path, holder) from None
            except OSError as exc:
                raise StickError(f"{self.path}: cannot lock: {exc.strerror or exc}") from None
            with os.fdopen(fd, "wb") as handle:
                handle.write(body)
            self.held = True
            return
        raise StickError(f"{self.path}: cannot lock: the lock file keeps reappearing")

    def release(self) -> None:
        if self.held:
            holder = read_holder(self.path)
            if holder is None or holder.pid == os.getpid():
                with contextlib.suppress(OSError):
                    self._lock.unlink()
            self.held = False

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def clear_stale_locks(folder: Path, older_than: float = 60.0) -> list[Path]:
    """Remove the locks in `folder` whose holders no longer run; returns what was removed.

    For a start-up sweep, so a killed stick leaves no lock behind even on files
    nobody opens again. An unreadable lock may be one being written right now,
    so it goes only once older than `older_than` seconds.
    """
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.glob(".*.lock") if p.is_file()]
    except OSError:
        return removed
    cutoff = time.time() - older_than
    for lock in candidates:
        target = lock.with_name(lock.name[1 : -len(".lock")])
        holder = read_holder(target)
        try:
            if holder is None and lock.stat().st_mtime > cutoff:
                continue
            if _stale(holder):
                lock.unlink()
                removed.append(lock)
        except OSError:
            pass
    return removed
