"""The response folder as the app sees it: Home's rows and the earlier assessments to compare.

Both come from the folder index (surveys/folders/folder_index.py), which reads only
the files that changed since the last look; the screens call these from a
worker thread, and nothing here touches Textual.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from surveys.folders.earlier_file import earlier_assessments as _earlier
from surveys.folders.file_summary import FileSummary
from surveys.folders.folder_index import FolderIndex

if TYPE_CHECKING:
    from surveys.model.responses import Assessment


class Summary:
    """One of Home's rows: a file's facts from the folder index, its path and time of change.

    Home makes 10,000 of these as a folder is read: the path and the local time of change
    (a Path, and a time zone looked up) are made when first asked for, which is only for
    the rows drawn, sorted by or opened. Treated as immutable.
    """

    __slots__ = (
        "_folder",
        "_modified",
        "_mtime_ns",
        "_name",
        "_path",
        "date",
        "dont_know",
        "error",
        "finished",
        "organisation",
        "percent",
        "respondent",
        "reviews",
    )

    def __init__(
        self,
        path: Path,
        modified: datetime,
        organisation: str = "",
        respondent: str = "",
        date: date | None = None,
        percent: int | None = None,  # None when the instrument cannot be found
        error: str = "",
        finished: bool = False,
        dont_know: int = 0,
        reviews: tuple[dt.date, ...] = (),  # the review dates of the priorities still under way
    ) -> None:
        self._folder, self._name, self._mtime_ns = path.parent, path.name, 0
        self._path: Path | None = path
        self._modified: datetime | None = modified
        self.organisation = organisation
        self.respondent = respondent
        self.date = date
        self.percent = percent
        self.error = error
        self.finished = finished
        self.dont_know = dont_know
        self.reviews = reviews

    @classmethod
    def of(cls, folder: Path, s: FileSummary) -> Summary:
        """The row of a file the index summarised (an unreadable file's facts are all empty there)."""
        row = cls.__new__(cls)
        row._folder, row._name, row._mtime_ns, row._path, row._modified = folder, s.name, s.mtime_ns, None, None
        row.organisation, row.respondent, row.date, row.percent = s.organisation, s.respondent, s.date, s.percent
        row.error, row.finished, row.dont_know, row.reviews = s.error, s.finished, s.dont_know, s.reviews
        return row

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = self._folder / self._name
        return self._path

    @property
    def name(self) -> str:
        """The file's name, without making its path."""
        return self._name

    @property
    def modified(self) -> datetime:
        if self._modified is None:
            self._modified = datetime.fromtimestamp(self._mtime_ns / 1e9).astimezone()
        return self._modified

    def changed(self, form: str) -> str:
        """The local time of the last change in strftime's `form`, without making a datetime for it."""
        if self._modified is not None:
            return self._modified.strftime(form)
        return time.strftime(form, time.localtime(self._mtime_ns // 1_000_000_000))

    def at(self, path: Path) -> Summary:
        """The same row for its file, now at `path` (put back from the archive under another name)."""
        return Summary(
            path,
            self.modified,
            self.organisation,
            self.respondent,
            self.date,
            self.percent,
            self.error,
            self.finished,
            self.dont_know,
            self.reviews,
        )

    def __repr__(self) -> str:
        return f"Summary({self.path!r}, {self.organisation!r}, {self.respondent!r}, error={self.error!r})"


def summary_batches(
    folder: Path,
    explicit_instrument: Path | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    cache_dir: Path | None = None,
) -> Iterator[list[Summary]]:
    """Every assessment in the folder, newest change first, a batch at a time as they are read."""
    index = FolderIndex(folder, instrument=explicit_instrument, cache_dir=cache_dir)
    for batch in index.scan(cancelled):
        yield [Summary.of(folder, s) for s in batch]


def newest_rows(folder: Path, explicit_instrument: Path | None = None, cache_dir: Path | None = None) -> list[Summary]:
    """The newest rows as the last reading left them, still as they are on disk: for Home's first frame."""
    index = FolderIndex(folder, instrument=explicit_instrument, cache_dir=cache_dir)
    return [Summary.of(folder, s) for s in index.head()]


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
