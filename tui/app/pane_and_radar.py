"""A question's pane with the radar beside it (below it on a narrow, tall window).

The layout the question screen and the panel's screen share: the pane keeps its size
(tui/app/question_pane.py), the radar takes the rest, and the two stack when the
window is narrow and tall enough (side_by_side.py).
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical

from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen
from tui.app.question_pane import QuestionPane
from tui.app.radar import Radar
from tui.app.side_by_side import stacked


class PaneAndRadar(CommandScreen[None]):
    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="ask"):
            yield QuestionPane(id="pane")
        yield Radar(id="radar")
        yield KeyBar()

    def on_resize(self, event: events.Resize) -> None:
        self._place(event.size.width, event.size.height)

    def _place(self, width: int, height: int) -> None:
        self.set_class(stacked(width, height), "-stacked")
