"""The Functions sheet: priorities down the side, business functions across, all live.

Every cell here is a formula over the Action plan, so when a planner moves a
priority to another function, names a lead or changes a status there, this
sheet follows. Text is compared with `=` inside SUMPRODUCT rather than with
COUNTIFS, whose criteria read `*`, `?` and a leading `<` in a label as
patterns and operators.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from exports.cells import COUNT, COUNT_UNDER_TEXT, HEADING, LABEL, TOP, WRAPPED, formula, header_row, styled, text
from exports.layout import LINE_HEIGHT, Rows, fit_words, line_count, prepare, unique_names
from exports.plan_counts import LIMITED, chosen_count, open_count, set_count, suggested_count
from exports.plan_rows import PlanRow
from exports.sheets_plan import SUGGESTED, PlanColumns
from surveys.model.instrument import Instrument
from surveys.model.responses import STATUSES
from surveys.model.vocabulary import heading, vocabulary

NO_FUNCTION = "None of these"
OVER_LIMIT_FILL = PatternFill("solid", fgColor="F4CCCC")
_CROSSING_WIDTH = 10.5


def _or_blank(ref: str) -> str:
    # A reference to an empty cell reads as 0; joining "" keeps it empty.
    return f'IF({ref}="","",{ref}&"")'


def write_functions(ws: Any, instrument: Instrument, rows: Sequence[PlanRow], plan: PlanColumns, merged: bool) -> None:
    v = vocabulary(instrument)
    labels = [f.label for f in instrument.functions]
    lead = ["Organisation", "No."] if merged else []
    names = unique_names([*lead, heading(v.priority), heading(v.area), *labels, NO_FUNCTION])
    widths = ([12, 5] if merged else []) + [26, 14] + [_CROSSING_WIDTH] * (len(labels) + 1)
    widths = fit_words(widths, names)
    first_crossing = len(lead) + 2
    prepare(ws, widths, freeze=get_column_letter(first_crossing + 1) + "2", title_rows="1:1")
    out = Rows(ws, widths)
    out.add(header_row(ws, names, numbers={1} if merged else set()))
    grid = _Grid(ws, plan, heading(v.function), heading(v.priority), heading(v.area), first_crossing, len(labels))
    for index, row in enumerate(rows):
        # Formulas carry no text to measure: the height comes from what they will show.
        # Every column that wraps counts: an area of two lines beside a one-line priority was cut at its foot.
        shown = row.lead or ("no lead: suggested" if row.suggested else "lead not named")
        lines = max(
            line_count(row.priority, widths[len(lead)]),
            line_count(row.area, widths[len(lead) + 1]),
            line_count(row.organisation, widths[0]) if merged else 1,
            line_count(shown, min(widths[first_crossing:], default=_CROSSING_WIDTH)),
        )
        out.add(grid.row(index + 2), height=LINE_HEIGHT * lines + 3 if lines > 1 else None)
    _foot(ws, out, plan, first_crossing, len(labels), lead, heading(v.priorities))
    _statuses(ws, out, plan, lead, v.priorities)
    # The Action plan's spare rows, each live here too: a priority typed there joins the grid.
    out.skip()
    spare = plan.rows[plan.first_spare - 2 :]
    out.add(
        [
            text(
                ws,
                f"{heading(v.priorities)} added on the Action plan (its rows {spare[0]} to {spare[-1]}), "
                "shown here as they are typed",
                HEADING,
            )
        ]
    )
    for r in spare:
        out.add(grid.row(r))


class _Grid:
    """One row of the grid: the plan row's priority, with its lead where it meets its function."""

    def __init__(
        self, ws: Any, plan: PlanColumns, function: str, priority: str, area: str, first: int, functions: int
    ) -> None:
        self.ws, self.plan = ws, plan
        self.function, self.priority, self.area = function, priority, area
        self.first, self.functions = first, functions

    def row(self, r: int) -> list[Any]:
        ws, plan = self.ws, self.plan
        func, who = plan.cell(self.function, r), plan.cell("Lead", r)
        lead_words = (
            f'IF({who}="",IF({plan.cell("Suggested", r)}="{SUGGESTED}","no lead: suggested","lead not named"),{who})'
        )
        headers = [f"{get_column_letter(self.first + offset + 1)}$1" for offset in range(self.functions)]
        crossings = [formula(ws, f'=IF({func}={header},{lead_words},"")', WRAPPED) for header in headers]
        known = "+".join(f"({func}={header})" for header in headers) or "0"
        crossings.append(
            formula(
                ws,
                f'=IF({plan.cell(self.priority, r)}="","",'
                f'IF(({known})=0,IF({func}="","not linked",{func})&": "&{lead_words},""))',
                WRAPPED,
            )
        )
        team: list[Any] = (
            [
                formula(ws, "=" + _or_blank(plan.cell("Organisation", r)), WRAPPED),
                formula(ws, f'=IF({plan.cell("No.", r)}="","",{plan.cell("No.", r)})', COUNT),
            ]
            if plan.merged
            else []
        )
        cells = [
            formula(ws, "=" + _or_blank(plan.cell(self.priority, r)), WRAPPED),
            formula(ws, "=" + _or_blank(plan.cell(self.area, r)), WRAPPED),
        ]
        return team + cells + crossings


def _foot(ws: Any, out: Rows, plan: PlanColumns, first: int, functions: int, lead: Sequence[str], word: str) -> None:
    pad: list[Any] = [None] * len(lead)
    out.skip()
    set_cells, suggested_cells = [], []
    for offset in range(functions):
        header = f"{get_column_letter(first + offset + 1)}$1"
        func = plan.column(plan.function)
        set_cells.append(formula(ws, set_count(plan, f"({func}={header})"), COUNT_UNDER_TEXT))
        suggested_cells.append(formula(ws, suggested_count(plan, f"({func}={header})"), COUNT_UNDER_TEXT))
    out.add(pad + [text(ws, f"{word} set in each", LABEL), None, *set_cells])
    out.add(pad + [text(ws, "Suggested, not yet set", LABEL), None, *suggested_cells])


def _statuses(ws: Any, out: Rows, plan: PlanColumns, lead: Sequence[str], word: str) -> None:
    pad: list[Any] = [None] * len(lead)
    out.skip()
    out.add(pad + [text(ws, f"{heading(word)} chosen, by status", HEADING)])
    out.add(pad + header_row(ws, ["Status", "Chosen"], numbers={1}))
    for status in STATUSES:
        out.add(
            pad
            + [text(ws, status, TOP), formula(ws, chosen_count(plan, f'({plan.column("Status")}="{status}")'), COUNT)]
        )
    out.add(pad + [text(ws, f"All set {word} (dropped left out)", LABEL), formula(ws, set_count(plan), COUNT)])
    total = out.add(pad + [text(ws, "Of them open (not done)", LABEL), formula(ws, open_count(plan), COUNT)])
    out.add(
        pad
        + [
            text(
                ws,
                f"The deck asks for limited {word}: {LIMITED} or fewer open in each plan "
                "(the count turns red above that for a single plan).",
                WRAPPED,
            ),
            styled(ws, LIMITED, COUNT),
        ]
    )
    if not plan.merged:
        cell = f"{get_column_letter(len(lead) + 2)}{total}"
        ws.conditional_formatting.add(
            cell, CellIsRule(operator="greaterThan", formula=[str(LIMITED)], fill=OVER_LIMIT_FILL)
        )
