"""Where the palette's "Screenshot" is saved, and what the user is told.

Textual saves only to the Downloads folder and says "Failed to save screenshot"
where there is none (a server, a fresh profile, a locked-down PC). stick saves
where the user will look: Downloads if there is one, else the assessments folder
(the one Home shows), else the folder stick was started in; a folder it cannot
write to is passed over, and the notice says where the file went, or why it
could not go anywhere.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class Notice:
    message: str
    failed: bool


def downloads_folder() -> Path | None:
    """The platform's Downloads folder, if it exists."""
    import platformdirs

    try:
        folder = Path(platformdirs.user_downloads_dir())
    except Exception:
        return None
    return folder if folder.is_dir() else None


def candidate_folders(downloads: Path | None, assessments: Path, here: Path) -> list[Path]:
    """Downloads, then the assessments folder, then the current folder: each once, in that order."""
    folders: list[Path] = []
    for folder in (downloads, assessments, here):
        if folder is not None and folder not in folders:
            folders.append(folder)
    return folders


def screenshot_name(title: str, at: datetime) -> str:
    """`stick-screenshot-2026-12-01-11.45.02.svg`: sorts by time; no space to quote, nothing a file system refuses."""
    safe = re.sub(r"[^\w\-]+", "_", title).strip("_") or "stick"
    return f"{safe}-screenshot-{at:%Y-%m-%d-%H.%M.%S}.svg"


def save_screenshot(svg: str, name: str, folders: Sequence[Path]) -> Notice:
    """Write the SVG into the first folder that takes it; say where, and why any folder before it did not."""
    refused: list[str] = []
    for folder in folders:
        try:
            path = _write_new(folder / name, svg)
        except OSError as exc:
            refused.append(f"{folder}: {_reason(exc)}")
            continue
        passed_over = f" ({'; '.join(refused)})" if refused else ""
        return Notice(f"Saved the screenshot to {path}{passed_over}", failed=False)
    return Notice(f"Could not save the screenshot: {'; '.join(refused) or 'no folder to save it in'}", failed=True)


def _write_new(path: Path, text: str) -> Path:
    # "x": a screenshot never replaces a file (two in one second get a number).
    stem, n = path.stem, 1
    while True:
        try:
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(text)
            return path
        except FileExistsError:
            n += 1
            path = path.with_name(f"{stem}-{n}.svg")


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "not allowed to write there"
    if exc.errno == errno.EROFS:
        return "the folder is read-only"
    if isinstance(exc, FileNotFoundError):
        return "no such folder"
    if isinstance(exc, NotADirectoryError):
        return "not a folder"
    return exc.strerror or str(exc)


def deliver(svg: str, title: str, assessments: Path, *, now: Callable[[], datetime] = datetime.now) -> Notice:
    """Save the screenshot of the app (titled `title`) where the user will find it."""
    folders = candidate_folders(downloads_folder(), assessments, Path(os.getcwd()))
    return save_screenshot(svg, screenshot_name(title, now()), folders)
