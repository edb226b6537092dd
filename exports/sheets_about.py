"""The About sheet: what made the workbook, from which files, how to read it, and the drop-down lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from exports.cells import FACT_DATETIME, HEADING, LABEL, TITLE, WRAPPED, header_row, styled, text
from exports.layout import Rows, prepare
from exports.merge import Basis
from surveys import __version__
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary

WIDTHS = [34, 90, 22]


def reading(instrument: Instrument) -> list[tuple[str, str]]:
    """What each sheet holds, in the instrument's own words (no deck word for an instrument without it)."""
    w = vocabulary(instrument)
    stands = ", where the organisation stands" if instrument.dimensions else ""
    adopter = f", the {w.adopter}" if instrument.adopters else ""
    results = [f"the {w.areas} on the {w.steps}"]
    if instrument.dimensions:
        results.insert(0, f"each {w.dimension}'s {w.profiles} with their fits")
    picks = [f"the {w.area}"] if instrument.areas else []
    picks += [f"the {w.function}"] if instrument.functions else []
    picks += ["the status"] + ([f"each {w.principle}'s check"] if instrument.principles else [])
    pick = ", ".join(picks[:-1]) + f" and {picks[-1]}" if len(picks) > 1 else picks[0]
    return [
        ("Summary", f"One page for a board: who, when{stands}, the {w.step}{adopter}, the {w.priorities}."),
        ("Results", f"{heading(', '.join(results))}, what it implies, and the charts."),
        (
            "Action plan",
            f"One row per {w.priority}. Filter with the arrows in the header; pick {pick} from the drop-down "
            f"lists. Rows marked 'suggested' come from the weakest "
            f"{w.areas} of an assessment that has no {w.priorities} yet: they need a lead. A review date that has "
            "passed shows red.",
        ),
        ("Functions", f"{heading(w.priorities)} down the side, {w.functions} across, the lead named where they meet."),
        ("Team", f"Each organisation placed on its own, the spread per {w.area}, what was chosen, counted, the plan."),
        ("Assessments", "One row per assessment, scored on the shared questions: a table to filter."),
        (
            "Compare",
            "An earlier assessment against now: change and direction, the earlier plan, the answers that changed.",
        ),
        ("Framework", "The whole model the assessment is read against, from the instrument."),
        ("Responses", "Every answer as one row of tidy data, ready for a pivot table."),
        ("Answers", "One row per assessment, one column per question: the option chosen."),
        ("Notes", "The whole of any text too long for its cell on another sheet."),
    ]


def scoring(instrument: Instrument) -> list[str]:
    """How the scores are worked out, for the parts this instrument has."""
    w = vocabulary(instrument)
    lines = [
        "A missing answer (unanswered, don't know, or needing review because the question changed) is left out of "
        "every score, never counted as low.",
    ]
    if instrument.format == 1:
        lines.append(
            f"An {w.area}'s score is the mean {w.step} of its answered questions; the {w.step} reached is that score "
            f"rounded down. The overall {w.step} is the median of the {w.area} scores, rounded down."
        )
    else:
        lines.append("The scores follow the instrument's own rules: see its reading note below.")
    if instrument.dimensions:
        lines.append(
            f"A {w.dimension}'s fit to a {w.profile} is the share of its answered questions pointing to that "
            f"{w.profile}; the organisation is placed in the {w.profile} with the highest fit (equal fits are shown "
            "as a tie)."
        )
    team = "For a team, organisations are never pooled."
    if instrument.dimensions:
        team += (
            f" Within one organisation, its placement is the {w.profile} most of its assessments were placed in "
            f"(a tied assessment counts under each tied {w.profile})."
        )
    team += f" An {w.area}'s score is the mean of the assessments' scores"
    team += f"; the {w.adopter} is the one chosen most often." if instrument.adopters else "."
    lines.append(team)
    lines.append(
        f"Counts of {w.priorities} are formulas over the Action plan: they recompute when a {w.function} or status "
        "changes there."
        if instrument.functions
        else f"Counts of {w.priorities} are formulas over the Action plan: they recompute when it changes."
    )
    return lines


def write_about(
    ws: Any,
    basis: Basis,
    used: Sequence[str],
    skipped: Sequence[tuple[str, str]],
    compared: str | None,
    made: datetime,
    sheets: Sequence[str],
    ranges: Sequence[str],
) -> None:
    instrument = basis.instrument
    prepare(ws, WIDTHS)
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, "About this workbook", TITLE)])
    rows.skip()
    versions = ", ".join(str(v) for v in basis.versions)
    made_by = f"stick {__version__}, {vocabulary(instrument).assessment}"
    rows.add([text(ws, "Made by", LABEL), text(ws, made_by)])
    rows.add([text(ws, "Made on", LABEL), styled(ws, made, FACT_DATETIME)])
    rows.add(
        [text(ws, "Instrument", LABEL), text(ws, f"{instrument.title} ({instrument.id}), version {versions}", WRAPPED)]
    )
    if compared is not None:
        rows.add([text(ws, "Compared with", LABEL), text(ws, compared)])
    rows.skip()

    rows.add([text(ws, "How to read it", HEADING)])
    for sheet, what in reading(instrument):
        if sheet not in sheets:
            continue
        rows.add([text(ws, sheet, LABEL), text(ws, what, WRAPPED)])
    rows.skip()
    rows.add([text(ws, "How the scores are worked out", HEADING)])
    for line in scoring(instrument):
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
                f"The choices behind the drop-downs are named ranges ({', '.join(ranges)}) on "
                "the hidden Lists sheet: unhide it to add a choice.",
                WRAPPED,
            ),
        ]
    )
