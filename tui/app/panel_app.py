"""The app `stick panel` runs: the facilitator's screen over a panel session, and nothing else.

It keeps what the main app promises on every screen (keys applied in the order
typed, notices shown as text and never as markup, the quick exit on a Unix
terminal, the notice for a window smaller than 80x24, `?` for every key) but
has no Home and opens no other assessment: the panel session was opened, and
its agreed file locked, before the app starts (tui/app/panel_launch.py).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.actions import SkipAction
from textual.app import App
from textual.binding import Binding, BindingType

from surveys.panel.session import PanelSession
from surveys.terminal_text import terminal_safe
from tui.app.keys_in_order import KeyQueue
from tui.app.too_small import TooSmallScreen, too_small

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel


class PanelApp(App[None]):
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
        self._keys = KeyQueue(self, super().on_event)
        self._started = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # Notices carry rater names and file problems: text, never markup or terminal controls.
        super().notify(
            terminal_safe(message, keep="\n"),
            title=terminal_safe(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def get_driver_class(self) -> type[Driver]:
        from textual import constants

        if constants.DRIVER is not None or sys.platform == "win32":
            return super().get_driver_class()
        from tui.app.quick_exit import QuickExitDriver

        return QuickExitDriver

    def on_mount(self) -> None:
        from tui.app.panel_screen import PanelScreen

        self.set_class(bool(os.environ.get("NO_COLOR")), "-no-color")
        self.push_screen(PanelScreen(self.session, poll=self.poll))
        self._started = True
        self._check_size(self.size.width, self.size.height)

    async def on_event(self, event: events.Event) -> None:
        if not await self._keys.take(event):
            await super().on_event(event)

    def action_next_field(self, step: int) -> None:
        if self.screen.focused is None:
            raise SkipAction()
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def on_resize(self, event: events.Resize) -> None:
        if self._started:
            self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        notice = next((s for s in self.screen_stack if isinstance(s, TooSmallScreen)), None)
        if too_small(width, height):
            if notice is None:
                self.push_screen(TooSmallScreen())
            else:
                notice.show(width, height)
        elif notice is not None and self.screen is notice:
            self.pop_screen()

    def action_help(self) -> None:
        from tui.app.help import HelpScreen
        from tui.app.panel_jump import PanelJumpScreen
        from tui.app.panel_screen import PanelScreen

        if isinstance(self.screen, HelpScreen):
            return
        sections = [
            ("Panel", PanelScreen.BINDINGS),
            ("Jump list", PanelJumpScreen.BINDINGS),
            (
                "Everywhere",
                [*PanelApp.BINDINGS, Binding("ctrl+p", "command_palette", "Command palette: themes, screenshot")],
            ),
        ]
        self.push_screen(HelpScreen(sections, self.session.instrument.glossary))

    def action_show_help_panel(self) -> None:
        self.action_help()
