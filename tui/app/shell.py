"""What every stick app promises on every screen, held once for the main app and the panel's.

Keys are applied in the order typed (tui/app/keys_in_order.py), also a tab into the next
field; notices are shown as text, never as markup or terminal controls; on a Unix terminal
the input thread stops the moment it is told (tui/app/quick_exit.py); a window under 80x24
gets the notice asking for a bigger one and lets nothing through until it has it.

Only methods Textual calls by name are here, no message handler of a name a subclass also
defines (on_mount): Textual would call both.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from textual import events
from textual.actions import SkipAction
from textual.app import App

from surveys.terminal_text import terminal_safe
from tui.app.keys_in_order import KeyQueue
from tui.app.too_small import TooSmallScreen, too_small

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel


class AppShell(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self._keys = KeyQueue(self, super().on_event)
        self._started = False  # set by the app once its first screen is up

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # Notifications carry error lines and names from files: shown as text, never
        # as markup or terminal controls, whoever sends them.
        super().notify(
            terminal_safe(message, keep="\n"),
            title=terminal_safe(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def get_driver_class(self) -> type[Driver]:
        # On a Unix terminal, a driver whose input thread stops the moment it is
        # told (tui/app/quick_exit.py); elsewhere, or when one is asked for, Textual's.
        from textual import constants

        if constants.DRIVER is not None or sys.platform == "win32":
            return super().get_driver_class()
        from tui.app.quick_exit import QuickExitDriver

        return QuickExitDriver

    async def on_event(self, event: events.Event) -> None:
        # Keys are applied here, as they are read, so a burst lands in the order
        # typed, also across a form opening (see keys_in_order).
        if not await self._keys.take(event):
            await super().on_event(event)

    def action_next_field(self, step: int) -> None:
        if self.screen.focused is None:
            # A screen just opened and nothing has the focus yet: the keys typed
            # before this tab went to the screen itself (see command_keys.catch_up),
            # so the tab follows them there and is handled after them, in order.
            raise SkipAction()
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def on_resize(self, event: events.Resize) -> None:
        # The first Resize comes before on_mount: a notice pushed then would end up under the screens.
        if not self._started:
            return
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
