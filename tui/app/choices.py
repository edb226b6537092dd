"""The options of a question: chosen with a number, with the arrows and enter, or by a click.

One widget that draws its options as text. Textual's OptionList (a scroll
view with a line cache and six styled parts) cost the question screen's first
frame more than the question itself, and wrapped an option's second line under
its number. Here each option keeps a hanging indent, the cursor is `>` and the
chosen option `[x]`, so both read without colour. The screen around it scrolls;
moving the cursor brings its option into view.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.widget import Widget

from tui.app.hanging import hang

# While the widget has focus the cursor's option stands out; without focus the
# `>` alone marks it.
CURSOR_STYLE = "bold $block-cursor-foreground on $block-cursor-background"


def prefix(number: int, pointed: bool, chosen: bool) -> str:
    return f"{'>' if pointed else ' '}{'[x]' if chosen else '[ ]'} {number}. "


class Choices(Widget, can_focus=True):
    # Its cursor keys are applied as the app reads them (keys_in_order), so
    # "down down enter" typed at once chooses the option it points at.
    KEYS_IN_ORDER = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("enter", "select", "Choose", show=False),
    ]
    DEFAULT_CSS = """
    Choices { height: auto; }
    """

    class Selected(Message):
        """An option was chosen by enter or a click (numbers are the screen's keys)."""

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels: tuple[str, ...] = ()
        self.chosen = 0  # the chosen option's number, 0 for none
        self.cursor = 0  # index of the option under the cursor
        # Wrapped lines for one width: (option index, line).
        self._lines: list[tuple[int, Content]] = []
        self._lines_for: tuple[object, ...] | None = None

    def show(self, labels: tuple[str, ...], chosen: int = 0) -> None:
        """Show these options, the cursor on the chosen one (or the first)."""
        width = self.content_size.width
        before = len(self._lines) if self._lines_for is not None and self._lines_for[0] == width else -1
        self.labels, self.chosen = labels, chosen
        self.cursor = max(0, min(len(labels) - 1, chosen - 1 if chosen else 0))
        # The screen is laid out again only when the options take more or fewer lines.
        self.refresh(layout=width <= 0 or len(self.lines(width)) != before)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Textual lays the whole screen out once more whenever a widget's size
        # changed in a layout (an answer with more option lines than the last):
        # that layout has already placed this widget at its new size, and it
        # scrolls nothing itself, so the second pass would only redraw the same.
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def lines(self, width: int) -> list[tuple[int, Content]]:
        key = (width, self.labels, self.chosen, self.cursor)
        if key != self._lines_for:
            lines: list[tuple[int, Content]] = []
            for index, label in enumerate(self.labels):
                head = prefix(index + 1, index == self.cursor, index + 1 == self.chosen)
                lines.extend((index, line) for line in hang(head, Content(label), width))
            self._lines, self._lines_for = lines, key
        return self._lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        lines = self.lines(self.content_size.width)
        if self.has_focus:
            width = self.content_size.width
            lines = [
                (
                    index,
                    line.pad_right(max(0, width - line.cell_length)).stylize(CURSOR_STYLE)
                    if index == self.cursor
                    else line,
                )
                for index, line in lines
            ]
        return Content("\n").join(line for _, line in lines)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_cursor(self, step: int) -> None:
        if self.labels:
            self.cursor = max(0, min(len(self.labels) - 1, self.cursor + step))
            self.refresh()
            self._reveal()

    def action_cursor_to(self, index: int) -> None:
        if self.labels:
            self.cursor = index % len(self.labels)
            self.refresh()
            self._reveal()

    def action_select(self) -> None:
        if self.labels:
            self.post_message(self.Selected(self.cursor + 1))

    def on_click(self, event: events.Click) -> None:
        lines = self.lines(self.content_size.width)
        if 0 <= event.y < len(lines):
            self.cursor = lines[event.y][0]
            self.refresh()
            self.post_message(self.Selected(self.cursor + 1))

    def _reveal(self) -> None:
        """Scroll the screen around so the whole of the cursor's option shows."""
        rows = [y for y, (index, _) in enumerate(self.lines(self.content_size.width)) if index == self.cursor]
        parent = self.parent
        if not rows or not isinstance(parent, Widget):
            return
        mine = self.virtual_region
        parent.scroll_to_region(Region(mine.x, mine.y + rows[0], mine.width, len(rows)), animate=False)
