"""The views of a result a radar can draw, and which of them (and which axis) each question feeds.

An instrument's rule, not a screen's: the deck's profile questions feed the
fit of their dimension's profiles, its ladders their competence area; a format
2 instrument's scored questions feed their area, drawn among the areas of its
group (EDS 2022: an outcome among its domain's outcomes). Every figure is
given as a share from 0 (the centre) to 1 (the rim); a figure with no answers
behind it is missing, never 0, which would read as a score.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from surveys.model.instrument import Instrument, Question, is_scored
from surveys.results.scoring import Result

MIN_AXES = 3  # fewer axes make a line, not a shape


class ViewKind(Enum):
    AREAS = "areas"  # every area on the steps (the deck: the competence areas)
    DIMENSIONS = "dimensions"  # the fit of every profile, dimension by dimension
    GROUP = "group"  # the areas of one group (EDS 2022: a domain's outcomes)
    GROUPS = "groups"  # each group's figure as a share of the most it can be


class View(NamedTuple):
    kind: ViewKind
    group: str = ""  # the group's id, for ViewKind.GROUP


AREAS = View(ViewKind.AREAS)
DIMENSIONS = View(ViewKind.DIMENSIONS)
GROUPS = View(ViewKind.GROUPS)


class Figures(NamedTuple):
    """One view's axes: their labels, values (0-1) and which have no answers yet."""

    labels: tuple[str, ...]
    values: tuple[float, ...]
    missing: tuple[bool, ...]


def views(instrument: Instrument) -> tuple[View, ...]:
    """The views worth drawing, in the order `r` goes through them; the first is shown until a question says."""
    out: list[View] = []
    if instrument.areas:
        # The whole first (what a result opens on), then the parts.
        out.append(AREAS)
        if len(instrument.groups) >= MIN_AXES:
            out.append(GROUPS)
        out.extend(View(ViewKind.GROUP, g.id) for g in instrument.groups if len(g.areas) >= MIN_AXES)
    if instrument.dimensions:
        out.append(DIMENSIONS)
    return tuple(out) or (AREAS,)


def next_view(instrument: Instrument, view: View) -> View:
    shown = views(instrument)
    return shown[(shown.index(view) + 1) % len(shown)] if view in shown else shown[0]


def shown_view(instrument: Instrument, view: View) -> View:
    """`view` if this instrument has it, else its first: a view asked of another instrument is never drawn empty."""
    shown = views(instrument)
    return view if view in shown else shown[0]


class Feed(NamedTuple):
    """The view a question's answer moves, and the axes of it that move."""

    view: View
    axes: tuple[int, ...]


def feeds(instrument: Instrument, question: Question) -> Feed | None:
    """What answering `question` changes on a radar; None for a question no figure counts (text, adopter)."""
    if question.kind == "profile" and question.dimension:
        start = 0
        for d in instrument.dimensions:
            if d.id == question.dimension:
                return Feed(DIMENSIONS, tuple(range(start, start + len(d.profiles))))
            start += len(d.profiles)
        return None
    if not is_scored(question):
        return None
    for group in instrument.groups:
        if question.area in group.areas and View(ViewKind.GROUP, group.id) in views(instrument):
            return Feed(View(ViewKind.GROUP, group.id), (group.areas.index(question.area),))
    ids = [a.id for a in instrument.areas]
    return Feed(AREAS, (ids.index(question.area),)) if question.area in ids else None


def axis_labels(instrument: Instrument, view: View) -> tuple[str, ...]:
    """The names of `view`'s axes, clockwise from the top."""
    view = shown_view(instrument, view)
    if view.kind is ViewKind.DIMENSIONS:
        return tuple(p.label for d in instrument.dimensions for p in d.profiles)
    if view.kind is ViewKind.GROUPS:
        return tuple(g.label for g in instrument.groups)
    wanted = instrument.group(view.group).areas if view.kind is ViewKind.GROUP else [a.id for a in instrument.areas]
    return tuple(instrument.area(a).label for a in wanted)


def figures(instrument: Instrument, result: Result, view: View) -> Figures:
    """The axes of `view` for this result."""
    view = shown_view(instrument, view)
    labels = axis_labels(instrument, view)
    if view.kind is ViewKind.DIMENSIONS:
        values = tuple(fit for d in result.dimensions for _, fit in d.fits)
        missing = tuple(d.answered == 0 for d in result.dimensions for _ in d.fits)
        return Figures(labels, values, missing)
    if view.kind is ViewKind.GROUPS:
        by_id = {g.group: g for g in result.groups}
        shares, gone = [], []
        for group in instrument.groups:
            most = instrument.top * (len(group.areas) if instrument.scoring.group == "sum" else 1) or 1
            figure = by_id[group.id].score if group.id in by_id else None
            shares.append(_share(figure, most))
            gone.append(figure is None)
        return Figures(labels, tuple(shares), tuple(gone))
    wanted = instrument.group(view.group).areas if view.kind is ViewKind.GROUP else [a.id for a in instrument.areas]
    areas = {a.area: a for a in result.areas}
    top = instrument.top or 1
    scores = [areas[a].score if a in areas else None for a in wanted]
    return Figures(labels, tuple(_share(s, top) for s in scores), tuple(s is None for s in scores))


def _share(figure: float | None, most: float) -> float:
    # A 0-based scale's 0 is the centre; a sum past the most is kept on the rim.
    return min(max((figure or 0.0) / most, 0.0), 1.0)
