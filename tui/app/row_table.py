"""A read-only table of many rows: only the rows on the screen are drawn, whatever the count.

Home lists every assessment in a shared folder: 10,000 of them. Textual's
DataTable keeps a widget's worth of state per row and works out every row's
place again as rows are added, so filling it took seconds and each key a
tenth of one. This table holds the cells as plain strings, sizes its columns
as rows arrive, and draws a line by looking its row up: adding rows and moving
the cursor cost the same at 10 rows or 10,000.

A filter or another order is a view: the row numbers to show, in the order to
show them, over the same cells, so narrowing 10,000 rows rebuilds nothing but
a list of numbers. The columns fit the table's width: the flexible ones (the
names) give up room, so the last column is never cut and no sideways
scrollbar is needed (at 80 columns its thumb was left drawn as a stray "▌").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

_GAP = 2
_MOST = 40  # no column wider than this: names are cut with an ellipsis


def _cut(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    out, used = [], 0
    for ch in text:
        if used + cell_len(ch) > width - 1:
            break
        out.append(ch)
        used += cell_len(ch)
    return "".join(out) + "…" + " " * (width - 1 - used)


class RowTable(ScrollView, can_focus=True):
    # Its cursor keys run as they arrive (keys_in_order), so `down x` archives the row below, not this one.
    KEYS_IN_ORDER = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-table--header", "row-table--cursor", "row-table--even"}
    # The looks of Textual's DataTable with zebra stripes, which Home used before.
    DEFAULT_CSS = """
    RowTable {
        overflow-x: hidden;
        background: $surface;
        color: $foreground;
        height: 1fr;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .row-table--header { background-tint: $foreground 5%; }
        }
        &:dark > .row-table--even { background: $surface-darken-1 40%; }
        & > .row-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .row-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .row-table--even { background: $surface-lighten-1 50%; }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, repaint=False)

    class Selected(Message):
        """Enter or a click on a row."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, columns: Sequence[str], *, flexible: Sequence[int] = (), id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = tuple(columns)
        self.rows: list[tuple[str, ...]] = []
        self.view: list[int] | None = None  # the rows shown, in order; None for all of them as added
        self._flexible = tuple(flexible)
        self._widths = [cell_len(c) for c in self.columns]
        self._fitted: tuple[tuple[int, tuple[int, ...]], list[int]] | None = None

    @property
    def row_count(self) -> int:
        """The rows shown."""
        return len(self.rows) if self.view is None else len(self.view)

    def index_at(self, row: int) -> int:
        """The place in `rows` of shown row `row`."""
        return row if self.view is None else self.view[row]

    def _cells_at(self, row: int) -> tuple[str, ...]:
        return self.rows[row] if self.view is None else self.rows[self.view[row]]

    def show_rows(self, view: list[int] | None, cursor: int = 0) -> None:
        """Show the rows `view` names (None: all), the cursor on shown row `cursor`."""
        self.view = view
        self._resize()
        self.cursor_row = max(0, min(self.row_count - 1, cursor))
        self.refresh()

    def relabel(self, columns: Sequence[str]) -> None:
        """New header words (a sort's mark); a column grows to its header, never shrinks for it."""
        self.columns = tuple(columns)
        self._widths = [max(w, cell_len(c)) for w, c in zip(self._widths, self.columns, strict=True)]
        self.refresh()

    # Filling

    def add_rows(self, rows: Iterable[Sequence[str]]) -> None:
        widths = self._widths
        for row in rows:
            cells = tuple(row)
            self.rows.append(cells)
            for i, cell in enumerate(cells[: len(widths)]):
                if len(cell) > widths[i]:  # len first: cell_len only where it might matter
                    widths[i] = min(_MOST, max(widths[i], cell_len(cell)))
        self._resize()
        self.refresh()

    def clear(self) -> None:
        self.rows = []
        self.view = None
        self._widths = [cell_len(c) for c in self.columns]
        self.cursor_row = 0
        self.scroll_to(y=0, animate=False)
        self._resize()
        self.refresh()

    def reword(self, rows: Iterable[Sequence[str]]) -> None:
        """The same rows worded again (the view and the cursor stay)."""
        cursor, view = self.cursor_row, self.view
        self.rows = []
        self._widths = [cell_len(c) for c in self.columns]
        self.add_rows(rows)
        self.show_rows(view, cursor)

    def insert_row(self, index: int, cells: Sequence[str]) -> None:
        """Put a row back at `index` of `rows`; as with remove_row, the caller makes the view again."""
        self.rows.insert(index, tuple(cells))
        self._resize()
        self.refresh()

    def remove_row(self, index: int) -> None:
        """Take row `index` out of `rows`; a view naming rows after it must be made again by the caller."""
        del self.rows[index]
        self._resize()
        self.refresh()

    def _resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.row_count + 1)

    def fitted(self, width: int) -> list[int]:
        """The columns' widths drawn in `width` cells: flexible columns shrink to their headers, first first."""
        key = (width, tuple(self._widths))
        if self._fitted is not None and self._fitted[0] == key:
            return self._fitted[1]
        widths = list(self._widths)
        excess = sum(widths) + _GAP * len(widths) - width
        for i in self._flexible:
            if excess <= 0:
                break
            give = min(excess, widths[i] - cell_len(self.columns[i]))
            if give > 0:
                widths[i] -= give
                excess -= give
        self._fitted = (key, widths)
        return widths

    # The cursor

    def move_cursor(self, *, row: int) -> None:
        if self.row_count:
            self.cursor_row = max(0, min(self.row_count - 1, row))

    def watch_cursor_row(self, old: int, new: int) -> None:
        top = round(self.scroll_offset.y)
        visible = max(1, self.size.height - 1)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)
        self.refresh()

    def action_cursor(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step * max(1, self.size.height - 2))

    def action_cursor_to(self, row: int) -> None:
        self.move_cursor(row=row % max(1, self.row_count))

    def action_select(self) -> None:
        if self.row_count:
            self.post_message(self.Selected(self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            row = round(self.scroll_offset.y) + event.y - 1
            if 0 <= row < self.row_count:
                self.cursor_row = row
                self.post_message(self.Selected(row))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._resize()

    # Drawing

    def _line(self, cells: Sequence[str], widths: Sequence[int]) -> str:
        return "".join(" " + _cut(cells[i] if i < len(cells) else "", w) + " " for i, w in enumerate(widths))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        widths = self.fitted(width)
        base = self.rich_style
        if y == 0:
            header = base + self.get_component_rich_style("row-table--header")
            return Strip([Segment(self._line(self.columns, widths), header)]).crop_extend(0, width, header)
        row = round(self.scroll_offset.y) + y - 1
        if row >= self.row_count:
            return Strip.blank(width, base)
        style: Style = base
        if row % 2 == 0:
            style = style + self.get_component_rich_style("row-table--even")
        if row == self.cursor_row:
            style = style + self.get_component_rich_style("row-table--cursor")
        return Strip([Segment(self._line(self._cells_at(row), widths), style)]).crop_extend(0, width, style)
