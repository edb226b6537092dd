"""The Team sheet: the spread per area, profiles and adopters counted, the merged plan, one row per assessment."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from exports.cells import COUNT, DATE, HEADING, LABEL, PERCENT, SCORE, TITLE, WRAPPED, header_row, styled, text
from exports.charts import CHART_HEIGHT_CM, bars, radar
from exports.framework_words import by_area, scale
from exports.layout import Rows, add_table, prepare, unique_names
from exports.merge import Basis, Scored
from exports.sheets_plan import PlanTally, listed
from surveys.report import placement_words
from surveys.vocabulary import heading, vocabulary

_FIXED_WIDTHS = [30, 24, 16, 12, 12, 12]
_CHART_ROWS = round(CHART_HEIGHT_CM / 0.53) + 2  # a default row is about 0.53 cm tall


def _area_block(rows: Rows, basis: Basis, scored: Sequence[Scored]) -> tuple[int, int]:
    ws = rows.ws
    instrument = basis.instrument
    rows.add([text(ws, f"{by_area(instrument)} across the team {scale(instrument)}", HEADING)])
    area_name = "Area" if instrument.format == 1 else heading(vocabulary(instrument).area)
    header = rows.add(header_row(ws, [area_name, "Assessments scored", "Mean", "Min", "Max", "Spread (max - min)"]))
    for index, area in enumerate(basis.instrument.areas):
        values = [s.areas[index].score for s in scored]
        known = [v for v in values if v is not None]
        low, high = (min(known), max(known)) if known else (None, None)
        rows.add(
            [
                text(ws, area.label, LABEL),
                styled(ws, len(known), COUNT),
                styled(ws, statistics.fmean(known) if known else None, SCORE),
                styled(ws, low, SCORE),
                styled(ws, high, SCORE),
                styled(ws, high - low if known and high is not None and low is not None else None, SCORE),
            ]
        )
    return header, rows.row


def _profile_block(rows: Rows, basis: Basis, scored: Sequence[Scored]) -> None:
    ws = rows.ws
    rows.add([text(ws, "How many assessments were placed in each profile", HEADING)])
    rows.add(header_row(ws, ["Dimension", "Profile", "Placed here", "Share of team", "Of them tied"]))
    for index, dimension in enumerate(basis.instrument.dimensions):
        placed: Counter[str] = Counter()
        tied: Counter[str] = Counter()
        for s in scored:
            result = s.dimensions[index]
            placed.update(result.placement)
            if result.tie:
                tied.update(result.placement)
        for profile in dimension.profiles:
            rows.add(
                [
                    text(ws, dimension.label, WRAPPED),
                    text(ws, profile.label, WRAPPED),
                    styled(ws, placed[profile.id], COUNT),
                    styled(ws, placed[profile.id] / len(scored) if scored else 0.0, PERCENT),
                    styled(ws, tied[profile.id], COUNT),
                ]
            )
        unplaced = sum(1 for s in scored if not s.dimensions[index].placement)
        if unplaced:
            rows.add(
                [
                    text(ws, dimension.label, WRAPPED),
                    text(ws, "not placed (no answers)", WRAPPED),
                    styled(ws, unplaced, COUNT),
                    styled(ws, unplaced / len(scored), PERCENT),
                    None,
                ]
            )


def _adopter_block(rows: Rows, basis: Basis, scored: Sequence[Scored]) -> tuple[int, int]:
    ws = rows.ws
    counts = Counter(s.adopter for s in scored if s.adopter)
    known = sum(counts.values())
    rows.add([text(ws, "Adopter categories against Rogers' curve", HEADING)])
    header = rows.add(header_row(ws, ["Category", "Assessments", "This team (%)", "Rogers (%)"]))
    for category in basis.instrument.adopters:
        share = 100 * counts[category.id] / known if known else 0.0
        rows.add(
            [
                text(ws, category.label, LABEL),
                styled(ws, counts[category.id], COUNT),
                styled(ws, round(share, 1), SCORE),
                styled(ws, category.share, SCORE),
            ]
        )
    last = rows.row
    rows.add(
        [
            text(
                ws,
                f"{len(scored) - known} of {len(scored)} assessments have no adopter category yet."
                if known < len(scored)
                else "Every assessment has an adopter category.",
            )
        ]
    )
    return header, last


def _plan_block(rows: Rows, tally: PlanTally) -> None:
    ws = rows.ws
    rows.add([text(ws, "The merged action plan, by area (every priority is on the Action plan sheet)", HEADING)])
    rows.add(header_row(ws, ["Area", "Leads named", "Business functions", "Priorities set", "Suggested only"]))
    for area, t in sorted(tally.areas.items(), key=lambda item: -(item[1].chosen + item[1].suggested)):
        rows.add(
            [
                text(ws, area, LABEL),
                text(ws, listed(list(t.leads)) or "none yet", WRAPPED),
                text(ws, listed(list(t.functions)), WRAPPED),
                styled(ws, t.chosen, COUNT),
                styled(ws, t.suggested, COUNT),
            ]
        )
    if not tally.areas:
        rows.add([text(ws, "No priorities set or suggested yet.")])


def _versions_block(rows: Rows, basis: Basis, scored: Sequence[Scored]) -> None:
    ws = rows.ws
    rows.add([text(ws, "Instrument versions", HEADING)])
    rows.add(header_row(ws, ["Version", "Assessments"]))
    used = Counter(s.member.instrument.version for s in scored)
    for version in sorted(used):
        rows.add([styled(ws, version, COUNT), styled(ws, used[version], COUNT)])
    if basis.differences:
        rows.add(
            [
                text(
                    ws,
                    f"Scored on the {len(basis.shared)} questions every version shares; "
                    f"{len(basis.differences)} differ and are listed on the About sheet.",
                    WRAPPED,
                )
            ]
        )


def _members_columns(basis: Basis) -> list[str]:
    i = basis.instrument
    return unique_names(
        [
            "Respondent",
            "Organisation",
            "Role",
            "Date",
            "Version",
            "Complete",
            *(a.label for a in i.areas),
            f"Overall {vocabulary(i).step}",
            *(d.label for d in i.dimensions),
            *(["Adopter category"] if i.adopters else []),
            "No.",
            "File",
        ]
    )


def write_team(ws: Any, basis: Basis, scored: Sequence[Scored], tally: PlanTally) -> None:
    instrument = basis.instrument
    columns = _members_columns(basis)
    adopter = [16] if instrument.adopters else []
    widths = _FIXED_WIDTHS + [11] * len(instrument.areas) + [9] + [18] * len(instrument.dimensions) + adopter + [6, 24]
    prepare(ws, widths, fit_width=False)
    rows = Rows(ws, widths)
    rows.add([text(ws, f"Team: {len(scored)} assessments", TITLE)])
    rows.skip()
    area_header, area_last = _area_block(rows, basis, scored)
    rows.skip()
    if instrument.dimensions:
        _profile_block(rows, basis, scored)
        rows.skip()
    if instrument.adopters:
        adopter_header, adopter_last = _adopter_block(rows, basis, scored)
        rows.skip()
    _plan_block(rows, tally)
    rows.skip()
    _versions_block(rows, basis, scored)

    # Charts sit below the blocks, side by side, so the top of the sheet prints on its own pages.
    rows.skip()
    top = (0, max(instrument.top, 1), 1)
    spread = radar(ws, "The team's spread by area", 1, [5, 3, 4], area_header, area_last, top)
    ws.add_chart(spread, f"A{rows.row + 1}")
    spread.width = 10.0  # columns A to F: one page wide in landscape
    if instrument.adopters:
        adopters = bars(
            ws, "Adopters: this team and Rogers' curve", 1, [3, 4], adopter_header, adopter_last, "% of organisations"
        )
        adopters.width = 10.0
        ws.add_chart(adopters, f"C{rows.row + 1}")
    rows.skip(_CHART_ROWS)
    rows.add([text(ws, "Every assessment, scored on the shared questions", HEADING)])
    first = rows.add(header_row(ws, columns))
    for s in scored:
        m = s.member
        rows.add(
            [
                text(ws, m.respondent),
                text(ws, m.organisation),
                text(ws, m.role),
                styled(ws, m.date, DATE),
                m.instrument.version,
                styled(ws, m.complete / 100, PERCENT),
                *(styled(ws, a.score, SCORE) for a in s.areas),
                s.overall_step,
                *(text(ws, placement_words(instrument, d)) for d in s.dimensions),
                *([text(ws, instrument.adopter(s.adopter).label if s.adopter else "")] if instrument.adopters else []),
                m.no,
                text(ws, m.file),
            ]
        )
    add_table(ws, "Assessments", columns, first, rows.row)
    ws.print_title_rows = f"{first}:{first}"
    ws.print_title_cols = "A:A"  # the wide table prints across pages: name the respondent on each
