"""The one place an open assessment changes: every change is saved at once.

Each method builds the new immutable `Assessment` with the engine's functions
and writes it atomically before returning, so quitting or being killed after
any change loses nothing. A failed save keeps the change in memory and raises;
the next successful save writes it too.

A store opened read-only (another stick holds the file's lock) refuses every
change before it is made, so nothing in memory or on disk moves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from surveys.answers import AnswerState, resolve
from surveys.errors import StickError
from surveys.guarded_file import ChangedOnDisk, GuardedFile, carry_over
from surveys.lock import Holder
from surveys.model import Instrument, Question
from surveys.response_file import save_assessment
from surveys.responses import Answer, Assessment, Priority, with_answer, with_note, with_priorities, without_answer
from surveys.scoring import Result, score

Saver = Callable[[Path, Assessment], None]


class ReadOnlyError(StickError):
    """A change asked of an assessment another stick has open."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(f"read-only: {holder.describe()} has it open")
        self.holder = holder


class Store:
    def __init__(
        self, path: Path, assessment: Assessment, instrument: Instrument, save: Saver = save_assessment
    ) -> None:
        self.path = path
        self.instrument = instrument
        self._assessment = assessment
        self._save = save
        self._result: Result | None = None
        self.read_only: Holder | None = None
        # Set by `guard`: saves refuse a file changed behind us; what they could not save waits here.
        self._guarded: GuardedFile | None = None
        self._unsaved: tuple[Assessment, Assessment] | None = None
        self.on_changed_on_disk: Callable[[ChangedOnDisk], None] | None = None

    @property
    def assessment(self) -> Assessment:
        return self._assessment

    @property
    def result(self) -> Result:
        if self._result is None:
            self._result = score(self.instrument, self._assessment)
        return self._result

    def state(self, question: Question) -> AnswerState:
        return resolve(question, self._assessment.answer(question.id))

    def first_open_question(self) -> int:
        """Index of the first question without an answer (or needing review); 0 when all are done."""
        for i, question in enumerate(self.instrument.questions):
            if self.state(question) in (AnswerState.UNANSWERED, AnswerState.NEEDS_REVIEW):
                return i
        return 0

    def answer(self, answer: Answer) -> None:
        self._commit(with_answer(self._assessment, answer))

    def clear(self, question_id: str) -> None:
        self._commit(without_answer(self._assessment, question_id))

    def note(self, question_id: str, text: str) -> None:
        old = self._assessment.answer(question_id)
        if (old.note if old else "") != text:
            self._commit(with_note(self._assessment, question_id, text))

    def set_priorities(self, priorities: tuple[Priority, ...]) -> None:
        self._commit(with_priorities(self._assessment, priorities))

    def check_writable(self) -> None:
        if self.read_only is not None:
            raise ReadOnlyError(self.read_only)

    def _commit(self, assessment: Assessment) -> None:
        self.check_writable()
        before = self._unsaved[0] if self._unsaved else self._assessment
        self._assessment = assessment
        self._result = None
        try:
            self._save(self.path, assessment)
        except ChangedOnDisk as exc:
            self._unsaved = (before, assessment)
            if self.on_changed_on_disk is not None:
                self.on_changed_on_disk(exc)
            raise

    # A file changed behind us (surveys.guarded_file)

    def guard(self, guarded: GuardedFile) -> None:
        """Save through `guarded` from now on, starting from the file as it is now."""
        self._assessment = guarded.load()
        self._result = None
        self._guarded = guarded
        self._save = lambda _path, assessment: guarded.save(assessment)

    def reload(self) -> None:
        """The file as it is now, with the changes that could not be saved made again on top, and saved."""
        assert self._guarded is not None
        now = self._guarded.reload()
        self._assessment = carry_over(*self._unsaved, now) if self._unsaved else now
        self._unsaved, self._result = None, None
        if self._assessment != now:
            self._guarded.save(self._assessment)

    def save_copy(self) -> Path:
        """Our version under a new name beside the file; this store goes on with the file as it is now."""
        assert self._guarded is not None
        copy = self._guarded.save_copy(self._assessment)
        self._assessment = self._guarded.reload()
        self._unsaved, self._result = None, None
        return copy
