"""Suggested priorities in one wording, for every front end and every output.

The scoring finds the weakest areas (`Result.suggestions`); this module turns
each into the priority a user may adopt. The app, the interview, the report,
the JSON and the workbook all take the title and measure from here, so a
suggestion reads the same wherever it is seen.
"""

from __future__ import annotations

from surveys.model import Instrument
from surveys.responses import Priority
from surveys.scoring import Result, Suggestion


def suggestion_title(instrument: Instrument, suggestion: Suggestion) -> str:
    area = instrument.area(suggestion.area).label
    return f"Move {area} from step {suggestion.step} to step {suggestion.step + 1} (work on {suggestion.transition})"


def suggestion_measure(instrument: Instrument, suggestion: Suggestion) -> str:
    top = len(instrument.steps)
    return f"Reaches step {suggestion.step + 1} at the next assessment (now {suggestion.score:.1f} of {top})"


def suggested_priority(instrument: Instrument, suggestion: Suggestion) -> Priority:
    """The priority a suggestion becomes when adopted: no lead yet, the function the scoring chose."""
    return Priority(
        area=suggestion.area,
        title=suggestion_title(instrument, suggestion),
        function=suggestion.function,
        measure=suggestion_measure(instrument, suggestion),
    )


def suggested_priorities(instrument: Instrument, result: Result) -> tuple[Priority, ...]:
    return tuple(suggested_priority(instrument, s) for s in result.suggestions)


def default_function(instrument: Instrument, result: Result, area_id: str) -> str:
    """Where a new priority in `area_id` lives until the user says otherwise.

    The suggestion's function when the area is suggested (the weakest scored
    function among its questions), else the area's home function.
    """
    for s in result.suggestions:
        if s.area == area_id:
            return s.function
    for area in instrument.areas:
        if area.id == area_id:
            return area.function
    return ""
