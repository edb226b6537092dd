"""Suggested priorities in one wording, for every front end and every output.

The scoring finds the weakest areas (`Result.suggestions`); this module turns
each into the priority a user may adopt. The app, the interview, the report,
the JSON and the workbook all take the title and measure from here, so a
suggestion reads the same wherever it is seen.
"""

from __future__ import annotations

from surveys.model.instrument import Instrument
from surveys.model.responses import Priority
from surveys.model.vocabulary import vocabulary
from surveys.results.scoring import Result, Suggestion


def next_step(instrument: Instrument, value: int) -> int:
    """The value of the step after the one scoring `value` (in the deck, value + 1)."""
    values = [s.value for s in instrument.steps]
    return values[min(values.index(value) + 1, len(values) - 1)]


def step_name(instrument: Instrument, value: int) -> str:
    """A step as a suggestion names it: the deck by number ("step 2"), format 2 by its own label ("Amber")."""
    if instrument.format == 1:
        return f"{vocabulary(instrument).step} {value}"
    return instrument.step(value).label


def suggestion_title(instrument: Instrument, suggestion: Suggestion) -> str:
    area = instrument.area(suggestion.area).label
    work = f" (work on {suggestion.transition})" if suggestion.transition else ""
    reach = next_step(instrument, suggestion.step)
    return f"Move {area} from {step_name(instrument, suggestion.step)} to {step_name(instrument, reach)}{work}"


def suggestion_line(instrument: Instrument, suggestion: Suggestion) -> str:
    """A suggestion as a list shows it: what to move, where it stands, where the work lives."""
    lives = f"; lives in {instrument.function(suggestion.function).label}" if suggestion.function else ""
    return f"{suggestion_title(instrument, suggestion)}; now {suggestion.score:.1f} of {instrument.top}{lives}."


def suggestion_measure(instrument: Instrument, suggestion: Suggestion) -> str:
    reach = step_name(instrument, next_step(instrument, suggestion.step))
    return f"Reaches {reach} at the next assessment (now {suggestion.score:.1f} of {instrument.top})"


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
