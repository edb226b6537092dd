"""The jump list's rows: one line each, and only the lines on the screen are drawn.

Textual's OptionList wraps every option to know its height before it draws
any: an instrument of 3,300 questions took a fifth of a second to open its
list, more with each resize. Here a row is one line (a long question is cut
with an ellipsis, as Home's rows are), its text made once, and drawing looks
up only the rows in view, so opening costs the same at 33 questions or 3,300.
Section headings are rows the cursor passes over.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class Row(NamedTuple):
    text: str
    question: int | None  # the question's index; None for a section heading


def fitted(text: str, width: int) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis when longer."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""


class JumpList(ScrollView, can_focus=True):
    # Cursor keys run as they arrive (keys_in_order), so `j home enter` goes to the first question.
    KEYS_IN_ORDER = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Go there", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"jump-list--section", "jump-list--cursor"}
    DEFAULT_CSS = """
    JumpList {
        overflow-x: hidden;
        background: $surface;
        color: $foreground;
        height: 1fr;
        & > .jump-list--section { text-style: bold; color: $text-muted; }
        & > .jump-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    cursor: reactive[int] = reactive(0, repaint=False)

    class Chosen(Message):
        """Enter or a click on a question's row."""

        def __init__(self, question: int) -> None:
            super().__init__()
            self.question = question

    def __init__(self, rows: Sequence[Row], current: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = list(rows)
        at = next((n for n, row in enumerate(self.rows) if row.question == current), None)
        self.set_reactive(JumpList.cursor, at if at is not None else self._step_to(0, 1))

    def on_mount(self) -> None:
        self._resize()
        self.call_after_refresh(self._show_cursor)

    def on_resize(self) -> None:
        self._resize()
        self._show_cursor()

    def _resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))

    # The cursor: on questions only

    def _step_to(self, row: int, direction: int) -> int:
        """The first question's row from `row` on in `direction`, else the nearest the other way; else `row`."""
        for way in (direction, -direction):
            n = max(0, min(len(self.rows) - 1, row))
            while 0 <= n < len(self.rows):
                if self.rows[n].question is not None:
                    return n
                n += way
        return row

    def watch_cursor(self) -> None:
        self._show_cursor()
        self.refresh()

    def _show_cursor(self) -> None:
        top = round(self.scroll_offset.y)
        height = max(1, self.size.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_cursor(self, step: int) -> None:
        target = self.cursor + step
        if 0 <= target < len(self.rows):
            found = self._step_to(target, step)
            # Past the last question (or before the first) the cursor stays where it is.
            if (found - self.cursor) * step > 0:
                self.cursor = found

    def action_page(self, step: int) -> None:
        self.cursor = self._step_to(self.cursor + step * max(1, self.size.height - 1), step)

    def action_first(self) -> None:
        self.cursor = self._step_to(0, 1)

    def action_last(self) -> None:
        self.cursor = self._step_to(len(self.rows) - 1, -1)

    def action_select(self) -> None:
        question = self.rows[self.cursor].question if self.rows else None
        if question is not None:
            self.post_message(self.Chosen(question))

    def on_click(self, event: events.Click) -> None:
        row = round(self.scroll_offset.y) + event.y
        if 0 <= row < len(self.rows) and self.rows[row].question is not None:
            self.cursor = row
            self.action_select()

    # Drawing

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width  # not under the scrollbar
        base = self.rich_style
        row = round(self.scroll_offset.y) + y
        if row >= len(self.rows):
            return Strip.blank(width, base)
        text = self.rows[row].text
        style = base
        if self.rows[row].question is None:
            style = base + self.get_component_rich_style("jump-list--section")
        elif row == self.cursor:
            # A ">" beside the cursor's question, so it shows without colour.
            text = ">" + text[1:]
            style = base + self.get_component_rich_style("jump-list--cursor")
        return Strip([Segment(fitted(text, width), style)], width)
