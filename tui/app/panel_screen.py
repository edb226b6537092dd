"""The facilitator's screen: one question at a time, its spread, the raters' notes and the agreed rating.

Keys as on the question screen: a number agrees that option, enter the one
under the cursor (which starts on the proposed rating, so enter alone accepts
it), ←/→ move, j jumps. An option other than the proposed one needs a reason:
a field opens under the question, and enter on it empty is refused, said on
the screen. Every change is the engine's (surveys.panel.session): this screen
asks, shows what came back, and holds no rule of its own.

Rater files saved while the screen is open are read again in a worker
(tui/app/panel_watch.py) and arrive by message, so a colleague's save, or a
broken file, never holds up a key. What the screen draws is its base,
tui/app/panel_view.py; this module is its keys and what they ask.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.worker import Worker, WorkerState

from surveys.editing.session import Edit
from surveys.errors import StickError
from surveys.panel.raters import Raters
from surveys.panel.session import PanelSession, ReasonNeeded
from surveys.terminal_text import shown_or_kept
from tui.app.command_keys import command, field_key
from tui.app.panel_view import PanelView
from tui.app.panel_watch import RatersWatch
from tui.app.question_pane import QuestionPane
from tui.app.side_by_side import body_css

if TYPE_CHECKING:
    pass

AGREE = Binding.Group("Agree")
MOVE = Binding.Group("Move")
REFUSED = "Not saved: a rating other than the proposed one needs a reason. Type it, or esc to leave it."


class PanelScreen(PanelView):
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
        command("r", "toggle_radar", "Radar view", show=False, tooltip="The radar's next view, kept for this section"),
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
        super().__init__(session)
        self._problems_seen: set[str] = set(session.raters.problems)
        self._watch = RatersWatch(self, session, poll)

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

    def action_next_open(self) -> None:
        count = len(self.questions)
        for step in range(1, count + 1):
            at = (self.index + step) % count
            if self._state(self.questions[at]).status != "agreed":
                self.show_index(at)
                return
        self.notify("Every question has an agreed rating.")

    def action_jump(self) -> None:
        from tui.app.jump import JumpScreen
        from tui.app.panel_jump import LEGEND, panel_rows

        def go(index: int | None) -> None:
            if index is not None:
                self.show_index(index)

        self.app.push_screen(JumpScreen(panel_rows(self.session), self.index, LEGEND), go)

    def action_toggle_radar(self) -> None:
        self.follow.switch(self.question)
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
