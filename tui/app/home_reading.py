"""Home's rows: the folder read in a worker, in batches, into the list and its table.

The folder is read through the folder index, so only files changed since the last
look are parsed; rows arrive in batches as they are known, the first screenful first,
and the newest rows the last reading saw are shown in the first frame. Home's keys
(tui/app/home.py) act on what this part shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual import work
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from surveys.terminal_text import terminal_safe
from tui.app.command_keys import CommandScreen
from tui.app.home_archive import Shelf
from tui.app.home_rows import COLUMNS, MARK, SORTS, HomeList, cells, where_words
from tui.app.in_place import update_in_place
from tui.app.row_table import RowTable

if TYPE_CHECKING:
    from tui.app.folder import Summary


class HomeHost(Protocol):
    """What Home asks of the app: given to it, so Home does not import the app."""

    instrument_path: Path | None
    today: Callable[[], date]

    def open_file(self, path: Path) -> None: ...

    def action_new_assessment(self) -> None: ...

    def start_next_review(self, path: Path) -> None: ...


class ReadingHome(CommandScreen[None]):
    """Home's part that reads the folder and shows its rows."""

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
        self.list = HomeList()
        self.listed = False
        # Each reading is numbered, so rows still queued from one a reload replaced are dropped.
        self._reading = 0
        self._shown = 0
        self._keep: Summary | None = None
        self._wide = False
        self._shelf = Shelf()  # what `u` puts back

    @property
    def items(self) -> list[Summary]:
        return self.list.items

    def _show_newest(self) -> None:
        """The newest rows the last reading saw, in the first frame; the reading that follows replaces them."""
        from tui.app.folder import newest_rows

        rows = newest_rows(self.folder, self.host.instrument_path)
        if rows:
            self.query_one(RowTable).add_rows(self._cells(item) for item in rows)
            self.list.extend(rows)
            self._tell_where()

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

    def on_reading_home_rows(self, message: Rows) -> None:
        if message.reading != self._reading:
            return
        table = self.query_one(RowTable)
        if self._shown != self._reading:  # the first batch of this reading replaces the last one's rows
            self._shown = self._reading
            table.clear()
            self.list.clear()
        table.add_rows(self._cells(item) for item in message.rows)
        self.list.extend(message.rows)
        if self.list.needle or self.list.sort:
            self._show(keep=self.selected())
        if message.rows and self.focused is None:
            self.set_focus(table)  # now: a focus queued for later could land after `/` had moved it
        if message.done:
            self._listed()
        self._tell_where()

    def _cells(self, item: Summary) -> tuple[str, ...]:
        return cells(item, self.host.today(), self._wide)

    def _labels(self) -> list[str]:
        marked = SORTS[self.list.sort].column
        return [label + (MARK if i == marked else "") for i, label in enumerate(COLUMNS)]

    def _where(self) -> str:
        table = self.query_one(RowTable) if self.is_mounted else None
        shown = table.row_count if table is not None else 0
        return where_words(str(self.folder), len(self.items), shown, self.listed, self.list)

    def _tell_where(self) -> None:
        update_in_place(self.query_one("#where", Static), self._where())

    def _tell(self, news: str) -> None:
        line = self.query_one("#news", Static)
        line.display = bool(news)
        update_in_place(line, terminal_safe(news))

    def _listed(self) -> None:
        table = self.query_one(RowTable)
        found = self.items
        empty = self.query_one("#empty", Static)
        empty.display = not found
        empty.update(
            f"No assessments yet in {terminal_safe(str(self.folder))}.\nPress n to start one." if not found else ""
        )
        keep, self._keep = self._keep, None
        self._show(keep=keep)
        if self.focused is None:
            self.set_focus(table)
        self.listed = True
        self.refresh_bindings()
        self.post_message(self.Listed())

    def _show(self, keep: Summary | None = None) -> None:
        """Show the list's view, the cursor staying on `keep` where it is still shown."""
        table = self.query_one(RowTable)
        view = self.list.view()
        cursor = 0
        if keep is not None:
            index = self.list.place_of(keep)
            if index is not None:
                if view is None:
                    cursor = index
                elif index in view:
                    cursor = view.index(index)
        table.show_rows(view, cursor)

    def selected(self) -> Summary | None:
        table = self.query_one(RowTable)
        if not 0 <= table.cursor_row < table.row_count:
            return None
        return self.items[table.index_at(table.cursor_row)]

    def readable_paths(self) -> list[Path]:
        return [item.path for item in self.items if not item.error]

    def shown_paths(self) -> tuple[str, tuple[Path, ...]] | None:
        """While the list is filtered: the filter's text and the readable files it shows."""
        view = self.list.view()
        if view is None or not self.list.needle.strip():
            return None
        return self.list.needle.strip(), tuple(self.items[i].path for i in view if not self.items[i].error)
