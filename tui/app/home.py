"""Home: the assessments in the response folder, newest change first.

The folder is read in a worker thread so the first frame never waits for it,
through the folder index, so only files changed since the last look are
parsed; rows arrive in batches as they are known, the first screenful first.
`e` exports the assessment under the cursor, or every readable one, to an
Excel workbook; the export runs in a worker of `ExportPanel`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from surveys.terminal_text import terminal_safe
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, command
from tui.app.export_panel import ExportPanel
from tui.app.in_place import update_in_place
from tui.app.row_table import RowTable

if TYPE_CHECKING:
    from tui.app.export_dialog import ExportRequest
    from tui.app.folder import Summary

COLUMNS = ("Organisation", "Respondent", "Date", "Done", "Last changed")


class HomeHost(Protocol):
    """What Home asks of the app: given to it, so Home does not import the app."""

    instrument_path: Path | None
    today: Callable[[], date]

    def open_file(self, path: Path) -> None: ...

    def action_new_assessment(self) -> None: ...


class HomeScreen(CommandScreen[None]):
    TITLE = "stick"
    BINDINGS: ClassVar[list[BindingType]] = [
        command("n", "new", "New", tooltip="Start a new assessment"),
        command("enter", "resume", "Resume", tooltip="Open the assessment under the cursor"),
        command("e", "export", "Export", tooltip="Write an Excel workbook for the planning team"),
        Binding("f5", "reload", "Reload", show=False, tooltip="Read the folder again"),
    ]
    DEFAULT_CSS = """
    HomeScreen #where { padding: 0 1; height: auto; }
    HomeScreen RowTable { height: 1fr; }
    HomeScreen #empty { padding: 1 2; height: auto; }
    """

    class Listed(Message):
        """The folder has been read and all its rows are on the screen."""

    class Rows(Message):
        """A batch of rows read by the worker; `done` on the last one of a reading."""

        def __init__(self, reading: int, rows: list[Summary], done: bool) -> None:
            super().__init__()
            self.reading = reading
            self.rows = rows
            self.done = done

    def __init__(self, folder: Path, host: HomeHost) -> None:
        super().__init__()
        self.folder = folder
        self.host = host
        self.items: list[Summary] = []
        self.listed = False
        # Each reading is numbered, so rows still queued from one a reload replaced are dropped.
        self._reading = 0
        self._shown = 0
        self._keep: Summary | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(self._where(), id="where", markup=False)
        yield RowTable(COLUMNS)
        yield Static("Reading the folder…", id="empty", markup=False)
        yield ExportPanel(id="export")
        yield KeyBar()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.listed = False
        self._reading += 1
        self._keep = self.selected() if self._keep is None else self._keep
        self._load(self._reading)

    @work(thread=True, exclusive=True, group="home")
    def _load(self, reading: int) -> None:
        from tui.app.background import background_turn
        from tui.app.folder import summary_batches

        stop = background_turn(get_current_worker())

        def cancelled() -> bool:
            return stop() or reading != self._reading

        # post_message, not call_from_thread: it never waits for the app, so a
        # reading cut short by quitting cannot hold the exit up.
        for batch in summary_batches(self.folder, self.host.instrument_path, cancelled):
            self.post_message(self.Rows(reading, batch, False))
        if not cancelled():
            self.post_message(self.Rows(reading, [], True))

    def on_home_screen_rows(self, message: Rows) -> None:
        if message.reading != self._reading:
            return
        table = self.query_one(RowTable)
        if self._shown != self._reading:  # the first batch of this reading replaces the last one's rows
            self._shown = self._reading
            table.clear()
            self.items = []
        table.add_rows(_cells(item) for item in message.rows)
        self.items.extend(message.rows)
        if message.rows and not table.has_focus:
            table.focus()
        if message.done:
            self._listed()
        update_in_place(self.query_one("#where", Static), self._where())

    def _where(self) -> str:
        """Where the rows come from, and how many there are (so far, while the folder is read)."""
        count = len(self.items)
        folder = terminal_safe(str(self.folder))
        if not self.listed:
            so_far = f": {count:,} so far" if count else ""
            return f"Reading the assessments in {folder}{so_far}…"
        noun = "assessment" if count == 1 else "assessments"
        return f"{count:,} {noun} in {folder} (enter opens, n starts a new one)"

    def _listed(self) -> None:
        table = self.query_one(RowTable)
        found = self.items
        empty = self.query_one("#empty", Static)
        empty.display = not found
        empty.update(
            f"No assessments yet in {terminal_safe(str(self.folder))}.\nPress n to start one." if not found else ""
        )
        keep, self._keep = self._keep, None
        if keep is not None:
            for row, item in enumerate(found):
                if item.path == keep.path:
                    table.move_cursor(row=row)
        table.focus()
        self.listed = True
        self.post_message(self.Listed())

    def selected(self) -> Summary | None:
        table = self.query_one(RowTable)
        if not self.items or not 0 <= table.cursor_row < len(self.items):
            return None
        return self.items[table.cursor_row]

    def readable_paths(self) -> list[Path]:
        return [item.path for item in self.items if not item.error]

    def on_row_table_selected(self, event: RowTable.Selected) -> None:
        event.stop()
        self.action_resume()

    def action_new(self) -> None:
        self.host.action_new_assessment()

    def action_resume(self) -> None:
        item = self.selected()
        if item is None:
            self.notify("No assessment chosen: press n to start one.", severity="warning")
        elif item.error:
            self.notify(item.error, title="Cannot open", severity="error", markup=False)
        else:
            self.host.open_file(item.path)

    def action_export(self) -> None:
        from tui.app.export_dialog import Chosen, ExportDialog, default_output

        if self.query_one(ExportPanel).running:
            self.notify("An export is already running: its progress is at the bottom.", severity="warning")
            return
        readable = tuple(self.readable_paths())
        if not readable:
            self.notify("Nothing to export yet: press n to start an assessment.", severity="warning")
            return
        item = self.selected()
        selected = None
        if item is not None and not item.error:
            when = item.date.isoformat() if item.date else ""
            selected = Chosen(item.path, terminal_safe(item.organisation), when, terminal_safe(item.respondent))
        dialog = ExportDialog(self.folder, default_output(self.folder, self.host.today()), selected, readable)
        self.app.push_screen(dialog, self._export)

    def _export(self, request: ExportRequest | None) -> None:
        if request is not None:
            self.query_one(ExportPanel).start(request, self.host.instrument_path)


def _cells(item: Summary) -> tuple[str, ...]:
    changed = item.modified.strftime("%Y-%m-%d %H:%M")
    if item.error:
        return (terminal_safe(f"(cannot read) {item.path.name}"), "", "", "", changed)
    done = f"{item.percent}%" if item.percent is not None else "?"
    who = (terminal_safe(item.organisation), terminal_safe(item.respondent))
    return (*who, item.date.isoformat() if item.date else "", done, changed)
