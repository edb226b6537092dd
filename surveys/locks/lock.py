"""One writer per response file: a lock the operating system keeps, in a file that names its holder.

The lock file `.NAME.toml.lock` sits beside the response file (beside its
target, for a symlink, so both names share one lock). Its holder keeps an OS
lock on it (`surveys.locks.os_lock`) for the whole session, so when the holder dies,
on any machine whose file server honours locks, the lock frees itself. The file
only ever appears whole: it is written and locked under a temp name first, then
linked into place, so a reader never sees it empty or half-written.

Where the file system keeps no locks, the old rules stand in: a lock naming a
dead process on this machine is stale. A lock that cannot be read (a folder, a
FIFO, garbage) is held by someone unknown; `surveys.locks.lock_break` lets a person
break a lock they know is dead.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from surveys.errors import StickError
from surveys.files.atomic import TEMP_SUFFIX, temp_prefix
from surveys.locks.lock_holder import (
    Holder,
    holder_body,
    me,
    open_existing,
    read_holder_at,
    read_lock_fd,
    unknown_holder,
)
from surveys.locks.os_lock import LocksUnavailable, try_lock, unlock
from surveys.processes import alive, this_host
from surveys.shell_words import how_to_run

__all__ = ["FileLock", "Holder", "LockedError", "lock_path", "read_holder"]

# A lock file made without hard links is empty for a moment: not stale while this young.
_MID_WRITE_SECONDS = 5.0
_ATTEMPTS = 20


class LockedError(StickError):
    def __init__(self, path: Path, holder: Holder) -> None:
        hint = "" if holder.host == this_host() else f" (if that stick has stopped: {how_to_run('unlock', str(path))})"
        super().__init__(f"{path}: already open by {holder.describe()}{hint}")
        self.holder = holder


def lock_path(path: Path) -> Path:
    """The lock of `path`, named from the file a symlink points to, so both names share it."""
    target = Path(os.path.realpath(path))
    return target.with_name(f".{target.name}.lock")


def read_holder(path: Path) -> Holder | None:
    """Who the lock on `path` names, or None if there is no lock or it cannot be read."""
    return read_holder_at(lock_path(path))


def same_file(fd: int, path: Path) -> bool:
    """Is the file open as `fd` still the one named `path` (not removed or replaced meanwhile)?"""
    try:
        mine, there = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def stale_without_os_locks(holder: Holder | None) -> bool:
    """The fallback rule, where nothing keeps OS locks: a dead process on this machine."""
    return holder is not None and holder.host == this_host() and not alive(holder.pid)


class FileLock:
    """Held while a front end may write the file; release() on every way out."""

    def __init__(self, path: Path, program: str, *, patience: float = 0.1) -> None:
        self.path = path
        self._lock = lock_path(path)
        self._program = program
        # A lock being freed or taken over is held for a moment: look again before saying "open elsewhere".
        self._patience = patience
        self._fd: int | None = None
        self._temp = ""
        self.held = False

    def acquire(self) -> None:
        try:
            fd, temp = self._whole_temp()
        except OSError as exc:
            raise StickError(f"{self.path}: cannot lock: {exc.strerror or exc}") from None
        self._temp = temp
        try:
            self._install(fd, temp)
        except OSError as exc:
            raise StickError(f"{self.path}: cannot lock: {exc.strerror or exc}") from None
        finally:
            if self._fd != fd:
                os.close(fd)
            # On Windows an open file keeps its names: release() removes this one.
            with contextlib.suppress(OSError):
                os.unlink(temp)

    def _whole_temp(self) -> tuple[int, str]:
        """A temp lock file holding our name, locked by us: linked into place, it is whole and held at once."""
        import tempfile

        fd, temp = tempfile.mkstemp(prefix=temp_prefix(self._lock.name), suffix=TEMP_SUFFIX, dir=self._lock.parent)
        try:
            os.write(fd, holder_body(me(self._program)))
            os.fsync(fd)
            os.chmod(temp, 0o644)  # colleagues read who has it open
            with contextlib.suppress(LocksUnavailable):
                try_lock(fd)
        except BaseException:
            os.close(fd)
            os.unlink(temp)
            raise
        return fd, temp

    def _install(self, fd: int, temp: str) -> None:
        deadline = time.monotonic() + self._patience
        for _ in range(_ATTEMPTS):
            if self._place(fd, temp):
                return
            outcome = self._over_existing(fd, temp)
            if outcome is None:
                continue  # it went or changed while we looked
            if isinstance(outcome, int):
                self._took(outcome)
                return
            if outcome.is_me():
                self.held = True
                return
            if time.monotonic() >= deadline:
                raise LockedError(self.path, outcome)
            time.sleep(0.02)
        raise StickError(f"{self.path}: cannot lock: the lock file keeps changing")

    def _place(self, fd: int, temp: str) -> bool:
        """Put our whole, locked temp in place if no lock is there; False if one is."""
        try:
            os.link(temp, self._lock)
        except FileExistsError:
            return False
        except OSError:
            if not self._lock.parent.is_dir():
                raise
            return self._place_without_links(temp)
        self._took(fd)
        return True

    def _place_without_links(self, temp: str) -> bool:
        # Some shares have no hard links. Windows' rename never replaces; elsewhere the
        # lock is created empty, locked, then filled (young and empty reads as mid-write).
        if sys.platform == "win32":
            try:
                os.rename(temp, self._lock)
            except FileExistsError:
                return False
            fd = os.open(self._lock, os.O_RDWR)
        else:
            try:
                fd = os.open(self._lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                return False
            with open(temp, "rb") as whole:
                body = whole.read()
        try:
            with contextlib.suppress(LocksUnavailable):
                try_lock(fd)
            if sys.platform != "win32":
                os.write(fd, body)
                os.fsync(fd)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                self._lock.unlink()
            raise
        self._took(fd)
        return True

    def _took(self, fd: int) -> None:
        self._fd = fd
        self.held = True

    def _over_existing(self, fd: int, temp: str) -> Holder | int | None:
        """Someone's lock is there: their Holder if it is held, the fd we hold if it was free, None to look again."""
        try:
            theirs = open_existing(self._lock)
        except FileNotFoundError:
            return None
        except OSError:
            return unknown_holder(_mtime(self._lock))  # a folder, a FIFO, a link
        kept = False
        try:
            try:
                free = try_lock(theirs)
            except LocksUnavailable:
                free = stale_without_os_locks(read_lock_fd(theirs))
            if not free:
                return read_lock_fd(theirs) or unknown_holder(_mtime(self._lock))
            if not same_file(theirs, self._lock):
                return None
            holder = read_lock_fd(theirs)
            if holder is None and time.time() - os.fstat(theirs).st_mtime < _MID_WRITE_SECONDS:
                return unknown_holder(_mtime(self._lock))  # may be a lock being written
            if holder is not None and holder.is_me():
                return holder
            # Its holder is gone and we hold its OS lock.
            if sys.platform == "win32":
                # Windows moves no open file: keep the one we hold, with our name written in.
                with open(temp, "rb") as ours, open(self._lock, "r+b") as body:
                    body.truncate(0)
                    body.write(ours.read())
                    body.flush()
                    os.fsync(body.fileno())
                kept = True
                return theirs
            os.replace(temp, self._lock)  # ours, whole and held, in its place
            return fd
        finally:
            if not kept:
                os.close(theirs)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        self.held = False
        if fd is None:
            return
        mine = same_file(fd, self._lock)
        if sys.platform == "win32":
            # Windows removes no open file: let go first.
            with contextlib.suppress(OSError):
                unlock(fd)
            os.close(fd)
            for name in (self._lock, Path(self._temp)) if mine else (Path(self._temp),):
                with contextlib.suppress(OSError):
                    name.unlink()
            return
        try:
            # Removed while still locked, so nobody can lock it in between and then find it gone.
            if mine:
                with contextlib.suppress(OSError):
                    self._lock.unlink()
        finally:
            os.close(fd)

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _mtime(path: Path) -> float | None:
    try:
        return os.lstat(path).st_mtime
    except OSError:
        return None
