"""The About sheet: what made the workbook, from which files, how to read it, and the drop-down lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from exports.cells import HEADING, LABEL, TITLE, WRAPPED, header_row, text
from exports.framework_words import made_by
from exports.layout import Rows, prepare
from exports.merge import Basis
from exports.sheets_plan import ListRanges
from surveys import __version__
from surveys.model import Instrument
from surveys.report import meta_lines
from surveys.responses import STATUSES
from surveys.vocabulary import vocabulary

WIDTHS = [34, 90, 22]

READING = (
    (
        "Summary",
        "Who answered and when, where the organisation stands on each dimension, its competence step, "
        "its adopter category and what that implies, with two radar charts.",
    ),
    ("Responses", "Every question with the answer given, its score, don't know, the note and when it was answered."),
    (
        "Action plan",
        "One row per priority. Filter with the arrows in the header; pick the business function and "
        "the status from the drop-down lists. Rows marked 'suggested' come from the weakest areas "
        "of an assessment that has no priorities yet: they need a lead.",
    ),
    ("Functions", "Priorities down the side, business functions across: the lead is named where they meet."),
    (
        "Team",
        "With several assessments: the spread per area, profiles and adopter categories counted, "
        "the merged plan by area and one row per assessment.",
    ),
    ("Compare", "With an earlier assessment: each area earlier and now, with the change."),
)
SCORING = (
    "A missing answer (unanswered, don't know, or needing review because the question changed) is left out of "
    "every score, never counted as low.",
    "An area's score is the mean step (1 to 4) of its answered questions; the step reached is that score rounded "
    "down. The overall step is the median of the area scores, rounded down.",
    "A dimension's fit to a profile is the share of its answered questions pointing to that profile; the "
    "organisation is placed in the profile with the highest fit (equal fits are shown as a tie).",
    "For a team, fits are pooled over everyone's answers, an area's score is the mean of the assessments' "
    "scores, and the adopter category is the one chosen most often.",
)


def _format2_reading(instrument: Instrument) -> tuple[tuple[str, str], ...]:
    """How to read the sheets and the scores for an instrument with its own rules: none of the deck's words."""
    words = vocabulary(instrument)
    rules = instrument.scoring
    return (
        ("Summary", f"Who answered and when, each {words.area}'s score on the scale and what that implies."),
        READING[1],
        (
            "Action plan",
            "One row per priority. Filter with the arrows in the header; pick the status from the drop-down "
            f"list. Rows marked 'suggested' come from the weakest {words.areas} of an assessment that has no "
            "priorities yet: they need a lead.",
        ),
        READING[3],
        ("Team", f"With several assessments: the spread per {words.area}, the merged plan and one row per assessment."),
        READING[5],
        (
            "Scores",
            f"{SCORING[0]} A {words.area}'s score is the {rules.area} of its answers; the {words.overall} is the "
            f"{rules.overall} of the {words.area} scores"
            + (f"; a {words.group}'s is the {rules.group} of its {words.areas}" if instrument.groups else "")
            + (f"; the {words.band} is computed from the {words.overall}." if instrument.bands else "."),
        ),
    )


def write_about(
    ws: Any,
    basis: Basis,
    used: Sequence[str],
    skipped: Sequence[tuple[str, str]],
    compared: str | None,
    made: datetime,
) -> ListRanges:
    instrument = basis.instrument
    prepare(ws, WIDTHS)
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, "About this workbook", TITLE)])
    rows.skip()
    versions = ", ".join(str(v) for v in basis.versions)
    rows.add([text(ws, "Made by", LABEL), text(ws, f"stick {__version__}, {made_by(instrument)}")])
    rows.add([text(ws, "Made on", LABEL), text(ws, f"{made:%Y-%m-%d %H:%M}")])
    rows.add(
        [text(ws, "Instrument", LABEL), text(ws, f"{instrument.title} ({instrument.id}), version {versions}", WRAPPED)]
    )
    if compared is not None:
        rows.add([text(ws, "Compared with", LABEL), text(ws, compared)])
    rows.skip()

    rows.add([text(ws, "How to read it", HEADING)])
    reading = READING if instrument.format == 1 else _format2_reading(instrument)
    for sheet, what in reading:
        rows.add([text(ws, sheet, LABEL), text(ws, what, WRAPPED)])
    rows.skip()
    if instrument.format == 1:
        rows.add([text(ws, "How the scores are worked out", HEADING)])
        for line in SCORING:
            rows.add([None, text(ws, line, WRAPPED)])
        rows.skip()
    for name, value in meta_lines(instrument):
        if name != "Reading note":
            rows.add([text(ws, name, LABEL), text(ws, value, WRAPPED)])
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

    rows.add([text(ws, "Lists behind the Action plan's drop-downs", HEADING)])
    rows.add(header_row(ws, ["Business function", "What it is"]))
    first = rows.row + 1
    for function in instrument.functions:
        rows.add([text(ws, function.label, WRAPPED), text(ws, function.description, WRAPPED)])
    functions = f"'{ws.title}'!$A${first}:$A${rows.row}"
    rows.skip()
    rows.add(header_row(ws, ["Status"]))
    first = rows.row + 1
    for status in STATUSES:
        rows.add([text(ws, status)])
    return ListRanges(functions, f"'{ws.title}'!$A${first}:$A${rows.row}")
