"""What the panel screen shows: the question with its spread, the lines under it, the field, the radar.

The part of the facilitator's screen that draws, apart from its keys and what
they ask of the engine (tui/app/panel_screen.py), as the question screen is
split (question_view.py under question.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical

from surveys.model.instrument import Question
from surveys.panel.session import PanelSession, QuestionState
from surveys.terminal_text import terminal_safe
from tui.app.command_keys import typing_into
from tui.app.pane_and_radar import PaneAndRadar
from tui.app.panel_radar import PanelOutlines
from tui.app.panel_text import agreed_lines, heading, option_labels, place_text, rater_lines, spread_line, summary_line
from tui.app.question_pane import QuestionPane
from tui.app.radar import Radar
from tui.app.radar_follow import RadarFollow

if TYPE_CHECKING:
    from textual.widgets import Input


class PanelView(PaneAndRadar):
    """The panel screen's drawing; PanelScreen adds the keys."""

    def __init__(self, session: PanelSession) -> None:
        super().__init__()
        self.session = session
        self.questions: tuple[Question, ...] = session.instrument.questions
        self.index = 0
        self.follow = RadarFollow(session.instrument)  # the view follows the question, as on the question screen
        self.outlines = PanelOutlines(session)
        self._field: Input | None = None
        self._pending: int | None = None  # the option the open reason is for; None: the agreed words
        self._refusal = ""

    @property
    def question(self) -> Question:
        return self.questions[self.index]

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
        self.follow.follow(self.question)
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
        self.query_one(Radar).data = self.outlines.radar(self.follow.view, self.follow.marked)

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

    def show_index(self, index: int) -> None:
        self._close()
        self.index = max(0, min(len(self.questions) - 1, index))
        self.show_question()
