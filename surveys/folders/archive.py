"""Putting an assessment aside: moved into `archive/` in its folder, and back again.

A removal people can undo, and that a shared folder survives: the file is
moved (renamed, so its bytes and its time of change stay as they were), never
copied and deleted, and never over another file: a name already taken in
`archive/` (or, coming back, in the folder) gets a fresh one. The file's lock
is taken for the move, so a file another stick has open stays where it is, and
its lock with it; the lock is let go once the file has moved, and goes with it.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import NamedTuple

from surveys.errors import StickError
from surveys.locks.lock import FileLock, LockedError

ARCHIVE = "archive"
_FRESH_NAMES = 1000


class ArchiveError(StickError):
    """The file stays where it was; the message says why."""


class Archived(NamedTuple):
    original: Path  # where the file was
    archived: Path  # where it is now


def archive_folder(folder: Path) -> Path:
    return folder / ARCHIVE


def fresh_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or `stem-2.toml`, `stem-3.toml`... if it is taken."""
    wanted = folder / name
    if not os.path.lexists(wanted):
        return wanted
    stem, suffix = os.path.splitext(name)
    for n in range(2, _FRESH_NAMES):
        candidate = folder / f"{stem}-{n}{suffix}"
        if not os.path.lexists(candidate):
            return candidate
    raise ArchiveError(f"{folder}: no free name for {name}")


_NO_LINKS = (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS)


def _move(source: Path, folder: Path, name: str) -> Path:
    """Move `source` into `folder` as `name`, or a fresh name if it is taken: a link fails rather than replace."""
    for _ in range(_FRESH_NAMES):
        target = fresh_name(folder, name)
        try:
            os.link(source, target, follow_symlinks=False)
        except FileExistsError:
            continue  # taken between the look and the link: look again
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            # No hard links here (some shares): rename, which on Windows never replaces either.
            if os.path.lexists(target):
                continue
            os.rename(source, target)
            return target
        try:
            os.unlink(source)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(target)  # the file stays where it was, once
            raise
        return target
    raise ArchiveError(f"{folder}: no free name for {name}")


def archive(path: Path, program: str = "stick") -> Archived:
    """Move `path` into `archive/` beside it (made if missing); ArchiveError and nothing moved if it cannot."""
    if not os.path.lexists(path):
        raise ArchiveError(f"{path.name} is no longer there")
    lock = FileLock(path, program)
    try:
        lock.acquire()
    except LockedError as exc:
        raise ArchiveError(f"{path.name} is open by {exc.holder.describe()}: it stays where it is") from None
    except StickError as exc:
        raise ArchiveError(f"{exc}: it stays where it is") from None
    try:
        into = archive_folder(path.parent)
        try:
            into.mkdir(exist_ok=True)
        except OSError as exc:
            raise ArchiveError(f"cannot make the {ARCHIVE} folder in {path.parent}: {exc.strerror or exc}") from None
        if not into.is_dir() or into.is_symlink():
            raise ArchiveError(f"{into} is not a folder: {path.name} stays where it is")
        try:
            moved = _move(path, into, path.name)
        except OSError as exc:
            raise ArchiveError(f"cannot move {path.name} to {ARCHIVE}: {exc.strerror or exc}") from None
    finally:
        lock.release()
    return Archived(path, moved)


def restore(archived: Archived) -> Path:
    """Put an archived file back in its folder, under its old name if that is free; returns where it went."""
    source, wanted = archived.archived, archived.original.name
    if not os.path.lexists(source):
        raise ArchiveError(f"{source.name} is no longer in {ARCHIVE}")
    try:
        return _move(source, archived.original.parent, wanted)
    except OSError as exc:
        raise ArchiveError(f"cannot put {wanted} back: {exc.strerror or exc}") from None
