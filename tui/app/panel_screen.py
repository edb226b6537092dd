"""The facilitator's screen: one question at a time, its spread, the raters' notes and the agreed rating.

Keys as on the question screen: a number agrees that option, enter the one
under the cursor (which starts on the proposed rating, so enter alone accepts
it), ←/→ move, j jumps. An option other than the proposed one needs a reason:
a field opens under the question, and enter on it empty is refused, said on
the screen. Every change is the engine's (surveys.panel.session): this screen
asks, shows what came back, and holds no rule of its own.

Rater files saved while the screen is open are read again in a worker
(tui/app/panel_watch.py) and arrive by message, so a colleague's save, or a
broken file, never holds up a key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.worker import Worker, WorkerState

from surveys.editing.session import Edit
from surveys.errors import StickError
from surveys.model.instrument import Question
from surveys.panel.raters import Raters
from surveys.panel.session import PanelSession, QuestionState, ReasonNeeded
from surveys.terminal_text import shown_or_kept, terminal_safe
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, command, field_key, typing_into
from tui.app.panel_radar import PanelOutlines
from tui.app.panel_text import agreed_lines, heading, option_labels, place_text, rater_lines, spread_line, summary_line
from tui.app.panel_watch import RatersWatch
from tui.app.question_pane import QuestionPane
from tui.app.radar import Radar
from tui.app.radar_data import View
from tui.app.side_by_side import body_css, stacked

if TYPE_CHECKING:
    from textual.widgets import Input

AGREE = Binding.Group("Agree")
MOVE = Binding.Group("Move")
REFUSED = "Not saved: a rating other than the proposed one needs a reason. Type it, or esc to leave it."


class PanelScreen(CommandScreen[None]):
    TITLE = "Panel"
    AUTO_FOCUS = "#pane"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            command(
                str(n),
                f"agree({n})",
                f"Agree option {n}",
                group=AGREE,
                tooltip="Agree that option and go on (one other than the proposed asks for a reason first)",
            )
            for n in range(1, 10)
        ),
        command(
            "enter",
            "enter",
            "Accept",
            tooltip="Agree the option under the cursor, at first the proposed one (a text question: type its words)",
        ),
        command(
            "t",
            "reason",
            "Reason",
            tooltip="Write the reason for the agreed rating (on a text question: the agreed words)",
        ),
        command("left", "move(-1)", "Previous", key_display="←", group=MOVE),
        command("right", "move(1)", "Next", key_display="→", group=MOVE),
        command("n", "next_open", "Next to agree", tooltip="The next question not yet agreed"),
        command("j", "jump", "Jump"),
        command("r", "toggle_radar", "Radar view", show=False, tooltip="Switch the radar between its two views"),
        command(
            "c",
            "outline",
            "Outline",
            show=False,
            tooltip="Draw the next group's or rater's outline on the radar, then none",
        ),
        command(
            "backspace",
            "withdraw",
            "Withdraw agreed",
            show=False,
            tooltip="Withdraw the agreed rating (kept in the file's history)",
        ),
        field_key("enter", "field_done(True)", "Save the reason"),
        field_key("escape", "field_done(False)", "Leave without saving"),
    ]
    DEFAULT_CSS = (
        body_css("PanelScreen")
        + """
    PanelScreen #ask { padding: 0 1; }
    PanelScreen Input { margin: 0; }
    """
    )

    def __init__(self, session: PanelSession, *, poll: float = 1.5) -> None:
        super().__init__()
        self.session = session
        self.questions: tuple[Question, ...] = session.instrument.questions
        self.index = 0
        self.view = View.AREAS
        self.outlines = PanelOutlines(session)
        self._field: Input | None = None
        self._pending: int | None = None  # the option the open reason is for; None: the agreed words
        self._refusal = ""
        self._problems_seen: set[str] = set(session.raters.problems)
        self._watch = RatersWatch(self, session, poll)

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
        self._place(self.size.width, self.size.height)
        first = next((i for i, q in enumerate(self.questions) if self._state(q).status != "agreed"), 0)
        self.index = first
        self.show_question()
        for problem in self.session.raters.problems:
            self.notify(problem, title="Left out", severity="warning", timeout=10)
        self._watch.start()

    def on_unmount(self) -> None:
        self._watch.stop()

    def on_resize(self, event: events.Resize) -> None:
        self._place(event.size.width, event.size.height)

    def _place(self, width: int, height: int) -> None:
        self.set_class(stacked(width, height), "-stacked")

    def _state(self, question: Question) -> QuestionState:
        return self.session.state(question.id)

    # Showing

    def show_question(self, *, point: bool = True) -> None:
        """The question, its spread and where its agreed rating stands; the cursor on the agreed or proposed."""
        state = self._state(self.question)
        pane = self.query_one(QuestionPane)
        agreed = state.agreed.choice if state.agreed is not None and state.status == "agreed" else 0
        labels = option_labels(state.spread, agreed) if self.question.kind != "text" else ()
        section = self.session.instrument.section(self.question.section)
        place = place_text(self.index, len(self.questions), state)
        pane.show((self.index, place), heading(section.title, place, self.question), labels, agreed, self._lines(state))
        if point and labels:
            pane.point_at((agreed or state.spread.proposed or 1) - 1)
        self._retitle()
        self.refresh_radar()

    def _lines(self, state: QuestionState) -> tuple[str, ...]:
        lines: list[str] = []
        if self.question.kind != "text":
            lines.append(spread_line(state.spread))
        lines += agreed_lines(state, self.question, {r.key: r.respondent for r in self.session.raters.raters})
        lines += rater_lines(state.spread)
        lines.append(summary_line(self.session.summary(), len(self.questions)))
        if self._editing():
            # Last, right above the field, and scrolled to (_to_field): what is asked, and a refusal.
            lines.append(self._field_prompt(state))
            if self._refusal:
                lines.append(self._refusal)
        return tuple(lines)

    def _editing(self) -> bool:
        return self._field is not None and bool(self._field.display)

    def _to_field(self) -> None:
        """Scroll the pane to its end, where the prompt and any refusal sit just above the open field."""
        if self._editing():
            pane = self.query_one(QuestionPane)
            pane.scroll_by_lines(len(pane.lines()))

    def _field_prompt(self, state: QuestionState) -> str:
        if self._pending is None:
            return "Type the agreed words: enter saves them, esc leaves them as they were."
        proposed = state.spread.proposed
        if not self.session.needs_reason(self.question.id, self._pending):
            return f"The reason for {self._pending} (may be left empty): enter saves, esc leaves it."
        if proposed is None:
            return f"Why {self._pending}? Nothing is proposed. enter saves, esc leaves it."
        return f"Why {self._pending} rather than the proposed {proposed}? enter saves, esc leaves it."

    def _retitle(self) -> None:
        summary = self.session.summary()
        self.sub_title = f"{terminal_safe(summary.organisation)} · {terminal_safe(summary.raters_words)}"

    def refresh_radar(self) -> None:
        self.query_one(Radar).data = self.outlines.radar(self.view)

    # Changes: each is the engine's

    def _apply(self, change: Callable[[], Edit]) -> bool:
        try:
            change()
        except StickError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return False
        return True

    def action_agree(self, number: int) -> None:
        if self.question.kind == "text" or self._typing():
            return
        if number > len(self.question.options):
            self.notify(f"This question has {len(self.question.options)} options.", severity="warning")
            return
        if self.session.needs_reason(self.question.id, number):
            self._open_reason(number, "")  # a departure: the engine will want its reason
            return
        if self._apply(lambda: self.session.agree(self.question.id, number)):
            self.action_move(1)

    def on_question_pane_selected(self, event: QuestionPane.Selected) -> None:
        event.stop()
        self.action_agree(event.number)

    def action_enter(self) -> None:
        if self.question.kind == "text":
            self._open_words()
        else:
            self.action_agree(self.query_one(QuestionPane).cursor + 1)

    def action_reason(self) -> None:
        if self.question.kind == "text":
            self._open_words()
            return
        state = self._state(self.question)
        if state.agreed is not None and state.status == "agreed":
            self._open_reason(state.agreed.choice, state.agreed.reason)
        elif state.spread.proposed is not None:
            self._open_reason(state.spread.proposed, "")
        else:
            self.notify("Nothing to give a reason for yet: a number agrees a rating.", severity="warning")

    def action_withdraw(self) -> None:
        state = self._state(self.question)
        if state.status != "agreed":
            return
        if self._apply(lambda: self.session.clear(self.question.id)):
            self.notify("Agreed rating withdrawn; the file's history keeps it.")
            self.show_question()

    # The reason field

    def _input(self) -> Input:
        if self._field is None:
            from textual.widgets import Input

            self._field = Input(id="reason", select_on_focus=False)
            self.query_one("#ask", Vertical).mount(self._field)
        return self._field

    def _typing(self) -> bool:
        return typing_into(self.focused)

    def _open_reason(self, number: int, text: str) -> None:
        proposed = self._state(self.question).spread.proposed
        departs = self.session.needs_reason(self.question.id, number)
        ask = f"Why {number} rather than {proposed}?" if departs and proposed is not None else f"Reason for {number}"
        self._open(number, text, f"{ask} enter saves, esc leaves it")

    def _open_words(self) -> None:
        state = self._state(self.question)
        self._open(None, state.agreed.text if state.agreed is not None else "", "The agreed words: enter saves them")

    def _open(self, pending: int | None, text: str, placeholder: str) -> None:
        field = self._input()
        self._pending, self._refusal = pending, ""
        field.placeholder = placeholder
        field.value = terminal_safe(text)
        field.cursor_position = len(field.value)
        field.display = True
        pane = self.query_one(QuestionPane)
        pane.hug(self.query_one("#ask").content_size.height - 3)
        self.set_focus(field)
        self.show_question(point=False)
        if pending is not None:
            pane.point_at(pending - 1)
        self.call_after_refresh(self._to_field)  # once the pane has its new height

    def _close(self) -> None:
        if self._field is not None and self._field.display:
            self._field.display = False
            self._refusal = ""
            self.query_one(QuestionPane).hug(None)
        self.set_focus(self.query_one(QuestionPane))

    def action_field_done(self, enter: bool) -> None:
        field = self._field
        if field is None or self.focused is not field:
            return
        if not enter:
            self._close()
            self.show_question()
            return
        qid = self.question.id
        if self._pending is None:
            old = self._state(self.question).agreed
            text = shown_or_kept(field.value, old.text if old is not None else "")
            saved = self._apply(lambda: self.session.write(qid, text))
        else:
            pending = self._pending
            old = self._state(self.question).agreed
            reason = shown_or_kept(field.value, old.reason if old is not None else "")
            try:
                self.session.agree(qid, pending, reason)
            except ReasonNeeded:
                # Said where the facilitator is looking, and the field stays open for the reason.
                self._refusal = REFUSED
                self.notify(REFUSED, title="Reason needed", severity="warning", markup=False)
                self.show_question(point=False)
                self._to_field()
                return
            except StickError as exc:
                self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
                return
            saved = True
        if saved:
            self._close()
            self.action_move(1)

    # Moving

    def action_move(self, step: int) -> None:
        if self._typing():
            return
        self.index = max(0, min(len(self.questions) - 1, self.index + step))
        self.show_question()

    def show_index(self, index: int) -> None:
        self._close()
        self.index = max(0, min(len(self.questions) - 1, index))
        self.show_question()

    def action_next_open(self) -> None:
        count = len(self.questions)
        for step in range(1, count + 1):
            at = (self.index + step) % count
            if self._state(self.questions[at]).status != "agreed":
                self.show_index(at)
                return
        self.notify("Every question has an agreed rating.")

    def action_jump(self) -> None:
        from tui.app.panel_jump import PanelJumpScreen

        def go(index: int | None) -> None:
            if index is not None:
                self.show_index(index)

        self.app.push_screen(PanelJumpScreen(self.session, self.index), go)

    def action_toggle_radar(self) -> None:
        self.view = self.view.other()
        self.refresh_radar()

    def action_outline(self) -> None:
        self.notify(self.outlines.cycle())
        self.refresh_radar()

    # Raters saving while the screen is open

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The engine's reading again never raises; if it ever did, the screen says so and carries on.
        if event.worker.group == "raters" and event.state is WorkerState.ERROR:
            self.notify(
                f"The raters' files are no longer read again ({event.worker.error}); the panel goes on with"
                " those read so far. Start it again to read them.",
                title="Reading stopped",
                severity="error",
                timeout=30,
            )

    def on_raters_watch_read(self, message: RatersWatch.Read) -> None:
        self.take(message.raters)

    def take(self, raters: Raters) -> None:
        """A new reading of the rater files: the spread shown is of it from now on."""
        before = self.session.raters
        self.session.take(raters)
        for problem in raters.problems:
            if problem not in self._problems_seen:
                self.notify(problem, title="Left out", severity="warning", timeout=10)
        self._problems_seen = set(raters.problems)
        known = {r.key for r in before.raters}
        arrived = [f"{r.respondent or r.key} ({r.group})" for r in raters.raters if r.key not in known]
        if arrived:
            self.notify(f"Joined: {', '.join(arrived)}. Now {raters.words()}.")
        self.show_question(point=not self._typing())
