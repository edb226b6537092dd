"""The question screen: one question at a time, answered with one key, radar alongside.

A number key chooses, saves and moves on at once. Notes (and answers to text
questions) are saved when their field loses focus, on enter, when leaving the
question, or after two seconds without typing.

The screen is a handful of widgets: the question is one block of text and the
two text fields are mounted only when first needed (a note shows as a line of
text until `t` opens it), because every widget on this screen is paid for in
the first frame of `stick FILE`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from surveys.answers import AnswerState, choose, dont_know, written
from surveys.errors import StickError
from surveys.limits import cap_note, note_cut_message
from surveys.model import Question
from surveys.terminal_text import shown_or_kept, terminal_safe
from tui.app.choices import Choices
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, command
from tui.app.context import AssessmentContext
from tui.app.question_text import STATE_TEXT, heading, progress_lines
from tui.app.radar import Radar
from tui.app.read_only import refused
from tui.app.side_by_side import body_css, stacked

if TYPE_CHECKING:
    from textual.widgets import Input

    from tui.app.app import StickApp

IDLE_SAVE_SECONDS = 2.0
PLACEHOLDERS = {"answer": "Type the answer; enter saves it", "note": "Note: enter or esc keeps it"}
CHOOSE = Binding.Group("Choose")
MOVE = Binding.Group("Move")


class QuestionScreen(CommandScreen[None]):
    TITLE = "Questions"
    # Focus lands on the options as the screen starts, before its first frame
    # (the default would focus the scroll area, then move: two restyles and a
    # second frame). A text question moves it to its field in show_question.
    AUTO_FOCUS = "#options"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(command(str(n), f"choose({n})", f"Option {n}", group=CHOOSE) for n in range(1, 10)),
        command("d", "dont_know", "Don't know"),
        command("t", "note", "Note", tooltip="Write a note on this question"),
        command("left", "move(-1)", "Previous", key_display="←", group=MOVE),
        command("right", "move(1)", "Next", key_display="→", group=MOVE),
        command("j", "jump", "Jump"),
        command("r", "toggle_radar", "Radar view", show=False),
        command("c", "compare", "Compare", show=False, tooltip="Cycle through earlier assessments to draw"),
        command("backspace", "clear", "Clear answer", show=False),
        command("s", "result", "Result"),
        Binding("escape", "back", "Leave field / Home", show=False),
    ]
    DEFAULT_CSS = (
        body_css("QuestionScreen")
        + """
    QuestionScreen #ask { padding: 0 1; }
    QuestionScreen Choices { margin-top: 1; }
    QuestionScreen Input { margin: 0; }
    """
    )

    def __init__(self, context: AssessmentContext, index: int = 0) -> None:
        super().__init__()
        self.context = context
        self.store = context.store
        self.questions = self.store.instrument.questions
        self.index = max(0, min(index, len(self.questions) - 1))
        self._pending: dict[str, Timer] = {}
        self._fields: dict[str, Input] = {}

    @property
    def stick(self) -> StickApp:
        from tui.app.app import StickApp

        assert isinstance(self.app, StickApp)
        return self.app

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="ask"):
            yield Static(id="heading")
            yield Choices(id="options")
            yield Static(id="progress", markup=False)
        yield Radar(id="radar")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.context.subtitle
        self._place(self.size.width, self.size.height)
        self.show_question()

    def on_resize(self, event: events.Resize) -> None:
        self._place(event.size.width, event.size.height)

    def on_screen_resume(self) -> None:
        self.refresh_radar()

    def on_unmount(self) -> None:
        self.flush()

    def _place(self, width: int, height: int) -> None:
        self.set_class(stacked(width, height), "-stacked")

    def _field(self, which: str) -> Input:
        """The text answer or note field, mounted the first time it is needed."""
        if which not in self._fields:
            from textual.widgets import Input

            field = Input(id=which, placeholder=PLACEHOLDERS[which])
            field.disabled = self.store.read_only is not None
            self.query_one("#ask", VerticalScroll).mount(field, before="#progress")
            self._fields[which] = field
        return self._fields[which]

    def _has_field(self, which: str) -> bool:
        return which in self._fields

    # Showing

    def show_question(self) -> None:
        q = self.question
        answer = self.store.assessment.answer(q.id)
        state = self.store.state(q)
        self.refresh_heading()
        options = self.query_one("#options", Choices)
        chosen = answer.choice if answer is not None and state is AnswerState.ANSWERED else 0
        options.show(tuple(option.label for option in q.options), chosen)
        options.display = q.kind != "text"
        if self._has_field("note"):
            self._field("note").display = False
        if q.kind == "text":
            text_input = self._field("answer")
            text_input.display = True
            text_input.value = terminal_safe(answer.text) if answer is not None else ""
            if not text_input.disabled:
                self.set_focus(text_input)
        else:
            if self._has_field("answer"):
                self._field("answer").display = False
            self.set_focus(options)
        self.query_one("#ask", VerticalScroll).scroll_home(animate=False)
        self.refresh_progress()
        self.refresh_radar()

    def refresh_heading(self) -> None:
        q = self.question
        section = self.store.instrument.section(q.section)
        place = f"Question {self.index + 1} of {len(self.questions)}: {STATE_TEXT[self.store.state(q)]}"
        self.query_one("#heading", Static).update(heading(section.title, section.intro, place, q))

    def refresh_progress(self) -> None:
        answer = self.store.assessment.answer(self.question.id)
        editing_note = self._has_field("note") and self._field("note").display
        note = answer.note if answer is not None and not editing_note else ""
        lines = progress_lines(
            self.store.result.completeness, note, self.context.read_only_notice(), self.question.kind == "text"
        )
        self.query_one("#progress", Static).update("\n".join(lines))

    def refresh_radar(self) -> None:
        self.query_one(Radar).data = self.context.radar()

    # Saving

    def _save(self, what: str) -> bool:
        """Run one change through the store; a failed save is shown, never swallowed."""
        try:
            old = self.store.assessment.answer(self.question.id)
            if what == "note":
                note, cut = cap_note(shown_or_kept(self._field("note").value, old.note if old else ""))
                if cut:
                    self.notify(note_cut_message(), severity="warning")
                self.store.note(self.question.id, note)
            elif what == "answer":
                text = shown_or_kept(self._field("answer").value.strip(), old.text if old else "")
                if old is not None and old.text == text and old.given:
                    return True
                if text:
                    self.store.answer(written(self.question, text))
                elif self.store.assessment.answer(self.question.id) is not None:
                    self.store.clear(self.question.id)
        except StickError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return False
        return True

    def flush(self) -> None:
        """Save whatever is typed but not yet saved (before moving, answering or quitting)."""
        for what in list(self._pending):
            self._pending.pop(what).stop()
            self._save(what)

    def on_input_changed(self, event: Input.Changed) -> None:
        what = event.input.id or ""
        if what not in ("note", "answer") or not event.input.has_focus:
            return
        if what in self._pending:
            self._pending[what].stop()
        self._pending[what] = self.set_timer(IDLE_SAVE_SECONDS, lambda: self._idle_save(what))

    def _idle_save(self, what: str) -> None:
        if self._pending.pop(what, None) is not None:
            self._save(what)
            self.refresh_progress()
            self.refresh_radar()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self.flush()
        if event.input.id == "note":
            # Out of the field, the note is a line of text again.
            event.input.display = False
        self.refresh_heading()  # a typed answer may have been saved: "answered" now
        self.refresh_progress()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.flush()
        if event.input.id == "answer":
            self.action_move(1, finished=True)
        else:
            self._focus_question()

    def _focus_question(self) -> None:
        target = "#answer" if self.question.kind == "text" else "#options"
        self.set_focus(self.query_one(target))

    # Actions

    def _record(self, make_answer: str, number: int = 0) -> None:
        if refused(self, self.store):
            return
        self.flush()
        q = self.question
        try:
            self.store.answer(choose(q, number) if make_answer == "choose" else dont_know(q))
        except StickError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
        self.refresh_radar()
        self.action_move(1, finished=True)

    def action_choose(self, number: int) -> None:
        if self.question.kind == "text":
            return
        if number > len(self.question.options):
            self.notify(f"This question has {len(self.question.options)} options.", severity="warning")
            return
        self._record("choose", number)

    def on_choices_selected(self, event: Choices.Selected) -> None:
        event.stop()
        self.action_choose(event.number)

    def action_dont_know(self) -> None:
        self._record("dont_know")

    def action_clear(self) -> None:
        if refused(self, self.store):
            return
        self.flush()
        try:
            self.store.clear(self.question.id)
        except StickError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
        self.show_question()

    def action_move(self, step: int, finished: bool = False) -> None:
        self.flush()
        target = self.index + step
        if target >= len(self.questions):
            if finished:
                self.action_result()
            else:
                self.notify("That was the last question: s shows the result.")
            self.show_question()
            return
        self.index = max(0, target)
        self.show_question()

    def action_note(self) -> None:
        if refused(self, self.store):
            return
        note = self._field("note")
        answer = self.store.assessment.answer(self.question.id)
        note.value = terminal_safe(answer.note) if answer is not None else ""
        note.display = True
        self.set_focus(note)  # now, not later: the keys typed next are the note's
        self.refresh_progress()

    def action_back(self) -> None:
        if self.focused is not None and self.focused.id in PLACEHOLDERS:
            self.flush()
            # Out of the field, so d, the arrows and ? act again; on a text
            # question that means onto the question itself, not its field.
            leave_to = "#ask" if self.question.kind == "text" else "#options"
            self.set_focus(self.query_one(leave_to))
        else:
            self.flush()
            self.dismiss(None)

    def action_jump(self) -> None:
        from tui.app.jump import JumpScreen

        self.flush()

        def go(index: int | None) -> None:
            if index is not None:
                self.index = index
            self.show_question()

        self.app.push_screen(JumpScreen(self.store, self.index), go)

    def action_toggle_radar(self) -> None:
        self.context.view = self.context.view.other()
        self.refresh_radar()

    def action_compare(self) -> None:
        self.context.comparison.cycle()
        self.refresh_radar()
        self.notify(self.context.comparison.describe())

    def action_result(self) -> None:
        self.flush()
        self.stick.show_result(self.context)
