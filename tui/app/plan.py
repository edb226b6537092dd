"""The plan: priorities with a lead, a business function, dates, a measure and a status.

Looking at the plan never writes. The suggested priorities (the weakest
areas, from the engine) are listed below the plan, marked as suggestions,
until the user adopts one (enter) or all of them (A); only then are they in
the file. Past five priorities the screen warns, because the deck asks for
limited priorities, but does not refuse. A removed priority can be put back
with u.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from surveys.editing.session import Edit
from surveys.errors import StickError
from surveys.model.carried import carried_marker
from surveys.model.instrument import Instrument
from surveys.model.responses import Priority
from surveys.model.vocabulary import heading, vocabulary
from surveys.terminal_text import terminal_safe
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, command
from tui.app.context import AssessmentContext
from tui.app.priority_editor import PriorityEditor
from tui.app.read_only import refused

LIMIT = 5
SUGGESTED = "suggested"
# Columns of a fixed width; the title and the function share what is left of the screen.
_FIXED = (("#", 2), ("Lead", 12), ("Target", 10), ("Status", 11))
_TARGET_FROM = 100  # below this many columns the target is left to the details, so titles keep room
_ROOM = 2  # the table's vertical scrollbar


def plan_columns(width: int, functions: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """The table's columns for a screen `width` wide: (name, width), the title taking what is left.

    `functions` are the labels a Function column must show (none: no column).
    Each column costs its width and one cell of padding either side.
    """
    fixed = [(name, w) for name, w in _FIXED if name != "Target" or width >= _TARGET_FROM]
    count = len(fixed) + 1 + (1 if functions else 0)
    rest = max(12, width - _ROOM - 2 * count - sum(w for _, w in fixed))
    function = min(max(len(f) for f in functions), max(12, rest * 2 // 5)) if functions else 0
    title = rest - function
    columns = [fixed[0], ("Priority", title)]
    if functions:
        columns.append(("Function", function))
    return (*columns, *fixed[1:])


def details_text(instrument: Instrument, p: Priority) -> str:
    functions = {f.id: f.label for f in instrument.functions}
    areas = {a.id: a.label for a in instrument.areas}

    def day(value: date | None) -> str:
        return value.isoformat() if value else "-"

    marker = carried_marker(p)
    text = "\n".join(
        (
            f"{p.title} ({marker}: enter, then choose its status)" if marker else p.title,
            f"Lead: {p.lead or '-'} · Status: {p.status} · Target: {day(p.target)} · Review: {day(p.review)}",
            (f"Function: {functions.get(p.function, p.function) or '-'} · " if instrument.functions else "")
            + f"{heading(vocabulary(instrument).area)}: {areas.get(p.area, p.area) or '-'}",
            f"Measure: {p.measure or '-'}",
        )
    )
    return terminal_safe(text, keep="\n")


class PlanScreen(CommandScreen[None]):
    TITLE = "Plan"
    BINDINGS: ClassVar[list[BindingType]] = [
        command("a", "add", "Add"),
        command("enter", "edit", "Edit / adopt"),
        command("A", "adopt_all", "Adopt all", tooltip="Put every suggested priority into the plan"),
        command("x,delete", "remove", "Remove"),
        command("u", "undo", "Undo remove", show=False),
        command("shift+up", "move(-1)", "Move up", show=False),
        command("shift+down", "move(1)", "Move down", show=False),
        Binding("escape", "back", "Result"),
    ]
    DEFAULT_CSS = """
    PlanScreen #advice { padding: 0 1; height: auto; }
    PlanScreen #warning { padding: 0 1; height: auto; text-style: bold; }
    PlanScreen DataTable { height: 1fr; }
    PlanScreen #details { height: auto; max-height: 8; padding: 0 1; border-top: hkey $foreground 30%; }
    """

    def __init__(self, context: AssessmentContext) -> None:
        super().__init__()
        self.context = context
        self.store = context.store
        self.session = context.store.session
        self._columns_for: int | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        words = vocabulary(self.store.instrument)
        lives = f" and the {words.function} where the work will live" if self.store.instrument.functions else ""
        yield Static(
            f"Limited, achievable {words.priorities}, each with a named lead{lives}. "
            "enter edits (or adopts a suggestion), a adds, x removes.",
            id="advice",
        )
        yield Static("", id="warning", markup=False)
        yield DataTable[Text](cursor_type="row", zebra_stripes=True)
        yield Static("", id="details", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.context.subtitle
        self.show()
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if self._columns_for != event.size.width:
            self.show()

    def _set_columns(self, table: DataTable[Text]) -> None:
        width = self.size.width
        if self._columns_for == width:
            return
        self._columns_for = width
        functions = tuple(f.label for f in self.store.instrument.functions)
        # Keyed by the plain names; the Function column is headed in the instrument's own word.
        headers = {"Function": heading(vocabulary(self.store.instrument).function)}
        table.clear(columns=True)
        for key, size in plan_columns(width, functions):
            table.add_column(headers.get(key, key), width=size, key=key)

    def rows(self) -> tuple[tuple[Priority, bool], ...]:
        """The plan's priorities, then the suggestions not yet adopted (True: a suggestion)."""
        return (
            *((p, False) for p in self.session.priorities),
            *((p, True) for p in self.session.suggestions()),
        )

    def show(self, cursor: int | None = None) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        row = table.cursor_row if cursor is None else cursor
        table.clear()
        self._set_columns(table)
        names = [str(key.value) for key in table.columns]
        functions = {f.id: f.label for f in self.store.instrument.functions}
        planned = len(self.session.priorities)
        for n, (p, suggested) in enumerate(self.rows(), start=1):
            cells = {
                "#": "" if suggested else str(n),
                "Priority": p.title,
                "Function": functions.get(p.function, p.function),
                "Lead": p.lead,
                "Target": p.target.isoformat() if p.target else "",
                "Status": SUGGESTED if suggested else p.status,
            }
            style = "italic" if suggested else ""
            texts = {name: Text(terminal_safe(cells[name]), style=style) for name in names}
            marker = carried_marker(p)
            if marker:  # under the title, until the status is set this review
                texts["Priority"].append(f"\n{marker}", style="italic")
            # Rows as tall as their title needs: titles are read whole, not cut at the column's edge.
            table.add_row(*(texts[name] for name in names), height=None)
        self.query_one("#warning", Static).update(self._warning(planned))
        if table.row_count:
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))
        self.show_details()

    def _warning(self, count: int) -> str:
        offered = len(self.session.suggestions())
        also = f" {offered} suggested below: enter adopts one, A adopts all." if offered else ""
        if count > LIMIT:
            return (
                f"Warning: {count} priorities. The deck asks for limited priorities: "
                f"{LIMIT} or fewer are easier to see through."
            )
        if self.store.read_only is not None:
            return self.context.read_only_notice()
        if count == 0:
            return "No priorities yet: press a to add one." + also
        return f"{count} {'priority' if count == 1 else 'priorities'} ({LIMIT} or fewer keeps them limited)." + also

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_details()

    def show_details(self) -> None:
        row = self._current()
        details = self.query_one("#details", Static)
        if row is None:
            details.update("")
            return
        priority, suggested = self.rows()[row]
        text = details_text(self.store.instrument, priority)
        details.update(f"Suggested, not in the plan yet (enter adopts it)\n{text}" if suggested else text)

    def _apply(self, change: Callable[[], Edit]) -> bool:
        """Run one change through the session; True when it changed the plan (and so was saved)."""
        try:
            return change().changed
        except StickError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return False

    def _current(self) -> int | None:
        row = self.query_one(DataTable).cursor_row
        return row if 0 <= row < len(self.rows()) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _edit(self, index: int | None) -> None:
        def closed(edited: int | None) -> None:
            self.show(cursor=edited if edited is not None else None)

        self.app.push_screen(PriorityEditor(self.session, index, self.context.idle_save), closed)

    def action_add(self) -> None:
        if not refused(self, self.store):
            self._edit(None)

    def action_edit(self) -> None:
        if refused(self, self.store):
            return
        row = self._current()
        planned = len(self.session.priorities)
        if row is None:
            self.action_add()
        elif row < planned:
            self._edit(row)
        elif self._apply(lambda: self.session.adopt(row - planned)):
            self.notify("Adopted into the plan: enter edits it.")
            self.show(cursor=planned)

    def action_adopt_all(self) -> None:
        if refused(self, self.store):
            return
        planned = len(self.session.priorities)
        if self._apply(self.session.adopt_all):
            self.notify("Every suggested priority is in the plan now: edit or remove them freely.")
        self.show(cursor=planned)

    def action_remove(self) -> None:
        if refused(self, self.store):
            return
        row = self._current()
        if row is None or row >= len(self.session.priorities):
            return
        title = self.session.priorities[row].title
        if self._apply(lambda: self.session.remove_priority(row)):
            self.notify(f"Removed: {title or 'a priority'}. u puts it back.")
        self.show(cursor=row)

    def action_undo(self) -> None:
        if refused(self, self.store):
            return
        back = self.session.removed
        if back is not None and self._apply(self.session.undo_remove):
            self.notify(f"Put back: {back.title or 'a priority'}.")
        self.show()

    def action_move(self, step: int) -> None:
        if refused(self, self.store):
            return
        row = self._current()
        if row is not None and self._apply(lambda: self.session.move_priority(row, step)):
            self.show(cursor=row + step)

    def action_back(self) -> None:
        self.dismiss(None)
