"""Cells that hold exactly what they were given: text as text, dates as dates.

openpyxl turns a string starting with "=" into a formula and one equal to an
error code ("#N/A") into an error, and XML cannot carry most control
characters or keep a carriage return. Every string in the workbook goes
through `text()`, so a note or a lead's name is stored as the literal text
the user typed, whatever it starts with.

Excel reads `_xHHHH_` inside a string as an escaped character, so characters
XML cannot hold are written that way, and a literal `_xHHHH_` has its
underscore escaped; Excel and Calc then show the original text.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.workbook import Workbook

from surveys.model.limits import date_in_range

EXCEL_CELL_LIMIT = 32767
# Characters a spreadsheet program may read as the start of a formula if the
# text is ever re-entered or saved as CSV; such cells also get a quote prefix.
FORMULA_LEADERS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b\x0c\r\x0e-\x1f\ufffe\uffff]")
_UNESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")

# Named styles: registered once per workbook, set on cells by name.
HEADER = "stick header"
TITLE = "stick title"
HEADING = "stick heading"
WRAPPED = "stick wrapped"
DATE = "stick date"
FACT_DATE = "stick fact date"  # a date beside a label, read as text is: left-aligned
FACT_DATETIME = "stick fact datetime"
DATETIME = "stick datetime"
SCORE = "stick score"
PERCENT = "stick percent"
LABEL = "stick label"
COUNT = "stick count"
COUNT_UNDER_TEXT = "stick count under text"  # a total at the foot of a column of names: aligned with them
CHANGE = "stick change"
NUMBER_HEADER = "stick number header"  # over a column of numbers or dates: aligned with them
BOOLEAN = "stick boolean"
TOP = "stick top"  # short text that never wraps, still top-aligned beside wrapped cells
UPRIGHT_HEADER = "stick upright header"  # a header turned to read upwards, over a narrow column of figures
# A boolean prints TRUE or FALSE in every program: Calc shows a bare one as 0 or 1 by its format.
BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"'


# Each workbook's named styles by name, as style arrays. `cell.style = name`
# searches the workbook's list of styles by name for every cell (about 3 us,
# some 7% of a 1,000-file export); a cell built from the registered style's
# array is the same cell for a third of the cost. The arrays, not the
# NamedStyle objects, are kept: those refer back to their workbook and would
# keep every exported workbook alive.
_REGISTERED: weakref.WeakKeyDictionary[Workbook, dict[str, StyleArray]] = weakref.WeakKeyDictionary()


def _escaped(match: re.Match[str]) -> str:
    found = match.group(0)
    if len(found) == 1:
        return f"_x{ord(found):04X}_"
    return "_x005F" + found  # "_x005F_" is an escaped underscore


def excel_text(value: str) -> str:
    """The string to store so that Excel shows `value`; cut to Excel's limit per cell."""
    if _ESCAPE.search(value) is None:
        stored = value[:EXCEL_CELL_LIMIT]
    else:
        stored = _ESCAPE.sub(_escaped, value)
        while len(stored) > EXCEL_CELL_LIMIT:  # cut the text, never an escape in half
            value = value[: min(len(value) - 1, len(value) * EXCEL_CELL_LIMIT // len(stored))]
            stored = _ESCAPE.sub(_escaped, value)
    if stored.isspace():
        # openpyxl marks whitespace to be kept only around other text; Excel would drop it.
        stored = f"_x{ord(stored[0]):04X}_" + stored[1:]
    return stored


def shown_text(stored: str) -> str:
    """What Excel shows for a stored string: the inverse of `excel_text`."""
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1), 16)), stored)


def text(ws: Any, value: str, style: str | None = None) -> Any:
    """A cell value for `ws.append` that is always stored as literal text."""
    stored = excel_text(value)
    risky = stored.startswith(FORMULA_LEADERS) or value.startswith(FORMULA_LEADERS)
    if style is None and not risky and stored not in ERROR_CODES:
        # A plain str is stored as text by openpyxl unless it starts with "="
        # or is an error code; skipping the cell object keeps big sheets fast.
        return stored
    cell = _cell(ws, style)
    cell.value = stored
    cell.data_type = "s"
    if risky:
        cell.quotePrefix = True
    return cell


def styled(ws: Any, value: float | int | date | datetime | None, style: str) -> Any:
    """A number or date cell with a named style; None stays an empty cell."""
    if value is None:
        return None
    if isinstance(value, date) and not date_in_range(value):
        # Excel would show a negative serial as ##### or another day: the date as written.
        return text(ws, value.isoformat(), style)
    if isinstance(value, datetime) and value.tzinfo is not None:
        # Excel has no time zones: keep the wall-clock time the person saw.
        value = value.replace(tzinfo=None)
    cell = _cell(ws, style)
    cell.value = value  # after the style, so a date keeps the style's date format
    return cell


def _cell(ws: Any, style: str | None) -> Cell:
    """A write-only cell (row and column are set when it is appended) with a named style."""
    if style is None:
        return Cell(ws, 1, 1)
    array = _REGISTERED.get(ws.parent, {}).get(style)
    if array is None:  # a style this module did not register: let openpyxl look it up
        cell = Cell(ws, 1, 1)
        cell.style = style
        return cell
    return Cell(ws, 1, 1, style_array=array)  # the array is copied, never shared


def register_styles(wb: Workbook) -> None:
    # Numbers and dates are right-aligned, and so is the header over them, so a
    # figure always sits under its own header; every cell is top-aligned, so a
    # row reads as one line even where a neighbour wraps.
    top = Alignment(vertical="top")
    right = Alignment(horizontal="right", vertical="top")
    left = Alignment(horizontal="left", vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    # Every style names its font: without one Calc falls back to a serif face.
    plain = Font(name="Calibri", size=11)
    bold = Font(name="Calibri", size=11, bold=True)
    styles = [
        NamedStyle(
            HEADER,
            font=Font(name="Calibri", size=11, bold=True, color="FFFFFF"),
            alignment=wrap,
            fill=PatternFill("solid", fgColor="1F4E78"),
        ),
        NamedStyle(
            NUMBER_HEADER,
            font=Font(name="Calibri", size=11, bold=True, color="FFFFFF"),
            alignment=Alignment(horizontal="right", wrap_text=True, vertical="top"),
            fill=PatternFill("solid", fgColor="1F4E78"),
        ),
        NamedStyle(TITLE, font=Font(name="Calibri", bold=True, size=16, color="1F4E78"), alignment=top),
        NamedStyle(HEADING, font=Font(name="Calibri", bold=True, size=12, color="1F4E78"), alignment=top),
        NamedStyle(LABEL, font=bold, alignment=wrap),
        NamedStyle(WRAPPED, font=plain, alignment=wrap),
        NamedStyle(DATE, font=plain, number_format="yyyy-mm-dd", alignment=right),
        NamedStyle(FACT_DATE, font=plain, number_format="yyyy-mm-dd", alignment=left),
        NamedStyle(FACT_DATETIME, font=plain, number_format="yyyy-mm-dd hh:mm", alignment=left),
        NamedStyle(DATETIME, font=plain, number_format="yyyy-mm-dd hh:mm", alignment=right),
        NamedStyle(SCORE, font=plain, number_format="0.0", alignment=right),
        NamedStyle(PERCENT, font=plain, number_format="0%", alignment=right),
        NamedStyle(COUNT, font=plain, number_format="0", alignment=right),
        NamedStyle(COUNT_UNDER_TEXT, font=bold, number_format="0", alignment=left),
        NamedStyle(CHANGE, font=plain, number_format="+0.0;-0.0;0.0", alignment=right),
        NamedStyle(
            BOOLEAN,
            font=plain,
            number_format=BOOLEAN_FORMAT,
            alignment=Alignment(horizontal="center", vertical="top"),
        ),
        NamedStyle(
            UPRIGHT_HEADER,
            font=Font(name="Calibri", size=11, bold=True, color="FFFFFF"),
            alignment=Alignment(horizontal="center", vertical="bottom", text_rotation=90),
            fill=PatternFill("solid", fgColor="1F4E78"),
        ),
        NamedStyle(TOP, font=plain, alignment=top),
    ]
    for style in styles:
        wb.add_named_style(style)
    _REGISTERED[wb] = {style.name: style.as_tuple() for style in styles}


def header_row(ws: Any, names: Sequence[str], numbers: Collection[int] = ()) -> list[Any]:
    """Header cells; the columns at `numbers` (0-based) hold figures, so their headers align right."""
    return [text(ws, name, NUMBER_HEADER if index in numbers else HEADER) for index, name in enumerate(names)]


def formula(ws: Any, expression: str, style: str | None = None) -> Cell:
    """A live formula cell. Only this package's own expressions come here, never a user's text:
    they refer to cells (which may hold user text, read as a value) and to constants."""
    if not expression.startswith("="):
        raise ValueError("a formula starts with '='")
    cell = _cell(ws, style)
    cell.value = expression
    return cell


def flag(ws: Any, value: bool | None) -> Any:
    """A real boolean, centred and top-aligned; None stays empty."""
    if value is None:
        return None
    cell = _cell(ws, BOOLEAN)
    cell.value = value
    return cell


def blank(ws: Any, style: str) -> Cell:
    """An empty cell that already has a style: what a planner types there is wrapped, or read as a date."""
    return _cell(ws, style)
