"""The Assessments sheet of a team workbook: one row per assessment, scored on the shared questions.

It is a table to filter and pivot, on a sheet of its own so the Team sheet
above it prints at a readable size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.formatting.rule import CellIsRule
from openpyxl.utils import get_column_letter

from exports.cells import COUNT, DATE, PERCENT, SCORE, TOP, WRAPPED, formula, header_row, styled, text
from exports.layout import Rows, add_table, fit_words, prepare, unique_names
from exports.merge import Basis, Scored
from exports.plan_counts import LIMITED, open_count, set_count
from exports.sheets_functions import OVER_LIMIT_FILL
from exports.sheets_plan import PlanColumns
from exports.sheets_results import short_label, step_scale
from surveys.model.vocabulary import heading, vocabulary
from surveys.results.report import placement_words

OPEN = f"Open (limit {LIMITED})"


def open_column(basis: Basis) -> int:
    """The 1-based column of each plan's open count: the Summary counts the plans over the limit from it."""
    return members_columns(basis).index(OPEN) + 1


def _overall_columns(basis: Basis) -> list[str]:
    """The deck's overall step; a format 2 instrument's own overall figure and, if it has bands, the band."""
    i = basis.instrument
    v = vocabulary(i)
    if i.format == 1:
        return [f"Overall {v.step}"] if i.steps else []
    return [heading(v.overall), *([heading(v.band)] if i.bands else [])]


def members_columns(basis: Basis) -> list[str]:
    i = basis.instrument
    v = vocabulary(i)
    return unique_names(
        [
            "Organisation",
            "No.",
            "Respondent",
            "Role",
            "Date",
            "Version",
            "Complete",
            # An area's code where its label starts with one (EDS: "1A"): the Framework sheet gives it in full.
            *(short_label(a.label) for a in i.areas),
            *_overall_columns(basis),
            *(d.label for d in i.dimensions),
            *([heading(v.adopter)] if i.adopters else []),
            f"{heading(v.priorities)} set",
            OPEN,
            "File",
        ]
    )


def write_assessments(ws: Any, basis: Basis, scored: Sequence[Scored], plan: PlanColumns) -> None:
    i = basis.instrument
    columns = members_columns(basis)
    areas, dims = len(i.areas), len(i.dimensions)
    overall = _overall_columns(basis)
    widths = [14, 5, 14, 12, 10.5, 7, 8] + [8] * areas + [7 if i.format == 1 else 9, 12][: len(overall)] + [12] * dims
    widths += ([12] if i.adopters else []) + [8, 7, 16]
    widths = fit_words(widths, columns)
    prepare(ws, widths, freeze="D2", title_rows="1:1")
    rows = Rows(ws, widths)
    numbers = {1, 4, 5, 6, *range(7, 7 + areas + (1 if overall else 0)), len(columns) - 3, len(columns) - 2}
    rows.add(header_row(ws, columns, numbers=numbers))
    for s in scored:
        m = s.member
        r = rows.row + 1
        cells: list[Any] = [
            text(ws, m.organisation, WRAPPED),
            styled(ws, m.no, COUNT),
            text(ws, m.respondent, WRAPPED),
            text(ws, m.role, WRAPPED),
            styled(ws, m.date, DATE),
            styled(ws, m.instrument.version, COUNT),
            styled(ws, m.complete / 100, PERCENT),
            *(styled(ws, a.score, SCORE) for a in s.areas),
        ]
        if i.format == 1 and i.steps:
            cells.append(styled(ws, s.overall_step, COUNT))
        elif i.format != 1:
            cells.append(styled(ws, s.overall, SCORE))
            if i.bands:
                cells.append(text(ws, i.band(s.band).label if s.band else "", WRAPPED))
        cells += [text(ws, placement_words(i, d), WRAPPED) for d in s.dimensions]
        if i.adopters:
            cells.append(text(ws, i.adopter(s.adopter).label if s.adopter else "", WRAPPED))
        cells.append(formula(ws, set_count(plan, f"({plan.column('No.')}=$B${r})"), COUNT))
        cells.append(formula(ws, open_count(plan, f"({plan.column('No.')}=$B${r})"), COUNT))
        cells.append(text(ws, m.file, TOP))
        rows.add(cells)
    add_table(ws, "Assessments", columns, 1, rows.row)
    last = max(rows.row, 2)
    letter = get_column_letter(open_column(basis))
    ws.conditional_formatting.add(
        f"{letter}2:{letter}{last}", CellIsRule(operator="greaterThan", formula=[str(LIMITED)], fill=OVER_LIMIT_FILL)
    )
    if i.format == 1 and i.steps:
        step = get_column_letter(8 + areas)
        step_scale(ws, f"{step}2:{step}{last}", i)
