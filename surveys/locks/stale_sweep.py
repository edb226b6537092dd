"""The start-up sweep: the locks in a folder that nobody holds any more, removed.

Apart from `lock` (which a start needs) and `lock_break` (which it does not, on the usual
start with nothing left by a kill), so neither imports the other to offer it.
"""

from __future__ import annotations

from pathlib import Path


def clear_stale_locks(folder: Path, older_than: float = 60.0) -> list[Path]:
    """Remove the locks in `folder` nobody holds any more; returns what was removed.

    For a start-up sweep, so a killed stick leaves no lock behind even on files
    nobody opens again. Only stick's own locks (`.NAME.toml.lock`) are looked at.
    """
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.glob(".*.toml.lock") if not p.is_symlink() and p.is_file()]
    except OSError:
        return removed
    if not candidates:
        return removed  # the usual start: nothing left by a kill, and the breaking module is not loaded
    from surveys.locks.lock_break import remove_if_stale

    for lock in candidates:
        if remove_if_stale(lock, older_than):
            removed.append(lock)
    return removed
