"""One file's row in a folder's index: what Home and the earlier-assessment search need of it.

Apart from the index (which decides when a row is made again) because the row, its JSON
form and how it is made from a file's facts are one job of their own.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from surveys.model.responses import Assessment
from surveys.model.review_dates import pending_reviews

if TYPE_CHECKING:
    from surveys.folders.summary_reader import Facts
    from surveys.results.scoring import Completeness


class FileSummary(NamedTuple):
    """What Home and the earlier-assessment search need of one response file."""

    name: str
    size: int
    mtime_ns: int
    organisation: str = ""
    respondent: str = ""
    date: dt.date | None = None
    instrument_id: str = ""
    instrument_version: int = 0
    updated: dt.datetime | None = None
    percent: int | None = None  # None when the file's instrument cannot be found
    # The review dates of the plan's priorities still under way (surveys.model.review_dates).
    reviews: tuple[dt.date, ...] = ()
    error: str = ""  # why the file cannot be read; then the rest is empty
    finished: bool = False  # every question answered (surveys.results.scoring.Completeness.finished)
    dont_know: int = 0


def encode_summary(s: FileSummary) -> list[Any]:
    return [
        s.size,
        s.mtime_ns,
        s.organisation,
        s.respondent,
        s.date.isoformat() if s.date else "",
        s.instrument_id,
        s.instrument_version,
        s.updated.isoformat() if s.updated else "",
        s.percent,
        [d.isoformat() for d in s.reviews],
        s.error,
        s.finished,
        s.dont_know,
    ]


def decode_summary(name: str, row: list[Any]) -> FileSummary:
    size, mtime_ns, org, who, on, inst, version, updated, percent, reviews, error, finished, dont_know = row
    # One expression, not a loop over (value, type) pairs: a warm Home decodes 10,000 of these.
    if not (
        isinstance(size, int)
        and isinstance(mtime_ns, int)
        and isinstance(version, int)
        and isinstance(org, str)
        and isinstance(who, str)
        and isinstance(inst, str)
        and isinstance(finished, bool)
        and isinstance(dont_know, int)
        and (percent is None or isinstance(percent, int))
        and isinstance(error, str)
    ):
        raise ValueError("bad entry")
    return FileSummary(
        name,
        size,
        mtime_ns,
        org,
        who,
        dt.date.fromisoformat(on) if on else None,
        inst,
        version,
        dt.datetime.fromisoformat(updated) if updated else None,
        percent,
        () if reviews == [] else tuple(dt.date.fromisoformat(d) for d in reviews),
        error,
        finished,
        dont_know,
    )


class FileStat(NamedTuple):
    name: str
    size: int
    mtime_ns: int


def summary_row(stat: FileStat, who: Assessment | Facts, progress: Completeness | None) -> FileSummary:
    """A file's row: who, when and its reviews from `who` (read whole or in one pass); how complete from `progress`."""
    return FileSummary(
        stat.name,
        stat.size,
        stat.mtime_ns,
        who.organisation,
        who.respondent,
        who.date,
        who.instrument_id,
        who.instrument_version,
        who.updated,
        progress.percent if progress is not None else None,
        pending_reviews(who.priorities),
        finished=progress is not None and progress.finished,
        dont_know=progress.dont_know if progress is not None else 0,
    )
