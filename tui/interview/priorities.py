"""The priorities offer at the end of an interview: the parts both modes share.

A priority is added to the file as soon as its area is chosen, and each field
is saved as it is given, so stopping half way keeps what was typed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from surveys.limits import check_entered
from surveys.model import Instrument
from surveys.responses import Assessment, Priority, with_priorities
from surveys.scoring import Result, Suggestion

INTRO = (
    "Record a few priorities: limited and achievable, each with a named lead, "
    "the business function it will live in, dates and a measure."
)
# Only the one spelling: fromisoformat also takes week dates and 8-digit forms.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATE_HINT = "YYYY-MM-DD, for example 2026-03-31"


def suggestion_for(result: Result, area_id: str) -> Suggestion | None:
    return next((s for s in result.suggestions if s.area == area_id), None)


def area_label(instrument: Instrument, result: Result, area_id: str) -> str:
    """An area as offered: suggested areas say where they stand and what they need next."""
    label = instrument.area(area_id).label
    suggestion = suggestion_for(result, area_id)
    if suggestion is None:
        return label
    return f"{label} (suggested: at step {suggestion.step}, needs {suggestion.transition})"


def default_function(instrument: Instrument, result: Result, area_id: str) -> str:
    suggestion = suggestion_for(result, area_id)
    return suggestion.function if suggestion else instrument.area(area_id).function


def parse_date(text: str) -> date | None:
    """An optional date; ValueError with a message to print when it is not one."""
    text = text.strip()
    if not text:
        return None
    if _ISO_DATE.fullmatch(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            pass  # e.g. 2026-02-30
        else:
            return check_entered(day)
    shown = text if len(text) <= 12 else text[:12] + "..."
    raise ValueError(f"Not a date: {shown!r}. Type YYYY-MM-DD, e.g. 2026-03-31, or nothing.")


def add_priority(assessment: Assessment, priority: Priority) -> Assessment:
    return with_priorities(assessment, (*assessment.priorities, priority))


def update_last(assessment: Assessment, **changes: Any) -> Assessment:
    """Change the priority being entered (the last one)."""
    last = replace(assessment.priorities[-1], **changes)
    return with_priorities(assessment, (*assessment.priorities[:-1], last))


def priority_line(instrument: Instrument, number: int, priority: Priority) -> str:
    area = next((a.label for a in instrument.areas if a.id == priority.area), priority.area)
    function = next((f.label for f in instrument.functions if f.id == priority.function), priority.function)
    parts = [f"{number}. {priority.title or area}", f"area {area}", f"lead {priority.lead or '(none yet)'}"]
    if function:
        parts.append(f"in {function}")
    if priority.target:
        parts.append(f"target {priority.target.isoformat()}")
    if priority.review:
        parts.append(f"review {priority.review.isoformat()}")
    if priority.measure:
        parts.append(f"measure: {priority.measure}")
    return "; ".join(parts)
