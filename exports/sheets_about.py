"""The About sheet: what made the workbook, from which files, how to read it, and the drop-down lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from exports.cells import FACT_DATETIME, HEADING, LABEL, TITLE, WRAPPED, header_row, styled, text
from exports.layout import Rows, prepare
from exports.merge import Basis
from surveys import __version__

WIDTHS = [34, 90, 22]

READING = (
    (
        "Summary",
        "One page for a board: who, when, where the organisation stands, the step, the adopter category, "
        "the priorities.",
    ),
    ("Results", "Each dimension's profiles with their fits, the areas on the steps, what it implies, and the charts."),
    (
        "Action plan",
        "One row per priority. Filter with the arrows in the header; pick the business function, the status and "
        "each core principle's check from the drop-down lists. Rows marked 'suggested' come from the weakest areas "
        "of an assessment that has no priorities yet: they need a lead. A review date that has passed shows red.",
    ),
    ("Functions", "Priorities down the side, business functions across, the lead named where they meet; live counts."),
    ("Team", "Each organisation placed on its own, the spread per area, profiles and adopters counted, the plan."),
    ("Assessments", "One row per assessment, scored on the shared questions: a table to filter."),
    ("Compare", "An earlier assessment against now: change and direction, the earlier plan, the answers that changed."),
    ("Framework", "The whole model the assessment is read against, from the instrument."),
    ("Responses", "Every answer as one row of tidy data, ready for a pivot table."),
    ("Answers", "One row per assessment, one column per question: the option chosen."),
    ("Notes", "The whole of any text too long for its cell on another sheet."),
)
SCORING = (
    "A missing answer (unanswered, don't know, or needing review because the question changed) is left out of "
    "every score, never counted as low.",
    "An area's score is the mean step of its answered questions; the step reached is that score rounded "
    "down. The overall step is the median of the area scores, rounded down.",
    "A dimension's fit to a profile is the share of its answered questions pointing to that profile; the "
    "organisation is placed in the profile with the highest fit (equal fits are shown as a tie).",
    "For a team, organisations are never pooled. Within one organisation, its placement is the profile most of its "
    "assessments were placed in (a tied assessment counts under each tied profile); an area's score is the mean "
    "of the assessments' scores; the adopter category is the one chosen most often.",
    "Counts of priorities are formulas over the Action plan: they recompute when a function or status changes there.",
)


def write_about(
    ws: Any,
    basis: Basis,
    used: Sequence[str],
    skipped: Sequence[tuple[str, str]],
    compared: str | None,
    made: datetime,
    sheets: Sequence[str],
) -> None:
    instrument = basis.instrument
    prepare(ws, WIDTHS)
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, "About this workbook", TITLE)])
    rows.skip()
    versions = ", ".join(str(v) for v in basis.versions)
    rows.add([text(ws, "Made by", LABEL), text(ws, f"stick {__version__}, a race equality self-assessment")])
    rows.add([text(ws, "Made on", LABEL), styled(ws, made, FACT_DATETIME)])
    rows.add(
        [text(ws, "Instrument", LABEL), text(ws, f"{instrument.title} ({instrument.id}), version {versions}", WRAPPED)]
    )
    if compared is not None:
        rows.add([text(ws, "Compared with", LABEL), text(ws, compared)])
    rows.skip()

    rows.add([text(ws, "How to read it", HEADING)])
    for sheet, what in READING:
        if sheet not in sheets:
            continue
        rows.add([text(ws, sheet, LABEL), text(ws, what, WRAPPED)])
    rows.skip()
    rows.add([text(ws, "How the scores are worked out", HEADING)])
    for line in SCORING:
        rows.add([None, text(ws, line, WRAPPED)])
    rows.skip()
    rows.add([text(ws, "The instrument's reading note", HEADING)])
    rows.add([None, text(ws, instrument.reading_note, WRAPPED)])
    rows.skip()

    if basis.differences:
        rows.add([text(ws, "Questions not shared by every instrument version (left out of team scores)", HEADING)])
        rows.add(header_row(ws, ["Question ID", "Question", "In versions"]))
        for d in basis.differences:
            where = ", ".join(str(v) for v in d.versions) + (" (worded or scored differently)" if d.changed else "")
            rows.add([text(ws, d.question), text(ws, d.text, WRAPPED), text(ws, where, WRAPPED)])
        rows.skip()

    rows.add([text(ws, f"Files used ({len(used)})", HEADING)])
    for name in used:
        rows.add([text(ws, name)])
    rows.skip()
    if skipped:
        rows.add([text(ws, f"Files skipped because they could not be read ({len(skipped)})", HEADING)])
        rows.add(header_row(ws, ["File", "Reason"]))
        for name, reason in skipped:
            rows.add([text(ws, name), text(ws, reason, WRAPPED)])
        rows.skip()

    rows.add([text(ws, "The drop-down lists", HEADING)])
    rows.add(
        [
            None,
            text(
                ws,
                "The choices behind the drop-downs are named ranges (BusinessFunctions, Statuses, PrincipleChecks) on "
                "the hidden Lists sheet: unhide it to add a choice.",
                WRAPPED,
            ),
        ]
    )
