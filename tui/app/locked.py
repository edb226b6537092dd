"""When another stick has the file open: say who and since when, offer to look read-only.

The app holds one `FileLock` while an assessment is open for answering. If the
lock is taken, this dialog answers True for "open read-only" and False for
"cancel"; a read-only store then refuses every change (`tui.app.read_only`).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from surveys.locks.lock import Holder
from surveys.terminal_text import terminal_safe


def locked_text(path: Path, holder: Holder) -> str:
    # The lock file is written by whoever holds it: its words are shown, never run.
    name, user, host, program = (terminal_safe(text) for text in (path.name, holder.user, holder.host, holder.program))
    return (
        f"{name} is already open\n"
        f"by {user} on {host} ({program}, process {holder.pid})\n"
        f"since {holder.since:%Y-%m-%d %H:%M}.\n\n"
        "Open it read-only to look at the answers, result and plan: nothing you do is saved. "
        "Or cancel, and open it once they have finished."
    )


class LockedDialog(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "read_only", "Open read-only", tooltip="Look without saving anything"),
        Binding("escape,c", "cancel", "Cancel", tooltip="Leave the file to whoever has it open"),
        Binding("left,right", "switch", "Switch button", show=False),
    ]
    DEFAULT_CSS = """
    LockedDialog { align: center middle; }
    LockedDialog > Vertical { width: 72; max-width: 100%; height: auto; border: thick $warning;
        background: $surface; padding: 0 1; }
    LockedDialog #message { height: auto; margin-bottom: 1; }
    LockedDialog Horizontal { height: auto; align-horizontal: center; }
    LockedDialog Button { margin: 0 1; }
    """

    def __init__(self, path: Path, holder: Holder) -> None:
        super().__init__()
        self.path = path
        self.holder = holder

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Open elsewhere"
            yield Static(locked_text(self.path, self.holder), id="message", markup=False)
            with Horizontal():
                yield Button("Open read-only (r)", id="read-only", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        # Read-only cannot harm the file, so it is the safe default for enter.
        self.query_one("#read-only", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "read-only")

    def action_read_only(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_switch(self) -> None:
        self.focus_next()
