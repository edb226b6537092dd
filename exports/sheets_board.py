"""The Summary: one A4 landscape page for a board.

Organisation, date and respondents; the placement on each dimension; the
step reached, what it means and the transition to work on next; the adopter
category against Rogers' curve; the few priorities with their leads; how
complete the answers are. Every framework word comes from the instrument's
vocabulary, and each part appears only when the instrument has it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from exports.board_plan import (
    PlanPlace,
    carried_line,
    hide_helpers,
    organisation_counts,
    write_organisation_plans,
    write_plan_list,
)
from exports.cells import FACT_DATE, HEADING, LABEL, TITLE, TOP, WRAPPED, header_row, styled, text
from exports.charts import EARLIER_COLOUR, NOW_COLOUR, adopter_curve
from exports.figure_words import reached_heading, step_words
from exports.layout import LINE_HEIGHT, Rows, prepare
from exports.plan_rows import PlanRow
from exports.sheets_plan import CARRIED
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary

WIDTHS = [26, 40, 22, 20, 11, 11]
BOARD_NAMES = 6  # people or organisations named in a fact; the rest are counted
SHOWN_ORGANISATIONS = 4
CHART_POINTS = 190  # the adopter chart's height: the rows beside it are padded to it


@dataclass(frozen=True)
class OrganisationLine:
    name: str
    assessments: int
    placements: tuple[str, ...]  # words per dimension
    step: str
    adopter: str
    groups: tuple[tuple[str, str], ...] = ()  # format 2: each group's label and subtotal (EDS: domains)


@dataclass(frozen=True)
class Board:
    title: str
    facts: Sequence[tuple[str, str | date]]
    placements: Sequence[tuple[str, str]] = ()  # one organisation: dimension label and words
    organisations: Sequence[OrganisationLine] = ()  # several: one line each, never pooled
    step: int | None = None
    adopter: str | None = None
    adopter_words: str = ""
    adopter_counts: dict[str, float] = field(default_factory=dict)
    priorities: Sequence[PlanRow] = ()
    completeness: str = ""
    # Where the plan lines' formulas look; None only where no Action plan is written with the Summary.
    place: PlanPlace | None = None
    here: str = "Here (%)"  # what the adopter chart draws beside Rogers' shares
    axis: str = "% of organisations"
    organisation_names: Sequence[str] = ()  # the organisations of `organisations`, as the plan spells them
    since: str = ""  # what moved since the earlier assessment compared with, in a line
    # An instrument that states its own scoring (format 2): the overall figure and its band, then each group's.
    figures: Sequence[tuple[str, str]] = ()
    # Such an instrument's areas (EDS: outcomes), each by its code with its rating.
    outcomes: Sequence[tuple[str, str]] = ()


def next_words(instrument: Instrument, step: int | None) -> str:
    v = vocabulary(instrument)
    if step is None:
        return ""
    current = instrument.step(step)
    if step >= len(instrument.steps) or not current.transition:
        return f"The top {v.step}: keep it there."
    return f"Work on {current.transition} to reach {v.step} {step + 1}: {instrument.step(step + 1).label}."


def write_board(ws: Any, instrument: Instrument, board: Board) -> None:
    v = vocabulary(instrument)
    prepare(ws, WIDTHS)
    hide_helpers(ws)
    ws.page_setup.fitToHeight = 1  # exactly one page, whatever the team writes
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, board.title, TITLE)])
    chart_row = rows.row + 1
    for label, value in board.facts:
        cell = styled(ws, value, FACT_DATE) if isinstance(value, date) else text(ws, value, WRAPPED)
        rows.add([text(ws, label, LABEL), cell])
    if board.completeness:
        rows.add([text(ws, "Answered", LABEL), text(ws, board.completeness, WRAPPED)])
    if board.since:
        rows.add([text(ws, "Since last year", LABEL), text(ws, board.since, WRAPPED)])
    if board.place is not None and CARRIED in board.place.plan.names:
        rows.add([text(ws, "Carried forward", LABEL), carried_line(ws, board.place.plan)], height=LINE_HEIGHT * 3 + 3)
    if board.placements:
        rows.add([text(ws, f"Where it stands on each {v.dimension}", HEADING)])
        for label, words in board.placements:
            rows.add([text(ws, label, LABEL), text(ws, words, WRAPPED)])
    if board.figures:
        rows.add([text(ws, heading(v.overall), HEADING)])
        for label, words in board.figures:
            rows.add([text(ws, label, LABEL), text(ws, words, WRAPPED)])
    elif instrument.steps and not board.organisations:
        rows.add([text(ws, heading(v.ladder), HEADING)])
        rows.add([text(ws, f"{heading(v.step)} reached", LABEL), text(ws, step_words(instrument, board.step), WRAPPED)])
        if board.step is not None:
            rows.add([text(ws, "What it means", LABEL), text(ws, instrument.step(board.step).meaning, WRAPPED)])
            rows.add([text(ws, "Next", LABEL), text(ws, next_words(instrument, board.step), WRAPPED)])
    if board.outcomes:
        rows.add([text(ws, f"Each {v.area}", HEADING)])
        for code, words in board.outcomes:
            rows.beside(text(ws, code, LABEL), words)
    if instrument.adopters and not board.organisations:
        rows.add([text(ws, heading(v.adopter), HEADING)])
        rows.add([text(ws, "Placed as", LABEL), text(ws, board.adopter_words, WRAPPED)])
        if board.adopter is not None:
            rows.add(
                [text(ws, "What it means", LABEL), text(ws, instrument.adopter(board.adopter).description, WRAPPED)]
            )
    if instrument.adopters:
        while rows.height_since(chart_row) < CHART_POINTS:
            rows.skip()
    if board.organisations:
        _organisations(rows, instrument, board)
    _priorities(rows, instrument, board)
    if instrument.adopters:
        _chart(ws, instrument, board, chart_row, rows)
    else:  # the page is columns A to F: the working cells beside it (hidden) never widen it
        ws.print_area = f"A1:F{rows.row}"


def _organisations(rows: Rows, instrument: Instrument, board: Board) -> None:
    ws, v = rows.ws, vocabulary(instrument)
    lines = board.organisations
    rows.add([text(ws, "Where each organisation stands (organisations are never pooled)", HEADING)])
    second = f"Placed on each {v.dimension}" if instrument.dimensions else ""
    if not second and any(line.groups for line in lines):
        second = f"Each {v.group}"
    names = ["Organisation (assessments)", second]
    names += [
        reached_heading(instrument) if instrument.steps else "",
        heading(v.adopter) if instrument.adopters else "",
    ]
    live = board.place is not None
    names += [f"{heading(v.priorities)} set", "Plans over the limit"] if live else []
    rows.add(header_row(ws, names, numbers={5}))
    shown = lines[:SHOWN_ORGANISATIONS]
    for line, name in zip(shown, board.organisation_names, strict=False):
        placed = "\n".join(
            f"{d.label}: {words}" for d, words in zip(instrument.dimensions, line.placements, strict=True)
        ) or "\n".join(f"{label}: {words}" for label, words in line.groups)
        cells = [
            text(ws, f"{line.name} ({line.assessments})", LABEL),
            text(ws, placed, WRAPPED) if placed else None,
            text(ws, line.step, WRAPPED) if instrument.steps else None,
            text(ws, line.adopter, WRAPPED) if instrument.adopters else None,
        ]
        if board.place is not None:
            cells += [*organisation_counts(ws, board.place, rows.row + 1), text(ws, name)]
        rows.add(cells)
    if len(lines) > len(shown):
        rows.add([text(ws, f"and {len(lines) - len(shown)} more organisations on the Team sheet", TOP)])


def _priorities(rows: Rows, instrument: Instrument, board: Board) -> None:
    if board.place is None:
        return
    if board.organisations:
        write_organisation_plans(rows, instrument)
    else:
        write_plan_list(rows, instrument, board.place, board.priorities)


def _chart(ws: Any, instrument: Instrument, board: Board, anchor: int, rows: Rows) -> None:
    """Rogers' curve and where this organisation (or team) falls on it, from cells below the page."""
    v = vocabulary(instrument)
    total = sum(board.adopter_counts.values())
    rows.skip(2)
    header = rows.add(header_row(rows.ws, [heading(v.adopter), "Rogers (%)", board.here], numbers={1, 2}))
    highest = 0.0
    for category in instrument.adopters:
        here = 100 * board.adopter_counts.get(category.id, 0) / total if total else 0.0
        highest = max(highest, here, category.share)
        rows.add(
            [
                text(ws, category.label, TOP),
                styled(ws, category.share, "stick score"),
                styled(ws, round(here, 1), "stick score"),
            ]
        )
    chart = adopter_curve(
        ws, "Rogers' curve and here", header, rows.row, EARLIER_COLOUR, NOW_COLOUR, highest, board.axis
    )
    chart.width = 11.0  # columns C to E
    ws.add_chart(chart, f"C{anchor}")
    # The figures behind the chart sit below the printed page: the page is the summary.
    ws.print_area = f"A1:F{header - 3}"
