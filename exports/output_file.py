"""Writing a workbook under a name nobody else has, and refusing a file named twice.

Without --force, two exports to one name must not both succeed (a colleague's
workbook on the shared folder would be replaced without anyone asking). Checking
that the name is free and then renaming leaves a gap; instead the finished
workbook is hard-linked to its name, which the OS does only if nothing has that
name, in one step. Where the folder cannot hold hard links (some network and
FAT drives), the name is claimed with O_EXCL before the workbook is moved in.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path

from surveys.errors import StickError
from surveys.files.atomic import TEMP_SUFFIX, atomic_produce

# How a folder without hard links says so (FAT and some network drives; EINVAL on Windows).
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EINVAL}


class OutputTaken(StickError):
    def __init__(self, output: Path) -> None:
        super().__init__(f"{output} already exists; use --force to replace it")


def produce_new(output: Path, write: Callable[[Path], None]) -> None:
    """Have `write` make the file, then give it the name `output` only if no file has it."""
    # A temp name the start-up sweep knows (pid, then the suffix), whole before it is linked.
    staged = output.with_name(f".{output.name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        atomic_produce(staged, write)
        try:
            os.link(staged, output)
        except FileExistsError:
            raise OutputTaken(output) from None
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            _claim_then_move(staged, output)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(staged)


def _claim_then_move(staged: Path, output: Path) -> None:
    try:
        os.close(os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise OutputTaken(output) from None
    try:
        os.replace(staged, output)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(output)  # the empty file that claimed the name, never someone else's
        raise


def refuse_repeats(paths: Sequence[Path]) -> None:
    """One line if two of the names are the same file (a repeat, a relative name, a symlink)."""
    seen: dict[tuple[int, int], Path] = {}
    for path in paths:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            continue  # reading it will say what is wrong
        key = (info.st_dev, info.st_ino)
        if key in seen:
            raise StickError(f"{seen[key]} and {path} are the same file: name each assessment once")
        seen[key] = path
