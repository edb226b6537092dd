"""An assessment in progress: who answered what, and the plan that follows.

Values are immutable, their tables included (`answers` and `extra` are
read-only mappings); every change returns a new `Assessment`, so a front end
can hand the new value to the saver and to the radar without copying.
Keys this version does not know are kept in `extra` and written back, so a
file made by a newer stick, or edited by hand, loses nothing here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from surveys.clock import local_now
from surveys.model.limits import cap_note

STATUSES: tuple[str, ...] = ("not started", "in progress", "done", "on hold", "dropped")


def _frozen(table: Mapping[str, Any]) -> Mapping[str, Any]:
    return table if isinstance(table, MappingProxyType) else MappingProxyType(dict(table))


def now() -> datetime:
    """Local time with its offset, to the second: what a person reads in the file."""
    return local_now().replace(microsecond=0)


@dataclass(frozen=True)
class Answer:
    question: str
    choice: int = 0  # 1-based option number; 0 when no option was chosen
    label: str = ""  # the chosen option's label, to notice when the instrument changes
    text: str = ""  # the answer to a text question
    dont_know: bool = False
    note: str = ""
    at: datetime | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen(self.extra))

    @property
    def given(self) -> bool:
        """An answer or a don't know (a note alone is not an answer)."""
        return self.dont_know or self.choice > 0 or bool(self.text)


@dataclass(frozen=True)
class Priority:
    area: str = ""
    title: str = ""
    lead: str = ""
    function: str = ""
    target: date | None = None
    review: date | None = None
    measure: str = ""
    status: str = STATUSES[0]
    # Carried forward into next year's review (surveys/editing/next_review.py): the date of the
    # assessment it came from, and whether its status is still to be looked at this review.
    carried_from: date | None = None
    status_to_update: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen(self.extra))


@dataclass(frozen=True)
class Assessment:
    organisation: str
    respondent: str
    role: str
    date: date
    instrument_id: str
    instrument_version: int
    created: datetime
    updated: datetime
    answers: Mapping[str, Answer] = field(default_factory=dict)
    priorities: tuple[Priority, ...] = ()
    # True once anyone has set the plan, even to nothing: an emptied plan stays
    # empty instead of being filled with suggestions again. In the file, the
    # `priorities` key is there (maybe `priorities = []`) or not.
    plan_started: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "answers", _frozen(self.answers))
        object.__setattr__(self, "extra", _frozen(self.extra))
        if self.priorities and not self.plan_started:
            object.__setattr__(self, "plan_started", True)  # a plan with priorities has been started

    def answer(self, question_id: str) -> Answer | None:
        return self.answers.get(question_id)


def new_assessment(
    organisation: str,
    respondent: str,
    role: str,
    instrument_id: str,
    instrument_version: int,
    on: date | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Assessment:
    stamp = now()
    return Assessment(
        organisation=organisation,
        respondent=respondent,
        role=role,
        date=on or stamp.date(),
        instrument_id=instrument_id,
        instrument_version=instrument_version,
        created=stamp,
        updated=stamp,
        extra=extra or {},
    )


def with_answer(assessment: Assessment, answer: Answer, stamp: datetime | None = None) -> Assessment:
    """Record an answer, keeping the note already given unless it brings one, and keeping unknown keys.

    `stamp` is the time of the change (now, unless a clock is given); an answer
    without a time of its own is given that time.
    """
    stamp = stamp or now()
    old = assessment.answers.get(answer.question)
    if old is not None:
        answer = replace(answer, note=answer.note or old.note, extra={**old.extra, **answer.extra})
    if answer.at is None:
        answer = replace(answer, at=stamp)
    answers = dict(assessment.answers)
    answers[answer.question] = answer
    return replace(assessment, answers=answers, updated=stamp)


def with_note(assessment: Assessment, question_id: str, note: str, stamp: datetime | None = None) -> Assessment:
    """Set the note on a question, answered or not; the answer itself is kept."""
    stamp = stamp or now()
    old = assessment.answers.get(question_id) or Answer(question=question_id)
    answers = dict(assessment.answers)
    answers[question_id] = replace(old, note=cap_note(note)[0], at=old.at or stamp)
    return replace(assessment, answers=answers, updated=stamp)


def without_answer(assessment: Assessment, question_id: str, stamp: datetime | None = None) -> Assessment:
    """Clear the answer but keep the note: a note is never thrown away with it."""
    old = assessment.answers.get(question_id)
    if old is None:
        return assessment
    answers = dict(assessment.answers)
    if old.note:
        answers[question_id] = Answer(question=question_id, note=old.note, at=old.at, extra=old.extra)
    else:
        del answers[question_id]
    return replace(assessment, answers=answers, updated=stamp or now())


def with_priorities(
    assessment: Assessment, priorities: tuple[Priority, ...], stamp: datetime | None = None
) -> Assessment:
    return replace(assessment, priorities=tuple(priorities), plan_started=True, updated=stamp or now())
