"""The Summary sheet: who and when, where the organisation stands, two radars, what it implies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from exports.cells import COUNT, HEADING, LABEL, PERCENT, SCORE, TITLE, WRAPPED, header_row, styled, text
from exports.charts import radar
from exports.framework_words import by_area, scale, step_word
from exports.layout import Rows, prepare
from exports.merge import Standing
from surveys.model import Instrument
from surveys.report import placement_words
from surveys.vocabulary import heading, vocabulary

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
    words = vocabulary(instrument)
    facts = [*facts]
    if instrument.format == 1:
        facts.append((heading(words.ladder), step_words(instrument, standing.overall_step)))
    if instrument.adopters:
        facts.append((heading(words.adopter), adopter_words(instrument, standing)))
    for label, value in facts:
        rows.add([text(ws, label, LABEL), text(ws, value, WRAPPED)])
    rows.skip()
    chart_row = rows.row + 1
    rows.skip(CHART_ROWS)

    if instrument.dimensions:
        fits_header, fits_last = _dimension_blocks(ws, rows, instrument, standing)

    rows.add([text(ws, f"{by_area(instrument)} {scale(instrument)}", HEADING)])
    step = step_word(instrument)
    area_name = "Area" if instrument.format == 1 else heading(words.area)
    names = [area_name, f"{step} reached", score_name, step] + ([earlier.name] if earlier else [])
    area_header = rows.add(header_row(ws, names))
    for a in standing.areas:
        reached = instrument.step(a.step).label if a.step is not None else "not yet scored"
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
    competence = radar(ws, by_area(instrument), 1, series, area_header, area_last, (0, max(instrument.top, 1), 1))
    ws.add_chart(competence, f"A{chart_row}")
    if instrument.dimensions:
        fits = radar(ws, "Fit to each profile", 2, [3], fits_header, fits_last, (0, 1, 0.25), "0%")
        fits.legend = None
        ws.add_chart(fits, f"C{chart_row}")


def _dimension_blocks(ws: Any, rows: Rows, instrument: Instrument, standing: Standing) -> tuple[int, int]:
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
    return fits_header, fits_last
