"""An organisation's overall figure and its band in words, for an instrument that states its scoring.

One assessment's figure is said by the engine (`surveys.report.overall_words`);
an organisation of several assessments is said here, with the count its
figure is the mean of, so a board reads "22 of 33 ... (mean of 2 assessments)"
rather than nothing where several raters scored.
"""

from __future__ import annotations

from exports.merge import Standing
from surveys.model.instrument import Instrument
from surveys.model.ranges import group_span, instrument_span
from surveys.model.vocabulary import heading, vocabulary
from surveys.results.report import figure_head, number


def step_words(instrument: Instrument, step: int | None) -> str:
    v = vocabulary(instrument)
    if step is None:
        return f"not yet known (no {v.ladder} questions answered)"
    return f"{v.step} {step} of {len(instrument.steps)}: {instrument.step(step).label}"


def figure_words(instrument: Instrument, standing: Standing) -> str:
    """'22 of 33; organisation rating: Achieving activity (mean of 2 assessments)'."""
    v = vocabulary(instrument)
    overall = None if standing.overall is None else round(standing.overall, 1)
    said = figure_head(instrument, overall, standing.overall_step, standing.band)
    if overall is None or instrument_span(instrument) is None:
        return said
    if standing.band is None and instrument.bands:
        said += f" so far; the {v.band} is given when every {v.area} of every assessment is scored"
    if standing.assessments > 1:
        said += f" (mean of {standing.assessments} assessments)"
    return said


def group_figures(instrument: Instrument, standing: Standing) -> list[tuple[str, str]]:
    """Each group's label and subtotal (EDS: a domain's total), over the organisation's mean scores."""
    v = vocabulary(instrument)
    out = []
    for g in standing.groups:
        span = group_span(instrument, g.group)
        label = instrument.group(g.group).label
        if g.score is None or span is None:
            out.append((label, "not yet scored"))
            continue
        more = "" if g.complete else f" so far, not every {v.area} scored by every assessment"
        out.append((label, f"{number(round(g.score, 1))} of {number(span[1])}{more}"))
    return out


def standing_figures(instrument: Instrument, standing: Standing) -> list[tuple[str, str]]:
    """The overall figure and each group's, as the Summary lists them; none for the deck's own ladder."""
    if instrument.format == 1:
        return []
    return [
        (heading(vocabulary(instrument).overall), figure_words(instrument, standing)),
        *group_figures(instrument, standing),
    ]


def reached_words(instrument: Instrument, standing: Standing) -> str:
    """What an organisation's line says it reached: the deck's step, or the figure and band."""
    if instrument.format == 1:
        return step_words(instrument, standing.overall_step)
    return figure_words(instrument, standing)


def reached_heading(instrument: Instrument) -> str:
    v = vocabulary(instrument)
    return f"{heading(v.step)} reached" if instrument.format == 1 else heading(v.overall)
