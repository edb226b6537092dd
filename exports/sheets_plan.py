"""The Action plan and Functions sheets, written a priority at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from exports.cells import COUNT, DATE, WRAPPED, header_row, styled, text
from exports.layout import Rows, add_table, prepare, unique_names
from exports.plan_rows import PlanRow
from surveys.model import Instrument

_PLAN = [
    "Priority",
    "Area",
    "Business function",
    "Lead",
    "Target date",
    "Review date",
    "Measure",
    "Status",
    "Suggested",
]
_PLAN_WIDTHS = [34, 20, 26, 18, 12, 12, 30, 12, 10]
_TEAM = ["No.", "Respondent"]
_TEAM_WIDTHS = [6, 18]
# Room to add priorities in Excel with the same drop-down lists.
SPARE_ROWS = 200
NO_FUNCTION = "No business function yet"


@dataclass(frozen=True)
class ListRanges:
    """Where the drop-down choices are written (on the About sheet), as absolute references."""

    functions: str
    statuses: str


class ActionPlanSheet:
    def __init__(self, ws: Any, merged: bool) -> None:
        self.ws = ws
        self.lead = 2 if merged else 0
        self.columns = unique_names((_TEAM if merged else []) + _PLAN)
        widths = (_TEAM_WIDTHS if merged else []) + _PLAN_WIDTHS
        prepare(ws, widths, freeze="A2", title_rows="1:1")
        self.rows = Rows(ws, widths)
        self.rows.add(header_row(ws, self.columns))

    def add(self, row: PlanRow) -> None:
        ws = self.ws
        lead: list[Any] = [styled(ws, row.no, COUNT), text(ws, row.respondent, WRAPPED)] if self.lead else []
        self.rows.add(
            lead
            + [
                text(ws, row.priority, WRAPPED),
                text(ws, row.area, WRAPPED),
                text(ws, row.function, WRAPPED),
                text(ws, row.lead, WRAPPED),
                styled(ws, row.target, DATE),
                styled(ws, row.review, DATE),
                text(ws, row.measure, WRAPPED),
                text(ws, row.status, WRAPPED),
                text(ws, "suggested", WRAPPED) if row.suggested else None,
            ]
        )

    def finish(self, lists: ListRanges) -> None:
        add_table(self.ws, "ActionPlan", self.columns, 1, self.rows.row)
        last = self.rows.row + SPARE_ROWS
        for column, source, what in ((3, lists.functions, "business function"), (8, lists.statuses, "status")):
            letter = get_column_letter(self.lead + column)
            dv = DataValidation(
                type="list",
                formula1=source,
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=f"Pick a {what}",
                error=f"Pick a {what} from the list.",
                promptTitle=what.capitalize(),
                prompt=f"Pick a {what} from the list.",
            )
            dv.add(f"{letter}2:{letter}{last}")
            self.ws.data_validations.append(dv)


class FunctionsSheet:
    """Priorities down the side, business functions across, the lead named where they meet."""

    def __init__(self, ws: Any, instrument: Instrument, merged: bool) -> None:
        self.ws = ws
        self.merged = merged
        self.functions = [f.id for f in instrument.functions]
        labels = [f.label for f in instrument.functions] + [NO_FUNCTION]
        lead = _TEAM if merged else []
        widths = (_TEAM_WIDTHS if merged else []) + [34, 20] + [18] * len(labels)
        prepare(ws, widths, freeze=get_column_letter(len(lead) + 3) + "2", title_rows="1:1")
        self.rows = Rows(ws, widths)
        self.rows.add(header_row(ws, unique_names(lead + ["Priority", "Area"] + labels)))
        self.counts = [0] * len(labels)

    def add(self, row: PlanRow) -> None:
        ws = self.ws
        at = self.functions.index(row.function_id) if row.function_id else len(self.functions)
        self.counts[at] += 1
        who = row.lead or ("no lead: suggested" if row.suggested else "lead not named")
        crossings: list[Any] = [None] * (len(self.functions) + 1)
        crossings[at] = (
            text(ws, who, WRAPPED)
            if at < len(self.functions)
            else text(ws, f"{row.function or 'not linked'}: {who}", WRAPPED)
        )
        lead: list[Any] = [styled(ws, row.no, COUNT), text(ws, row.respondent, WRAPPED)] if self.merged else []
        self.rows.add(lead + [text(ws, row.priority, WRAPPED), text(ws, row.area, WRAPPED), *crossings])

    def finish(self) -> None:
        ws = self.ws
        pad: list[Any] = [None, None] if self.merged else []
        self.rows.skip()
        counts = [styled(ws, n, COUNT) for n in self.counts]
        self.rows.add(pad + [text(ws, "Priorities in each business function", WRAPPED), None, *counts])


@dataclass
class AreaTally:
    chosen: int = 0
    suggested: int = 0
    leads: dict[str, None] = field(default_factory=dict)  # insertion-ordered set
    functions: dict[str, None] = field(default_factory=dict)


class PlanTally:
    """The merged plan in brief, per area, for the Team sheet."""

    def __init__(self) -> None:
        self.areas: dict[str, AreaTally] = {}

    def add(self, row: PlanRow) -> None:
        tally = self.areas.setdefault(row.area, AreaTally())
        if row.suggested:
            tally.suggested += 1
        else:
            tally.chosen += 1
        if row.lead:
            tally.leads[row.lead] = None
        if row.function:
            tally.functions[row.function] = None


def listed(names: Sequence[str], limit: int = 12) -> str:
    shown = "; ".join(names[:limit])
    return shown + (f"; and {len(names) - limit} more" if len(names) > limit else "")
