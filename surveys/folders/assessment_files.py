"""Which files of a folder are assessments: what a folder given to `stick export` stands for.

A folder of assessments is its `*.toml` files, not those of its subfolders (the
archive/ of removed ones among them) and not stick's own hidden temporary
files. Beside assessments a folder may hold an instrument of the team's own or
another program's TOML: those are not assessments and are passed over with a
reason. So is a grading panel's agreed file: beside its raters' files, a folder's
team would count it as one more rater. A file that cannot be read or parsed is not judged here: it may be a
damaged assessment, and the export's own rules (stop, or `--skip-bad`) apply.
"""

from __future__ import annotations

import re
from pathlib import Path

from surveys.files.textfile import parse, read_bytes
from surveys.model.panel_mark import is_panel_data

# A key at the top of a TOML file, before its first [table] header.
_TOP_KEY = re.compile(rb"^[ \t]*([A-Za-z0-9_-]+)[ \t]*=", re.M)
_HEADER = re.compile(rb"^[ \t]*\[", re.M)
_NEEDED = ("organisation", "instrument")
# A grading panel's agreed file holds a [panel] table (or its [[panel.history]] rows).
_PANEL_HEADER = re.compile(rb"^[ \t]*\[\[?[ \t]*panel[ \t]*[.\]]", re.M)
AGREED_FILE = "a grading panel's agreed file: export it on its own for the agreed rating (stick export FILE)"


def toml_files_in(folder: Path) -> list[Path]:
    """The folder's own `*.toml` files, by name; OSError if it cannot be listed.

    As on Home, a FIFO or device named *.toml is kept, for the export to say why it is not read.
    """
    names = [p for p in folder.iterdir() if p.suffix.lower() == ".toml" and not p.name.startswith(".")]
    return sorted(p for p in names if not p.is_dir())


def not_an_assessment(data: bytes) -> str:
    """Why TOML bytes are plainly not an assessment ("" when they are one, or may be a damaged one)."""
    header = _HEADER.search(data)
    top = data[: header.start()] if header else data
    keys = {m.group(1).decode("ascii") for m in _TOP_KEY.finditer(top)}
    if _PANEL_HEADER.search(data):
        # Merged with its raters it would count as one more rater: passed over, said why.
        parsed = parse(data)
        if parsed.data is not None and is_panel_data(parsed.data):
            return AGREED_FILE
    if all(k in keys for k in _NEEDED):
        return ""
    # Rare (hand-written layouts): the whole file decides.
    parsed = parse(data)
    if parsed.data is None:
        return ""
    if "sections" in parsed.data and "id" in parsed.data:  # what every instrument file has (surveys/instrument_check)
        return "an instrument file, not an assessment"
    missing = [k for k in _NEEDED if k not in parsed.data]
    if missing:
        return f"not an assessment (no {' or '.join(repr(k) for k in missing)})"
    return ""


def assessments_in(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The folder's assessment files, and the TOML files passed over with why; OSError if it cannot be listed."""
    kept: list[Path] = []
    passed_over: list[tuple[Path, str]] = []
    for path in toml_files_in(folder):
        try:
            reason = not_an_assessment(read_bytes(path))
        except OSError:
            reason = ""  # the export reads it again and says why it cannot
        if reason:
            passed_over.append((path, reason))
        else:
            kept.append(path)
    return kept, passed_over
