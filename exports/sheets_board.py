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

from openpyxl.formatting.rule import FormulaRule

from exports.cells import DATE, FACT_DATE, HEADING, LABEL, TITLE, TOP, WRAPPED, header_row, styled, text
from exports.charts import EARLIER_COLOUR, NOW_COLOUR, adopter_curve
from exports.layout import Rows, prepare
from exports.plan_rows import PlanRow
from exports.sheets_plan import OVERDUE_FILL
from exports.sheets_results import short_label
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary

WIDTHS = [26, 40, 22, 20, 11, 11]
SHOWN_PRIORITIES = 6
BOARD_NAMES = 6  # people or organisations named in a fact; the rest are counted
SHOWN_ORGANISATIONS = 4
LIMITED = 5
CLOSED = ("done", "dropped")  # a priority whose review no longer matters
CHART_POINTS = 190  # the adopter chart's height: the rows beside it are padded to it


@dataclass(frozen=True)
class OrganisationLine:
    name: str
    assessments: int
    placements: tuple[str, ...]  # words per dimension
    step: str
    adopter: str


@dataclass(frozen=True)
class Board:
    title: str
    facts: Sequence[tuple[str, str | date]]
    placements: Sequence[tuple[str, str]] = ()  # one organisation: dimension label and words
    organisations: Sequence[OrganisationLine] = ()  # several: one line each, never pooled
    step: int | None = None
    adopter: str | None = None
    adopter_words: str = ""
    adopter_counts: dict[str, int] = field(default_factory=dict)
    priorities: Sequence[PlanRow] = ()
    set_count: int = 0
    completeness: str = ""
    # An instrument that states its own scoring (format 2): the overall figure and its band, then each group's.
    figures: Sequence[tuple[str, str]] = ()
    # Such an instrument's areas (EDS: outcomes), each by its code with its rating.
    outcomes: Sequence[tuple[str, str]] = ()


def step_words(instrument: Instrument, step: int | None) -> str:
    v = vocabulary(instrument)
    if step is None:
        return f"not yet known (no {v.ladder} questions answered)"
    return f"{v.step} {step} of {len(instrument.steps)}: {instrument.step(step).label}"


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
    ws.page_setup.fitToHeight = 1  # exactly one page, whatever the team writes
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, board.title, TITLE)])
    chart_row = rows.row + 1
    for label, value in board.facts:
        cell = styled(ws, value, FACT_DATE) if isinstance(value, date) else text(ws, value, WRAPPED)
        rows.add([text(ws, label, LABEL), cell])
    if board.completeness:
        rows.add([text(ws, "Answered", LABEL), text(ws, board.completeness, WRAPPED)])
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
        _organisations(rows, instrument, board.organisations)
    _priorities(rows, instrument, board)
    if instrument.adopters:
        _chart(ws, instrument, board, chart_row, rows)


def _organisations(rows: Rows, instrument: Instrument, lines: Sequence[OrganisationLine]) -> None:
    ws, v = rows.ws, vocabulary(instrument)
    rows.add([text(ws, "Where each organisation stands (organisations are never pooled)", HEADING)])
    names = ["Organisation (assessments)", f"Placed on each {v.dimension}" if instrument.dimensions else ""]
    names += [
        f"{heading(v.step)} reached" if instrument.steps else "",
        heading(v.adopter) if instrument.adopters else "",
    ]
    rows.add(header_row(ws, names))
    shown = lines[:SHOWN_ORGANISATIONS]
    for line in shown:
        placed = "\n".join(
            f"{d.label}: {words}" for d, words in zip(instrument.dimensions, line.placements, strict=True)
        )
        rows.add(
            [
                text(ws, f"{line.name} ({line.assessments})", LABEL),
                text(ws, placed, WRAPPED) if placed else None,
                text(ws, line.step, WRAPPED) if instrument.steps else None,
                text(ws, line.adopter, WRAPPED) if instrument.adopters else None,
            ]
        )
    if len(lines) > len(shown):
        rows.add([text(ws, f"and {len(lines) - len(shown)} more organisations on the Team sheet", TOP)])


def shown_priorities(plan: Sequence[PlanRow]) -> list[PlanRow]:
    """The priorities a board sees: those set, or the suggested ones when none is set yet."""
    chosen = [p for p in plan if not p.suggested]
    return chosen or list(plan)


def _priorities(rows: Rows, instrument: Instrument, board: Board) -> None:
    ws, v = rows.ws, vocabulary(instrument)
    limit = f"{board.set_count} set"
    if instrument.principles:  # the deck's principle of limited priorities, where the instrument holds it
        limit += f"; the framework asks for limited {v.priorities}: {LIMITED} or fewer"
    rows.add([text(ws, f"{heading(v.priorities)} ({limit})", HEADING)])
    plan = shown_priorities(board.priorities)
    if not plan:
        rows.add([text(ws, f"No {v.priorities} set or suggested yet.", TOP)])
        return
    several = len({p.organisation for p in plan}) > 1
    # Where the instrument has no business functions, a priority's area (EDS: its outcome) says where it lives.
    home = heading(v.function) if instrument.functions else heading(v.area) if instrument.areas else ""
    names = [heading(v.priority), "Lead and status", home]
    names += ["Organisation" if several else "", "Target date", "Review date"]
    rows.add(header_row(ws, names, numbers={4, 5}))
    for p in plan[:SHOWN_PRIORITIES]:
        lead = p.lead or ("no lead yet (suggested)" if p.suggested else "lead not named")
        row = rows.add(
            [
                text(ws, p.priority, WRAPPED),
                text(ws, f"{lead}; {p.status or 'not started'}", WRAPPED),
                text(ws, p.function if instrument.functions else short_label(p.area), WRAPPED) if home else None,
                text(ws, p.organisation, WRAPPED) if several else None,
                styled(ws, p.target, DATE),
                styled(ws, p.review, DATE),
            ]
        )
        if p.review is not None and p.status not in CLOSED:
            # Red once the review date has passed, as on the Action plan: worked out when the file is opened.
            ws.conditional_formatting.add(
                f"F{row}", FormulaRule(formula=[f'AND(F{row}<>"",F{row}<TODAY())'], fill=OVERDUE_FILL)
            )
    more = len(board.priorities) - min(len(plan), SHOWN_PRIORITIES)
    if more > 0:
        rows.add([text(ws, f"and {more} more on the Action plan sheet", TOP)])


def _chart(ws: Any, instrument: Instrument, board: Board, anchor: int, rows: Rows) -> None:
    """Rogers' curve and where this organisation (or team) falls on it, from cells below the page."""
    v = vocabulary(instrument)
    total = sum(board.adopter_counts.values())
    rows.skip(2)
    header = rows.add(header_row(rows.ws, [heading(v.adopter), "Rogers (%)", "Here (%)"], numbers={1, 2}))
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
    chart = adopter_curve(ws, "Rogers' curve and here", header, rows.row, EARLIER_COLOUR, NOW_COLOUR, highest)
    chart.width = 11.0  # columns C to E
    ws.add_chart(chart, f"C{anchor}")
    # The figures behind the chart sit below the printed page: the page is the summary.
    ws.print_area = f"A1:F{header - 3}"
