"""What `stick export` was given, as files: folders opened, patterns expanded.

POSIX shells expand `*.toml` before stick sees it; cmd and PowerShell pass it
as typed. So an argument holding `*`, `?` or `[` that names no file is
expanded here (sorted, as a POSIX shell would), and a folder stands for its
assessments (surveys.folders.assessment_files). A name that does exist is taken as it
is, even with those characters in it.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from surveys.errors import StickError
from surveys.folders.assessment_files import assessments_in

_PATTERN = frozenset("*?[")


@dataclass(frozen=True)
class ExportFiles:
    files: list[Path]
    passed_over: list[tuple[Path, str]]  # TOML files in a folder that are not assessments, and why


def export_files(arguments: Sequence[Path]) -> ExportFiles:
    """Every file the arguments name; StickError (one line) for a pattern matching nothing or an empty folder."""
    files: list[Path] = []
    passed_over: list[tuple[Path, str]] = []
    for argument in arguments:
        for path in expanded(argument):
            if path.is_dir():
                found, skipped = _folder(path)
                files += found
                passed_over += skipped
            else:
                files.append(path)
    return ExportFiles(files, passed_over)


def expanded(argument: Path) -> list[Path]:
    """The files a pattern names (sorted), or the argument itself; StickError for a pattern matching nothing."""
    text = str(argument)
    if not _PATTERN & set(text) or argument.exists():
        return [argument]
    matches = sorted(glob.glob(text))
    if not matches:
        raise StickError(f"{text}: no file matches this pattern")
    return [Path(m) for m in matches]


def _folder(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    try:
        found, skipped = assessments_in(folder)
    except OSError as exc:
        raise StickError(f"{folder}: cannot read the folder: {exc.strerror or exc}") from None
    if not found:
        raise StickError(f"{folder}: no assessments (*.toml) in this folder")
    return found, skipped
