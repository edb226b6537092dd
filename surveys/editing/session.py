"""An editing session: the one place an open assessment changes, for both front ends.

The app and the interview hold a session and ask it for every change: an
answer, a don't know, a note, a text answer, the plan. Each operation builds the
new immutable `Assessment`, saves it before returning when (and only when)
something changed, and returns an `Edit`: the value now, and whether it moved.
So the rules docs/saving.md promises hold in one place:

- nothing that did not change is saved: the same option chosen again keeps the
  time it was first given, a note left as it was writes nothing, and looking
  at the result or the plan never writes;
- every change is saved at once, so quitting or being killed after any
  operation loses nothing. A failed save keeps the change in memory and raises;
  the next successful save writes it too;
- a session opened read-only (another stick holds the file) refuses every
  change before it is made, so nothing in memory or on disk moves.

Suggestions are shown, never written: the plan's suggested priorities come
from the scoring each time they are asked for, marked as suggestions, until
the user adopts one (or all) into the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime
from typing import Any, NamedTuple

from surveys.errors import StickError
from surveys.locks.lock import Holder
from surveys.model.answers import AnswerState, choose, dont_know, resolve, written
from surveys.model.instrument import Instrument, Question
from surveys.model.limits import cap_note
from surveys.model.responses import (
    STATUSES,
    Answer,
    Assessment,
    Priority,
    now,
    with_answer,
    with_note,
    without_answer,
)
from surveys.results.scoring import Completeness, Result
from surveys.results.tally import InstrumentIndex, Tally

Saver = Callable[[Assessment], None]
OPEN_STATES = (AnswerState.UNANSWERED, AnswerState.NEEDS_REVIEW)
# The fields of a priority that a person edits one by one, and their types.
PRIORITY_TEXT_FIELDS = ("title", "lead", "measure", "area", "function", "status")
PRIORITY_DATE_FIELDS = ("target", "review")


class ReadOnlyError(StickError):
    """A change asked of an assessment another stick has open."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(f"read-only: {holder.describe()} has it open")
        self.holder = holder


class Edit(NamedTuple):
    """What an operation left: the assessment now, and whether it changed (and so was saved)."""

    assessment: Assessment
    changed: bool


class Removed(NamedTuple):
    position: int
    priority: Priority


def _same_answer(old: Answer | None, new: Answer) -> bool:
    return old is not None and (old.choice, old.label, old.text, old.dont_know) == (
        new.choice,
        new.label,
        new.text,
        new.dont_know,
    )


class EditingSession:
    def __init__(
        self,
        instrument: Instrument,
        assessment: Assessment,
        save: Saver,
        *,
        read_only: Holder | None = None,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.instrument = instrument
        self.read_only = read_only
        self._assessment = assessment
        self._save = save
        self._clock = clock
        # Built at the first question asked of it, then updated from each change (surveys/results/tally.py).
        self._tally: Tally | None = None
        self._removed: Removed | None = None

    # Reading

    @property
    def assessment(self) -> Assessment:
        return self._assessment

    @property
    def result(self) -> Result:
        return self._counts().result

    def _counts(self) -> Tally:
        if self._tally is None or self._tally.index.instrument is not self.instrument:
            self._tally = Tally(InstrumentIndex(self.instrument), self._assessment)
        return self._tally

    def state(self, question: Question) -> AnswerState:
        return resolve(question, self._assessment.answer(question.id))

    def is_open(self, question: Question) -> bool:
        """Still to be answered: never answered, or answered against another version of the question."""
        return self.state(question) in OPEN_STATES

    def first_open(self, start: int = 0) -> int | None:
        """Index of the first open question from `start` on; None when there is none."""
        questions = self.instrument.questions
        return next((i for i in range(max(0, start), len(questions)) if self.is_open(questions[i])), None)

    @property
    def completeness(self) -> Completeness:
        """How far the assessment has got; the rule for finished lives there, once (Home reads it too)."""
        return self._counts().counted[0]

    @property
    def open_count(self) -> int:
        return self.completeness.open_count

    @property
    def finished(self) -> bool:
        """Every question has an answer (a don't know is one) that fits the instrument as it is."""
        return self.completeness.finished

    def to_review(self) -> tuple[tuple[int, AnswerState], ...]:
        """What to look at again before the result: each don't know or open question, by index, in order."""
        return tuple(
            (i, state)
            for i, question in enumerate(self.instrument.questions)
            if (state := self.state(question)) is AnswerState.DONT_KNOW or state in OPEN_STATES
        )

    def note(self, question_id: str) -> str:
        answer = self._assessment.answer(question_id)
        return answer.note if answer is not None else ""

    # Answers

    def choose(self, question_id: str, number: int, note: str | None = None) -> Edit:
        """Option `number` (1-based); ValueError when the question has no such option."""
        return self._answer(choose(self._question(question_id), number), note)

    def dont_know(self, question_id: str, note: str | None = None) -> Edit:
        return self._answer(dont_know(self._question(question_id)), note)

    def write(self, question_id: str, text: str) -> Edit:
        """The answer to a text question, exactly as typed; a blank text clears the answer, keeping its note."""
        question = self._question(question_id)
        if not text.strip():
            return self.clear(question_id)
        return self._answer(written(question, text), None)

    def clear(self, question_id: str) -> Edit:
        """No answer any more; a note is never thrown away with it."""
        old = self._assessment.answer(question_id)
        if old is None or not old.given:
            return Edit(self._assessment, False)
        return self._commit(without_answer(self._assessment, question_id, self._clock()), (question_id,))

    def set_note(self, question_id: str, text: str) -> Edit:
        """The note on a question, answered or not; the answer itself is kept (capped: surveys.model.limits)."""
        # Compared as it would be stored: an over-long note left as it was is no change, not a save a keystroke.
        text = cap_note(text)[0]
        if self.note(question_id) == text:
            return Edit(self._assessment, False)
        return self._commit(with_note(self._assessment, question_id, text, self._clock()), (question_id,))

    def append_note(self, question_id: str, text: str) -> Edit:
        """Add `text` to the end of the note, as typing with the cursor at its end does."""
        return self.set_note(question_id, self.note(question_id) + text)

    def _answer(self, answer: Answer, note: str | None) -> Edit:
        """Record `answer`; a note of None (or "") keeps the note there, as the interview's protocol says."""
        old = self._assessment.answer(answer.question)
        same = old is not None and _same_answer(old, answer)
        if same and (not note or note == self.note(answer.question)):
            return Edit(self._assessment, False)  # the answer given again: keep the time it was first given
        # Capped below the read limit, so a file stick wrote can always be read back.
        answer = replace(answer, note=cap_note(note or "")[0], at=old.at if same and old is not None else None)
        return self._commit(with_answer(self._assessment, answer, self._clock()), (answer.question,))

    def _question(self, question_id: str) -> Question:
        question = self.instrument.question(question_id)
        if question is None:
            raise ValueError(f"the instrument has no question {question_id!r}")
        return question

    # The plan

    @property
    def priorities(self) -> tuple[Priority, ...]:
        return self._assessment.priorities

    def suggestions(self) -> tuple[Priority, ...]:
        """The suggested priorities not yet in the plan: shown marked as suggestions, never written by themselves."""
        from surveys.results.suggestions import suggested_priority  # the plan's: not needed to answer

        planned = {p.area for p in self._assessment.priorities}
        return tuple(suggested_priority(self.instrument, s) for s in self.result.suggestions if s.area not in planned)

    def adopt(self, index: int) -> Edit:
        """Put suggestion `index` (of `suggestions()`) into the plan, after the priorities set."""
        offered = self.suggestions()
        if not 0 <= index < len(offered):
            return Edit(self._assessment, False)
        return self._set_priorities((*self.priorities, offered[index]))

    def adopt_all(self) -> Edit:
        offered = self.suggestions()
        if not offered:
            return Edit(self._assessment, False)
        return self._set_priorities((*self.priorities, *offered))

    def new_priority(self, area_id: str = "") -> Priority:
        """A priority not yet in the plan, its business function defaulting to its area's."""
        return Priority(area=area_id, function=self._default_function(area_id))

    def add_priority(self, priority: Priority) -> Edit:
        if priority.area and not priority.function:
            priority = replace(priority, function=self._default_function(priority.area))
        return self._set_priorities((*self.priorities, priority))

    def edit_priority(self, index: int, **changes: Any) -> Edit:
        """Change fields of priority `index`; ValueError for a field or value a priority cannot hold."""
        if not 0 <= index < len(self.priorities):
            raise IndexError(f"there is no priority {index + 1}")
        for name, value in changes.items():
            _check_field(name, value)
        old = self.priorities[index]
        new = replace(old, **changes)
        if "status" in changes:
            # A carried priority's status has been looked at this review, even when it is kept.
            new = replace(new, status_to_update=False)
        if "area" in changes and new.area != old.area and not new.function:
            new = replace(new, function=self._default_function(new.area))
        if new == old and new.extra == old.extra:
            return Edit(self._assessment, False)
        priorities = list(self.priorities)
        priorities[index] = new
        return self._set_priorities(tuple(priorities))

    def _default_function(self, area_id: str) -> str:
        from surveys.results.suggestions import default_function

        return default_function(self.instrument, self.result, area_id)

    def remove_priority(self, index: int) -> Edit:
        """Take priority `index` out of the plan; `undo_remove` puts it back where it was."""
        if not 0 <= index < len(self.priorities):
            return Edit(self._assessment, False)
        priorities = list(self.priorities)
        gone = priorities.pop(index)
        edit = self._set_priorities(tuple(priorities))
        self._removed = Removed(index, gone)
        return edit

    @property
    def removed(self) -> Priority | None:
        """The priority the last removal took out, while it can still be put back."""
        return self._removed.priority if self._removed is not None else None

    def undo_remove(self) -> Edit:
        if self._removed is None:
            return Edit(self._assessment, False)
        index, priority = self._removed
        priorities = list(self.priorities)
        priorities.insert(min(index, len(priorities)), priority)
        edit = self._set_priorities(tuple(priorities))
        self._removed = None
        return edit

    def move_priority(self, index: int, step: int) -> Edit:
        """Move priority `index` up (step < 0) or down the plan's order."""
        target = index + step
        if not (0 <= index < len(self.priorities) and 0 <= target < len(self.priorities)) or step == 0:
            return Edit(self._assessment, False)
        priorities = list(self.priorities)
        priorities.insert(target, priorities.pop(index))
        return self._set_priorities(tuple(priorities))

    def _set_priorities(self, priorities: tuple[Priority, ...]) -> Edit:
        if priorities == self._assessment.priorities and self._assessment.plan_started:
            return Edit(self._assessment, False)
        self._removed = None
        return self._commit(replace(self._assessment, priorities=priorities, plan_started=True, updated=self._clock()))

    def reopen(self, assessment: Assessment) -> None:
        """Go on from `assessment` (the file read again), as if the session had just been opened on it."""
        self._assessment = assessment
        if self._tally is not None:
            self._tally = Tally(self._tally.index, assessment)  # any answer may differ: counted afresh
        self._removed = None

    # Saving

    def check_writable(self) -> None:
        if self.read_only is not None:
            raise ReadOnlyError(self.read_only)

    def amend(self, assessment: Assessment, answered: Iterable[str] = ()) -> Edit:
        """Take a new value another room of the engine built from this one (a panel's agreed rating) and save it.

        The caller passes the same value back when nothing changed; `answered` names the questions whose
        answers differ, as for every other change here.
        """
        if assessment is self._assessment:
            return Edit(assessment, False)
        return self._commit(assessment, answered)

    def _commit(self, assessment: Assessment, answered: Iterable[str] = ()) -> Edit:
        """Take `assessment` (differing from the last only in the answers to `answered`, if any) and save it."""
        self.check_writable()
        self._assessment = assessment
        if self._tally is not None:
            self._tally.update(assessment, answered)
        self._save(assessment)
        return Edit(assessment, True)


def _check_field(name: str, value: object) -> None:
    if name in PRIORITY_TEXT_FIELDS:
        if not isinstance(value, str):
            raise ValueError(f"a priority's {name} is text")
        if name == "status" and value not in STATUSES:
            raise ValueError(f"{value!r} is not a status: one of {', '.join(STATUSES)}")
    elif name in PRIORITY_DATE_FIELDS:
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            raise ValueError(f"a priority's {name} is a date or nothing")
    else:
        raise ValueError(f"a priority has no field {name!r}")
