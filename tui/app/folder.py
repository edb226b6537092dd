"""The response folder as the app sees it: summaries for Home, earlier assessments to compare.

Both read every file in the folder, so the screens call them from a worker
thread; nothing here touches Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from surveys.errors import StickError
from surveys.storage import list_assessments

if TYPE_CHECKING:
    from surveys.model import Instrument
    from surveys.responses import Assessment


@dataclass(frozen=True)
class Summary:
    path: Path
    modified: datetime
    organisation: str = ""
    respondent: str = ""
    date: date | None = None
    percent: int | None = None  # None when the instrument cannot be found
    error: str = ""


def summaries(folder: Path, explicit_instrument: Path | None = None) -> list[Summary]:
    """Every assessment in the folder, newest change first."""
    listed = list_assessments(folder)
    if not listed:
        return []
    # Imported here: an empty folder (the first run) never pays for the instrument loader.
    from surveys.scoring import completeness
    from surveys.session import instrument_for

    instruments: dict[tuple[str, str], Instrument | None] = {}
    out = []
    for item in listed:
        a = item.assessment
        if a is None:
            out.append(Summary(item.path, item.modified, error=item.error))
            continue
        key = (a.instrument_id, str(a.extra.get("instrument_file", "")))
        if key not in instruments:
            try:
                instruments[key] = instrument_for(a, item.path, explicit_instrument)
            except StickError:
                instruments[key] = None
        instrument = instruments[key]
        percent = completeness(instrument, a)[0].percent if instrument is not None else None
        out.append(Summary(item.path, item.modified, a.organisation, a.respondent, a.date, percent))
    return out


def same_organisation(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def earlier_assessments(folder: Path, current: Path, assessment: Assessment) -> list[tuple[Path, Assessment]]:
    """Assessments of the same organisation, same instrument, with an earlier date: latest first."""
    found = []
    for item in list_assessments(folder, leave_out=current):
        other = item.assessment
        if other is None:
            continue
        if (
            same_organisation(other.organisation, assessment.organisation)
            and other.instrument_id == assessment.instrument_id
            and other.date < assessment.date
        ):
            found.append((item.path, other))
    found.sort(key=lambda pair: (pair[1].date, pair[1].updated), reverse=True)
    return found
