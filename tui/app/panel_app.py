"""The app `stick panel` runs: the facilitator's screen over a panel session, and nothing else.

It keeps what the main app promises on every screen (keys applied in the order
typed, notices shown as text and never as markup, the quick exit on a Unix
terminal, the notice for a window smaller than 80x24, `?` for every key) but
has no Home and opens no other assessment: the panel session was opened, and
its agreed file locked, before the app starts (tui/app/panel_launch.py).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType

from surveys.panel.session import PanelSession
from tui.app.shell import AppShell

if TYPE_CHECKING:
    pass


class PanelApp(AppShell):
    TITLE = "stick"
    DEFAULT_CSS = """
    PanelApp.-no-color RowTable > .row-table--cursor { text-style: reverse bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Quit (every agreed rating is already saved)"),
        Binding("question_mark", "help", "Keys", tooltip="This screen's keys"),
        Binding("tab", "next_field(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "next_field(-1)", "Previous field", show=False, priority=True),
    ]

    def __init__(self, session: PanelSession, *, poll: float = 1.5) -> None:
        super().__init__()
        self.session = session
        self.poll = poll

    def on_mount(self) -> None:
        from tui.app.panel_screen import PanelScreen

        self.set_class(bool(os.environ.get("NO_COLOR")), "-no-color")
        self.push_screen(PanelScreen(self.session, poll=self.poll))
        self._started = True
        self._check_size(self.size.width, self.size.height)

    def action_help(self) -> None:
        from tui.app.help import HelpScreen
        from tui.app.jump import JumpScreen
        from tui.app.panel_screen import PanelScreen

        if isinstance(self.screen, HelpScreen):
            return
        sections = [
            ("Panel", PanelScreen.BINDINGS),
            ("Jump list", JumpScreen.BINDINGS),
            (
                "Everywhere",
                [*PanelApp.BINDINGS, Binding("ctrl+p", "command_palette", "Command palette: themes, screenshot")],
            ),
        ]
        self.push_screen(HelpScreen(sections, self.session.instrument.glossary))

    def action_show_help_panel(self) -> None:
        self.action_help()
