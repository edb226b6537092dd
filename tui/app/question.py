"""The question screen: one question at a time, answered with one key, radar alongside.

A number key chooses, saves and moves on at once. A note (`t`) and the answer
to a text question (`enter` or `t` there) are typed in a field that opens with
the cursor at the end of what is already written; they are saved as the field
is left (enter, esc, moving on, quitting) and after a pause in typing. On
every question, the command keys keep their meaning until a field is opened.

The screen is a handful of widgets: the question, its options and the
progress lines are one pane that keeps its size (tui/app/question_pane.py), so
an answer redraws lines and never lays the screen out; the two text fields are
mounted beneath it only when first needed (a note shows as a line of text
until `t` opens it), because every widget on this screen is paid for in the
first frame of `stick FILE`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical

from surveys.editing.session import Edit
from surveys.errors import StickError
from surveys.model.answers import AnswerState
from surveys.model.instrument import Question
from surveys.model.limits import cap_note, note_cut_message
from surveys.terminal_text import shown_or_kept, terminal_safe
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, command, field_key, typing_into
from tui.app.context import AssessmentContext
from tui.app.field_saver import FieldSaver
from tui.app.question_pane import QuestionPane
from tui.app.question_text import STATE_TEXT, heading, progress_lines
from tui.app.radar import Radar
from tui.app.read_only import refused
from tui.app.side_by_side import body_css, stacked

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.content import Content
    from textual.timer import Timer
    from textual.widgets import Input

PLACEHOLDERS = {"answer": "Type the answer; enter saves it", "note": "Note: enter or esc keeps it"}
WARM_AFTER = 0.02  # seconds after a question is shown, the next one is wrapped
CHOOSE = Binding.Group("Choose")
MOVE = Binding.Group("Move")


class QuestionScreen(CommandScreen[None]):
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
        super().__init__()
        self.context = context
        self.store = context.store
        self.questions = self.store.instrument.questions
        self.index = max(0, min(index, len(self.questions) - 1))
        self._fields: dict[str, Input] = {}
        self._saver = FieldSaver(self, context.idle_save, self._save)
        self._warming: Timer | None = None

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="ask"):
            yield QuestionPane(id="pane")
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

            # Not selected on focus: typing into a reopened note adds to it.
            field = Input(id=which, placeholder=PLACEHOLDERS[which], select_on_focus=False)
            field.disabled = self.store.read_only is not None
            self.query_one("#ask", Vertical).mount(field)
            self._fields[which] = field
        return self._fields[which]

    # Showing

    def show_index(self, index: int) -> None:
        """Go to question `index` (0-based), saving what was being typed first."""
        self.flush()
        self.index = max(0, min(index, len(self.questions) - 1))
        self.show_question()

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
        self.query_one(Radar).data = self.context.radar()

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
        from tui.app.jump import JumpScreen

        self.flush()

        def go(index: int | None) -> None:
            self.show_index(self.index if index is None else index)

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
        self.context.navigator.show_result(self.context)
