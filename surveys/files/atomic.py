"""Atomic file replacement: a reader sees the old file or the new one, never half.

A file cut at a line boundary still parses as TOML, so only writing a whole
temp file and renaming it over the old keeps a killed save from losing answers.

On a shared folder the temp's name carries the machine and the process, so a
start-up sweep removes only what a dead process on this machine left, never
another machine's save in flight. A save keeps the file's owner, group and
mode, follows a symlink to its target, and refuses a file nobody may write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from surveys.processes import alive, this_host

TEMP_SUFFIX = ".stick-tmp"
# .NAME.HOST.PID-RANDOM.stick-tmp: what the sweep recognises as its own, and whose.
_TEMP_NAME = re.compile(r"^\..+\.(?P<host>[A-Za-z0-9_-]+)\.(?P<pid>\d{1,10})-[a-z0-9_]+" + re.escape(TEMP_SUFFIX) + "$")
# Windows refuses os.replace while antivirus, an indexer or Excel holds the target.
_RETRY_SECONDS = 2.0


def host_tag(host: str | None = None) -> str:
    """The machine's name as it goes into a file name (no dots, nothing a file system refuses)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", host if host is not None else this_host())[:63] or "_"


def temp_prefix(name: str) -> str:
    return f".{name}.{host_tag()}.{os.getpid()}-"


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _existing(path: Path) -> os.stat_result | None:
    """The file a save will replace, refused if nobody may write it (even root: its mode says read-only)."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISREG(found.st_mode) and (found.st_mode & 0o222 == 0 or not os.access(path, os.W_OK)):
        raise PermissionError(errno.EACCES, "the file is read-only (you may not change it)", str(path))
    return found


def _keep_owner_and_mode(temp: str, old: os.stat_result | None) -> None:
    # mkstemp makes 0600 and os.replace gives the writer's owner and group:
    # a colleague in the file's group would be locked out. Owner first, since
    # chown may clear the set-id bits that chmod then restores.
    if old is None:
        os.chmod(temp, _new_file_mode())
        return
    if sys.platform != "win32" and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(temp, old.st_uid, old.st_gid)
        except OSError:
            # Only root gives a file away; a member of the group can still keep the group.
            with contextlib.suppress(OSError):
                os.chown(temp, -1, old.st_gid)
    # A share that keeps no modes (FAT, some SMB mounts) refuses chmod: its server decides then.
    with contextlib.suppress(OSError):
        os.chmod(temp, stat.S_IMODE(old.st_mode))


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so a crash leaves either the old or the new file."""

    def fill(temp: Path) -> None:
        temp.write_bytes(data)

    atomic_produce(path, fill)


def _replace(source: str, target: Path) -> None:
    deadline = time.monotonic() + _RETRY_SECONDS
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def _sync_folder(folder: Path) -> None:
    # The rename lives in the folder's entry; without this a power cut can undo it.
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _left_by_the_dead_here(temp: Path) -> bool:
    found = _TEMP_NAME.match(temp.name)
    if found is None or found.group("host") != host_tag():
        return False  # not ours, or another machine's: its processes cannot be seen from here
    pid = int(found.group("pid"))
    return pid != os.getpid() and not alive(pid)


def clear_stale_temps(folder: Path) -> list[Path]:
    """Remove the temp files killed saves on this machine left behind; returns what was removed.

    Only stick's own names are looked at, and only this machine's: another
    machine's temp may be its save in flight, whatever its age.
    """
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for temp in candidates:
        try:
            if _left_by_the_dead_here(temp) and not temp.is_symlink() and temp.is_file():
                temp.unlink()
                removed.append(temp)
        except OSError:
            pass
    return removed


def atomic_produce(path: Path, write: Callable[[Path], None]) -> None:
    """Have `write` fill a temp file beside `path`, then move it into place whole.

    For our own bytes and for libraries that want a file name (a workbook writer).
    """
    # A symlink is followed: its target is replaced, and the link stays a link.
    target = Path(os.path.realpath(path))
    old = _existing(target)
    temp_name = _filled_temp(target, write, old)
    try:
        _replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(target.parent)


def _filled_temp(target: Path, write: Callable[[Path], None], old: os.stat_result | None) -> str:
    handle, temp_name = tempfile.mkstemp(prefix=temp_prefix(target.name), suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(handle)
    try:
        write(Path(temp_name))
        with open(temp_name, "rb+") as temp:
            os.fsync(temp.fileno())
        _keep_owner_and_mode(temp_name, old)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return temp_name


def _create_without_links(temp_name: str, path: Path) -> None:
    # Some shares have no hard links. Windows' rename never replaces; elsewhere the
    # name is claimed and the whole temp moved onto it at once (the file is already
    # whole, so only a kill in that instant could leave the claim empty).
    if sys.platform == "win32":
        os.rename(temp_name, path)
        return
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    os.replace(temp_name, path)


def atomic_create(path: Path, data: bytes) -> None:
    """Create `path` holding `data`, whole or not at all; FileExistsError if the name is taken.

    The name appears only by linking a whole temp file to it, so a kill or a
    full disk never leaves an empty or cut file under the new name.
    """

    def fill(temp: Path) -> None:
        temp.write_bytes(data)

    temp_name = _filled_temp(path, fill, None)
    try:
        try:
            os.link(temp_name, path)
        except FileExistsError:
            raise
        except OSError:
            if path.exists():
                raise
            _create_without_links(temp_name, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
    _sync_folder(path.parent)
