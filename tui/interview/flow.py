"""The question walk of an interview, free of any input or output.

Both the plain and the questionary mode drive a `Walk`: they turn what the
person typed into a `Command`, and the walk records it, saves the file and
moves on. Keeping the rules here means both modes go back, skip and resume
the same way.

Where the walk goes:
- it starts at the first question not yet answered (a don't know is an
  answer; an answer that needs review is not);
- forward, it passes over questions answered before (in the app or an earlier
  run) that this session has not reached yet;
- back is one question in the instrument's order, answered or not; moving
  forward again goes through every question up to the furthest one reached.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from surveys.answers import AnswerState, choose, dont_know, resolve, written
from surveys.model import Instrument, Question
from surveys.responses import Answer, Assessment, with_answer, with_note

CommandKind = Literal["choose", "dont_know", "skip", "back", "write"]
OPEN_STATES = (AnswerState.UNANSWERED, AnswerState.NEEDS_REVIEW)


@dataclass(frozen=True)
class Command:
    """What the person asked for at one question."""

    kind: CommandKind
    number: int = 0  # the option chosen, 1-based, for "choose"
    text: str = ""  # the answer, for "write"
    note: str | None = None  # None: no note given, the note in the file stays


@dataclass(frozen=True)
class Progress:
    number: int  # 1-based
    total: int
    topic: str


def is_open(question: Question, assessment: Assessment) -> bool:
    """Still to be answered: never answered, or answered against another version of the question."""
    return resolve(question, assessment.answer(question.id)) in OPEN_STATES


def topic(instrument: Instrument, question: Question) -> str:
    """What a question is about, in the words of the framework: its dimension, else its section."""
    if question.dimension:
        return instrument.dimension(question.dimension).label
    return instrument.section(question.section).title


class Walk:
    """A cursor over the instrument's questions that records and saves every change at once."""

    def __init__(self, instrument: Instrument, assessment: Assessment, save: Callable[[Assessment], None]) -> None:
        self.instrument = instrument
        self.assessment = assessment
        self._save = save
        self.questions = instrument.questions
        self.index = self._next_open(0)
        self.furthest = self.index

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def question(self) -> Question:
        if self.finished:
            raise IndexError("the walk is past the last question")
        return self.questions[self.index]

    @property
    def progress(self) -> Progress:
        return Progress(self.index + 1, len(self.questions), topic(self.instrument, self.question))

    @property
    def open_count(self) -> int:
        return sum(is_open(q, self.assessment) for q in self.questions)

    def _next_open(self, start: int) -> int:
        for i in range(start, len(self.questions)):
            if is_open(self.questions[i], self.assessment):
                return i
        return len(self.questions)

    def forward(self) -> None:
        following = self.index + 1
        self.index = following if following <= self.furthest else self._next_open(following)
        self.furthest = max(self.furthest, self.index)

    def _record(self, assessment: Assessment) -> None:
        self.assessment = assessment
        self._save(assessment)

    def apply(self, command: Command) -> bool:
        """Record the command at the current question and move; False when back is not possible."""
        self.record_command(command)
        if command.kind == "back":
            return self.back()
        self.forward()
        return True

    def record_command(self, command: Command) -> None:
        """Record what the command gives at the current question, without moving."""
        question = self.question
        note = command.note or ""
        if command.kind == "choose":
            self._answer(choose(question, command.number, note))
        elif command.kind == "dont_know":
            self._answer(dont_know(question, note))
        elif command.kind == "write":
            if not command.text.strip():
                raise ValueError("an empty text is no answer")
            self._answer(written(question, command.text, note))
        elif command.note is not None:
            # A skip or a back can carry a note: it belongs to the question it was typed at.
            self.set_note(command.note)

    def _answer(self, answer: Answer) -> None:
        old = self.assessment.answer(answer.question)
        same = old is not None and (old.choice, old.label, old.text, old.dont_know) == (
            answer.choice,
            answer.label,
            answer.text,
            answer.dont_know,
        )
        if same and answer.note in ("", old.note if old else ""):
            return  # the answer given again: keep the time it was first given, write nothing
        self._record(with_answer(self.assessment, answer))

    def set_note(self, note: str) -> None:
        answer = self.assessment.answer(self.question.id)
        if (answer.note if answer else "") != note:
            self._record(with_note(self.assessment, self.question.id, note))

    def back(self) -> bool:
        if self.index == 0:
            return False
        self.index -= 1
        return True

    def back_from_end(self) -> None:
        """From the result and priorities, back to the last question."""
        self.index = len(self.questions) - 1

    def record(self, assessment: Assessment) -> None:
        """Save a change made outside the questions (the priorities)."""
        self._record(assessment)
