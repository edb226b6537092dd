"""The Action plan: one row per priority, with the core principles as a checklist.

The plan is written after every file is read (its rows are few), so a
priority that several people in one organisation set can be flagged on each
of their rows, and the Functions and Team sheets can point at its cells.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from exports.cells import COUNT, DATE, TOP, WRAPPED, blank, formula, header_row, styled, text
from exports.layout import Rows, add_table, fit_column, fit_words, prepare, unique_names
from exports.plan_rows import PlanRow
from exports.sheets_lists import ListRanges
from surveys.model.instrument import Instrument
from surveys.model.responses import STATUSES
from surveys.model.vocabulary import heading, vocabulary

# Room to add priorities in Excel with the same drop-down lists, formats and live counts. The
# Functions grid has a row for each (a formula showing nothing until a priority is typed), and
# such rows print as blank lines: a few dozen, not hundreds.
SPARE_ROWS = 30
SUGGESTED = "suggested"
OVERDUE_FILL = PatternFill("solid", fgColor="F4CCCC")
# Dates a plan can sensibly hold: a typo such as 2206 is caught as it is typed.
FIRST_DATE, LAST_DATE = "DATE(2000,1,1)", "DATE(2100,12,31)"


@dataclass(frozen=True)
class PlanColumns:
    """Where the Action plan keeps each field: other sheets' formulas point here."""

    sheet: str
    merged: bool
    names: tuple[str, ...]
    last_row: int  # the last row formulas count, spare rows included
    first_spare: int = 2  # the first row left empty for the planning team

    @property
    def rows(self) -> range:
        """Every row a priority can be in: those exported and the spare ones."""
        return range(2, self.last_row + 1)

    @property
    def priority(self) -> str:
        """The field naming the priority: the first after the team's columns."""
        return self.names[3 if self.merged else 0]

    @property
    def function(self) -> str:
        return self.names[(3 if self.merged else 0) + 2]

    def letter(self, field: str) -> str:
        return str(get_column_letter(self.names.index(field) + 1))

    def column(self, field: str) -> str:
        """The absolute range of one field over every plan row, spare rows included."""
        letter = self.letter(field)
        return f"'{self.sheet}'!${letter}$2:${letter}${self.last_row}"

    def cell(self, field: str, row: int) -> str:
        return f"'{self.sheet}'!${self.letter(field)}${row}"

    def whole(self, field: str) -> str:
        """The field's column from row 1 (so INDEX by sheet row number finds the row)."""
        letter = self.letter(field)
        return f"'{self.sheet}'!${letter}$1:${letter}${self.last_row}"


CARRIED = "Carried"
TO_UPDATE = ": update the status"  # the end of a carried priority's note while its status is to update


def carried_words(row: PlanRow) -> str:
    """'carried from 2025': the review a priority came from."""
    return f"carried from {row.carried_from.year}" if row.carried_from is not None else ""


def plan_fields(instrument: Instrument, merged: bool, carried: bool = False) -> list[str]:
    v = vocabulary(instrument)
    team = ["Organisation", "No.", "Respondent"] if merged else []
    plan = [heading(v.priority), heading(v.area), heading(v.function) if instrument.functions else ""]
    rest = ["Lead", "Target date", "Review date", "Measure", "Status", *([CARRIED] if carried else []), "Suggested"]
    principles = [p.label for p in instrument.principles]
    return team + [f for f in plan if f] + rest + principles + (["Same as"] if merged else [])


def _widths(instrument: Instrument, merged: bool, carried: bool = False) -> list[float]:
    # Narrow enough that a team's plan still prints one page wide at two thirds of full size;
    # `write_plan` widens a column where a header word would break in two (a principle's "mainstream").
    team = [11, 4.5, 11] if merged else []
    plan = [22 if merged else 28, 13] + ([16 if merged else 20] if instrument.functions else [])
    rest = [12, 10.5, 10.5, 15, 10, 9.5] if merged else [14, 10.5, 10.5, 22, 11, 10]
    if carried:
        rest.insert(5, 12)
    return team + plan + rest + [9.5] * len(instrument.principles) + ([10] if merged else [])


def _key(row: PlanRow) -> tuple[str, str]:
    return (" ".join(row.organisation.split()).casefold(), " ".join(row.priority.split()).casefold())


def duplicates(rows: Sequence[PlanRow]) -> dict[int, list[int]]:
    """For each plan row (by index), the other assessments in its organisation with the same priority."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        by_key[_key(row)].append(index)
    out: dict[int, list[int]] = {}
    for indexes in by_key.values():
        people = {rows[i].no for i in indexes}
        if len(people) < 2:
            continue
        for i in indexes:
            out[i] = sorted(people - {rows[i].no})
    return out


def _same_as(others: list[int]) -> str:
    return "also No. " + ", ".join(str(n) for n in others) if others else ""


def _carried(ws: Any, row: PlanRow, status: str) -> Any:
    """Where it came from; while its status is to update, a formula that says so until the status changes."""
    words = carried_words(row)
    if not words:
        return None
    if row.to_update and row.status in STATUSES:
        # The status as carried is one of stick's own words, so it may sit in the formula.
        return formula(ws, f'=IF({status}="{row.status}","{words}{TO_UPDATE}","{words}")', WRAPPED)
    return text(ws, words + (TO_UPDATE if row.to_update else ""), WRAPPED)


def _spare(ws: Any, instrument: Instrument, merged: bool, carried: bool) -> list[Any]:
    """An empty row with the plan's formats, so what a planner types wraps and a date reads as a date."""
    team = [blank(ws, WRAPPED), blank(ws, COUNT), blank(ws, WRAPPED)] if merged else []
    plan = [blank(ws, WRAPPED) for _ in range(3 if instrument.functions else 2)]
    rest = [blank(ws, WRAPPED), blank(ws, DATE), blank(ws, DATE), blank(ws, WRAPPED), blank(ws, TOP)]
    rest += [blank(ws, WRAPPED)] if carried else []
    rest += [blank(ws, TOP)] + [blank(ws, TOP) for _ in instrument.principles]
    return team + plan + rest + ([blank(ws, WRAPPED)] if merged else [])


def write_plan(
    ws: Any, instrument: Instrument, rows: Sequence[PlanRow], merged: bool, lists: ListRanges
) -> PlanColumns:
    carried = any(row.carried_from is not None for row in rows)
    names = tuple(unique_names(plan_fields(instrument, merged, carried)))
    widths = fit_words(_widths(instrument, merged, carried), names)
    # An area's label is the instrument's own (EDS: a whole outcome): none of its words breaks either.
    widths = fit_column(widths, names.index(heading(vocabulary(instrument).area)), [a.label for a in instrument.areas])
    prepare(ws, widths, freeze="A2", title_rows="1:1")
    out = Rows(ws, widths)
    dates = {names.index("Target date"), names.index("Review date")}
    out.add(header_row(ws, names, numbers=dates | ({1} if merged else set())))
    same = duplicates(rows) if merged else {}
    status_letter = get_column_letter(names.index("Status") + 1)
    for index, row in enumerate(rows):
        team: list[Any] = (
            [text(ws, row.organisation, WRAPPED), styled(ws, row.no, COUNT), text(ws, row.respondent, WRAPPED)]
            if merged
            else []
        )
        cells = [text(ws, row.priority, WRAPPED), text(ws, row.area, WRAPPED)]
        if instrument.functions:
            cells.append(text(ws, row.function, WRAPPED))
        cells += [
            text(ws, row.lead, WRAPPED),
            styled(ws, row.target, DATE),
            styled(ws, row.review, DATE),
            text(ws, row.measure, WRAPPED),
            text(ws, row.status, TOP),
        ]
        if carried:
            cells.append(_carried(ws, row, f"${status_letter}{out.row + 1}"))
        cells.append(text(ws, SUGGESTED, TOP) if row.suggested else None)
        cells += [None] * len(instrument.principles)
        if merged:
            cells.append(text(ws, _same_as(same.get(index, [])), WRAPPED) if index in same else None)
        out.add(team + cells)
    first_spare = out.row + 1
    for _ in range(SPARE_ROWS):
        out.add(_spare(ws, instrument, merged, carried))
    # The table and its filter take in the spare rows: a priority typed there is filtered like the rest.
    add_table(ws, "ActionPlan", names, 1, out.row)
    columns = PlanColumns(ws.title, merged, names, out.row, first_spare)
    _validate(ws, instrument, columns, lists)
    _overdue(ws, columns)
    return columns


def _list(ws: Any, columns: PlanColumns, field: str, source: str, what: str) -> None:
    letter = columns.letter(field)
    dv = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle=f"Pick a {what}",
        error=f"Pick a {what} from the list.",
        promptTitle=heading(what),
        prompt=f"Pick a {what} from the list.",
    )
    dv.add(f"{letter}2:{letter}{columns.last_row}")
    ws.data_validations.append(dv)


def _validate(ws: Any, instrument: Instrument, columns: PlanColumns, lists: ListRanges) -> None:
    v = vocabulary(instrument)
    if lists.areas:
        _list(ws, columns, heading(v.area), lists.areas, v.area)
    if lists.functions:
        _list(ws, columns, heading(v.function), lists.functions, v.function)
    _list(ws, columns, "Status", lists.statuses, "status")
    for principle in instrument.principles:
        _list(ws, columns, principle.label, lists.checks, "check (yes, partly or no)")
    for field in ("Target date", "Review date"):
        letter = columns.letter(field)
        dv = DataValidation(
            type="date",
            operator="between",
            formula1=FIRST_DATE,
            formula2=LAST_DATE,
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorTitle="Type a date",
            error="Type a date such as 2026-09-30.",
            promptTitle=field,
            prompt="A date such as 2026-09-30.",
        )
        dv.add(f"{letter}2:{letter}{columns.last_row}")
        ws.data_validations.append(dv)


def _overdue(ws: Any, columns: PlanColumns) -> None:
    """A review date that has passed, on a priority still open, shows red."""
    review, status = columns.letter("Review date"), columns.letter("Status")
    rule = FormulaRule(
        formula=[f'AND(${review}2<>"",${review}2<TODAY(),${status}2<>"done",${status}2<>"dropped")'],
        fill=OVERDUE_FILL,
    )
    ws.conditional_formatting.add(f"{review}2:{review}{columns.last_row}", rule)


def listed(names: Sequence[str], limit: int = 12) -> str:
    shown = "; ".join(names[:limit])
    return shown + (f"; and {len(names) - limit} more" if len(names) > limit else "")
