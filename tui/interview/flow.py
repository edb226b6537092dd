"""The question walk of an interview, free of any input or output.

Both the plain and the questionary mode drive a `Walk` (through the one loop
in loop.py): they turn what the person typed into a `Command`, and the walk
records it through the editing session (surveys/editing/session.py), which saves it
when it changed, and moves on. The session holds the rules about the
assessment; the walk only where the interview goes next, so both modes go
back, skip and resume the same way.

Where the walk goes:
- it starts at the first question not yet answered (a don't know is an
  answer; an answer that needs review is not);
- forward, it passes over questions answered before (in the app or an earlier
  run) that this session has not reached yet;
- back is one question in the instrument's order, answered or not; moving
  forward again goes through every question up to the furthest one reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from surveys.editing.session import EditingSession
from surveys.model.instrument import Instrument, Question
from surveys.model.responses import Assessment

CommandKind = Literal["choose", "dont_know", "skip", "back", "write"]


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


def topic(instrument: Instrument, question: Question) -> str:
    """What a question is about, in the words of the framework: its dimension, else its section."""
    if question.dimension:
        return instrument.dimension(question.dimension).label
    return instrument.section(question.section).title


class Walk:
    """A cursor over the instrument's questions; every change goes through the editing session."""

    def __init__(self, session: EditingSession) -> None:
        self.session = session
        self.instrument = session.instrument
        self.questions = session.instrument.questions
        self.index = self._next_open(0)
        self.furthest = self.index

    @property
    def assessment(self) -> Assessment:
        return self.session.assessment

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
        return self.session.open_count

    def _next_open(self, start: int) -> int:
        found = self.session.first_open(start)
        return len(self.questions) if found is None else found

    def forward(self) -> None:
        following = self.index + 1
        self.index = following if following <= self.furthest else self._next_open(following)
        self.furthest = max(self.furthest, self.index)

    def apply(self, command: Command) -> bool:
        """Record the command at the current question and move; False when back is not possible."""
        self.record_command(command)
        if command.kind == "back":
            return self.back()
        self.forward()
        return True

    def record_command(self, command: Command) -> None:
        """Record what the command gives at the current question, without moving."""
        qid = self.question.id
        if command.kind == "choose":
            self.session.choose(qid, command.number, command.note)
        elif command.kind == "dont_know":
            self.session.dont_know(qid, command.note)
        elif command.kind == "write":
            if not command.text.strip():
                raise ValueError("an empty text is no answer")
            self.session.write(qid, command.text)
        elif command.note is not None:
            # A skip or a back can carry a note: it belongs to the question it was typed at.
            self.session.set_note(qid, command.note)

    def set_note(self, note: str) -> None:
        self.session.set_note(self.question.id, note)

    def back(self) -> bool:
        if self.index == 0:
            return False
        self.index -= 1
        return True

    def back_from_end(self) -> None:
        """From the result and priorities, back to the last question."""
        self.index = len(self.questions) - 1
