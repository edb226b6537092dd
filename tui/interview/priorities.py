"""The priorities offer at the end of an interview: the parts both modes share.

A priority is added to the plan (through the editing session) as soon as its
area is chosen, with its area's business function, and each field is saved as
it is given, so stopping half way keeps what was typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from surveys.editing.session import EditingSession
from surveys.model.carried import carried_marker
from surveys.model.dates import HINT, read_date
from surveys.model.instrument import Instrument
from surveys.model.responses import Priority
from surveys.model.vocabulary import heading, vocabulary
from surveys.results.scoring import Result, Suggestion
from surveys.results.suggestions import step_name

DATE_HINT = f"for example {HINT}"


def intro(instrument: Instrument) -> str:
    words = vocabulary(instrument)
    lives = f", the {words.function} it will live in" if instrument.functions else ""
    return (
        f"Record a few {words.priorities}: limited and achievable, each with a named lead{lives}, dates and a measure."
    )


def area_question(instrument: Instrument) -> str:
    words = vocabulary(instrument)
    return f"Which {words.area} is the {words.priority} in?"


def function_question(instrument: Instrument) -> str:
    return f"Which {vocabulary(instrument).function} will the work live in?"


def numbered_prompt(word: str, count: int, hint: str = "") -> str:
    return f"{heading(word)} (1-{count}{hint}): "


def suggestion_for(result: Result, area_id: str) -> Suggestion | None:
    return next((s for s in result.suggestions if s.area == area_id), None)


def area_label(instrument: Instrument, result: Result, area_id: str) -> str:
    """An area as offered: suggested areas say where they stand and what they need next."""
    label = instrument.area(area_id).label
    suggestion = suggestion_for(result, area_id)
    if suggestion is None:
        return label
    needs = f", needs {suggestion.transition}" if suggestion.transition else ""
    return f"{label} (suggested: at {step_name(instrument, suggestion.step)}{needs})"


def parse_date(text: str) -> date | None:
    """An optional date, day first or ISO (surveys.model.dates); ValueError with a line to print if not."""
    return read_date(text) if text.strip() else None


def start_priority(session: EditingSession, area_id: str) -> Priority:
    """Add a priority in `area_id` to the plan, its business function its area's; the new priority."""
    return session.add_priority(session.new_priority(area_id)).assessment.priorities[-1]


def set_last(session: EditingSession, **changes: Any) -> None:
    """Change fields of the priority being entered (the last one)."""
    session.edit_priority(len(session.priorities) - 1, **changes)


def priority_line(instrument: Instrument, number: int, priority: Priority) -> str:
    area = next((a.label for a in instrument.areas if a.id == priority.area), priority.area)
    function = next((f.label for f in instrument.functions if f.id == priority.function), priority.function)
    word = vocabulary(instrument).area
    parts = [f"{number}. {priority.title or area}", f"{word} {area}", f"lead {priority.lead or '(none yet)'}"]
    if function:
        parts.append(f"in {function}")
    if priority.target:
        parts.append(f"target {priority.target.isoformat()}")
    if priority.review:
        parts.append(f"review {priority.review.isoformat()}")
    if priority.measure:
        parts.append(f"measure: {priority.measure}")
    marker = carried_marker(priority)
    if marker:
        parts.append(f"status {priority.status}, {marker} (in the app's plan)")
    return "; ".join(parts)
