"""What the radar shows: the two views of a result, as plain values.

Kept apart from the widget so the answer path can be checked without Textual
and so both the question and result screens build the same picture.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, scored_heading, vocabulary
from surveys.results.scoring import Result


class View(Enum):
    AREAS = "areas"
    DIMENSIONS = "dimensions"

    def other(self) -> View:
        return View.DIMENSIONS if self is View.AREAS else View.AREAS


class RadarData(NamedTuple):
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    rings: int
    # A spoke with no answers yet: not drawn (a 0 would read as an answer), and marked in its label.
    unscored: tuple[bool, ...] = ()
    earlier: tuple[float, ...] | None = None
    earlier_name: str = ""
    earlier_unscored: tuple[bool, ...] = ()
    # What is said in place of the picture while nothing at all is answered.
    empty: str = ""


def _area_values(instrument: Instrument, result: Result) -> tuple[tuple[float, ...], tuple[bool, ...]]:
    # Drawn as a share of the top step; a 0-based scale's 0 is the centre. A sum can pass the top: kept on the rim.
    top = instrument.top or 1
    values = tuple(min(max((a.score or 0.0) / top, 0.0), 1.0) for a in result.areas)
    return values, tuple(a.score is None for a in result.areas)


def _fit_values(result: Result) -> tuple[tuple[float, ...], tuple[bool, ...]]:
    values = tuple(fit for d in result.dimensions for _, fit in d.fits)
    unscored = tuple(d.answered == 0 for d in result.dimensions for _ in d.fits)
    return values, unscored


def radar_data(
    instrument: Instrument, result: Result, view: View, earlier: Result | None = None, earlier_name: str = ""
) -> RadarData:
    words = vocabulary(instrument)
    # An instrument with only one of the two views shows that one, whichever is asked for.
    if (view is View.AREAS and instrument.areas) or not instrument.dimensions:
        values, unscored = _area_values(instrument, result)
        old, old_unscored = _area_values(instrument, earlier) if earlier is not None else (None, ())
        labels = tuple(a.label for a in instrument.areas)
        return RadarData(
            f"{scored_heading(instrument)} {words.areas}: {words.steps} {instrument.bottom}-{instrument.top}"
            if instrument.format == 1
            else f"{heading(words.areas)}: {words.steps} {instrument.bottom}-{instrument.top}",
            labels,
            values,
            max(instrument.top, 1),
            unscored,
            old,
            earlier_name,
            old_unscored,
            f"No answers yet, so nothing is drawn: each {words.area} is drawn once one of its questions is answered.",
        )
    values, unscored = _fit_values(result)
    old, old_unscored = _fit_values(earlier) if earlier is not None else (None, ())
    labels = tuple(p.label for d in instrument.dimensions for p in d.profiles)
    # Short enough for the radar's 32 columns at 80x24, in the instrument's own words.
    title = f"{heading(words.profile)} fit, by {words.dimension}"
    empty = (
        f"No answers yet, so nothing is drawn: a {words.dimension}'s {words.profiles} are drawn"
        " once one of its questions is answered."
    )
    return RadarData(title, labels, values, 4, unscored, old, earlier_name, old_unscored, empty)
