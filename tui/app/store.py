"""The app's hold on one open assessment: an editing session bound to its file.

Every change goes through `session` (surveys/editing.py), which saves at once
and only when something changed; this adapter adds only what the app needs
beside it: the path the session saves to, and the reader that read-only mode
names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from surveys.editing import EditingSession
from surveys.lock import Holder
from surveys.model import Instrument
from surveys.response_file import save_assessment
from surveys.responses import Assessment, now
from surveys.scoring import Result

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
        self.session = EditingSession(instrument, assessment, lambda a: save(path, a), clock=clock)

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
