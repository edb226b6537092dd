"""The Summary sheet: who and when, where the organisation stands, two radars, what it implies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from exports.cells import COUNT, HEADING, LABEL, PERCENT, SCORE, TITLE, WRAPPED, header_row, styled, text
from exports.charts import radar
from exports.layout import Rows, prepare
from exports.merge import Standing
from surveys.model import Instrument
from surveys.report import placement_words

WIDTHS = [30, 50, 11, 11, 14]
CHART_ROWS = 19  # rows left empty for the two radars, side by side


@dataclass(frozen=True)
class Earlier:
    """The earlier assessment's area scores, drawn as a second outline."""

    name: str
    scores: dict[str, float | None]


def step_words(instrument: Instrument, step: int | None) -> str:
    if step is None:
        return "not yet known (no competence questions answered)"
    return f"step {step} of 4: {instrument.step(step).label}"


def adopter_words(instrument: Instrument, standing: Standing) -> str:
    if standing.adopter is None:
        return "not yet known"
    if standing.adopter_tie:
        return "a tie between " + " and ".join(instrument.adopter(a).label for a in standing.adopter_tie)
    category = instrument.adopter(standing.adopter)
    return f"{category.label} ({category.share:g}% of organisations)"


def write_summary(
    ws: Any,
    instrument: Instrument,
    title: str,
    facts: Sequence[tuple[str, str]],
    standing: Standing,
    score_name: str,
    earlier: Earlier | None = None,
) -> None:
    prepare(ws, WIDTHS)
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, title, TITLE)])
    rows.skip()
    facts = [
        *facts,
        ("Competence", step_words(instrument, standing.overall_step)),
        ("Adopter category", adopter_words(instrument, standing)),
    ]
    for label, value in facts:
        rows.add([text(ws, label, LABEL), text(ws, value, WRAPPED)])
    rows.skip()
    chart_row = rows.row + 1
    rows.skip(CHART_ROWS)

    rows.add([text(ws, "Where the organisation stands", HEADING)])
    rows.add(header_row(ws, ["Dimension", "Placed as", "Answers", "Questions"]))
    for d in standing.dimensions:
        rows.add(
            [
                text(ws, instrument.dimension(d.dimension).label, LABEL),
                text(ws, placement_words(instrument, d), WRAPPED),
                styled(ws, d.answered, COUNT),
                styled(ws, d.total, COUNT),
            ]
        )
    rows.skip()

    rows.add([text(ws, "Fit to each profile (share of answers pointing to it)", HEADING)])
    fits_header = rows.add(header_row(ws, ["Dimension", "Profile", "Fit"]))
    for d in standing.dimensions:
        dimension = instrument.dimension(d.dimension)
        for pid, fit in d.fits:
            rows.add(
                [
                    text(ws, dimension.label, WRAPPED),
                    text(ws, dimension.profile(pid).label, WRAPPED),
                    styled(ws, fit, PERCENT),
                ]
            )
    fits_last = rows.row
    rows.skip()

    rows.add([text(ws, "Competence by area (steps 1 to 4)", HEADING)])
    names = ["Area", "Step reached", score_name, "Step"] + ([earlier.name] if earlier else [])
    area_header = rows.add(header_row(ws, names))
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
    rows.skip()

    rows.add([text(ws, "What this implies", HEADING)])
    rows.add(header_row(ws, ["From", "Implication"]))
    for implication in standing.implications:
        rows.add([text(ws, implication.source, WRAPPED), text(ws, implication.text, WRAPPED)])
    if not standing.implications:
        rows.add([text(ws, "Answer more questions to see what the results imply.")])

    series = [3, 5] if earlier else [3]
    competence = radar(ws, "Competence by area", 1, series, area_header, area_last, (0, 4, 1))
    ws.add_chart(competence, f"A{chart_row}")
    fits = radar(ws, "Fit to each profile", 2, [3], fits_header, fits_last, (0, 1, 0.25), "0%")
    fits.legend = None
    ws.add_chart(fits, f"C{chart_row}")
