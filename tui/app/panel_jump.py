"""The panel's rows for the jump list (tui/app/jump.py): every question with where its agreed rating stands."""

from __future__ import annotations

from surveys.panel.session import PanelSession
from surveys.terminal_text import terminal_safe
from tui.app.jump_list import Row
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
