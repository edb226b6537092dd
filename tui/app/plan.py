"""The plan: priorities with a lead, a business function, dates, a measure and a status.

A plan never started starts from the scoring's suggestions; one emptied on
purpose stays empty. Past five priorities the screen warns, because the deck
asks for limited priorities, but does not refuse.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from surveys.errors import StickError
from surveys.model import Instrument
from surveys.responses import Priority
from surveys.suggestions import suggested_priorities
from surveys.terminal_text import terminal_safe
from tui.app.chrome import KeyBar, TitleBar
from tui.app.command_keys import CommandScreen, command
from tui.app.context import AssessmentContext
from tui.app.priority_editor import PriorityEditor
from tui.app.read_only import refused

LIMIT = 5
# The table keeps to what fits at 80 columns; the details below show the rest.
COLUMNS = (("#", 2), ("Priority", 32), ("Lead", 12), ("Target", 10), ("Status", 11))


def details_text(instrument: Instrument, p: Priority) -> str:
    functions = {f.id: f.label for f in instrument.functions}
    areas = {a.id: a.label for a in instrument.areas}

    def day(value: date | None) -> str:
        return value.isoformat() if value else "-"

    text = "\n".join(
        (
            p.title,
            f"Lead: {p.lead or '-'} · Status: {p.status} · Target: {day(p.target)} · Review: {day(p.review)}",
            f"Function: {functions.get(p.function, p.function) or '-'} · Area: {areas.get(p.area, p.area) or '-'}",
            f"Measure: {p.measure or '-'}",
        )
    )
    return terminal_safe(text, keep="\n")


class PlanScreen(CommandScreen[None]):
    TITLE = "Plan"
    BINDINGS: ClassVar[list[BindingType]] = [
        command("a", "add", "Add"),
        Binding("enter", "edit", "Edit"),
        command("x,delete", "remove", "Remove"),
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

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(
            "Limited, achievable priorities, each with a named lead and the business function "
            "where the work will live. enter edits, a adds, x removes.",
            id="advice",
        )
        yield Static("", id="warning", markup=False)
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        yield table
        yield Static("", id="details", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.context.subtitle
        writable = self.store.read_only is None
        if writable and not self.store.assessment.plan_started and self.store.result.suggestions:
            self._save(suggested_priorities(self.store.instrument, self.store.result))
            self.notify("The plan starts from the suggested priorities: edit or remove them freely.")
        self.show()
        self.query_one(DataTable).focus()

    def show(self, cursor: int | None = None) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row if cursor is None else cursor
        table.clear()
        for n, p in enumerate(self.store.assessment.priorities, start=1):
            table.add_row(
                *(
                    Text(terminal_safe(cell))
                    for cell in (str(n), p.title, p.lead, p.target.isoformat() if p.target else "", p.status)
                )
            )
        count = len(self.store.assessment.priorities)
        warning = self.query_one("#warning", Static)
        if count > LIMIT:
            warning.update(
                f"Warning: {count} priorities. The deck asks for limited priorities: "
                f"{LIMIT} or fewer are easier to see through."
            )
        elif self.store.read_only is not None:
            warning.update(self.context.read_only_notice())
        elif count == 0:
            warning.update("No priorities yet: press a to add one.")
        else:
            warning.update(
                f"{count} {'priority' if count == 1 else 'priorities'} ({LIMIT} or fewer keeps them "
                "limited and achievable)."
            )
        if count:
            table.move_cursor(row=max(0, min(row, count - 1)))
        self.show_details()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_details()

    def show_details(self) -> None:
        row = self._current()
        details = self.query_one("#details", Static)
        if row is None:
            details.update("")
            return
        details.update(details_text(self.store.instrument, self.store.assessment.priorities[row]))

    def _save(self, priorities: tuple[Priority, ...]) -> bool:
        try:
            self.store.set_priorities(priorities)
        except StickError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return False
        return True

    def _current(self) -> int | None:
        row = self.query_one(DataTable).cursor_row
        return row if 0 <= row < len(self.store.assessment.priorities) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_add(self) -> None:
        if refused(self, self.store):
            return

        def added(priority: Priority | None) -> None:
            if priority is not None:
                priorities = (*self.store.assessment.priorities, priority)
                self._save(priorities)
                self.show(cursor=len(priorities) - 1)

        self.app.push_screen(PriorityEditor(self.store.instrument, Priority()), added)

    def action_edit(self) -> None:
        if refused(self, self.store):
            return
        row = self._current()
        if row is None:
            self.action_add()
            return

        def edited(priority: Priority | None) -> None:
            if priority is not None:
                priorities = list(self.store.assessment.priorities)
                priorities[row] = priority
                self._save(tuple(priorities))
                self.show(cursor=row)

        self.app.push_screen(PriorityEditor(self.store.instrument, self.store.assessment.priorities[row]), edited)

    def action_remove(self) -> None:
        if refused(self, self.store):
            return
        row = self._current()
        if row is None:
            return
        priorities = list(self.store.assessment.priorities)
        gone = priorities.pop(row)
        if self._save(tuple(priorities)):
            self.notify(f"Removed: {gone.title}")
        self.show(cursor=row)

    def action_back(self) -> None:
        self.dismiss(None)
