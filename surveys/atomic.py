"""Atomic file replacement: a reader sees the old file or the new one, never half.

A file cut at a line boundary still parses as TOML, so only writing a whole
temp file and renaming it over the old keeps a killed save from losing answers.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from surveys.processes import alive

TEMP_SUFFIX = ".stick-tmp"
# Windows refuses os.replace while antivirus, an indexer or Excel holds the target.
_RETRY_SECONDS = 2.0


def _mode_for(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


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


def _writer_pid(temp: Path) -> int | None:
    found = re.search(r"\.(\d+)-[^.]*" + re.escape(TEMP_SUFFIX) + "$", temp.name)
    return int(found.group(1)) if found else None


def clear_stale_temps(folder: Path, older_than: float = 60.0) -> list[Path]:
    """Remove temp files a killed save left behind; returns what was removed.

    A temp whose writer still runs may be a save in progress in another stick,
    so it stays; one with no readable pid goes once older than `older_than` s.
    """
    removed: list[Path] = []
    cutoff = time.time() - older_than
    try:
        candidates = list(folder.glob(f".*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for temp in candidates:
        try:
            pid = _writer_pid(temp)
            if pid is not None and (pid == os.getpid() or alive(pid)):
                continue
            if pid is None and temp.stat().st_mtime > cutoff:
                continue
            temp.unlink()
            removed.append(temp)
        except OSError:
            pass
    return removed


def atomic_produce(path: Path, write: Callable[[Path], None]) -> None:
    """Have `write` fill a temp file beside `path`, then move it into place whole.

    For our own bytes and for libraries that want a file name (a workbook writer).
    """
    folder = path.parent
    mode = _mode_for(path)
    # The pid in the name lets a later start tell a temp left by a killed save from a live one.
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder)
    os.close(handle)
    try:
        write(Path(temp_name))
        with open(temp_name, "rb+") as temp:
            os.fsync(temp.fileno())
        # mkstemp makes 0600; keep the file's own mode, or the usual one for a new file.
        os.chmod(temp_name, mode)
        _replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(folder)
