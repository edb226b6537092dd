"""A read-only table of many rows: only the rows on the screen are drawn, whatever the count.

Home lists every assessment in a shared folder: 10,000 of them. Textual's
DataTable keeps a widget's worth of state per row and works out every row's
place again as rows are added, so filling it took seconds and each key a
tenth of one. This table holds the cells as plain strings, sizes its columns
as rows arrive, and draws a line by looking its row up: adding rows and moving
the cursor cost the same at 10 rows or 10,000.
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

    def __init__(self, columns: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = tuple(columns)
        self.rows: list[tuple[str, ...]] = []
        self._widths = [cell_len(c) for c in self.columns]

    @property
    def row_count(self) -> int:
        return len(self.rows)

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
        self._widths = [cell_len(c) for c in self.columns]
        self.cursor_row = 0
        self.scroll_to(y=0, animate=False)
        self._resize()
        self.refresh()

    def _resize(self) -> None:
        self.virtual_size = Size(sum(self._widths) + _GAP * len(self._widths), len(self.rows) + 1)

    # The cursor

    def move_cursor(self, *, row: int) -> None:
        if self.rows:
            self.cursor_row = max(0, min(len(self.rows) - 1, row))

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
        self.move_cursor(row=row % max(1, len(self.rows)))

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            row = round(self.scroll_offset.y) + event.y - 1
            if 0 <= row < len(self.rows):
                self.cursor_row = row
                self.post_message(self.Selected(row))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # Drawing

    def _line(self, cells: Sequence[str]) -> str:
        widths = self._widths
        text = "".join(" " + _cut(cells[i] if i < len(cells) else "", w) + " " for i, w in enumerate(widths))
        return text

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            header = base + self.get_component_rich_style("row-table--header")
            x = round(self.scroll_offset.x)
            return Strip([Segment(self._line(self.columns), header)]).crop_extend(x, x + width, header)
        row = round(self.scroll_offset.y) + y - 1
        if row >= len(self.rows):
            return Strip.blank(width, base)
        style: Style = base
        if row % 2 == 0:
            style = style + self.get_component_rich_style("row-table--even")
        if row == self.cursor_row:
            style = style + self.get_component_rich_style("row-table--cursor")
        x = round(self.scroll_offset.x)
        return Strip([Segment(self._line(self.rows[row]), style)]).crop_extend(x, x + width, style)
