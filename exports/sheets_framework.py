"""The Framework sheet: the whole model the assessment is read against, from the instrument.

Levels, dimensions and profiles (what each looks like, what it implies), the
steps with their meanings and transitions, the adopter categories with their
shares, the success factors (areas), the business functions, the principles
and the commission. A part the instrument does not have is left out.
"""

from __future__ import annotations

from typing import Any

from exports.cells import COUNT, HEADING, LABEL, SCORE, TITLE, TOP, WRAPPED, header_row, styled, text
from exports.layout import Rows, prepare
from exports.sheets_results import short_label
from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, vocabulary

WIDTHS = [26, 52, 52]


def _lines(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {item}" for item in items)


def write_framework(ws: Any, instrument: Instrument) -> None:
    v = vocabulary(instrument)
    prepare(ws, WIDTHS, title_rows=None)
    rows = Rows(ws, WIDTHS)
    rows.add([text(ws, f"The framework: {instrument.title}", TITLE)])
    if instrument.format == 1:
        rows.prose("A reading of the deck, as the instrument holds it: the About sheet says how it was read.")
    else:
        rows.prose(
            f"{instrument.title} as this instrument holds it, read from published sources: the About sheet gives "
            "its reading note, saying which parts are a reading to check."
        )
    rows.skip()
    if instrument.levels:
        rows.add([text(ws, "Mainstreaming at different levels", HEADING)])
        rows.add(header_row(ws, ["Level", "The question it asks", heading(v.dimension)]))
        for level in instrument.levels:
            at = [d.label for d in instrument.dimensions if d.level == level.id]
            rows.add(
                [text(ws, level.label, LABEL), text(ws, level.question, WRAPPED), text(ws, ", ".join(at), WRAPPED)]
            )
        rows.skip()
    for dimension in instrument.dimensions:
        rows.add([text(ws, f"{heading(v.dimension)}: {dimension.label}", HEADING)])
        if dimension.description:
            rows.add([None, text(ws, dimension.description, WRAPPED)])
        rows.add(header_row(ws, [heading(v.profile), "What it looks like", "Implications"]))
        for profile in dimension.profiles:
            rows.add(
                [
                    text(ws, profile.label, LABEL),
                    text(ws, _lines(profile.looks_like), WRAPPED),
                    text(ws, _lines(profile.implications), WRAPPED),
                ]
            )
        rows.skip()
    if instrument.steps and instrument.format != 1:
        _scale(rows, instrument)
    elif instrument.steps:
        rows.add([text(ws, f"{heading(v.steps)} to {v.ladder}", HEADING)])
        rows.add(header_row(ws, [heading(v.step), "What it means", f"{heading(v.transition)} to the next {v.step}"]))
        for step in instrument.steps:
            following = (
                f"{step.transition}: to {instrument.step(step.number + 1).label}" if step.transition else "the top"
            )
            rows.add(
                [
                    text(ws, f"{step.number}. {step.label}", LABEL),
                    text(ws, step.meaning, WRAPPED),
                    text(ws, following, WRAPPED),
                ]
            )
        rows.skip()
    if instrument.adopters:
        rows.add([text(ws, f"{heading(v.adopters)} (Rogers' curve, applied to NHS organisations)", HEADING)])
        rows.add(header_row(ws, [heading(v.adopter), "What it looks like", "Share of organisations (%)"], numbers={2}))
        for category in instrument.adopters:
            rows.add(
                [
                    text(ws, category.label, LABEL),
                    text(ws, category.description, WRAPPED),
                    styled(ws, category.share, SCORE),
                ]
            )
        rows.skip()
    if instrument.areas:
        factors = "Success factors: " if instrument.format == 1 else ""
        rows.add([text(ws, heading(f"{factors}the {v.areas} scored"), HEADING)])
        # Columns an instrument leaves empty (EDS: no descriptions, no functions) are left out.
        covers = any(area.description for area in instrument.areas)
        homes = bool(instrument.functions)
        names = [heading(v.area), *(["What it covers"] if covers else [])]
        rows.add(header_row(ws, names + ([f"Where the work usually lives ({v.function})"] if homes else [])))
        for area in instrument.areas:
            if not covers and not homes:
                rows.prose(area.label)  # the label alone: across the page, not wrapped in the first column
                continue
            home = next((f.label for f in instrument.functions if f.id == area.function), area.function)
            cells = [text(ws, area.label, LABEL), *([text(ws, area.description, WRAPPED)] if covers else [])]
            rows.add([*cells, text(ws, home, WRAPPED)] if homes else cells)
        rows.skip()
    if instrument.functions:
        rows.add([text(ws, f"Opportunities for integration: the {v.functions}", HEADING)])
        rows.add(header_row(ws, [heading(v.function), "What it is"]))
        for function in instrument.functions:
            rows.add([text(ws, function.label, LABEL), text(ws, function.description, WRAPPED)])
        rows.skip()
    if instrument.principles:
        rows.add([text(ws, heading(v.principles), HEADING)])
        rows.add(header_row(ws, ["No.", heading(v.principle), "On the Action plan"], numbers={0}))
        for number, principle in enumerate(instrument.principles, start=1):
            rows.add(
                [
                    styled(ws, number, COUNT),
                    text(ws, principle.label, LABEL),
                    text(ws, "a column to check each priority against (yes, partly or no)", WRAPPED),
                ]
            )
        rows.skip()
    if instrument.commission:
        rows.add([text(ws, "The commission", HEADING)])
        for item in instrument.commission:
            rows.add([text(ws, item, TOP)])


def _scale(rows: Rows, instrument: Instrument) -> None:
    """An instrument that states its own scale (format 2): the ratings with their values, its groups and bands."""
    ws, v = rows.ws, vocabulary(instrument)
    rows.add([text(ws, f"The {v.steps}: each {v.area} is rated on them", HEADING)])
    meanings = any(step.meaning for step in instrument.steps)
    rows.add(header_row(ws, [heading(v.step), "Value", *(["What it means"] if meanings else [])]))
    for step in instrument.steps:
        cells = [text(ws, step.label, LABEL), text(ws, str(step.value), TOP)]
        rows.add([*cells, text(ws, step.meaning, WRAPPED)] if meanings else cells)
    rows.skip()
    if instrument.groups:
        rows.add([text(ws, f"The {v.groups} and their {v.areas}", HEADING)])
        rows.add(header_row(ws, [heading(v.group), heading(v.areas)]))
        for group in instrument.groups:
            codes = ", ".join(short_label(instrument.area(a).label) for a in group.areas)
            rows.add([text(ws, group.label, LABEL), text(ws, codes, WRAPPED)])
        rows.skip()
    if instrument.bands:
        rows.add([text(ws, f"The {v.band} from the {v.overall}", HEADING)])
        meanings = any(band.meaning for band in instrument.bands)
        rows.add(header_row(ws, [heading(v.band), heading(v.overall), *(["What it means"] if meanings else [])]))
        for band in instrument.bands:
            span = f"{band.low}" if band.low == band.high else f"{band.low} to {band.high}"
            cells = [text(ws, band.label, LABEL), text(ws, span, TOP)]
            rows.add([*cells, text(ws, band.meaning, WRAPPED)] if meanings else cells)
        rows.skip()
