"""The earlier assessments of an organisation in a folder: the index finds them, only they are read.

Used by the Result's "what moved", the dashed outline and next year's review (through
surveys/folders/earlier_file.py, which prefers the file a review names).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from surveys.errors import ResponseFileError
from surveys.files.response_file import load_assessment
from surveys.folders.earlier_rule import comes_before
from surveys.folders.file_summary import FileSummary
from surveys.folders.folder_index import FolderIndex, Reader
from surveys.model.responses import Assessment


def is_earlier(candidate: FileSummary, assessment: Assessment) -> bool:
    """Of the same organisation, on the same instrument, dated before `assessment`."""
    return (
        not candidate.error
        and candidate.date is not None
        and comes_before(candidate.organisation, candidate.instrument_id, candidate.date, assessment)
    )


def earlier_assessments(
    index: FolderIndex,
    current: Path,
    assessment: Assessment,
    cancelled: Callable[[], bool] = lambda: False,
    reader: Reader = load_assessment,
) -> list[tuple[Path, Assessment]] | None:
    """Earlier assessments of the same organisation, latest first; None when cancelled.

    The index finds the candidates; only they are read in full.
    """
    found: list[tuple[Path, Assessment]] = []
    candidates = [s for batch in index.scan(cancelled, leave_out=current) for s in batch if is_earlier(s, assessment)]
    if cancelled():
        return None
    for candidate in candidates:
        if cancelled():
            return None
        path = index.folder / candidate.name
        try:
            other = reader(path)
        except ResponseFileError:
            continue
        if comes_before(other.organisation, other.instrument_id, other.date, assessment):  # the file as read now
            found.append((path, other))
    found.sort(key=lambda pair: (pair[1].date, pair[1].updated), reverse=True)
    return found
