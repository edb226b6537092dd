"""Home's rows as text, and the orders and filter that choose which rows show where.

Plain functions over the folder's summaries, with no Textual in them, so the
words and the orders are tested on their own. The facts come from the engine
(finished and the don't-know count from the folder index, reviews due from
surveys.model.review_dates); this module only words them for a table's cells.

Filtering 10,000 rows happens on every key typed, so each row's search text
and each order are worked out once; a key then costs one pass of `in` over
the rows in the order already made.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from surveys.model.review_dates import reviews_due
from surveys.terminal_text import terminal_safe

if TYPE_CHECKING:
    from tui.app.folder import Summary

COLUMNS = ("Organisation", "Respondent", "Date", "Done", "Reviews", "Last change")
ORGANISATION, RESPONDENT, DATE, DONE, REVIEWS, CHANGED = range(len(COLUMNS))
FLEXIBLE = (ORGANISATION, RESPONDENT)  # the columns that give up width to fit the screen, first first
# From this width of table on, "complete, 2 don't know" and the time of the last change fit beside the
# names; below it (80 columns) a row says "complete" and the day, and the names keep their room.
WIDE = 100
MARK = " ↓"  # after the header of the column the rows are sorted by


class Sort(NamedTuple):
    words: str  # as Home's top line says it
    column: int  # the column whose header is marked


SORTS = (
    Sort("newest change first", CHANGED),
    Sort("by organisation", ORGANISATION),
    Sort("by date, newest first", DATE),
    Sort("by progress, least done first", DONE),
)


def done_words(item: Summary, wide: bool) -> str:
    if item.error:
        return ""
    if item.percent is None:
        return "?"  # its instrument cannot be found, so neither can how far it got
    if not item.finished:
        return f"{item.percent}%"
    if item.dont_know and wide:
        return f"complete, {item.dont_know} don't know"
    return "complete"


def due_words(item: Summary, today: date) -> str:
    """A word, not a colour, so a terminal without colour (NO_COLOR) shows it too."""
    due = reviews_due(item.reviews, today) if item.reviews else 0
    return f"{due} due" if due else ""


def cells(item: Summary, today: date, wide: bool) -> tuple[str, ...]:
    changed = item.changed("%Y-%m-%d %H:%M" if wide else "%Y-%m-%d")
    if item.error:
        return (terminal_safe(f"(cannot read) {item.name}"), "", "", "", "", changed)
    return (
        terminal_safe(item.organisation),
        terminal_safe(item.respondent),
        item.date.isoformat() if item.date else "",
        done_words(item, wide),
        due_words(item, today),
        changed,
    )


def search_text(item: Summary) -> str:
    """What a filter looks in: organisation, respondent and file name, as one case-free text."""
    return "\n".join((item.organisation, item.respondent, item.name)).casefold()


def _by_organisation(item: Summary) -> tuple[object, ...]:
    return (bool(item.error), " ".join(item.organisation.split()).casefold(), -_day(item), item.respondent.casefold())


def _by_date(item: Summary) -> tuple[object, ...]:
    return (bool(item.error), -_day(item))


def _by_progress(item: Summary) -> tuple[object, ...]:
    unknown = bool(item.error) or item.percent is None
    return (unknown, item.finished, item.percent or 0)


def _day(item: Summary) -> int:
    return item.date.toordinal() if item.date else 0


_KEYS = (None, _by_organisation, _by_date, _by_progress)


def order(items: Sequence[Summary], sort: int) -> list[int] | None:
    """The rows' places in `sort`; None for the folder's own order (newest change first).

    Ties keep the folder's order, so rows of one organisation stand newest change first.
    """
    key = _KEYS[sort]
    if key is None:
        return None
    return sorted(range(len(items)), key=lambda i: key(items[i]))


def matching(placed: list[int] | None, count: int, texts: Sequence[str], needle: str) -> list[int] | None:
    """The rows of `placed` (or all `count`, in order) whose text holds `needle`; None for all of them."""
    wanted = needle.strip().casefold()
    if not wanted:
        return placed
    rows = placed if placed is not None else range(count)
    return [i for i in rows if wanted in texts[i]]


class HomeList:
    """The folder's summaries in the folder's order, and the view a sort and a filter make of them."""

    def __init__(self) -> None:
        self.items: list[Summary] = []
        self.texts: list[str] = []
        self.sort = 0
        self.needle = ""
        self._placed: list[int] | None = None
        self._stale = False

    def clear(self) -> None:
        self.items, self.texts = [], []
        self._stale = True

    def extend(self, batch: Sequence[Summary]) -> None:
        self.items.extend(batch)
        self.texts.extend(search_text(item) for item in batch)
        self._stale = self._stale or (bool(batch) and self.sort != 0)

    def place_of(self, wanted: Summary) -> int | None:
        """Where `wanted` is now: the same summary, or (read again since) the same file."""
        for i, item in enumerate(self.items):
            if item is wanted:
                return i
        return next((i for i, item in enumerate(self.items) if item.path == wanted.path), None)

    def remove(self, index: int) -> Summary:
        del self.texts[index]
        self._stale = True
        return self.items.pop(index)

    def insert(self, index: int, item: Summary) -> int:
        index = max(0, min(index, len(self.items)))
        self.items.insert(index, item)
        self.texts.insert(index, search_text(item))
        self._stale = True
        return index

    def sort_by(self, sort: int) -> None:
        self.sort = sort % len(SORTS)
        self._stale = True

    def view(self) -> list[int] | None:
        """The rows to show, in order (None: every row, in the folder's order)."""
        if self._stale:
            self._placed = order(self.items, self.sort)
            self._stale = False
        return matching(self._placed, len(self.items), self.texts, self.needle)


def where_words(folder: str, count: int, shown: int, listed: bool, rows: HomeList) -> str:
    """Home's top line: where the rows come from, how many (so far, while the folder is read), their order."""
    place = terminal_safe(folder)
    if not listed:
        so_far = f": {count:,} so far" if count else ""
        return f"Reading the assessments in {place}{so_far}…"
    noun = "assessment" if count == 1 else "assessments"
    order = SORTS[rows.sort].words
    needle = rows.needle.strip()
    if needle:
        return f"{shown:,} of {count:,} {noun} match “{terminal_safe(needle)}”, {order} (esc shows all)"
    return f"{count:,} {noun} in {place}, {order}"
