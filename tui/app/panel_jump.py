"""The panel's jump list: every question with where its agreed rating stands; enter goes there."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from surveys.panel.session import PanelSession
from surveys.terminal_text import terminal_safe
from tui.app.jump_list import JumpList, Row
from tui.app.panel_text import DISCUSS_MARK, STATUS_MARK

LEGEND = "[x] agreed  [~] proposed  [ ] no rating  ! for discussion"


def panel_rows(session: PanelSession) -> list[Row]:
    """Each section's heading, then its questions, numbered as the panel screen numbers them."""
    rows: list[Row] = []
    n = 0
    for section in session.instrument.sections:
        rows.append(Row(terminal_safe(section.title), None))
        for question in section.questions:
            state = session.state(question.id)
            discuss = DISCUSS_MARK if state.spread.discuss else " "
            rows.append(
                Row(f" {STATUS_MARK.get(state.status, '[ ]')}{discuss}{n + 1}. {terminal_safe(question.text)}", n)
            )
            n += 1
    return rows


class PanelJumpScreen(ModalScreen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close")]
    DEFAULT_CSS = """
    PanelJumpScreen { align: center middle; }
    PanelJumpScreen > #box { width: 90%; height: 90%; border: round $accent; background: $surface; }
    PanelJumpScreen #legend { height: 1; padding: 0 1; }
    PanelJumpScreen JumpList { padding: 0 1; }
    """

    def __init__(self, session: PanelSession, current: int) -> None:
        super().__init__()
        self.session = session
        self.current = current

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(id="box") as box:
            box.border_title = "Jump to a question"
            yield Static(LEGEND, id="legend", markup=False)
            yield JumpList(panel_rows(self.session), self.current)

    def on_mount(self) -> None:
        self.query_one(JumpList).focus()

    def on_jump_list_chosen(self, event: JumpList.Chosen) -> None:
        event.stop()
        self.dismiss(event.question)

    def action_cancel(self) -> None:
        self.dismiss(None)
