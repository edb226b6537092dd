"""The question screen: one question at a time, answered with one key, radar alongside.

A number key chooses, saves and moves on at once. A note (`t`) and the answer
to a text question (`enter` or `t` there) are typed in a field that opens with
the cursor at the end of what is already written; they are saved as the field
is left (enter, esc, moving on, quitting) and after a pause in typing. On
every question, the command keys keep their meaning until a field is opened.

What the screen shows is its part in tui/app/question_view.py; this module holds
its keys and what they save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType

from surveys.editing.session import Edit
from surveys.errors import StickError
from surveys.model.limits import cap_note, note_cut_message
from surveys.terminal_text import shown_or_kept, terminal_safe
from tui.app.command_keys import command, field_key, typing_into
from tui.app.context import AssessmentContext
from tui.app.field_saver import FieldSaver
from tui.app.question_pane import QuestionPane
from tui.app.question_view import PLACEHOLDERS, ShowingQuestion
from tui.app.read_only import refused
from tui.app.side_by_side import body_css

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.widgets import Input

CHOOSE = Binding.Group("Choose")
MOVE = Binding.Group("Move")


class QuestionScreen(ShowingQuestion):
    TITLE = "Questions"
    # Focus lands on the pane as the screen starts, before its first frame
    # (a focus moved later would restyle and draw a second frame).
    AUTO_FOCUS = "#pane"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(command(str(n), f"choose({n})", f"Option {n}", group=CHOOSE) for n in range(1, 10)),
        command("d", "dont_know", "Don't know"),
        command("t", "note", "Note", tooltip="Write a note on this question (on a text question: the answer)"),
        command("enter", "enter", "Choose / type the answer", show=False),
        command("left", "move(-1)", "Previous", key_display="←", group=MOVE),
        command(
            "right",
            "move(1)",
            "Next",
            key_display="→",
            group=MOVE,
            tooltip="Next question; past the last, what is still don't know or empty, then the result",
        ),
        command("j", "jump", "Jump"),
        command("r", "toggle_radar", "Radar view", show=False),
        command("c", "compare", "Compare", show=False, tooltip="Cycle through earlier assessments to draw"),
        command("backspace", "clear", "Clear answer", show=False),
        command("s", "result", "Result"),
        field_key("enter", "field_done(True)", "Keep what was typed"),
        field_key("escape", "field_done(False)", "Keep what was typed"),
        Binding("escape", "back", "Home", show=False),
    ]
    DEFAULT_CSS = (
        body_css("QuestionScreen")
        + """
    QuestionScreen #ask { padding: 0 1; }
    QuestionScreen Input { margin: 0; }
    """
    )

    def __init__(self, context: AssessmentContext, index: int = 0) -> None:
        super().__init__(context, index)
        self._saver = FieldSaver(self, context.idle_save, self._save)

    def on_unmount(self) -> None:
        self.flush()

    # Showing

    def show_index(self, index: int) -> None:
        """Go to question `index` (0-based), saving what was being typed first."""
        self.flush()
        self.index = max(0, min(index, len(self.questions) - 1))
        self.show_question()

    # Saving

    def _save(self, what: str) -> bool:
        """Save one field's text through the session; a failed save is shown, never swallowed."""
        qid = self.question.id
        old = self.store.assessment.answer(qid)
        if what == "note":
            note, cut = cap_note(shown_or_kept(self._field("note").value, old.note if old else ""))
            if cut:
                self.notify(note_cut_message(), severity="warning")
            return self._apply(lambda: self.store.session.set_note(qid, note))
        text = shown_or_kept(self._field("answer").value, old.text if old else "")
        return self._apply(lambda: self.store.session.write(qid, text))

    def _apply(self, change: Callable[[], Edit]) -> bool:
        try:
            change()
        except StickError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return False
        return True

    def flush(self) -> None:
        """Save whatever is typed but not yet saved (before moving, answering or quitting).

        The open field is saved even when no change has been seen yet: keys are
        applied as they are read, and its Changed message may still be queued.
        """
        self._saver.flush()
        for which in PLACEHOLDERS:
            if self._editing(which):
                self._save(which)

    def on_input_changed(self, event: Input.Changed) -> None:
        what = event.input.id or ""
        if what in PLACEHOLDERS and event.input.display:
            self._saver.changed(what)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        # Out of the field, what was typed is saved and shown as a line of text again.
        self._saver.flush(event.input.id or "")
        self._close_fields()
        self.refresh_heading()
        self.refresh_radar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # enter is the screen's field key; this only comes from a click-submit

    # Actions

    def _record(self, change: Callable[[], Edit]) -> None:
        if refused(self, self.store):
            return
        self.flush()
        self._apply(change)
        self.action_move(1)  # shows the next question, and the radar with this answer

    def action_choose(self, number: int) -> None:
        if self.question.kind == "text":
            return
        if number > len(self.question.options):
            self.notify(f"This question has {len(self.question.options)} options.", severity="warning")
            return
        qid = self.question.id
        self._record(lambda: self.store.session.choose(qid, number))

    def on_question_pane_selected(self, event: QuestionPane.Selected) -> None:
        event.stop()
        self.action_choose(event.number)

    def action_dont_know(self) -> None:
        qid = self.question.id
        self._record(lambda: self.store.session.dont_know(qid))

    def action_clear(self) -> None:
        if refused(self, self.store):
            return
        self.flush()
        qid = self.question.id
        self._apply(lambda: self.store.session.clear(qid))
        self.show_question()

    def action_move(self, step: int) -> None:
        self.flush()
        target = self.index + step
        if target >= len(self.questions):
            self.show_question()
            self._leave_last()
            return
        self.index = max(0, target)
        self.show_question()

    def _leave_last(self) -> None:
        """Past the last question: the result, after a review of what is don't know or empty, if any."""
        from tui.app.review import ON_TO_RESULT, ReviewScreen

        listed = self.store.session.to_review()
        if not listed:
            self.action_result()
            return

        def chosen(index: int | None) -> None:
            if index == ON_TO_RESULT:
                self.action_result()
            elif index is not None:
                self.show_index(index)

        self.app.push_screen(ReviewScreen(self.questions, listed), chosen)

    def _open(self, which: str, text: str) -> None:
        """Open a field on `text` with the cursor at its end and nothing selected: typing adds to it.

        Text from the file is shown with unsafe characters escaped; left as shown, it keeps them (_save).
        """
        field = self._field(which)
        field.value = terminal_safe(text)
        field.cursor_position = len(field.value)
        field.display = True
        # The question's lines shrink to their text, so the field sits right under them.
        self.query_one(QuestionPane).hug(self.query_one("#ask").content_size.height - 3)
        self.set_focus(field)  # now, not later: the keys typed next are the field's
        self.refresh_progress()

    def action_note(self) -> None:
        if self.question.kind == "text":
            self.action_open_answer()
            return
        if refused(self, self.store):
            return
        self._open("note", self.store.session.note(self.question.id))

    def action_enter(self) -> None:
        """Enter on a question: the option the cursor points at, or a text question's field."""
        if self.question.kind == "text":
            self.action_open_answer()
        else:
            self.action_choose(self.query_one(QuestionPane).cursor + 1)

    def action_open_answer(self) -> None:
        if refused(self, self.store):
            return
        answer = self.store.assessment.answer(self.question.id)
        self._open("answer", answer.text if answer is not None else "")

    def action_field_done(self, enter: bool) -> None:
        """Enter or esc in a field: keep what was typed; enter on a text answer also moves on."""
        focused = self.focused
        if not typing_into(focused) or focused is None:
            return
        which = focused.id or ""
        self._saver.flush(which)
        if which in PLACEHOLDERS:
            self._save(which)  # a field opened and left unchanged saves nothing: the session sees no change
        if which == "answer" and enter:
            self.action_move(1)
        else:
            self.set_focus(self.query_one(QuestionPane))

    def action_back(self) -> None:
        self.flush()
        self.dismiss(None)

    def action_jump(self) -> None:
        from tui.app.jump import JumpScreen, jump_rows

        self.flush()

        def go(index: int | None) -> None:
            self.show_index(self.index if index is None else index)

        self.app.push_screen(JumpScreen(jump_rows(self.store), self.index), go)

    def action_toggle_radar(self) -> None:
        self.context.switch_view(self.question)
        self.refresh_radar()

    def action_compare(self) -> None:
        self.context.comparison.cycle()
        self.refresh_radar()
        self.notify(self.context.comparison.describe())

    def action_result(self) -> None:
        self.flush()
        self.context.navigator.show_result(self.context)
