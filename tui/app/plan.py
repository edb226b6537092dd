"""The plan: priorities with a lead, a business function, dates, a measure and a status.

An empty plan starts from the scoring's suggestions. Past five priorities the
screen warns, because the deck asks for limited priorities, but does not refuse.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from surveys.errors import StickError
from surveys.model import Instrument
from surveys.responses import Priority
from surveys.scoring import Suggestion
from tui.app.context import AssessmentContext
from tui.app.priority_editor import PriorityEditor

LIMIT = 5
COLUMNS = ("#", "Priority", "Lead", "Function", "Target", "Review", "Status", "Measure")


def suggested(instrument: Instrument, suggestions: tuple[Suggestion, ...]) -> tuple[Priority, ...]:
    out = []
    for s in suggestions:
        area = instrument.area(s.area)
        step = instrument.step(s.step)
        title = f"{area.label}: move beyond {step.label.lower()} ({s.transition})"
        out.append(Priority(area=s.area, title=title, function=s.function))
    return tuple(out)


class PlanScreen(Screen[None]):
    TITLE = "Plan"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add"),
        Binding("enter", "edit", "Edit"),
        Binding("x,delete", "remove", "Remove"),
        Binding("escape", "back", "Result"),
    ]
    DEFAULT_CSS = """
    PlanScreen #advice { padding: 0 1; height: auto; }
    PlanScreen #warning { padding: 0 1; height: auto; text-style: bold; }
    PlanScreen DataTable { height: 1fr; }
    """

    def __init__(self, context: AssessmentContext) -> None:
        super().__init__()
        self.context = context
        self.store = context.store

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Limited, achievable priorities, each with a named lead and the business function "
                     "where the work will live.", id="advice")
        yield Static("", id="warning")
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLUMNS)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.store.assessment.organisation
        if not self.store.assessment.priorities and self.store.result.suggestions:
            self._save(suggested(self.store.instrument, self.store.result.suggestions))
            self.notify("The plan starts from the suggested priorities: edit or remove them freely.")
        self.show()
        self.query_one(DataTable).focus()

    def show(self, cursor: int | None = None) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row if cursor is None else cursor
        table.clear()
        instrument = self.store.instrument
        for n, p in enumerate(self.store.assessment.priorities, start=1):
            labels = {f.id: f.label for f in instrument.functions}
            function = labels.get(p.function, p.function)
            table.add_row(str(n), p.title, p.lead, function, p.target.isoformat() if p.target else "",
                          p.review.isoformat() if p.review else "", p.status, p.measure)
        count = len(self.store.assessment.priorities)
        warning = self.query_one("#warning", Static)
        if count > LIMIT:
            warning.update(f"Warning: {count} priorities. The deck asks for limited priorities: "
                           f"{LIMIT} or fewer are easier to see through.")
        elif count == 0:
            warning.update("No priorities yet: press a to add one.")
        else:
            warning.update(f"{count} of at most {LIMIT} suggested priorities.")
        if count:
            table.move_cursor(row=max(0, min(row, count - 1)))

    def _save(self, priorities: tuple[Priority, ...]) -> bool:
        try:
            self.store.set_priorities(priorities)
        except StickError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            return False
        return True

    def _current(self) -> int | None:
        row = self.query_one(DataTable).cursor_row
        return row if 0 <= row < len(self.store.assessment.priorities) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_add(self) -> None:
        def added(priority: Priority | None) -> None:
            if priority is not None:
                priorities = (*self.store.assessment.priorities, priority)
                self._save(priorities)
                self.show(cursor=len(priorities) - 1)

        self.app.push_screen(PriorityEditor(self.store.instrument, Priority()), added)

    def action_edit(self) -> None:
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
