"""The jump list: every question with its state; enter goes there."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from surveys.model.answers import AnswerState
from tui.app.jump_list import JumpList, Row
from tui.app.store import Store

# Marks readable without colour, the same on every screen.
STATE_MARK = {
    AnswerState.ANSWERED: "[x]",
    AnswerState.DONT_KNOW: "[?]",
    AnswerState.UNANSWERED: "[ ]",
    AnswerState.NEEDS_REVIEW: "[!]",
}
STATE_WORDS = "[x] answered  [?] don't know  [ ] empty  [!] answer again"


def jump_rows(store: Store) -> list[Row]:
    """Each section's heading, then its questions with their states, numbered as the question screen does."""
    rows: list[Row] = []
    state = store.session.state
    n = 0
    for section in store.instrument.sections:
        rows.append(Row(section.title, None))
        for question in section.questions:
            rows.append(Row(f" {STATE_MARK[state(question)]} {n + 1}. {question.text}", n))
            n += 1
    return rows


class JumpScreen(ModalScreen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close")]
    DEFAULT_CSS = """
    JumpScreen { align: center middle; }
    JumpScreen > #box { width: 90%; height: 90%; border: round $accent; background: $surface; }
    JumpScreen #legend { height: 1; padding: 0 1; }
    JumpScreen JumpList { padding: 0 1; }
    """

    def __init__(self, rows: list[Row], current: int, legend: str = STATE_WORDS) -> None:
        super().__init__()
        self.rows = rows  # the question screen's (jump_rows) or the panel's (panel_jump.panel_rows)
        self.current = current
        self.legend = legend

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(id="box") as box:
            box.border_title = "Jump to a question"
            yield Static(self.legend, id="legend", markup=False)
            yield JumpList(self.rows, self.current)

    def on_mount(self) -> None:
        self.query_one(JumpList).focus()

    def on_jump_list_chosen(self, event: JumpList.Chosen) -> None:
        event.stop()
        self.dismiss(event.question)

    def action_cancel(self) -> None:
        self.dismiss(None)
