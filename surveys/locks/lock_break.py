"""Clearing locks nobody holds, and breaking one a person knows is dead.

A lock whose holder has died is free: its OS lock went with the process. The
start-up sweep removes such locks while holding their OS lock, so nobody can
take one in between and then lose it. A lock held from another machine whose
stick is gone for good (a crashed PC, a lost connection to the share) may still
look held; `break_lock` removes it when a person says so, and the break is
recorded in the response file (`[[lock_broken]]`: when, by whom, whose lock),
which also stops the old holder from saving over it: its next save finds the
file changed and refuses.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from dataclasses import replace
from pathlib import Path

from surveys.errors import StickError
from surveys.locks.lock import FileLock, LockedError, lock_path, same_file, stale_without_os_locks
from surveys.locks.lock_holder import Holder, me, open_existing, read_lock_fd
from surveys.locks.os_lock import LocksUnavailable, try_lock
from surveys.processes import alive, this_host

BROKEN_KEY = "lock_broken"


def remove_if_stale(lock: Path, older_than: float = 60.0) -> bool:
    """Remove `lock` if nobody holds it; True if it went. Never blocks, never raises."""
    try:
        fd = open_existing(lock)
    except OSError:
        return False
    try:
        try:
            free = try_lock(fd)
        except LocksUnavailable:
            free = stale_without_os_locks(read_lock_fd(fd))
        if not free or not same_file(fd, lock):
            return False
        holder = read_lock_fd(fd)
        if holder is None and time.time() - os.fstat(fd).st_mtime < older_than:
            return False  # may be a lock being written where there are no hard links
        if holder is not None and holder.is_me():
            return False
        if sys.platform == "win32":
            os.close(fd)  # Windows removes no open file
            fd = -1
        lock.unlink()
        return True
    except OSError:
        return False
    finally:
        if fd >= 0:
            os.close(fd)


def held_here_by_a_live_stick(holder: Holder) -> bool:
    return holder.known and holder.host == this_host() and alive(holder.pid)


def current_holder(path: Path) -> Holder | None:
    """Who holds the lock on `path` now (None: nobody; a lock left by a dead holder is cleared)."""
    probe = FileLock(path, "stick unlock")
    try:
        probe.acquire()
    except LockedError as exc:
        return exc.holder
    probe.release()
    return None


def break_lock(path: Path, program: str = "stick unlock") -> Holder:
    """Remove the lock on `path` whoever holds it, record that in the file; returns whose it was.

    Refuses a lock a running stick on this machine holds: close that one instead.
    """
    holder = current_holder(path)
    if holder is None:
        raise StickError(f"{path}: nobody has it open (any lock left behind is cleared)")
    if held_here_by_a_live_stick(holder):
        raise StickError(f"{path}: open in a running stick on this machine (process {holder.pid}): close it there")
    _remove(lock_path(path))
    with FileLock(path, program):
        _record(path, holder)
    return holder


def _remove(lock: Path) -> None:
    try:
        found = os.lstat(lock)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StickError(f"{lock}: cannot remove the lock: {exc.strerror or exc}") from None
    try:
        if stat.S_ISDIR(found.st_mode):
            lock.rmdir()  # only an empty one: a folder with files in it is not stick's to empty
        else:
            lock.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise StickError(f"{lock}: cannot remove the lock: {exc.strerror or exc}; remove it by hand") from None


def _record(path: Path, holder: Holder) -> None:
    from surveys.files.guarded_file import GuardedFile

    guarded = GuardedFile(path)
    with contextlib.suppress(StickError):  # an unreadable file keeps no record, but the lock is broken
        assessment = guarded.load()
        breaker = me("stick unlock")
        entry = {"at": breaker.since, "by": f"{breaker.user} on {breaker.host}", "holder": holder.describe()}
        earlier = assessment.extra.get(BROKEN_KEY)
        records = [*earlier, entry] if isinstance(earlier, list) else [entry]
        guarded.save(replace(assessment, extra={**assessment.extra, BROKEN_KEY: records}))
