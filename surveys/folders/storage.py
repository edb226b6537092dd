"""Where response files live, what they are called, and listing them.

The folder is always passed in, so tests use a temporary folder and the
front ends decide it once (from --dir, STICK_DIR or the platform default).
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from surveys.clock import local_time
from surveys.errors import ResponseFileError
from surveys.files.atomic import atomic_create
from surveys.files.response_file import load_assessment, to_toml
from surveys.model.responses import Assessment
from surveys.terminal_text import safe_file_name

ENV_DIR = "STICK_DIR"
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_STEM_LIMIT = 60


def default_folder() -> Path:
    """STICK_DIR, else a 'stick' folder in the user's documents, where people look."""
    chosen = os.environ.get(ENV_DIR)
    if chosen:
        try:
            return Path(chosen).expanduser()
        except RuntimeError:  # ~name of a user this machine does not know
            raise ResponseFileError(f"{ENV_DIR}={chosen}: no such user's home folder; set it to a folder") from None
    import platformdirs  # textual depends on it; imported here so the engine starts light

    documents = Path(platformdirs.user_documents_dir())
    if not documents.is_absolute():  # no HOME and no entry in the user database: "~/Documents"
        raise ResponseFileError(f"cannot tell where your documents are; set {ENV_DIR} or use --dir")
    return documents / "stick"


def safe_stem(organisation: str, on: date) -> str:
    """A file name stem that is safe on Windows and POSIX and stays in its folder."""
    text = safe_file_name(unicodedata.normalize("NFC", organisation))
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"\s+", "-", text.strip())
    text = re.sub(r"-{2,}", "-", text).strip(".- ")
    text = text[:_STEM_LIMIT].rstrip(".- ")
    text = _storable(text)
    if not text or text.split(".")[0].upper() in _RESERVED:
        text = f"assessment-{text}" if text else "assessment"
    return f"{text}-{on.isoformat()}"


def _storable(text: str) -> str:
    # Under LANG=C the file system takes only ASCII names: what it cannot hold becomes "-".
    encoding = sys.getfilesystemencoding()
    kept = "".join(c if c.encode(encoding, "ignore") else "-" for c in text)
    return re.sub(r"-{2,}", "-", kept).strip(".- ")


def create_assessment_file(folder: Path, assessment: Assessment) -> Path:
    """Write a new assessment under a name no other file has; never overwrites."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ResponseFileError(f"{folder}: cannot create folder: {exc.strerror or exc}") from None
    stem = safe_stem(assessment.organisation, assessment.date)
    for n in range(1, 1000):
        path = folder / (f"{stem}.toml" if n == 1 else f"{stem}-{n}.toml")
        try:
            # Claims the name only with the whole file, so two people starting at
            # once get two files, and a kill or a full disk leaves no empty one.
            atomic_create(path, to_toml(assessment))
        except FileExistsError:
            continue
        except OSError as exc:
            raise ResponseFileError(f"{path}: cannot save: {exc.strerror or exc}") from None
        return path
    raise ResponseFileError(f"{folder}: too many assessments named {stem}")


@dataclass(frozen=True)
class Listing:
    path: Path
    modified: datetime
    assessment: Assessment | None
    error: str = ""


def list_assessments(folder: Path, leave_out: Path | None = None) -> list[Listing]:
    """Every response file in the folder (but `leave_out`), newest change first; unreadable ones say why."""
    try:
        # A FIFO or device named *.toml is listed with the reason it is not read.
        paths = [p for p in folder.glob("*.toml") if not p.is_dir()]
    except OSError:
        return []
    if leave_out is not None:
        # Not read at all: the one already open need not be parsed again.
        paths = [p for p in paths if p.resolve() != leave_out.resolve()]
    out = []
    for path in paths:
        try:
            modified = local_time(path.stat().st_mtime)
        except OSError:
            continue
        try:
            out.append(Listing(path, modified, load_assessment(path)))
        except ResponseFileError as exc:
            out.append(Listing(path, modified, None, str(exc)))
    out.sort(key=lambda item: item.modified, reverse=True)
    return out
