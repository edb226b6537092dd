"""What `x` on Home put into the archive folder on this visit, last first, so `u` can put it back.

The moves themselves are the engine's (surveys/folders/archive.py); this keeps which
row each file was, so it comes back where it stood, and words each step for
Home's line under the rows: what happened, and how to undo it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from surveys.folders.archive import ARCHIVE, Archived, archive, restore

if TYPE_CHECKING:
    from tui.app.folder import Summary


class PutAside(NamedTuple):
    moved: Archived
    item: Summary
    place: int  # where in Home's list it stood when it went


class Shelf:
    def __init__(self) -> None:
        self._put: list[PutAside] = []

    def __bool__(self) -> bool:
        return bool(self._put)

    def put_aside(self, item: Summary, index: int) -> str:
        """Archive `item`'s file and say so; ArchiveError (nothing moved) if it cannot go."""
        moved = archive(item.path)
        self._put.append(PutAside(moved, item, index))
        renamed = f" as {moved.archived.name}" if moved.archived.name != item.path.name else ""
        return f"Moved {item.path.name} to {ARCHIVE}/{renamed}. u puts it back."

    def take_back(self) -> tuple[Summary, int, str]:
        """Put the last file archived back: its summary (at its path now), its old place, and the words.

        On ArchiveError it is forgotten: it cannot be put back, so `u` moves on to the one before.
        """
        moved, item, index = self._put.pop()
        back = restore(moved)
        renamed = f" as {back.name} (its old name was taken)" if back.name != moved.original.name else ""
        return item.at(back), index, f"Put {moved.original.name} back{renamed}."
