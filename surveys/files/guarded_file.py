"""A response file that is never overwritten behind someone's back.

It remembers the bytes it last read or wrote (size, modification time and a
hash of the content). Before each save it looks again: if the file has changed
since (corrected in Notepad, restored from a backup, written by a stick that
broke the lock), the save is refused with `ChangedOnDisk`, and the person can
reload it or keep their version as a copy beside it. Its `save` fits an editing
session's saver, `Callable[[Assessment], None]`.

What it cannot see: a change that lands between its last look and the rename
of its own save, a few microseconds.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from surveys.errors import ResponseFileError
from surveys.files.atomic import atomic_create, atomic_write
from surveys.files.response_file import from_toml, to_toml
from surveys.files.textfile import read_bytes
from surveys.model.responses import Assessment

_COPIES = 1000


class ChangedOnDisk(ResponseFileError):
    """The file is no longer what this stick last read or wrote: saving would lose someone's change."""

    def __init__(self, path: Path, how: str) -> None:
        super().__init__(f"{path}: {how} since stick read it, so it was not overwritten; open it again to carry on")
        self.path = path


class Fingerprint(NamedTuple):
    size: int
    mtime_ns: int
    digest: bytes

    @staticmethod
    def of(data: bytes, mtime_ns: int) -> Fingerprint:
        return Fingerprint(len(data), mtime_ns, hashlib.sha256(data).digest())


class GuardedFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: Fingerprint | None = None

    def load(self) -> Assessment:
        """Read the file as it is now, and guard against changes from here on."""
        data = self._read()
        assessment = from_toml(data, str(self.path))
        self._known = Fingerprint.of(data, self._mtime_ns())
        return assessment

    def reload(self) -> Assessment:
        """The file as it is now (after a change behind us): saves go on from this version."""
        return self.load()

    def changed(self) -> str | None:
        """How the file changed since it was last read or written, or None if it has not."""
        if self._known is None:
            return None
        try:
            size = os.stat(self.path).st_size
        except FileNotFoundError:
            return "was moved or deleted"
        except OSError as exc:
            raise ResponseFileError(f"{self.path}: cannot read: {exc.strerror or exc}") from None
        # The hash decides: a clock's coarse ticks can leave a hand edit's time unchanged.
        if size != self._known.size or hashlib.sha256(self._read()).digest() != self._known.digest:
            return "was changed on disk"
        return None

    def save(self, assessment: Assessment) -> None:
        """Write `assessment` atomically, unless the file changed behind us (then ChangedOnDisk)."""
        data = self._bytes(assessment)
        how = self.changed()
        if how is not None:
            raise ChangedOnDisk(self.path, how)
        try:
            atomic_write(self.path, data)
        except OSError as exc:
            raise ResponseFileError(f"{self.path}: cannot save: {exc.strerror or exc}") from None
        self._known = Fingerprint.of(data, self._mtime_ns())

    def save_copy(self, assessment: Assessment) -> Path:
        """Write `assessment` under a new name beside the file (NAME-copy.toml, -copy-2, ...); never overwrites."""
        data = self._bytes(assessment)
        stem = self.path.stem
        for n in range(1, _COPIES):
            copy = self.path.with_name(f"{stem}-copy.toml" if n == 1 else f"{stem}-copy-{n}.toml")
            try:
                atomic_create(copy, data)
            except FileExistsError:
                continue
            except OSError as exc:
                raise ResponseFileError(f"{copy}: cannot save: {exc.strerror or exc}") from None
            return copy
        raise ResponseFileError(f"{self.path}: too many copies beside it")

    def _bytes(self, assessment: Assessment) -> bytes:
        try:
            return to_toml(assessment)
        except TypeError as exc:  # tomli-w refuses a value it cannot write
            raise ResponseFileError(f"{self.path}: cannot save: {exc}") from None

    def _read(self) -> bytes:
        try:
            return read_bytes(self.path)
        except OSError as exc:
            raise ResponseFileError(f"{self.path}: cannot read: {exc.strerror or exc}") from None

    def _mtime_ns(self) -> int:
        try:
            return os.stat(self.path).st_mtime_ns
        except OSError:
            return 0


def carry_over(before: Assessment, mine: Assessment, now: Assessment) -> Assessment:
    """`now` (the file as changed behind us) with the answers and plan we changed since `before`.

    What was typed survives a reload; every other change in the file is kept.
    """
    answers = dict(now.answers)
    for qid in before.answers.keys() | mine.answers.keys():
        if before.answers.get(qid) != mine.answers.get(qid):
            if qid in mine.answers:
                answers[qid] = mine.answers[qid]
            else:
                answers.pop(qid, None)
    changed_plan = mine.priorities != before.priorities or mine.plan_started != before.plan_started
    return replace(
        now,
        answers=answers,
        priorities=mine.priorities if changed_plan else now.priorities,
        plan_started=mine.plan_started if changed_plan else now.plan_started,
        updated=mine.updated,
    )
