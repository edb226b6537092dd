"""When a save finds the file changed behind the app: reload it, keep ours as a copy, or wait.

Raised by the store (`Store.on_changed_on_disk`) the moment a save is refused
by `surveys.files.guarded_file`. Nothing is overwritten: reloading takes the file as
it is now and makes again, on top of it, the changes that could not be saved
(the note or answer just typed); a copy keeps our version under a new name
beside it and carries on with the file as it is now.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from surveys.errors import StickError

if TYPE_CHECKING:
    from tui.app.store import Store

Choice = Literal["reload", "copy", "cancel"]


def changed_text(path: Path) -> str:
    return (
        f"{path.name} was changed outside stick (by hand, or by another program) "
        "since it was opened here, so stick did not save over it.\n\n"
        "Reload takes the file as it is now and keeps what you just typed on top of it. "
        "Copy saves your version beside it under a new name. "
        "Cancel leaves both as they are: nothing more is saved until you choose."
    )


class ChangedOnDiskScreen(ModalScreen[Choice]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "decide('reload')", "Reload", tooltip="The file as it is now, with what you typed on top"),
        Binding("c", "decide('copy')", "Save a copy", tooltip="Your version under a new name beside it"),
        Binding("escape", "decide('cancel')", "Cancel", tooltip="Save nothing for now"),
        Binding("left,right", "switch", "Switch button", show=False),
    ]
    DEFAULT_CSS = """
    ChangedOnDiskScreen { align: center middle; }
    ChangedOnDiskScreen > Vertical { width: 72; max-width: 100%; height: auto; border: thick $warning;
        background: $surface; padding: 0 1; }
    ChangedOnDiskScreen #message { height: auto; margin-bottom: 1; }
    ChangedOnDiskScreen Horizontal { height: auto; align-horizontal: center; }
    ChangedOnDiskScreen Button { margin: 0 1; }
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Changed on disk"
            yield Static(changed_text(self.path), id="message", markup=False)
            with Horizontal():
                yield Button("Reload (r)", id="reload", variant="primary")
                yield Button("Save a copy (c)", id="copy")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#reload", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_decide(event.button.id or "cancel")

    def action_decide(self, choice: str) -> None:
        self.dismiss("reload" if choice == "reload" else "copy" if choice == "copy" else "cancel")

    def action_switch(self) -> None:
        self.focus_next()


def ask(app: App[Any], store: Store) -> None:
    """Show the choice once, however many saves were refused while it is up."""
    if not any(isinstance(screen, ChangedOnDiskScreen) for screen in app.screen_stack):
        app.push_screen(ChangedOnDiskScreen(store.path), lambda choice: settle(app, store, choice))


def settle(app: App[Any], store: Store, choice: Choice | None) -> None:
    from tui.app.plan import PlanScreen
    from tui.app.question import QuestionScreen

    try:
        if choice == "reload":
            store.reload()
            app.notify(f"Reloaded {store.path.name}; what you typed is saved on top of it.")
        elif choice == "copy":
            copy = store.save_copy()
            app.notify(f"Your version is saved as {copy.name}; {store.path.name} is shown as it is now.")
        else:
            return
    except StickError as exc:
        app.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
        return
    screen = app.screen
    if isinstance(screen, QuestionScreen):
        screen.show_question()
    elif isinstance(screen, PlanScreen):
        screen.show()
