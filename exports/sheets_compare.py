"""The Compare sheet: an earlier assessment against now, area by area, with both outlines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from exports.cells import CHANGE, HEADING, LABEL, SCORE, TITLE, WRAPPED, header_row, styled, text
from exports.charts import radar
from exports.framework_words import by_area, scale
from exports.layout import Rows, prepare
from exports.merge import Basis, Standing
from exports.sheets_summary import adopter_words, step_words
from surveys.report import placement_words
from surveys.vocabulary import heading, vocabulary

WIDTHS = [34, 30, 30, 12]


def _change(earlier: float | None, now: float | None) -> float | None:
    return now - earlier if earlier is not None and now is not None else None


def write_compare(
    ws: Any,
    basis: Basis,
    facts: Sequence[tuple[str, str]],
    earlier: Standing,
    now: Standing,
    earlier_name: str,
    now_name: str,
) -> None:
    instrument = basis.instrument
    prepare(ws, WIDTHS)
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, "Compared with an earlier assessment", TITLE)])
    rows.skip()
    for label, value in facts:
        rows.add([text(ws, label, LABEL), text(ws, value, WRAPPED)])
    rows.skip()

    rows.add([text(ws, f"{by_area(instrument)} {scale(instrument)}; change = now minus earlier", HEADING)])
    area = "Area" if instrument.format == 1 else heading(vocabulary(instrument).area)
    header = rows.add(header_row(ws, [area, earlier_name, now_name, "Change"]))
    before = {a.area: a.score for a in earlier.areas}
    for a in now.areas:
        old = before.get(a.area)
        rows.add(
            [
                text(ws, instrument.area(a.area).label, LABEL),
                styled(ws, old, SCORE),
                styled(ws, a.score, SCORE),
                styled(ws, _change(old, a.score), CHANGE),
            ]
        )
    last = rows.row
    rows.skip()

    rows.add([text(ws, "Overall", HEADING)])
    rows.add(header_row(ws, ["", earlier_name, now_name, "Change"]))
    if instrument.format == 1:
        rows.add(
            [
                text(ws, "Competence step", LABEL),
                text(ws, step_words(instrument, earlier.overall_step), WRAPPED),
                text(ws, step_words(instrument, now.overall_step), WRAPPED),
                styled(ws, _change(earlier.overall_step, now.overall_step), CHANGE),
            ]
        )
    if instrument.adopters:
        rows.add(
            [
                text(ws, "Adopter category", LABEL),
                text(ws, adopter_words(instrument, earlier), WRAPPED),
                text(ws, adopter_words(instrument, now), WRAPPED),
                text(ws, "same" if earlier.adopter == now.adopter else "changed", WRAPPED),
            ]
        )
    before_dims = {d.dimension: d for d in earlier.dimensions}
    for d in now.dimensions:
        was = before_dims.get(d.dimension)
        was_words = placement_words(instrument, was) if was is not None else "not asked"
        rows.add(
            [
                text(ws, instrument.dimension(d.dimension).label, LABEL),
                text(ws, was_words, WRAPPED),
                text(ws, placement_words(instrument, d), WRAPPED),
                text(ws, "same" if was is not None and was.placement == d.placement else "changed", WRAPPED),
            ]
        )

    top = (0, max(instrument.top, 1), 1)
    chart = radar(ws, f"{by_area(instrument)}: earlier outline and now", 1, [2, 3], header, last, top)
    ws.add_chart(chart, f"A{rows.row + 2}")  # below the tables, so the sheet prints one page wide
