"""The response folder as the app sees it: Home's rows and the earlier assessments to compare.

Both come from the folder index (surveys/folder_index.py), which reads only
the files that changed since the last look; the screens call these from a
worker thread, and nothing here touches Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from surveys.earlier_file import earlier_assessments as _earlier
from surveys.folder_index import FileSummary, FolderIndex

if TYPE_CHECKING:
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
    finished: bool = False
    dont_know: int = 0
    reviews: tuple[dt.date, ...] = ()  # the review dates of the priorities still under way


def _summary(folder: Path, s: FileSummary) -> Summary:
    modified = datetime.fromtimestamp(s.mtime_ns / 1e9).astimezone()
    if s.error:
        return Summary(folder / s.name, modified, error=s.error)
    return Summary(
        folder / s.name,
        modified,
        s.organisation,
        s.respondent,
        s.date,
        s.percent,
        finished=s.finished,
        dont_know=s.dont_know,
        reviews=s.reviews,
    )


def summary_batches(
    folder: Path,
    explicit_instrument: Path | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    cache_dir: Path | None = None,
) -> Iterator[list[Summary]]:
    """Every assessment in the folder, newest change first, a batch at a time as they are read."""
    index = FolderIndex(folder, instrument=explicit_instrument, cache_dir=cache_dir)
    for batch in index.scan(cancelled):
        yield [_summary(folder, s) for s in batch]


def newest_rows(folder: Path, explicit_instrument: Path | None = None, cache_dir: Path | None = None) -> list[Summary]:
    """The newest rows as the last reading left them, still as they are on disk: for Home's first frame."""
    index = FolderIndex(folder, instrument=explicit_instrument, cache_dir=cache_dir)
    return [_summary(folder, s) for s in index.head()]


def summaries(folder: Path, explicit_instrument: Path | None = None, cache_dir: Path | None = None) -> list[Summary]:
    """Every assessment in the folder, newest change first."""
    return [s for batch in summary_batches(folder, explicit_instrument, cache_dir=cache_dir) for s in batch]


def earlier_assessments(
    folder: Path,
    current: Path,
    assessment: Assessment,
    explicit_instrument: Path | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    cache_dir: Path | None = None,
) -> list[tuple[Path, Assessment]] | None:
    """Assessments of the same organisation, same instrument, with an earlier date: latest first.

    The one the file names as the one it follows (next year's review) comes first.

    None when cancelled before the answer was known.
    """
    index = FolderIndex(folder, instrument=explicit_instrument, cache_dir=cache_dir)
    return _earlier(index, current, assessment, cancelled)
