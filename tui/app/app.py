"""The stick app: its keys, its start and its end; screens do the rest.

Opening an assessment (tui/app/opening_app.py), making one (making_app.py) and finding
the earlier one (earlier_outline.py) are parts of the app class, each in its own module,
stacked one on the other (StickApp > MakingApp > OpeningApp > EarlierOutlineApp > AppShell,
the last shared with the panel's app: tui/app/shell.py).

Only Home is imported at start: the other screens, scoring and the instrument
loader are imported when first needed, so the first frame costs little more
than Textual's own.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from surveys.errors import StickError
from tui.app.making_app import MakingApp

if TYPE_CHECKING:
    from surveys.locks.lock import FileLock
    from tui.app.context import AssessmentContext
    from tui.app.help import Section
    from tui.app.store import Store


# Typed text is saved this long after the last key, even while the field keeps the focus.
IDLE_SAVE_SECONDS = 2.0


class StickApp(MakingApp):
    TITLE = "stick"
    # Under NO_COLOR the cursor must show by an attribute, not a shade of grey.
    DEFAULT_CSS = """
    StickApp.-no-color DataTable > .datatable--cursor { text-style: reverse bold; }
    StickApp.-no-color RowTable > .row-table--cursor { text-style: reverse bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Quit (everything is already saved)"),
        Binding("question_mark", "help", "Keys", tooltip="This screen's keys, then every other screen's"),
        # Handled by the app as the key arrives, not after it has passed through
        # the focused field: otherwise letters typed straight after a tab (a
        # paste, a fast typist) still land in the field being left.
        Binding("tab", "next_field(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "next_field(-1)", "Previous field", show=False, priority=True),
    ]

    def __init__(
        self,
        folder: Path,
        *,
        opened: Store | None = None,
        instrument_path: Path | None = None,
        today: Callable[[], date] = date.today,
        idle_save: float = IDLE_SAVE_SECONDS,
        config_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.config_dir = config_dir
        self.instrument_path = instrument_path
        self.today = today
        self.idle_save = idle_save
        self._opened = opened
        self.context: AssessmentContext | None = None
        self.lock: FileLock | None = None

    def on_mount(self) -> None:
        self.set_class(bool(os.environ.get("NO_COLOR")), "-no-color")
        from tui.app.theme_memory import recall_theme

        recall_theme(self, self.config_dir)
        if self._opened is not None:
            # `stick FILE` goes straight to its questions: Home (which reads and
            # scores every file in the folder) is built only when it is needed.
            self._open(self._opened)
        else:
            from tui.app.home import HomeScreen

            self.push_screen(HomeScreen(self.folder, self))
        self._started = True
        self._check_size(self.size.width, self.size.height)
        # `stick` starts with the collector off (tui.cli.main); from the first
        # frame on, the app runs as long as people work, so it is back on.
        self.call_after_refresh(self._collect_again)

    def _collect_again(self) -> None:
        # A method, not gc.enable itself: Textual reads a callback's signature,
        # and reading a builtin's means tokenizing its text signature.
        gc.enable()

    def on_unmount(self) -> None:
        # Screens are gone by now, so any note they were holding has been saved.
        self.release_lock()

    async def action_quit(self) -> None:
        """Save whatever is still being typed on any screen, then leave: everything else is saved already."""
        from tui.app.field_saver import Flushable

        for screen in reversed(self.screen_stack):
            if isinstance(screen, Flushable):
                screen.flush()
        self.exit()

    # Help and the command palette

    def key_sections(self, current: Screen[Any] | None = None) -> list[Section]:
        from tui.app.key_sections import key_sections

        return key_sections(StickApp.BINDINGS, current)

    def action_help(self) -> None:
        from tui.app.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_sections(self.screen), self.glossary()))

    def glossary(self) -> tuple[tuple[str, str], ...]:
        """The glossary of the assessment open, else of the instrument a new one would use."""
        try:
            instrument = self.context.store.instrument if self.context is not None else self.instrument()
        except StickError:
            return ()
        return instrument.glossary

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        # Textual's saves only to Downloads and fails where there is none: see screenshot_place.
        from tui.app.screenshot_place import deliver

        notice = deliver(self.export_screenshot(), self.title, self.folder)
        self.notify(notice.message, title="Screenshot", severity="error" if notice.failed else "information")
        return None

    def action_show_help_panel(self) -> None:
        # Textual's own keys panel lists only the focused widget's keys and stays
        # open on esc; stick's help (all keys, this screen's first) closes with it.
        self.action_help()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's "Keys" is replaced by stick's own help, so the palette lists one.
        yield from (command for command in super().get_system_commands(screen) if command.title != "Keys")
        yield SystemCommand("New assessment", "Start a new assessment", self.action_new_assessment)
        yield SystemCommand("Keys", "This screen's keys, then every other screen's", self.action_help)
