"""What the radar shows: one view of one or more results, as plain values.

Kept apart from the widget so the answer path can be checked without Textual
and so the question, result (and panel) screens build the same picture. Which
views there are, what each axis holds and which axis a question feeds is the
engine's (surveys.results.radar_views); here they get their titles and names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from surveys.model.instrument import Instrument
from surveys.model.vocabulary import heading, scored_heading, vocabulary
from surveys.results.radar_views import View, ViewKind, axis_labels, figures, shown_view
from surveys.results.scoring import Result


class Outline(NamedTuple):
    """One result drawn on the radar: its name for the legend, a value per axis, the axes it has no answer for."""

    name: str
    values: tuple[float, ...]
    missing: tuple[bool, ...] = ()


class RadarData(NamedTuple):
    title: str
    labels: tuple[str, ...]
    rings: int
    # The first is drawn solid and thick over the others, which are dashed, each its own way.
    outlines: tuple[Outline, ...] = ()
    # The axes the question on screen feeds: marked while it is shown.
    marked: tuple[int, ...] = ()

    @property
    def main(self) -> Outline | None:
        return self.outlines[0] if self.outlines else None


def radar_data(
    instrument: Instrument,
    result: Result,
    view: View,
    earlier: Result | None = None,
    earlier_name: str = "",
    marked: Sequence[int] = (),
) -> RadarData:
    """One assessment now, and an earlier one of the same organisation if given."""
    others = [(earlier_name or "earlier", earlier)] if earlier is not None else []
    return radar_of(instrument, view, [("now", result), *others], marked)


def radar_of(
    instrument: Instrument, view: View, results: Sequence[tuple[str, Result]], marked: Sequence[int] = ()
) -> RadarData:
    """Any number of named results in one view: the first solid, the rest dashed (a panel: agreed, then raters)."""
    view = shown_view(instrument, view)
    outlines = []
    for name, result in results:
        drawn = figures(instrument, result, view)
        outlines.append(Outline(name, drawn.values, drawn.missing))
    rings = 4 if view.kind is ViewKind.DIMENSIONS else max(instrument.top, 1)
    return RadarData(title(instrument, view), axis_labels(instrument, view), rings, tuple(outlines), tuple(marked))


def title(instrument: Instrument, view: View) -> str:
    """The view in the instrument's own words, short enough for the radar's 32 columns at 80x24 where it can be."""
    words = vocabulary(instrument)
    scale = f"{words.steps} {instrument.bottom}-{instrument.top}"
    if view.kind is ViewKind.DIMENSIONS:
        return f"{heading(words.profile)} fit, by {words.dimension}"
    if view.kind is ViewKind.GROUPS:
        return f"{heading(words.groups)}: share of the most each can score"
    if view.kind is ViewKind.GROUP:
        return f"{instrument.group(view.group).label}: {scale}"
    if instrument.format == 1:
        return f"{scored_heading(instrument)} {words.areas}: {scale}"
    return f"{heading(words.areas)}: {scale}"
