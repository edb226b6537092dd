"""Next year's review, started from this year's.

The deck's plan is "reviewable": each year a trust assesses itself again and
looks at what became of last year's priorities. So the new assessment is the
same organisation on the same instrument, with no answers, dated later, and
with the plan carried forward: every priority with all its fields and its
status as it was, marked as carried (`carried_from`, the earlier assessment's
date) and as having a status still to update this review
(`status_to_update = true`, cleared by the editing session the first time the
status is set, even to the same value).

The new file names the file it follows (`earlier_file`, a name in the same
folder), so its earlier outline and "what moved" are that file's even when the
folder holds other assessments of the organisation (surveys/folders/earlier_file.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from surveys.clock import local_now
from surveys.errors import StickError
from surveys.folders.earlier_file import EARLIER_FILE_KEY
from surveys.folders.storage import create_assessment_file
from surveys.instruments.opening import INSTRUMENT_FILE_KEY
from surveys.model.carried import carried
from surveys.model.dates import said
from surveys.model.responses import Assessment, new_assessment


class NextReviewError(StickError):
    """Next year's review cannot be made as asked: one line saying why."""


def next_review(
    earlier: Assessment,
    earlier_path: Path,
    *,
    on: date | None = None,
    respondent: str | None = None,
    role: str | None = None,
    instrument_version: int | None = None,
) -> Assessment:
    """The assessment that follows `earlier` (read from `earlier_path`); NextReviewError when it cannot.

    The respondent and role are the earlier ones unless given; the date is
    today unless given, and must be after the earlier one's. The version is
    the instrument's as it is read now (`instrument_version`), which is the
    earlier file's unless the instrument has been revised since.
    """
    day = on or local_now().date()
    if day <= earlier.date:
        raise NextReviewError(
            f"the new review's date ({said(day)}) must be after {earlier_path.name}'s ({said(earlier.date)})"
        )
    who = (earlier.respondent if respondent is None else respondent).strip()
    if not who:
        raise NextReviewError("the respondent must not be empty")
    extra: dict[str, object] = {}
    recorded = earlier.extra.get(INSTRUMENT_FILE_KEY)
    if isinstance(recorded, str) and recorded:
        extra[INSTRUMENT_FILE_KEY] = recorded  # the new file sits beside the earlier, so the name still holds
    extra[EARLIER_FILE_KEY] = earlier_path.name
    fresh = new_assessment(
        earlier.organisation,
        who,
        (earlier.role if role is None else role).strip(),
        earlier.instrument_id,
        earlier.instrument_version if instrument_version is None else instrument_version,
        on=day,
        extra=extra,
    )
    plan = tuple(carried(p, earlier.date) for p in earlier.priorities)
    return replace(fresh, priorities=plan, plan_started=bool(plan)) if plan else fresh


def create_next_review(earlier_path: Path, assessment: Assessment) -> Path:
    """Write next year's review beside the file it follows, under a new name; never overwrites."""
    return create_assessment_file(earlier_path.parent, assessment)
