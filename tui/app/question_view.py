"""What the question screen shows: the question, its options and progress, the radar beside them.

The question, its options and the progress lines are one pane that keeps its size
(tui/app/question_pane.py), so an answer redraws lines and never lays the screen out;
the two text fields are mounted beneath it only when first needed (a note shows as a
line of text until `t` opens it), because every widget on this screen is paid for in
the first frame of `stick FILE`. The keys and what they save are the screen's other
part (tui/app/question.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical

from surveys.model.answers import AnswerState
from surveys.model.instrument import Question
from tui.app.context import AssessmentContext
from tui.app.pane_and_radar import PaneAndRadar
from tui.app.question_pane import QuestionPane
from tui.app.question_text import STATE_TEXT, heading, progress_lines
from tui.app.radar import Radar

if TYPE_CHECKING:
    from textual.content import Content
    from textual.timer import Timer
    from textual.widgets import Input

PLACEHOLDERS = {"answer": "Type the answer; enter saves it", "note": "Note: enter or esc keeps it"}
WARM_AFTER = 0.02  # seconds after a question is shown, the next one is wrapped


class ShowingQuestion(PaneAndRadar):
    """The question screen's part that shows; it changes nothing in the file."""

    def __init__(self, context: AssessmentContext, index: int = 0) -> None:
        super().__init__()
        self.context = context
        self.store = context.store
        self.questions = self.store.instrument.questions
        self.index = max(0, min(index, len(self.questions) - 1))
        self._fields: dict[str, Input] = {}
        self._warming: Timer | None = None

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    def on_mount(self) -> None:
        self.sub_title = self.context.subtitle
        self._place(self.size.width, self.size.height)
        self.show_question()

    def on_screen_resume(self) -> None:
        self.refresh_radar()

    def _field(self, which: str) -> Input:
        """The text answer or note field, mounted the first time it is needed."""
        if which not in self._fields:
            from textual.widgets import Input

            # Not selected on focus: typing into a reopened note adds to it.
            field = Input(id=which, placeholder=PLACEHOLDERS[which], select_on_focus=False)
            field.disabled = self.store.read_only is not None
            self.query_one("#ask", Vertical).mount(field)
            self._fields[which] = field
        return self._fields[which]

    def show_question(self) -> None:
        pane = self.query_one(QuestionPane)
        heading_key, heading_text, labels, chosen = self._shown(self.index)
        pane.show(heading_key, heading_text, labels, chosen, self._progress())
        self._close_fields()
        self.set_focus(pane)
        self.refresh_radar()
        if self._warming is not None:
            self._warming.stop()
        if self.index + 1 < len(self.questions):
            # The next question is wrapped while the person reads this one: a
            # moment after the frame, which must reach the terminal first (the
            # thread writing it waits for the interpreter this work would hold).
            after = self.index + 1
            self._warming = self.set_timer(WARM_AFTER, lambda: self._warm(after))

    def _shown(self, index: int) -> tuple[object, Content, tuple[str, ...], int]:
        """Question `index` as the pane shows it: a name for its heading, the heading, its options, the chosen."""
        q = self.questions[index]
        state = self.store.session.state(q)
        answer = self.store.assessment.answer(q.id)
        section = self.store.instrument.section(q.section)
        place = f"Question {index + 1} of {len(self.questions)}: {STATE_TEXT[state]}"
        labels = tuple(option.label for option in q.options) if q.kind != "text" else ()
        chosen = answer.choice if answer is not None and state is AnswerState.ANSWERED else 0
        return (index, state), heading(section.title, section.intro, place, q), labels, chosen

    def _warm(self, index: int) -> None:
        if index < len(self.questions) and self.is_current:
            key, text, labels, chosen = self._shown(index)
            self.query_one(QuestionPane).warm(key, text, labels, chosen)

    def refresh_heading(self) -> None:
        """The heading, options and progress again, where they are (a field was left, a state changed)."""
        key, text, labels, chosen = self._shown(self.index)
        self.query_one(QuestionPane).show(key, text, labels, chosen, self._progress())

    def refresh_progress(self) -> None:
        self.query_one(QuestionPane).show_progress(self._progress())

    def _progress(self) -> tuple[str, ...]:
        answer = self.store.assessment.answer(self.question.id)
        note = answer.note if answer is not None and not self._editing("note") else ""
        text = None
        if self.question.kind == "text":
            text = "" if self._editing("answer") or answer is None else answer.text
        return tuple(
            progress_lines(self.store.result.completeness, note, self.context.read_only_notice(), text, self._editing())
        )

    def _close_fields(self) -> None:
        if any(field.display for field in self._fields.values()):
            for field in self._fields.values():
                field.display = False
            self.query_one(QuestionPane).hug(None)

    def _editing(self, which: str | None = None) -> bool:
        names = [which] if which is not None else list(self._fields)
        return any(name in self._fields and self._fields[name].display for name in names)

    def refresh_radar(self) -> None:
        """The radar with what the question on screen feeds (the view and its marked axes follow it)."""
        self.context.follow(self.question)
        self.query_one(Radar).data = self.context.radar()
