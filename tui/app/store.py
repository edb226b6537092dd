"""The app's hold on one open assessment: an editing session bound to its file.

Every change goes through `session` (surveys/editing/session.py), which saves at once
and only when something changed. This adapter adds what the app needs beside
it: the path the session saves to, and, once `guard` is called, a file that is
never saved over behind someone's back (surveys/files/guarded_file.py). A save the
guard refuses keeps the change in memory, and `reload` or `save_copy` decides
what happens to it (tui/app/changed_on_disk.py asks which).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from surveys.editing.session import EditingSession
from surveys.files.guarded_file import ChangedOnDisk, GuardedFile, carry_over
from surveys.files.response_file import save_assessment
from surveys.locks.lock import Holder
from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment, now
from surveys.results.scoring import Result

SaveTo = Callable[[Path, Assessment], None]


class Store:
    def __init__(
        self,
        path: Path,
        assessment: Assessment,
        instrument: Instrument,
        save: SaveTo = save_assessment,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.path = path
        self._save_to = save
        self._guarded: GuardedFile | None = None
        # The file as last saved (or read), and, after a refused save, that and the change refused.
        self._saved = assessment
        self._unsaved: tuple[Assessment, Assessment] | None = None
        self.on_changed_on_disk: Callable[[ChangedOnDisk], None] | None = None
        self.session = EditingSession(instrument, assessment, self._save, clock=clock)

    @property
    def instrument(self) -> Instrument:
        return self.session.instrument

    @property
    def assessment(self) -> Assessment:
        return self.session.assessment

    @property
    def result(self) -> Result:
        return self.session.result

    @property
    def read_only(self) -> Holder | None:
        return self.session.read_only

    @read_only.setter
    def read_only(self, holder: Holder | None) -> None:
        self.session.read_only = holder

    def first_open_question(self) -> int:
        """Where answering resumes: the first open question, else the first."""
        found = self.session.first_open()
        return 0 if found is None else found

    def _save(self, assessment: Assessment) -> None:
        before = self._unsaved[0] if self._unsaved else self._saved
        try:
            if self._guarded is not None:
                self._guarded.save(assessment)
            else:
                self._save_to(self.path, assessment)
        except ChangedOnDisk as exc:
            self._unsaved = (before, assessment)
            if self.on_changed_on_disk is not None:
                self.on_changed_on_disk(exc)
            raise
        self._saved, self._unsaved = assessment, None

    # A file changed behind us (surveys.files.guarded_file)

    def guard(self, guarded: GuardedFile) -> None:
        """Save through `guarded` from now on, starting from the file as it is now."""
        self._guarded = guarded
        self._saved = guarded.load()
        self.session.reopen(self._saved)

    def reload(self) -> None:
        """The file as it is now, with the changes that could not be saved made again on top, and saved."""
        assert self._guarded is not None
        now = self._guarded.reload()
        merged = carry_over(*self._unsaved, now) if self._unsaved else now
        self._saved, self._unsaved = now, None
        self.session.reopen(merged)
        if merged != now:
            self._guarded.save(merged)
            self._saved = merged

    def save_copy(self) -> Path:
        """Our version under a new name beside the file; this store goes on with the file as it is now."""
        assert self._guarded is not None
        copy = self._guarded.save_copy(self.session.assessment)
        self._saved, self._unsaved = self._guarded.reload(), None
        self.session.reopen(self._saved)
        return copy
