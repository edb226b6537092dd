"""The Summary's plan lines, live from the Action plan.

A board pack is often printed after the planning meeting has edited the
Action plan, so nothing here is copied from the files: the counts are
SUMPRODUCTs over the plan's columns, and each listed priority is found by
formula (the k-th set priority's row, then INDEX into each column), so a
status changed, a lead named or a priority typed into a spare row shows
here as it does on Functions and Team. The limit of limited priorities is
held to each plan's open priorities, never to a team's pooled plans.

The formulas keep their working in hidden columns beside the printed page
(G onwards): the counts the lines are built from, the row each listed
priority is on, the organisation each line counts. No formula holds a
user's or an instrument's text: such words sit in those cells and are
referred to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.formatting.rule import FormulaRule

from exports.cells import COUNT, DATE, HEADING, LABEL, TOP, WRAPPED, formula, header_row, text
from exports.layout import LINE_HEIGHT, Rows, line_count
from exports.plan_counts import LIMITED, open_terms, set_terms, suggested_terms
from exports.plan_rows import PlanRow
from exports.sheets_functions import OVER_LIMIT_FILL
from exports.sheets_plan import CARRIED, OVERDUE_FILL, SUGGESTED, TO_UPDATE, PlanColumns
from exports.sheets_results import SHORT_CODE, short_label
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary

SHOWN_PRIORITIES = 6
ROOM = 2  # empty lines under the exported priorities, for those the planning team adds before printing
# Hidden working cells, right of the printed columns A to F.
SET, OPEN, SUGGESTED_CELL, OVER, WORD, ROW = "G", "H", "I", "J", "K", "L"
NAME = "G"  # on an organisation's line: the organisation its counts are of
HELPERS = (SET, OPEN, SUGGESTED_CELL, OVER, WORD, ROW)
_NONE = 1_000_000  # SMALL's answer past the last listed priority: no such row


@dataclass(frozen=True)
class PlanPlace:
    """Where the Summary's formulas look: the Action plan, and each plan's open count on Assessments."""

    plan: PlanColumns
    assessments: str = ""  # the Assessments sheet's open-count column as an absolute range; "" for one plan
    organisations: str = ""  # the Assessments sheet's Organisation column, alike
    plans: int = 1  # the assessments, each with its own plan


def hide_helpers(ws: Any) -> None:
    for letter in HELPERS:
        ws.column_dimensions[letter].hidden = True


def _count(terms: Sequence[str]) -> str:
    return "SUMPRODUCT(" + "*".join(terms) + ")"


def _over(place: PlanPlace, *conditions: str) -> str:
    """Plans over the limit: assessments whose own open priorities are more than five."""
    return "SUMPRODUCT(" + "*".join([f"({place.assessments}>{LIMITED})", *conditions]) + ")"


def listed_rows(plan: Sequence[PlanRow]) -> list[PlanRow]:
    """The rows the Summary lists as exported: those set (dropped left out), or the suggested ones if none is."""
    chosen = [p for p in plan if not p.suggested and p.status != "dropped"]
    return chosen or [p for p in plan if p.suggested]


def write_plan_list(rows: Rows, instrument: Instrument, place: PlanPlace, exported: Sequence[PlanRow]) -> None:
    """One plan, or one organisation's plans: the counts against the limit, then the first priorities, live."""
    ws, v, plan = rows.ws, vocabulary(instrument), place.plan
    r = rows.row + 1
    team = place.plans > 1
    counts = f'${SET}${r}&" set, "&${OPEN}${r}&" open (not done)"'
    if team:
        counts = f'${SET}${r}&" set in {place.plans} plans, "&${OPEN}${r}&" open; "&${OVER}${r}&" plans over the limit"'
    limit = ""
    if instrument.principles:  # the deck's principle of limited priorities, where the instrument holds it
        limit = f"The framework asks for limited {v.priorities}: {LIMITED} or fewer open in each plan."
    cells: list[Any] = [text(ws, heading(v.priorities), HEADING), formula(ws, "=" + counts, LABEL)]
    cells += [text(ws, limit, WRAPPED) if limit else None, None, None, None]
    cells += [
        formula(ws, "=" + _count(set_terms(plan)), COUNT),
        formula(ws, "=" + _count(open_terms(plan)), COUNT),
        formula(ws, "=" + _count(suggested_terms(plan)), COUNT),
        formula(ws, "=" + _over(place), COUNT) if team else None,
        text(ws, v.priorities),
    ]
    rows.add(cells, height=LINE_HEIGHT * 2 + 3 if limit or team else None)
    if limit:
        ws.merged_cells.add(f"C{r}:F{r}")
    red = f"${OVER}${r}>0" if team else f"${OPEN}${r}>{LIMITED}"
    ws.conditional_formatting.add(f"B{r}", FormulaRule(formula=[red], fill=OVER_LIMIT_FILL))
    names = [heading(v.priority), "Lead and status", _home(instrument)]
    names += ["Respondent" if team else "", "Target date", "Review date"]
    rows.add(header_row(ws, names, numbers={4, 5}))
    shown = listed_rows(exported)
    # Lines for the exported priorities and a couple more; past them "and N more" counts, live too.
    slots = min(SHOWN_PRIORITIES, len(shown) + ROOM)
    for k in range(1, slots + 1):
        row = shown[k - 1] if k <= len(shown) else None
        at = rows.add(_slot(ws, instrument, place, r, rows.row + 1, k, team), height=_height(instrument, row))
        _overdue(ws, plan, at)
    more = f"IF(${SET}${r}>0,${SET}${r},${SUGGESTED_CELL}${r})"
    rows.add(
        [
            formula(
                ws,
                f'=IF({more}=0,"No "&${WORD}${r}&" set or suggested yet.",'
                f'IF({more}>{slots},"and "&({more}-{slots})&'
                '" more on the Action plan sheet",""))',
                TOP,
            )
        ]
    )


def _home(instrument: Instrument) -> str:
    """The third column: where a priority lives, its business function, or where the instrument has none its
    area (EDS: its outcome, by its code)."""
    v = vocabulary(instrument)
    return heading(v.function) if instrument.functions else heading(v.area) if instrument.areas else ""


def _overdue(ws: Any, plan: PlanColumns, r: int) -> None:
    """A listed priority's review date red once it has passed while the priority is open, as on the Action plan:
    worked out when the file is opened, from the status on the plan row the line shows."""
    status = f"INDEX({plan.whole('Status')},${ROW}${r})"
    rule = f'AND($F{r}<>"",$F{r}<TODAY(),{status}<>"done",{status}<>"dropped")'
    ws.conditional_formatting.add(f"F{r}", FormulaRule(formula=[rule], fill=OVERDUE_FILL))


def _height(instrument: Instrument, row: PlanRow | None) -> float | None:
    if row is None:
        return None
    lead = f"{row.lead or 'no lead yet (suggested)'}; {row.status or 'not started'}"
    home = row.function if instrument.functions else short_label(row.area)
    lines = max(line_count(row.priority, 26), line_count(lead, 40), line_count(home, 22))
    return LINE_HEIGHT * lines + 3 if lines > 1 else None


def _slot(ws: Any, instrument: Instrument, place: PlanPlace, head: int, r: int, k: int, team: bool) -> list[Any]:
    """The k-th listed priority: its plan row found in column L, each field read from that row."""
    plan = place.plan
    wanted = "*".join(set_terms(plan))
    fallback = "*".join(suggested_terms(plan))
    listed = f"((${SET}${head}>0)*{wanted}+(${SET}${head}=0)*{fallback})"
    rows_of = f"ROW({plan.column(plan.priority)})"
    where = f"${ROW}${r}"

    def field(name: str) -> str:
        return f"INDEX({plan.whole(name)},{where})"

    def shown(expression: str) -> str:
        return f'=IF({where}>{plan.last_row},"",{expression})'

    lead = field("Lead")
    status = f'IF({field("Status")}="","not started",{field("Status")})'
    if CARRIED in plan.names:
        status += f'&IF({field(CARRIED)}&""="",""," ("&{field(CARRIED)}&")")'
    who = f'IF({lead}="",IF({field("Suggested")}="{SUGGESTED}","no lead yet (suggested)","lead not named"),{lead})'
    cells: list[Any] = [
        formula(ws, shown(field(plan.priority) + '&""'), WRAPPED),
        formula(ws, shown(f'{who}&"; "&{status}'), WRAPPED),
        formula(ws, shown(_home_value(instrument, plan, field)), WRAPPED) if _home(instrument) else None,
        formula(ws, shown(field("Respondent") + '&""'), WRAPPED) if team else None,
        formula(ws, shown(f'IF({field("Target date")}="","",{field("Target date")})'), DATE),
        formula(ws, shown(f'IF({field("Review date")}="","",{field("Review date")})'), DATE),
    ]
    pad: list[Any] = [None] * (len(HELPERS) - 1)
    # SUMPRODUCT evaluates SMALL over the whole column without an array formula, in Excel and Calc alike.
    found = formula(ws, f"=SUMPRODUCT(SMALL({listed}*{rows_of}+(1-{listed})*{_NONE},{k}))", COUNT)
    return cells + pad + [found]


def _home_value(instrument: Instrument, plan: PlanColumns, field: Callable[[str], str]) -> str:
    """The business function, or the area by its code where its label starts with one (as `short_label`)."""
    if instrument.functions:
        return field(plan.function) + '&""'
    area = field(heading(vocabulary(instrument).area)) + '&""'
    cut = f'FIND(": ",{area})-1'
    return f"IFERROR(IF({cut}<={SHORT_CODE},LEFT({area},{cut}),{area}),{area})"


def write_organisation_plans(rows: Rows, instrument: Instrument) -> None:
    """Several organisations: their plans are counted on their own lines above; say how."""
    ws, v = rows.ws, vocabulary(instrument)
    limit = (
        f" The framework asks for limited {v.priorities}: {LIMITED} or fewer open in each plan."
        if (instrument.principles)
        else ""
    )
    r = rows.add(
        [
            text(ws, heading(v.priorities), HEADING),
            text(
                ws,
                f"Each organisation's are counted on its line above, from its own people's plans, live from the "
                f"Action plan: never added up across organisations.{limit} Every {v.priority} is on the Action plan "
                "sheet.",
                WRAPPED,
            ),
        ],
        height=LINE_HEIGHT * 2 + 3,
    )
    ws.merged_cells.add(f"B{r}:F{r}")


def organisation_counts(ws: Any, place: PlanPlace, r: int) -> list[Any]:
    """Cells E and F of an organisation's line (its name in the hidden column G): set (open), plans over."""
    plan = place.plan
    same = f"({plan.column('Organisation')}=${NAME}${r})"
    mine = f"({place.organisations}=${NAME}${r})"
    chosen, waiting = _count([*set_terms(plan), same]), _count([*open_terms(plan), same])
    suggested = _count([*suggested_terms(plan), same])
    words = f'=IF({chosen}=0,IF({suggested}=0,"none yet",{suggested}&" suggested"),{chosen}&" ("&{waiting}&" open)")'
    return [formula(ws, words, WRAPPED), formula(ws, "=" + _over(place, mine), COUNT)]


def carried_line(ws: Any, plan: PlanColumns) -> Any:
    """How many priorities came from the last review, and how many still have their status to update: live."""
    column = plan.column(CARRIED)
    carried = f'SUMPRODUCT((LEFT({column},12)="carried from")*1)'
    waiting = f'SUMPRODUCT((RIGHT({column},{len(TO_UPDATE)})="{TO_UPDATE}")*1)'
    return formula(
        ws,
        f'={carried}&" carried from the last review; "&{waiting}&" with the status still to update '
        '(the Carried column of the Action plan)"',
        WRAPPED,
    )
