"""Reading TOML files as text, with one clear message for every way they fail.

Shared by instrument and response files so both report undecodable bytes,
byte-order marks and syntax errors the same way.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

_BOM = b"\xef\xbb\xbf"
_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
# A sane ceiling: our files are kilobytes; anything this large is not ours.
MAX_BYTES = 32 * 1024 * 1024


class TomlFailure(NamedTuple):
    line: int | None
    message: str


class TomlText(NamedTuple):
    text: str
    data: dict[str, Any] | None
    failure: TomlFailure | None


NOT_REGULAR = "not a regular file (a folder, FIFO or device): not an assessment or instrument"
# A FIFO blocks open() until a writer comes: opened non-blocking, it never waits.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_bytes(path: Path) -> bytes:
    """Read a regular file, turning every OS failure into an OSError with a short reason.

    What is not a regular file is refused before it is opened, and again after
    (it may have been swapped in between), so nothing here can hang.
    """
    if "\x00" in str(path):
        raise OSError("the file name holds a NUL character")
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(NOT_REGULAR)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise OSError(NOT_REGULAR)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # Asked for the file's own size (and a byte more, to see it grew): a read of
            # MAX_BYTES allocates all 32 MB first, for every file, however small.
            data = handle.read(min(opened.st_size, MAX_BYTES) + 1)
            if len(data) > opened.st_size:  # written to since the look: read on to the ceiling
                data += handle.read(MAX_BYTES + 1 - len(data))
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise OSError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return data


# How the files people hand stick by mistake begin: named, so the message says what it was given.
_NOT_TEXT = (
    (b"PK\x03\x04", "an Excel workbook or another zip file"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0", "an older Office document"),
)


def not_text(data: bytes) -> str:
    """What `data` is when it is plainly not a text file ("" when it may be text)."""
    for start, what in _NOT_TEXT:
        if data.startswith(start):
            return what
    head = data[:1024]
    return "a binary file, not text" if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")) else ""


def decode(data: bytes) -> tuple[str | None, TomlFailure | None]:
    """UTF-8 text, tolerating the byte-order mark Windows Notepad adds."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 1].hex()
        return None, TomlFailure(line, f"not UTF-8 text (byte 0x{bad}); save the file as UTF-8")


def parse(data: bytes, quick: Callable[[str], dict[str, Any] | None] | None = None) -> TomlText:
    """Decode and parse TOML bytes; never raises for bad content.

    `quick`, when given, is tried first: a reader for one known layout that
    returns None for anything else (see surveys/files/quick_toml.py).
    """
    text, failure = decode(data)
    if text is None:
        return TomlText("", None, failure)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return TomlText(text, None, TomlFailure(line, "file holds a NUL byte: not a text file"))
    found = quick(text) if quick is not None else None
    if found is not None:
        return TomlText(text, found, None)
    # Imported here: a start that reads only stick's own layout and a kept instrument never needs it.
    import tomllib

    try:
        return TomlText(text, tomllib.loads(text), None)
    except tomllib.TOMLDecodeError as exc:
        return TomlText(text, None, _syntax_failure(exc))
    except RecursionError:
        return TomlText(text, None, TomlFailure(None, "TOML nested too deeply"))
    except ValueError:
        # tomllib turns a number of 4,300 digits or more into int() and lets its ValueError out.
        return TomlText(text, None, TomlFailure(None, "a number in the file is too long to be one of ours"))


def _syntax_failure(exc: ValueError) -> TomlFailure:
    # tomllib puts the position only inside its message text.
    message = str(exc)
    found = _AT_LINE.search(message)
    if found is None and message.endswith("(at end of document)"):
        reason = message.removesuffix("(at end of document)").strip()
        return TomlFailure(None, f"TOML syntax error: {reason} (at the end of the file)")
    if found is None:
        return TomlFailure(None, f"TOML syntax error: {message}")
    reason = message[: found.start()].strip()
    return TomlFailure(int(found.group(1)), f"TOML syntax error: {reason} (column {found.group(2)})")
