"""The action plan as rows: each assessment's priorities, or its suggested ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from surveys.model.instrument import Instrument
from surveys.model.responses import Assessment
from surveys.results.scoring import Suggestion
from surveys.results.suggestions import suggestion_measure, suggestion_title


@dataclass(frozen=True, slots=True)
class PlanRow:
    no: int
    organisation: str
    respondent: str
    priority: str
    area: str  # label, or the text the file holds when the instrument has no such area
    function: str  # label, or the file's text; empty when not linked yet
    function_id: str  # empty when the function is not one of the instrument's
    lead: str
    target: date | None
    review: date | None
    measure: str
    status: str
    suggested: bool
    # Carried forward from an earlier review (surveys/carried.py), and whether its status is still to update.
    carried_from: date | None = None
    to_update: bool = False


def _area_label(instrument: Instrument, area: str) -> str:
    return next((a.label for a in instrument.areas if area in (a.id, a.label)), area)


def _function(instrument: Instrument, function: str) -> tuple[str, str]:
    found = next((f for f in instrument.functions if function in (f.id, f.label)), None)
    return (found.label, found.id) if found is not None else (function, "")


def plan_rows(
    no: int, instrument: Instrument, assessment: Assessment, suggestions: tuple[Suggestion, ...]
) -> list[PlanRow]:
    """The priorities set; where the plan was never started, the suggested ones with no lead."""
    rows = []
    for p in assessment.priorities:
        area = _area_label(instrument, p.area)
        function, function_id = _function(instrument, p.function)
        rows.append(
            PlanRow(
                no,
                assessment.organisation,
                assessment.respondent,
                p.title or area,
                area,
                function,
                function_id,
                p.lead,
                p.target,
                p.review,
                p.measure,
                p.status,
                suggested=False,
                carried_from=p.carried_from,
                to_update=p.status_to_update and p.carried_from is not None,
            )
        )
    if rows or assessment.plan_started:
        return rows  # a plan emptied on purpose stays empty
    for s in suggestions:
        function, function_id = _function(instrument, s.function)
        rows.append(
            PlanRow(
                no,
                assessment.organisation,
                assessment.respondent,
                suggestion_title(instrument, s),
                instrument.area(s.area).label,
                function,
                function_id,
                "",
                None,
                None,
                suggestion_measure(instrument, s),
                "",
                suggested=True,
            )
        )
    return rows
