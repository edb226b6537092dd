"""The left side of the question screen: the heading, the options and the progress lines, as one widget.

An answer changes all three at once. As three widgets in a scrolling
container, each answer laid the whole screen out again (the heading and the
options take a different number of lines from one question to the next) and
wrapped every text afresh: a layout and three renders, most of an answer's
time. Here the pane keeps one size (the space the screen gives it), so an
answer is never a layout; it scrolls itself; and the wrapped lines of each
question are kept, so the question after the current one can be wrapped
while the person reads (`warm`) and an answer only looks its lines up.

Options are chosen with a number (the screen's keys), with the arrows and
enter, or by a click. Each keeps a hanging indent, the cursor is `>` and the
chosen option `[x]`, so both read without colour.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, ClassVar, Self

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from tui.app.hanging import hang

if TYPE_CHECKING:
    from collections.abc import Callable

# While the pane has focus the cursor's option stands out; without focus the
# `>` alone marks it.
CURSOR_STYLE = "bold $block-cursor-foreground on $block-cursor-background"
# Wrapped questions kept: the one shown, the next one warmed, and the way back.
KEPT = 8
THUMB, TRACK = "▐", " "


def prefix(number: int, pointed: bool, chosen: bool) -> str:
    return f"{'>' if pointed else ' '}{'[x]' if chosen else '[ ]'} {number}. "


class QuestionPane(Widget, can_focus=True):
    # Its cursor keys are applied as the app reads them (keys_in_order), so
    # "down down enter" typed at once chooses the option it points at.
    KEYS_IN_ORDER = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("enter", "select", "Choose", show=False),
    ]
    DEFAULT_CSS = """
    QuestionPane { height: 1fr; }
    """

    class Selected(Message):
        """An option was chosen by enter or a click (numbers are the screen's keys)."""

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key: object = None  # names the heading shown, for the kept wrapped lines
        self.heading = Content()
        self.labels: tuple[str, ...] = ()
        self.chosen = 0  # the chosen option's number, 0 for none
        self.cursor = 0  # index of the option under the cursor
        self.progress: tuple[str, ...] = ()
        self.top = 0  # the first line shown
        self._kept: OrderedDict[tuple[object, ...], tuple[list[Strip], list[int]]] = OrderedDict()
        self._lines: list[Strip] = []
        self._option_rows: list[int] = []  # for each line from the options' first, its option
        self._options_at = 0  # the line the options start on
        self._lines_for: tuple[object, ...] | None = None
        self._drawn: list[Strip] | None = None  # the lines last drawn, for redrawing only those that change
        self._drawn_for = Size(0, 0)
        self._text_at = 0  # the width the lines are wrapped at

    # What is shown

    def show(
        self, key: object, heading: Content, labels: tuple[str, ...], chosen: int, progress: tuple[str, ...]
    ) -> None:
        """A question: its heading (named by `key`), options, the one chosen (0: none) and progress lines.

        The same question shown again (a field was left) keeps its scroll and its cursor;
        another starts at its top, the cursor on the chosen option or the first.
        """
        if (key, labels, chosen) != (self.key, self.labels, self.chosen):
            self.top = 0
            self.cursor = max(0, min(len(labels) - 1, chosen - 1 if chosen else 0))
        self.key, self.heading, self.labels, self.chosen = key, heading, labels, chosen
        self.progress = progress
        self._redraw()

    def show_progress(self, progress: tuple[str, ...]) -> None:
        if progress != self.progress:
            self.progress = progress
            self._redraw()

    def warm(self, key: object, heading: Content, labels: tuple[str, ...], chosen: int) -> None:
        """Wrap a question now, while nothing waits, so showing it later only looks its lines up."""
        full = self.content_size.width
        if full > 0:
            self._heading_lines(key, heading, full, full)
            self._option_lines(labels, chosen, max(0, chosen - 1), full, full)

    def hug(self, room: int | None) -> None:
        """Take only the lines the text needs, at most `room`, so a field opened beneath sits under it.

        None: fill the space again (the field is closed). Opening a field lays the
        screen out anyway; answering, with no field open, never does.
        """
        self.styles.height = "auto" if room is not None else "1fr"
        self.styles.max_height = max(1, room) if room is not None else None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._wrapped(width, width)[0])

    def notify_style_update(self) -> None:
        # A new theme or style: the kept lines hold the old colours.
        super().notify_style_update()
        self._kept.clear()
        self._lines_for = self._drawn = None

    # Wrapping, kept

    def _strips(
        self, key: tuple[object, ...], make: Callable[[], tuple[Content, list[int]]], width: int, full: int
    ) -> tuple[list[Strip], list[int]]:
        """The lines `make` gives wrapped at `width` and padded to `full` (with, for options, each line's option).

        Kept under `key`, which names the text, the width and the padding.
        """
        kept = self._kept.get(key)
        if kept is None:
            content, rows = make()
            strips = Visual.to_strips(self, content, width, None, self.visual_style)
            # Padded in the widget's own style: a cell without a style breaks the no-colour filter.
            style = self.visual_style.rich_style
            kept = ([strip.adjust_cell_length(full, style) for strip in strips], rows)
            self._kept[key] = kept
            while len(self._kept) > KEPT * 3:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(key)
        return kept

    def _heading_lines(self, key: object, heading: Content, width: int, full: int) -> list[Strip]:
        return self._strips(("heading", key, width, full), lambda: (heading, []), width, full)[0]

    def _option_lines(
        self, labels: tuple[str, ...], chosen: int, cursor: int, width: int, full: int
    ) -> tuple[list[Strip], list[int]]:
        focused = self.has_focus

        def wrapped() -> tuple[Content, list[int]]:
            rows: list[Content] = []
            index: list[int] = []
            for n, label in enumerate(labels):
                for line in hang(prefix(n + 1, n == cursor, n + 1 == chosen), Content(label), width):
                    if focused and n == cursor:
                        line = line.pad_right(max(0, width - line.cell_length)).stylize(CURSOR_STYLE)
                    rows.append(line)
                    index.append(n)
            return Content("\n").join(rows), index

        return self._strips(("options", labels, chosen, cursor, focused, width, full), wrapped, width, full)

    def lines(self) -> list[Strip]:
        """Every line of the pane at its width, shown or scrolled off."""
        full, height = self.content_size
        key = (self.key, self.labels, self.chosen, self.cursor, self.progress, self.has_focus, full, height)
        if key != self._lines_for:
            self._text_at = full
            lines, self._options_at, self._option_rows = self._wrapped(full, full)
            if len(lines) > height > 0:
                # It does not all fit: wrapped again one column narrower, that column the scroll bar.
                self._text_at = max(1, full - 1)
                lines, self._options_at, self._option_rows = self._wrapped(self._text_at, full)
            self._lines, self._lines_for = lines, key
        return self._lines

    def _wrapped(self, width: int, full: int) -> tuple[list[Strip], int, list[int]]:
        """The lines at `width`, the line the options start on, and for each option line its option."""
        lines = list(self._heading_lines(self.key, self.heading, width, full))
        options_at, option_rows = len(lines), list[int]()
        if self.labels:
            lines.append(Strip.blank(full, self.visual_style.rich_style))
            options_at = len(lines)
            options, option_rows = self._option_lines(self.labels, self.chosen, self.cursor, width, full)
            lines += options
        if self.progress:
            progress = Content("\n".join(self.progress))
            lines += self._strips(("progress", self.progress, width, full), lambda: (progress, []), width, full)[0]
        return lines, options_at, option_rows

    def option_rows(self, index: int) -> list[int]:
        """The pane's lines (from its first, scrolled or not) that option `index` takes."""
        self.lines()
        return [self._options_at + y for y, n in enumerate(self._option_rows) if n == index]

    def text(self) -> str:
        """The whole pane as plain text, scrolled-off lines too."""
        return "\n".join(strip.text.rstrip() for strip in self.lines())

    # Drawing

    @property
    def max_top(self) -> int:
        return max(0, len(self.lines()) - self.content_size.height)

    def _view(self) -> list[Strip]:
        """The lines on screen; when they do not all fit, each with its cell of the scroll bar."""
        lines = self.lines()
        size = self.content_size
        width, height = size.width, size.height
        self.top = max(0, min(self.top, len(lines) - height))
        style = self.visual_style.rich_style
        shown = lines[self.top : self.top + height]
        shown += [Strip.blank(width, style)] * (height - len(shown))
        if len(lines) <= height or height <= 0:
            return shown
        thumb = max(1, height * height // len(lines))
        start = (height - thumb) * self.top // max(1, len(lines) - height)
        bar = (Strip([Segment(TRACK, style)], 1), Strip([Segment(THUMB, style)], 1))
        return [Strip.join([line.crop(0, width - 1), bar[start <= y < start + thumb]]) for y, line in enumerate(shown)]

    def _redraw(self) -> None:
        """Refresh only the lines that changed: an answer redraws the lines it moved, not the pane."""
        drawn = self._drawn
        if drawn is None or self.content_size != self._drawn_for or not self.content_size.height:
            self._drawn = None
            self.refresh()
            return
        view = self._view()
        width = self.size.width
        y = 0
        while y < len(view):
            if view[y] == drawn[y]:
                y += 1
                continue
            first = y
            while y < len(view) and view[y] != drawn[y]:
                y += 1
            self.refresh(Region(0, first, width, y - first))
        self._drawn = view

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if not regions:
            self._drawn = None  # the whole pane: what was drawn is no guide
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_line(self, y: int) -> Strip:
        if self._drawn is None or self._drawn_for != self.content_size:
            self._drawn, self._drawn_for = self._view(), self.content_size
        return (
            self._drawn[y]
            if y < len(self._drawn)
            else Strip.blank(self.content_size.width, self.visual_style.rich_style)
        )

    # Keys and the mouse

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter on a question with no options (a text question) is the screen's: it opens the field.
        return bool(self.labels) if action == "select" else True

    def scroll_by_lines(self, step: int) -> None:
        top = max(0, min(self.max_top, self.top + step))
        if top != self.top:
            self.top = top
            self._redraw()

    def action_cursor(self, step: int) -> None:
        if not self.labels:
            self.scroll_by_lines(step)
            return
        self.cursor = max(0, min(len(self.labels) - 1, self.cursor + step))
        self._reveal()
        self._redraw()

    def point_at(self, index: int) -> None:
        """The cursor on option `index` (0-based), in view: the panel starts it on the proposed rating."""
        if self.labels:
            self.cursor = max(0, min(len(self.labels) - 1, index))
            self._reveal()
            self._redraw()

    def action_cursor_to(self, index: int) -> None:
        if not self.labels:
            self.top = 0 if index == 0 else self.max_top
        else:
            self.cursor = index % len(self.labels)
            self._reveal()
        self._redraw()

    def action_page(self, step: int) -> None:
        self.scroll_by_lines(step * max(1, self.content_size.height - 1))

    def action_select(self) -> None:
        if self.labels:
            self.post_message(self.Selected(self.cursor + 1))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll_by_lines(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll_by_lines(-3)

    def on_click(self, event: events.Click) -> None:
        row = self.top + event.y - self._options_at
        self.lines()
        if self.labels and 0 <= row < len(self._option_rows) and event.x < self._text_at:
            self.cursor = self._option_rows[row]
            self._redraw()
            self.post_message(self.Selected(self.cursor + 1))

    def _reveal(self) -> None:
        """Scroll so the whole of the cursor's option shows (and its first line, if it is taller than the view)."""
        rows = self.option_rows(self.cursor)
        height = self.content_size.height
        if not rows or height <= 0:
            return
        if rows[-1] >= self.top + height:
            self.top = rows[-1] - height + 1
        if rows[0] < self.top:
            self.top = rows[0]
        self.top = max(0, min(self.max_top, self.top))
