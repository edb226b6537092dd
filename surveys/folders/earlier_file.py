"""Which earlier assessment a file is compared with: the one it names, else the folder's latest.

Next year's review names the file it follows (`earlier_file`). That file wins
over the folder search, so a folder holding several assessments of one
organisation (two respondents last year, a team's copies) still compares with
the one the review was started from. The name is read from a file anyone on a
shared folder may have written, so it is held to the rule an `instrument_file`
is (surveys/instruments/instrument_place.py): only a regular file in the same folder or
below it. A name that is refused, missing, unreadable, of another organisation
or instrument, or not dated earlier is passed over, never an error: the folder
search answers instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from surveys.errors import ResponseFileError
from surveys.files.response_file import load_assessment
from surveys.folders.earlier_rule import comes_before
from surveys.instruments.instrument_place import InstrumentPlaceRefused, recorded_instrument
from surveys.model.responses import Assessment

if TYPE_CHECKING:
    from surveys.folders.folder_index import FolderIndex

# The file a review follows, by its name in the same folder (written by surveys/editing/next_review.py).
EARLIER_FILE_KEY = "earlier_file"

Found = tuple[Path, Assessment]
Reader = Callable[[Path], Assessment]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.samefile(b)
    except OSError:
        return False


def recorded_earlier(path: Path, assessment: Assessment, reader: Reader = load_assessment) -> Found | None:
    """The earlier file `assessment` (read from `path`) names, when it is there and fits; else None."""
    name = assessment.extra.get(EARLIER_FILE_KEY)
    if not isinstance(name, str) or not name:
        return None
    try:
        place = recorded_instrument(path.parent, name)
    except InstrumentPlaceRefused:
        return None
    if place is None or not place.is_file() or _same_file(place, path):
        return None
    try:
        other = reader(place)
    except ResponseFileError:
        return None
    fits = comes_before(other.organisation, other.instrument_id, other.date, assessment)
    return (place, other) if fits else None


def earlier_assessments(
    index: FolderIndex,
    current: Path,
    assessment: Assessment,
    cancelled: Callable[[], bool] = lambda: False,
    reader: Reader = load_assessment,
) -> list[Found] | None:
    """Earlier assessments of the same organisation: the named one first, then the search's, latest first.

    None when cancelled before the answer was known.
    """
    from surveys.folders.earlier_search import earlier_assessments as search

    named = recorded_earlier(current, assessment, reader)
    found = search(index, current, assessment, cancelled, reader)
    if found is None or named is None:
        return found
    return [named, *(pair for pair in found if not _same_file(pair[0], named[0]))]
