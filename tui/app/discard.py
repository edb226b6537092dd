"""Asked before closing a form with something typed in it: keep editing (the default) or throw it away."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class DiscardDialog(ModalScreen[bool]):
    """True: throw away what was typed; False: back to the form as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,k", "keep", "Keep editing", tooltip="Back to the form, everything as typed"),
        Binding("t", "throw_away", "Throw away", tooltip="Close the form; nothing is created"),
        Binding("left,right", "switch", "Switch button", show=False),
    ]
    DEFAULT_CSS = """
    DiscardDialog { align: center middle; }
    DiscardDialog > Vertical { width: 60; max-width: 100%; height: auto; border: thick $warning;
        background: $surface; padding: 0 1; }
    DiscardDialog #question { height: auto; margin-bottom: 1; }
    DiscardDialog Horizontal { height: auto; align-horizontal: center; }
    DiscardDialog Button { margin: 0 1; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Close the form?"
            yield Static(self.question, id="question", markup=False)
            with Horizontal():
                yield Button("Keep editing (esc)", id="keep", variant="primary")
                yield Button("Throw away (t)", id="throw-away", variant="error")

    def on_mount(self) -> None:
        # Keeping loses nothing, so it is what enter does.
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "throw-away")

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_throw_away(self) -> None:
        self.dismiss(True)

    def action_switch(self) -> None:
        self.focus_next()
