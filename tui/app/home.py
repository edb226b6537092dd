"""Home: the assessments in the response folder, newest change first, or as sorted and filtered.

The folder is read and its rows shown by Home's part in tui/app/home_reading.py;
this module holds Home's keys.
`e` exports the assessment under the cursor, or every readable one, to an
Excel workbook; the export runs in a worker of `ExportPanel`. `/` narrows the
rows to those holding what is typed, `o` changes their order (both over the
rows already read: home_rows.py), `x` moves a file into the archive folder
and `u` puts it back (surveys/folders/archive.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from surveys.errors import StickError
from surveys.terminal_text import terminal_safe
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import command, typing_into
from tui.app.export_panel import ExportPanel
from tui.app.home_filter import FilterField
from tui.app.home_reading import ReadingHome
from tui.app.home_rows import FLEXIBLE, WIDE
from tui.app.row_table import RowTable

if TYPE_CHECKING:
    from tui.app.export_dialog import ExportRequest


class HomeScreen(ReadingHome):
    TITLE = "stick"
    AUTO_FOCUS = "RowTable"  # not the hidden filter, though it comes first
    BINDINGS: ClassVar[list[BindingType]] = [
        command("n", "new", "New", tooltip="Start a new assessment"),
        command("enter", "resume", "Resume", tooltip="Open the assessment under the cursor"),
        command("N", "next_review", "Next year", tooltip="Start next year's review from the one under the cursor"),
        command("e", "export", "Export", tooltip="Write an Excel workbook for the planning team"),
        command("slash", "filter", "Filter", key_display="/", tooltip="Type to narrow the rows; enter: the first"),
        command("o", "sort", "Sort", tooltip="Sort by last change, organisation, date or progress"),
        command("x,delete", "archive", "Archive", tooltip="Move the file under the cursor into the archive folder"),
        # Home's line under the rows says when there is something to put back.
        command("u", "undo_archive", "Undo archive", show=False, tooltip="Put the file last archived back"),
        # On the rows, with a filter typed; while it is typed in, the filter's own esc says so.
        Binding(
            "escape",
            "clear_filter",
            "Show all",
            show=False,
            priority=True,
            tooltip="Clear the filter and show every row",
            id="home-clear_filter",
        ),
        Binding("f5", "reload", "Reload", show=False, tooltip="Read the folder again"),
    ]
    DEFAULT_CSS = """
    HomeScreen #where { padding: 0 1; height: auto; }
    HomeScreen RowTable { height: 1fr; }
    HomeScreen #empty { padding: 1 2; height: auto; }
    HomeScreen #news { padding: 0 1; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(self._where(), id="where", markup=False)
        # There from the start, hidden: `/` shows and focuses it at once, so the keys typed
        # straight after it land in it, not on the rows (a field mounted then would be late).
        field = FilterField(self._narrow, placeholder="Filter: organisation, respondent or file name", id="filter")
        field.display = False
        yield field
        yield RowTable(self._labels(), flexible=FLEXIBLE)
        yield Static("Reading the folder…", id="empty", markup=False)
        yield Static("", id="news", markup=False)
        yield ExportPanel(id="export")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#news", Static).display = False
        self._show_newest()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def on_resize(self) -> None:
        wide = self.size.width >= WIDE
        if wide != self._wide:
            self._wide = wide
            self.query_one(RowTable).reword(self._cells(item) for item in self.items)

    def on_row_table_selected(self, event: RowTable.Selected) -> None:
        event.stop()
        self.action_resume()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo_archive" and not self._shelf:
            return False
        if action == "clear_filter" and not (self._filtering() or self.list.needle):
            return False
        return super().check_action(action, parameters)

    # Keys

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

    def action_sort(self) -> None:
        keep = self.selected()
        self.list.sort_by(self.list.sort + 1)
        table = self.query_one(RowTable)
        table.relabel(self._labels())
        self._show(keep=keep)
        self._tell_where()

    # The filter

    def _filtering(self) -> bool:
        """The filter has the focus (Home has no other field)."""
        return typing_into(self.focused)

    def action_filter(self) -> None:
        field = self.query_one(FilterField)
        field.display = True
        self.set_focus(field)  # now, not later: the keys typed next are the filter's

    def _narrow(self, needle: str) -> None:
        if needle == self.list.needle or not self.is_mounted:
            return
        keep = self.selected()
        self.list.needle = needle
        self._show(keep=keep)
        self._tell_where()

    def action_first_match(self) -> None:
        table = self.query_one(RowTable)
        if not table.row_count:
            self.notify("Nothing matches: esc clears the filter.", severity="warning")
            return
        table.move_cursor(row=0)
        self.set_focus(table)

    def action_clear_filter(self) -> None:
        keep = self.selected()
        field = self.query_one(FilterField)
        field.display = False
        field.value = ""
        self.list.needle = ""
        self._show(keep=keep)
        self.set_focus(self.query_one(RowTable))
        self._tell_where()

    # Archive

    def action_archive(self) -> None:
        item = self.selected()
        index = self.list.place_of(item) if item is not None else None
        if item is None or index is None:
            self.notify("No assessment under the cursor to archive.", severity="warning")
            return
        try:
            news = self._shelf.put_aside(item, index)
        except StickError as exc:
            self._tell(f"Not archived: {exc}")
            return
        self.list.remove(index)
        self.query_one(RowTable).remove_row(index)
        self._show_after()
        self._tell(news)
        self.refresh_bindings()

    def action_undo_archive(self) -> None:
        if not self._shelf:
            return
        try:
            item, index, news = self._shelf.take_back()
        except StickError as exc:
            self._tell(f"Not put back: {exc}")
        else:
            index = self.list.insert(index, item)
            self.query_one(RowTable).insert_row(index, self._cells(item))
            self._show(keep=item)
            self._tell_where()
            self._tell(news)
        self.refresh_bindings()

    def _show_after(self) -> None:
        """After a row went: the cursor on the row that took its place."""
        table = self.query_one(RowTable)
        row = table.cursor_row
        self._show()
        table.move_cursor(row=row)
        self._tell_where()

    # Export

    def action_next_review(self) -> None:
        item = self.selected()
        if item is None:
            self.notify("No assessment chosen: next year's review starts from one in the list.", severity="warning")
        elif item.error:
            self.notify(item.error, title="Cannot start next year's review", severity="error", markup=False)
        else:
            self.host.start_next_review(item.path)

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
        dialog = ExportDialog(
            self.folder, default_output(self.folder, self.host.today()), selected, readable, self.shown_paths()
        )
        self.app.push_screen(dialog, self._export)

    def _export(self, request: ExportRequest | None) -> None:
        if request is not None:
            self.query_one(ExportPanel).start(request, self.host.instrument_path)
