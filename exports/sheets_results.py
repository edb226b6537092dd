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

from exports.cells import COUNT, HEADING, LABEL, PERCENT, SCORE, TITLE, TOP, WRAPPED, formula, header_row, styled, text
from exports.charts import (
    EARLIER_COLOUR,
    NOW_COLOUR,
    PAIR_HEIGHT_CM,
    PAIR_WIDTH_CM,
    RADAR_HEIGHT_CM,
    RADAR_WIDTH_CM,
    paint,
    profile_bars,
    radar,
)
from exports.layout import Rows, chart_page, column_at, fit_words, prepare, rows_for
from exports.merge import Standing
from exports.organisations import Placement, placement_words
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary
from surveys.results.report import placement_words as single_placement

WIDTHS = [30, 60, 12, 12, 12]
SHORT_CODE = 6  # the longest code before ": " that stands for a label on a radar


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
    # The earlier outline's column is headed by its date: wide enough that the date never breaks.
    widths = fit_words(WIDTHS, ["", "", score_name, "", earlier.name if earlier else ""])
    prepare(ws, widths, freeze="A2", title_rows="1:1")
    rows = Rows(ws, widths)
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


def short_label(label: str) -> str:
    """A spoke's label on a radar: an outcome's code ("1A") where its label starts with one, else the label."""
    code, sep, _ = label.partition(": ")
    return code if sep and len(code) <= SHORT_CODE else label


def _charts(
    rows: Rows,
    instrument: Instrument,
    fit_tables: Sequence[tuple[str, int, int]],
    area_header: int,
    area_last: int,
    earlier: Earlier | None,
    team: bool,
) -> None:
    """The radar on a page of its own, then the dimensions' bars two to a row: no chart starts at a page's foot."""
    ws, v = rows.ws, vocabulary(instrument)
    number_format = "0" if team else "0%"
    if area_header:
        header, last = area_header, area_last
        series = [3, 5] if earlier is not None else [3]
        names = ["Score", *(["Earlier"] if earlier is not None else [])]
        spokes = spoke_table(rows, instrument, area_header, ["C", "E"][: len(series)], names)
        if spokes is not None:
            header, last = spokes
            series = [2, 3][: len(series)]
        start = chart_page(rows)
        rows.skip(rows_for(RADAR_HEIGHT_CM))
        competence = radar(ws, f"{heading(v.ladder)} by {v.area}", 1, series, header, last, radar_scale(instrument))
        paint(competence.series[0], NOW_COLOUR)
        if earlier is not None:
            paint(competence.series[1], EARLIER_COLOUR, dashed=True)
        competence.width, competence.height = RADAR_WIDTH_CM, RADAR_HEIGHT_CM
        ws.add_chart(competence, f"A{start}")
    if not fit_tables:
        return
    start = chart_page(rows)
    step = rows_for(PAIR_HEIGHT_CM)
    right = column_at(rows.widths, PAIR_WIDTH_CM + 0.5)
    for index, (label, header, last) in enumerate(fit_tables):
        chart = profile_bars(ws, label, 1, [2], header, last, "", number_format)
        chart.legend = None
        chart.width, chart.height = PAIR_WIDTH_CM, PAIR_HEIGHT_CM
        ws.add_chart(chart, f"{'A' if index % 2 == 0 else right}{start + step * (index // 2)}")
    rows.skip(step * ((len(fit_tables) + 1) // 2))


def radar_scale(instrument: Instrument) -> tuple[float, float, float]:
    """From 0 (or the scale's foot, if lower) to the top step, one ring a step."""
    return (min(0, instrument.bottom), instrument.top, 1)


def spoke_table(
    rows: Rows, instrument: Instrument, area_header: int, columns: Sequence[str], names: Sequence[str]
) -> tuple[int, int] | None:
    """The radar's figures under short labels ("1A"), when the areas' own labels are long: else None.

    Long labels round a radar leave no room for its outline, so the radar reads
    this small table below it, whose cells point at the full table above.
    """
    labels = [short_label(a.label) for a in instrument.areas]
    if labels == [a.label for a in instrument.areas]:
        return None
    ws, v = rows.ws, vocabulary(instrument)
    rows.add([text(ws, f"The radar's figures, each {v.area} by its code (named in full above)", HEADING)])
    header = rows.add(header_row(ws, [heading(v.area), *names], numbers=set(range(1, len(names) + 1))))
    for offset, label in enumerate(labels, start=1):
        source = area_header + offset
        rows.add([text(ws, label, TOP), *(formula(ws, f'=IF({c}{source}="","",{c}{source})', SCORE) for c in columns)])
    return header, rows.row
