"""When a priority's review is due: the deck's "reviewable" principle, as Home shows it.

A priority whose review date has passed is due for review unless its work has
ended (done or dropped): the same rule the plan sheet of the workbook colours.
Home keeps only the dates of priorities still under way (in the folder index),
and counts those before today, so "today" is the caller's clock, never read here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from surveys.model.responses import Priority

ENDED = ("done", "dropped")


def awaiting_review(priority: Priority) -> bool:
    """The priority has a review date and its work is still under way."""
    return priority.review is not None and priority.status not in ENDED


def pending_reviews(priorities: Iterable[Priority]) -> tuple[date, ...]:
    """The review dates of the priorities still under way, earliest first."""
    return tuple(sorted(p.review for p in priorities if awaiting_review(p) and p.review is not None))


def reviews_due(pending: Iterable[date], today: date) -> int:
    """How many of `pending` (from `pending_reviews`) fell before today."""
    return sum(1 for day in pending if day < today)
