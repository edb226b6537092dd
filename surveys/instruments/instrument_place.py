"""Where a response file's recorded instrument may be: beside it, and nowhere else.

A response file on a shared folder is written by whoever wrote it, and its
`instrument_file` is opened by whoever opens it. So the name may only lead to a
regular file inside the response file's own folder (or a folder below it), or
name the built-in instrument by its id. Anything else (an absolute path, `..`,
a symlink that leads out, a Windows drive or UNC path, which would reach the
network, a NUL) is refused without being opened; `--instrument` overrides.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from surveys.errors import InstrumentError


class InstrumentPlaceRefused(InstrumentError):
    """The recorded instrument_file may not be opened: never replaced by the built-in."""


def recorded_instrument(folder: Path, recorded: str, builtin_id: str = "") -> Path | None:
    """The file `recorded` names inside `folder`, None for the built-in, or InstrumentPlaceRefused.

    A name that stays inside the folder but does not exist is returned as it is:
    the caller decides what a missing copy means.
    """
    if builtin_id and recorded == builtin_id:
        return None
    why = _why_not(recorded)
    if why:
        raise InstrumentPlaceRefused(why)
    candidate = folder / recorded
    if not os.path.lexists(candidate):
        return candidate
    try:
        inside = candidate.resolve().is_relative_to(folder.resolve())
        mode = candidate.stat().st_mode
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise InstrumentPlaceRefused(f"cannot be looked at ({exc})") from None
    if not inside:
        raise InstrumentPlaceRefused("leads outside the assessment's folder (a symlink)")
    if not stat.S_ISREG(mode):
        raise InstrumentPlaceRefused("is not a regular file (a folder, FIFO or device)")
    return candidate


def _why_not(recorded: str) -> str:
    if not recorded.strip():
        return "is empty"
    if "\x00" in recorded:
        return "holds a NUL character"
    windows = PureWindowsPath(recorded)
    if PurePosixPath(recorded).is_absolute() or windows.anchor or windows.drive:
        return "is an absolute, drive or network path; only a file in the assessment's folder is opened"
    if ".." in windows.parts or ".." in PurePosixPath(recorded).parts:
        return "leads out of the assessment's folder (..)"
    return ""


def instrument_beside(instrument_file: Path, folder: Path) -> str:
    """How a new response file names its instrument: relative to its folder.

    An instrument from elsewhere is copied into the folder first (under its own
    name, or a numbered one if another file has it), so a colleague opening the
    shared folder finds it and nothing outside the folder is ever named.
    """
    try:
        return instrument_file.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        pass
    from surveys.files.atomic import atomic_write
    from surveys.files.textfile import read_bytes
    from surveys.terminal_text import safe_file_name

    try:
        data = read_bytes(instrument_file)
        folder.mkdir(parents=True, exist_ok=True)
        stem, suffix = Path(safe_file_name(instrument_file.name)).stem or "instrument", instrument_file.suffix
        for n in range(1, 1000):
            name = f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}"
            copy = folder / name
            if not os.path.lexists(copy):
                atomic_write(copy, data)
                return name
            if copy.is_file() and not copy.is_symlink() and read_bytes(copy) == data:
                return name
    except OSError as exc:
        raise InstrumentError(f"{instrument_file}: cannot copy the instrument into {folder}: {exc}") from None
    raise InstrumentError(f"{folder}: too many instruments named {stem}{suffix}")
