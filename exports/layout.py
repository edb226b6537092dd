"""How a sheet looks on screen and on paper: widths, frozen panes, tables, printing.

In write-only mode column widths and frozen panes are written before the
first row, so `prepare` must run before anything is appended.
"""

from __future__ import annotations

import warnings
from array import array
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from exports.cells import HEADER, LABEL, NUMBER_HEADER, WRAPPED, text
from exports.text_width import HEADER_PADDING, padding, text_width, width_for

A4 = 9
DEFAULT_WIDTH = 8.43
MAX_ROW_HEIGHT = 409  # points: Excel's limit
LINE_HEIGHT = 15  # points per line of 11-point text
WIDEST_LETTER = 1.8  # in column-width units: a bold "W"; a text this many times its length always fits
WRAPPING = frozenset({WRAPPED, HEADER, NUMBER_HEADER, LABEL})
PIXELS_PER_CM = 96 / 2.54
POINTS_PER_CM = 72 / 2.54
# The width A4 landscape prints between 0.5-inch margins, in column-width units at 100%.
PRINT_WIDTH = 27.16 / 0.02646 / 7


def fit_words(widths: Sequence[float], *rows: Sequence[str | None], bold: bool = True) -> list[float]:
    """`widths`, each widened where needed so that no word of the text in its column (a header row, say) breaks."""
    out = list(widths)
    for row in rows:
        for index, value in enumerate(row[: len(out)]):
            if value:
                out[index] = width_for([value], out[index], bold)
    return out


def fit_column(widths: Sequence[float], index: int, values: Sequence[str], bold: bool = False) -> list[float]:
    """`widths` with the column at `index` wide enough for every word of `values` (what the instrument writes there)."""
    out = list(widths)
    out[index] = width_for(values, out[index], bold)
    return out


def prepare(
    ws: Any,
    widths: Sequence[float],
    freeze: str | None = None,
    title_rows: str | None = None,
    fit_width: bool = True,
) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    if freeze is not None:
        ws.freeze_panes = freeze
    if title_rows is not None:
        ws.print_title_rows = title_rows
    print_landscape(ws, fit_width)


def print_landscape(ws: Any, fit_width: bool = True) -> None:
    """A4 landscape; one page wide and as many pages tall as it takes, unless too wide to read so."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = A4
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddFooter.center.text = "&A: page &P of &N"


def head_pages(ws: Any, who: str, when: str) -> None:
    """Organisation and date on every printed page, so a loose page still says whose it is."""
    ws.oddHeader.left.text = _literal(who)
    ws.oddHeader.right.text = _literal(when)
    ws.oddFooter.left.text = _literal(who)
    ws.oddFooter.right.text = _literal(when)


def plain_words(value: str, limit: int = 80) -> str:
    """Text for places that cannot escape (headers, footers, document properties): printable, one line."""
    kept = "".join(c if c.isprintable() else " " for c in value)
    return " ".join(kept.split())[:limit]


def _literal(value: str) -> str:
    # "&" starts a code in a header or footer; "&&" prints one ampersand.
    return plain_words(value).replace("&", "&&")


def break_before(ws: Any, row: int) -> None:
    """A page break above `row`, so a chart anchored there starts a page and is never cut in two."""
    if row > 1:
        ws.row_breaks.append(Break(id=row - 1))


def column_at(widths: Sequence[float], cm: float) -> str:
    """The letter of the first column whose left edge is at least `cm` from the sheet's left edge."""
    left = 0.0
    for index, width in enumerate(widths, start=1):
        if left >= cm:
            return str(get_column_letter(index))
        left += (width * 7 + 5) / PIXELS_PER_CM
    return str(get_column_letter(len(widths) + 1))


def rows_for(cm: float) -> int:
    """Rows of the ordinary height a chart `cm` tall covers, with a row to spare below it."""
    return int(cm * POINTS_PER_CM / LINE_HEIGHT) + 2


def chart_page(rows: Rows) -> int:
    """Start a page for charts; the row to anchor them at.

    The anchor is a row below the break: a chart whose top lies on a break
    prints its top edge as a hairline at the foot of the page before.
    """
    rows.skip()
    start = rows.row + 1
    break_before(rows.ws, start)
    rows.skip()
    return start + 1


def print_scale(widths: Sequence[float]) -> float:
    """Roughly the scale fit-to-width prints at: 1.0 when the columns fit A4 landscape."""
    used = sum(width * 7 + 5 for width in widths) / 7
    return min(1.0, PRINT_WIDTH / used) if used else 1.0


def add_table(ws: Any, name: str, columns: Sequence[str], first_row: int, last_row: int) -> Table:
    """An Excel Table with filter buttons over rows already written (header at `first_row`)."""
    last_row = max(last_row, first_row + 1)  # a Table needs a data row, even an empty one
    ref = f"A{first_row}:{get_column_letter(len(columns))}{last_row}"
    table = Table(displayName=name, ref=ref)
    # Write-only sheets cannot be read back, so the columns are named here.
    table.tableColumns = [TableColumn(id=i, name=n) for i, n in enumerate(columns, start=1)]
    table.autoFilter = AutoFilter(ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns that write-only tables need named columns: they have them
        ws.add_table(table)
    return table


def unique_names(names: Sequence[str]) -> list[str]:
    """Table column names must differ (ignoring case) and cannot hold line breaks."""
    seen: set[str] = set()
    out = []
    for raw in names:
        name = " ".join(raw.split()) or "Column"
        candidate, n = name, 2
        while candidate.casefold() in seen:
            candidate, n = f"{name} ({n})", n + 1
        seen.add(candidate.casefold())
        out.append(candidate)
    return out


class Rows:
    """Appends rows, gives wrapped text the height it needs, and knows the last row's number.

    Calc and Excel do not grow a row to fit wrapped text written this way, so
    the height is estimated from the text and the column's width.
    """

    def __init__(self, ws: Any, widths: Sequence[float], fit_heights: bool = True) -> None:
        self.ws = ws
        self.widths = list(widths)
        self.fit_heights = fit_heights
        self.row = 0
        # Points from the top of the sheet to each row's top: eight bytes a row on sheets of many thousands.
        self._tops = array("d", [0.0])

    def add(self, values: Sequence[Any] = (), height: float | None = None) -> int:
        """Append a row; `height` in points when the caller knows it (formulas carry no text to measure)."""
        self.row += 1
        if height is None and self.fit_heights:
            height = self._height(values)
        self._tops.append(self._tops[-1] + (height or LINE_HEIGHT))
        if height:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(list(values))
        if height:
            del self.ws.row_dimensions[self.row]  # already written: keep memory flat on long sheets
        return self.row

    def prose(self, value: str, span: int | None = None) -> int:
        """A paragraph across the first `span` columns (all of them by default), merged so it wraps at their width."""
        span = span or len(self.widths)
        width = sum(self.widths[:span])
        lines = line_count(value, width)
        # The height is the merged width's, never the first column's alone (which would pad the row to lines unused).
        row = self.add([text(self.ws, value, WRAPPED)], height=LINE_HEIGHT * lines + 3 if lines > 1 else LINE_HEIGHT)
        if span > 1:
            self.ws.merged_cells.add(f"A{row}:{get_column_letter(span)}{row}")
        return row

    def beside(self, label: Any, value: str) -> int:
        """A label in the first column and a paragraph merged across the rest, so it wraps at their width."""
        lines = line_count(value, sum(self.widths[1:]))
        row = self.add(
            [label, text(self.ws, value, WRAPPED)], height=LINE_HEIGHT * lines + 3 if lines > 1 else LINE_HEIGHT
        )
        if len(self.widths) > 2:
            self.ws.merged_cells.add(f"B{row}:{get_column_letter(len(self.widths))}{row}")
        return row

    def height_since(self, row: int) -> float:
        """Points from the top of `row` to the bottom of the last row written."""
        return self._tops[-1] - self._tops[row - 1] if row <= self.row else 0.0

    def skip(self, count: int = 1) -> None:
        for _ in range(count):
            self.add()

    def _height(self, values: Sequence[Any]) -> float | None:
        lines = 1
        for index, value in enumerate(values):
            if not isinstance(value, Cell) or not isinstance(value.value, str) or value.data_type == "f":
                continue
            width = self.widths[index] if index < len(self.widths) else DEFAULT_WIDTH
            if len(value.value) * WIDEST_LETTER <= width - HEADER_PADDING and "\n" not in value.value:
                continue  # fits on one line whatever its letters and style: no need to look the style up
            style = value.style
            if style in WRAPPING:
                lines = max(lines, line_count(value.value, width, style != WRAPPED))
        return min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 3) if lines > 1 else None


# Bounded: merged plans repeat the same suggested titles and measures in every file.
@lru_cache(maxsize=4096)
def line_count(value: str, width: float, bold: bool = False) -> int:
    """Lines `value` takes when wrapped at word breaks in a column `width` wide, measured in the font's widths.

    Counting characters undercounts a line of wide letters, and a row given too few lines is
    printed cut at its foot: each word is measured, against the width less the cell's padding.
    """
    room = max(1.0, width - padding(bold))
    space = text_width(" ", bold)
    lines = 0
    for paragraph in value.split("\n"):
        used = -space  # no space before the first word
        lines += 1
        for word in paragraph.split():
            wide = text_width(word, bold)
            if used + space + wide <= room:
                used += space + wide
                continue
            if used > 0:
                lines += 1
            broken = int(wide // room)  # a word longer than the line breaks inside
            lines += broken - (1 if broken and wide % room == 0 else 0)
            used = wide - room * broken if wide > room else wide
    return lines
