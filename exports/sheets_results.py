"""The Results sheet: each dimension's profiles, the areas on the steps, what it implies, and the charts.

Each dimension gets a table and a bar chart of its own: the three dimensions
are unrelated scales, so their fits are never drawn as one polygon. The
competence radar is one scale (the steps), so a radar suits it; an earlier
outline is grey and dashed there, as on Compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.formatting.rule import ColorScaleRule

from exports.cells import COUNT, HEADING, LABEL, PERCENT, SCORE, TITLE, TOP, WRAPPED, header_row, styled, text
from exports.charts import EARLIER_COLOUR, NOW_COLOUR, paint, profile_bars, radar
from exports.layout import Rows, break_before, prepare
from exports.merge import Standing
from exports.organisations import Placement, placement_words
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary
from surveys.results.report import placement_words as single_placement

WIDTHS = [30, 60, 12, 12, 12]
CHART_ROWS = 15  # rows a chart 7.2 cm tall takes, with a gap: two rows of charts fit one page


@dataclass(frozen=True)
class Earlier:
    """The earlier assessment's area scores, drawn as a second outline."""

    name: str
    scores: dict[str, float | None]


def adopter_words(instrument: Instrument, standing: Standing) -> str:
    if standing.adopter is None:
        return "not yet known"
    if standing.adopter_tie:
        return "a tie between " + " and ".join(instrument.adopter(a).label for a in standing.adopter_tie)
    category = instrument.adopter(standing.adopter)
    return f"{category.label} ({category.share:g}% of organisations)"


def step_scale(ws: Any, ref: str, instrument: Instrument) -> None:
    """Step cells shaded from pale (the first step) to dark (the top), the same on every sheet."""
    low, high = instrument.bottom, instrument.top
    ws.conditional_formatting.add(
        ref,
        ColorScaleRule(
            start_type="num", start_value=low, start_color="F8CBAD", end_type="num", end_value=high, end_color="A9D08E"
        ),
    )


def write_results(
    ws: Any,
    instrument: Instrument,
    title: str,
    standing: Standing,
    score_name: str,
    team: Sequence[Placement] | None = None,
    earlier: Earlier | None = None,
    subtitle: str = "",
) -> None:
    """`team`: a one-organisation team's placements by assessment counts; None for one assessment."""
    v = vocabulary(instrument)
    prepare(ws, WIDTHS, title_rows=None)
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, title, TITLE)])
    if subtitle:
        rows.prose(f"Scored with {subtitle}.")
    rows.skip()
    fit_tables: list[tuple[str, int, int]] = []
    if standing.dimensions:
        fit_tables = _dimensions(rows, instrument, standing, team)
    area_header = area_last = 0
    if instrument.areas and instrument.steps:
        scale = f"{v.steps} {instrument.bottom} to {instrument.top}"
        rows.add([text(ws, f"{heading(v.ladder)} by {v.area} ({scale})", HEADING)])
        names = [heading(v.area), f"{heading(v.step)} reached", score_name, heading(v.step)] + (
            [earlier.name] if earlier else []
        )
        area_header = rows.add(header_row(ws, names, numbers={2, 3, 4}))
        for a in standing.areas:
            reached = instrument.step(a.step).label if a.step else "not yet scored"
            cells = [
                text(ws, instrument.area(a.area).label, LABEL),
                text(ws, reached, WRAPPED),
                styled(ws, a.score, SCORE),
                styled(ws, a.step, COUNT),
            ]
            if earlier is not None:
                cells.append(styled(ws, earlier.scores.get(a.area), SCORE))
            rows.add(cells)
        area_last = rows.row
        step_scale(ws, f"D{area_header + 1}:D{area_last}", instrument)
        rows.skip()
    if standing.implications:
        rows.add([text(ws, "What this implies", HEADING)])
        rows.add(header_row(ws, ["From", "Implication"]))
        for implication in standing.implications:
            rows.add([text(ws, implication.source, WRAPPED), text(ws, implication.text, WRAPPED)])
        rows.skip()
    _charts(rows, instrument, fit_tables, area_header, area_last, earlier, team is not None)


def _dimensions(
    rows: Rows, instrument: Instrument, standing: Standing, team: Sequence[Placement] | None
) -> list[tuple[str, int, int]]:
    ws, v = rows.ws, vocabulary(instrument)
    tables = []
    for index, d in enumerate(standing.dimensions):
        dimension = instrument.dimension(d.dimension)
        words = placement_words(instrument, team[index]) if team is not None else single_placement(instrument, d)
        rows.add([text(ws, f"{dimension.label}: {words}", HEADING)])
        if team is None:
            header = rows.add(header_row(ws, [heading(v.profile), "Fit (share of answers)", "Answers"], numbers={1, 2}))
            for pid, fit in d.fits:
                rows.add(
                    [
                        text(ws, dimension.profile(pid).label, TOP),
                        styled(ws, fit, PERCENT),
                        styled(ws, round(fit * d.answered), COUNT),
                    ]
                )
        else:
            header = rows.add(
                header_row(ws, [heading(v.profile), "Assessments placed here", "Of them tied"], numbers={1, 2})
            )
            for pid, n, tied in team[index].counts:
                rows.add([text(ws, dimension.profile(pid).label, TOP), styled(ws, n, COUNT), styled(ws, tied, COUNT)])
        tables.append((dimension.label, header, rows.row))
        rows.skip()
    if team is not None:
        rows.prose(
            f"An assessment whose answers tie between {v.profiles} is counted under each of them, so the counts "
            "can add up to more than the assessments."
        )
        rows.skip()
    return tables


def _charts(
    rows: Rows,
    instrument: Instrument,
    fit_tables: Sequence[tuple[str, int, int]],
    area_header: int,
    area_last: int,
    earlier: Earlier | None,
    team: bool,
) -> None:
    ws, v = rows.ws, vocabulary(instrument)
    number_format = "0" if team else "0%"
    start = rows.row + 1
    break_before(ws, start)
    if area_header:
        series = [3, 5] if earlier else [3]
        competence = radar(
            ws, f"{heading(v.ladder)} by {v.area}", 1, series, area_header, area_last, (0, len(instrument.steps), 1)
        )
        paint(competence.series[0], NOW_COLOUR)
        if earlier is not None:
            paint(competence.series[1], EARLIER_COLOUR, dashed=True)
        competence.width, competence.height = 13.0, 7.2
        ws.add_chart(competence, f"A{start}")
    for index, (label, header, last) in enumerate(fit_tables):
        chart = profile_bars(ws, label, 1, [2], header, last, "", number_format)
        chart.legend = None
        chart.height = 7.2
        chart.width = 6.8  # columns C to E
        column = "C" if index % 2 == 0 else "A"
        row = start + (0 if index == 0 else CHART_ROWS * ((index + 1) // 2))
        if not area_header:
            column, row = "AC"[index % 2], start + CHART_ROWS * (index // 2)
        ws.add_chart(chart, f"{column}{row}")
    rows.skip(CHART_ROWS * (1 + len(fit_tables) // 2))
