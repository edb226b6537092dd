"""The Results sheet of a team from several organisations: each organisation on its own, never pooled.

One organisation's team shows its members' spread on the ordinary Results
sheet (sheets_results.py). Several organisations are different bodies: a
mean over all their people would describe none of them, so here each
organisation has its own column of area scores (the mean of its own
assessments), its own figure and band where the instrument states them,
and its own outline on the radar.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.utils import get_column_letter

from exports.cells import HEADING, LABEL, SCORE, TITLE, TOP, WRAPPED, header_row, styled, text
from exports.charts import EARLIER_COLOUR, RADAR_HEIGHT_CM, RADAR_WIDTH_CM, SERIES_COLOURS, paint, radar
from exports.figure_words import figure_words, group_figures
from exports.layout import LINE_HEIGHT, Rows, chart_page, fit_words, line_count, prepare, rows_for
from exports.organisations import Organisation
from exports.sheets_results import Earlier, radar_scale, spoke_table, step_scale
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary

DRAWN = len(SERIES_COLOURS)  # organisations side by side in one table and on one radar; more are listed


def write_results_by_organisation(
    ws: Any,
    instrument: Instrument,
    title: str,
    orgs: Sequence[Organisation],
    earlier: Earlier | None = None,
    subtitle: str = "",
) -> None:
    v = vocabulary(instrument)
    side_by_side = len(orgs) <= DRAWN
    extra = [earlier.name] if earlier is not None and side_by_side else []
    widths: list[float] = [34.0] + [16.0] * (len(orgs) + len(extra)) if side_by_side else [30.0, 30.0, 12.0, 12.0]
    # No organisation's name nor the earlier column's date breaks in its header.
    widths = fit_words(widths, ["", *(o.name for o in orgs), *extra]) if side_by_side else widths
    prepare(ws, widths, freeze="A2", title_rows="1:1")
    rows = Rows(ws, widths)
    rows.add([text(ws, title, TITLE)])
    if subtitle:
        rows.prose(f"Scored with {subtitle}.")
    rows.prose(
        f"Each organisation is scored on its own, never pooled with another: its score on an {v.area} is the "
        "mean of its own assessments' scores."
        + (f" The Team sheet places each on each {v.dimension}." if instrument.dimensions else "")
    )
    rows.skip()
    if instrument.format != 1:
        _figures(rows, instrument, orgs)
    if not (instrument.areas and instrument.steps):
        return
    scale = f"{v.steps} {instrument.bottom} to {instrument.top}"
    rows.add([text(ws, f"{heading(v.ladder)} by {v.area}, each organisation ({scale})", HEADING)])
    if not side_by_side:
        _listed(rows, instrument, orgs)
        return
    names = [heading(v.area), *(o.name for o in orgs), *extra]
    header = rows.add(header_row(ws, names, numbers=set(range(1, len(names)))))
    for index, area in enumerate(instrument.areas):
        cells = [text(ws, area.label, LABEL)]
        cells += [styled(ws, o.standing.areas[index].score, SCORE) for o in orgs]
        if earlier is not None:
            cells.append(styled(ws, earlier.scores.get(area.id), SCORE))
        rows.add(cells)
    last = rows.row
    step_scale(ws, f"B{header + 1}:{get_column_letter(len(names))}{last}", instrument)
    rows.skip()
    series = list(range(2, len(names) + 1))
    # Long labels (EDS outcomes) are drawn by their codes, from a small table pointing at the one above.
    spokes = spoke_table(rows, instrument, header, [get_column_letter(c) for c in series], names[1:])
    # The radar on a page of its own, a row below the break: its top never prints at the page before's foot.
    start = chart_page(rows)
    chart = radar(
        ws,
        f"{heading(v.ladder)} by {v.area}: each organisation",
        1,
        series,
        *(spokes or (header, last)),
        radar_scale(instrument),
    )
    for n, series in enumerate(chart.series):
        if n < len(orgs):
            paint(series, SERIES_COLOURS[n])
        else:
            paint(series, EARLIER_COLOUR, dashed=True)
    chart.width, chart.height = RADAR_WIDTH_CM, RADAR_HEIGHT_CM
    ws.add_chart(chart, f"A{start}")
    rows.skip(rows_for(RADAR_HEIGHT_CM))


def _figures(rows: Rows, instrument: Instrument, orgs: Sequence[Organisation]) -> None:
    """Each organisation's overall figure and band, and its groups' subtotals (EDS: total, rating, domains)."""
    ws, v = rows.ws, vocabulary(instrument)
    rows.add([text(ws, f"{heading(v.overall)}, each organisation", HEADING)])
    span = len(rows.widths) - 1
    for org in orgs:
        said = figure_words(instrument, org.standing)
        words = "\n".join([said, *(f"{label}: {words}" for label, words in group_figures(instrument, org.standing))])
        lines = max(line_count(words, sum(rows.widths[1:])), line_count(org.name, rows.widths[0] * 0.85))
        r = rows.add(
            [text(ws, f"{org.name} ({len(org.members)})", LABEL), text(ws, words, WRAPPED)],
            height=LINE_HEIGHT * lines + 3,
        )
        if span > 1:
            ws.merged_cells.add(f"B{r}:{get_column_letter(span + 1)}{r}")
    rows.skip()


def _listed(rows: Rows, instrument: Instrument, orgs: Sequence[Organisation]) -> None:
    """Too many organisations to set side by side: one row per organisation and area, and no radar."""
    ws, v = rows.ws, vocabulary(instrument)
    header = rows.add(
        header_row(ws, ["Organisation", heading(v.area), "Score", f"{heading(v.step)} reached"], numbers={2})
    )
    for org in orgs:
        for a in org.standing.areas:
            reached = instrument.step(a.step).label if a.step is not None else "not yet scored"
            rows.add(
                [
                    text(ws, org.name, WRAPPED),
                    text(ws, instrument.area(a.area).label, WRAPPED),
                    styled(ws, a.score, SCORE),
                    text(ws, reached, TOP),
                ]
            )
    step_scale(ws, f"C{header + 1}:C{rows.row}", instrument)
    rows.prose(f"More than {DRAWN} organisations: each is listed, and no radar is drawn (it would not read).")
