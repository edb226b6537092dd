"""Asking what to export: the workbook's name, and the selected assessment or all readable ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Static

from surveys.terminal_text import terminal_safe
from tui.app.command_keys import catch_up


@dataclass(frozen=True)
class Chosen:
    """The assessment under Home's cursor, as the dialog names it."""

    path: Path
    organisation: str
    when: str  # its date, as Home shows dates
    respondent: str


# What a radio button's words may take after its "[x] " in the dialog (76 wide) before its edge cuts them.
_LABEL_ROOM = 60


def chosen_label(chosen: Chosen, room: int = _LABEL_ROOM) -> str:
    """ "The selected one: organisation, date, respondent", shortened so the date always shows.

    Two files of one organisation differ by their date; the respondent goes
    first when there is no room, then the organisation is cut.
    """
    head = "The selected one: "
    when = f", {chosen.when}" if chosen.when else ""
    full = f"{head}{chosen.organisation}{when}, {chosen.respondent}" if chosen.respondent else ""
    if full and len(full) <= room:
        return full
    organisation = chosen.organisation
    spare = room - len(head) - len(when)
    if len(organisation) > spare:
        organisation = organisation[: max(1, spare - 1)] + "…"
    return f"{head}{organisation}{when}"


class _PlainMark:
    # Textual draws its own on/off mark (▐X▌) and tells on from off by colour alone; the label's
    # "[x]" / "[ ]" says it in words, so the built-in mark is left empty rather than drawn twice.
    BUTTON_LEFT = BUTTON_INNER = BUTTON_RIGHT = ""


class MarkedCheckbox(_PlainMark, Checkbox):
    pass


class MarkedRadioButton(_PlainMark, RadioButton):
    pass


@dataclass(frozen=True)
class ExportRequest:
    files: tuple[Path, ...]
    output: Path
    force: bool


def default_output(folder: Path, today: date) -> Path:
    """`stick-export-<date>.xlsx` in the folder, numbered if that name is taken."""
    path = folder / f"stick-export-{today.isoformat()}.xlsx"
    n = 2
    while path.exists():
        path = folder / f"stick-export-{today.isoformat()}-{n}.xlsx"
        n += 1
    return path


def output_path(text: str, folder: Path, force: bool) -> Path:
    """The workbook path typed (relative to the folder); ValueError saying what to change."""
    if not text.strip():
        raise ValueError("Workbook: please give the file a name.")
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        path = folder / path
    if path.suffix.lower() != ".xlsx":
        raise ValueError("Workbook: the name must end in .xlsx.")
    if not path.parent.is_dir():
        raise ValueError(f"Workbook: there is no folder {path.parent}.")
    if path.exists() and not force:
        raise ValueError(f"Workbook: {path.name} already exists. Tick 'Replace' or choose another name.")
    return path


class ExportDialog(ModalScreen[ExportRequest | None]):
    # Keys typed before the first field has the focus wait for it (keys_in_order).
    OPENS_ON_A_FIELD = True
    AUTO_FOCUS = "#output"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", tooltip="Write the workbook"),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > VerticalScroll { width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1; }
    ExportDialog Label { margin-top: 1; }
    ExportDialog RadioSet { width: 100%; }
    ExportDialog #file { height: auto; }
    ExportDialog #problem { color: $error; text-style: bold; height: auto; }
    """

    def __init__(
        self,
        folder: Path,
        default: Path,
        selected: Chosen | None,
        readable: tuple[Path, ...],
        shown: tuple[str, tuple[Path, ...]] | None = None,
    ) -> None:
        """`shown`: while Home's list is filtered, the filter's text and the readable files it shows."""
        super().__init__()
        self.folder = folder
        self.default = default
        self.selected = selected
        self.readable = readable
        self.shown = shown
        self._labels = {
            "one": chosen_label(selected) if selected else "",
            "shown": f"The {len(shown[1])} matching “{terminal_safe(shown[0])}”, merged" if shown else "",
            "all": f"All {len(readable)} readable in the folder, merged",
            "force": "Replace the workbook if it already exists",
        }

    def on_key(self, event: events.Key) -> None:
        catch_up(self, event)

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "Export to Excel (ctrl+s exports, esc cancels)"
            yield Label("Workbook file")
            yield Input(str(self.default), id="output")
            yield Label("Assessments")
            with RadioSet(id="which"):
                # A filtered list is what the person narrowed things to: those come first.
                if self.selected is not None:
                    yield MarkedRadioButton(self._labels["one"], value=self.shown is None, id="one")
                if self.shown is not None:
                    yield MarkedRadioButton(self._labels["shown"], value=True, id="shown")
                yield MarkedRadioButton(
                    self._labels["all"], value=self.selected is None and self.shown is None, id="all"
                )
            if self.selected is not None:
                yield Static(f"  (the selected one is the file {self.selected.path.name})", id="file", markup=False)
            yield MarkedCheckbox(self._labels["force"], id="force")
            yield Static("", id="problem", markup=False)

    def on_mount(self) -> None:
        self._mark()
        self.query_one("#output", Input).focus()

    def _mark(self) -> None:
        # Textual shows on and off by colour alone; under NO_COLOR the words must say it.
        for button in [*self.query(RadioButton), *self.query(Checkbox)]:
            button.label = Text(f"{'[x]' if button.value else '[ ]'} {self._labels[button.id or '']}")

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._mark()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._mark()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def request(self) -> ExportRequest:
        force = self.query_one("#force", Checkbox).value
        output = output_path(self.query_one("#output", Input).value, self.folder, force)
        pressed = self.query_one("#which", RadioSet).pressed_button
        which = pressed.id if pressed is not None else ""
        if self.selected is not None and which in ("one", ""):
            files: tuple[Path, ...] = (self.selected.path,)
        elif self.shown is not None and which == "shown":
            files = self.shown[1]
        else:
            files = self.readable
        if not files:
            raise ValueError("Assessments: there is none to export yet.")
        return ExportRequest(files, output, force)

    def action_export(self) -> None:
        try:
            request = self.request()
        except ValueError as exc:
            self.query_one("#problem", Static).update(f"Problem: {exc}")
            return
        self.dismiss(request)

    def action_cancel(self) -> None:
        self.dismiss(None)
