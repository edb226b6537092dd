"""A priority carried into next year's review: how it is marked, and how every screen says so.

Its own module, light to import, because the report, the app's plan and the
interview all say it the same way.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from surveys.model.responses import Priority


def carried(priority: Priority, earlier_date: date) -> Priority:
    """`priority` as next year's plan starts with it: every field kept, its status to look at again."""
    return replace(priority, carried_from=earlier_date, status_to_update=True)


def carried_marker(priority: Priority) -> str:
    """What every screen says beside a carried priority until its status is updated; "" otherwise."""
    if priority.carried_from is None or not priority.status_to_update:
        return ""
    return f"carried from {priority.carried_from.year} — update status"
