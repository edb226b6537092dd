"""A lock the operating system keeps on an open file and frees when its holder dies.

POSIX uses flock (one lock per open file, so a second open of the same file in
the same process, to read who holds it, cannot drop the lock as POSIX record
locks would); Windows uses msvcrt.locking on one byte far past the text, so
readers of the holder's name are never blocked. File servers pass both on
(SMB honours them; NFS turns flock into a record lock).
"""

from __future__ import annotations

import errno
import os
import sys


class LocksUnavailable(OSError):
    """This file system keeps no locks: callers fall back to reading the holder's pid."""


# Errors that say "no locks here", as opposed to "someone else holds it".
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EINVAL}

if sys.platform == "win32":
    import msvcrt

    # Locked bytes cannot be read by others on Windows: lock one well past the holder's text.
    _WINDOWS_OFFSET = 1 << 30

    def try_lock(fd: int) -> bool:
        """Take the lock without waiting: False if another process holds it."""
        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise LocksUnavailable(exc.errno, exc.strerror) from None
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True

    def unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.lseek(fd, 0, os.SEEK_SET)

else:
    import fcntl

    def try_lock(fd: int) -> bool:
        """Take the lock without waiting: False if another process holds it."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in _NO_LOCKS:
                raise LocksUnavailable(exc.errno, exc.strerror) from None
            raise
        return True

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
