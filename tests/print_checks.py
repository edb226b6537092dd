"""Checks of how a workbook prints: words that would break inside, and words split on the printed page.

`broken_words` reads the file: each wrapped cell's longest word against its
column's width (merged cells: the columns they span) and its lines against
its row's height, and each unwrapped text that runs into a filled neighbour. `split_words` reads LibreOffice's PDF
of it: every word printed must be a word the workbook holds, so the halves of
a word broken across lines ("mainstrea", "m") or cut at a cell's edge show.
"""

from __future__ import annotations

import html
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from exports.cells import HEADER, LABEL, NUMBER_HEADER, UPRIGHT_HEADER, WRAPPED
from exports.layout import LINE_HEIGHT, MAX_ROW_HEIGHT, line_count
from exports.text_width import CELL_PADDING, HEADER_PADDING, fits, text_width

BOLD = {HEADER, NUMBER_HEADER, LABEL}
WRAPPING = BOLD | {WRAPPED}
DEFAULT_WIDTH = 8.43
DEFAULT_HEIGHT = 15.0
POINTS_PER_WIDTH = 5.25  # a column-width unit is 7 pixels
_WORD = re.compile(r"[^\W\d_]+")
_FOOTER = re.compile(r"([A-Z][A-Za-z ]+): page \d+ of \d+")


def _widths(ws: Any) -> dict[int, float]:
    out: dict[int, float] = {}
    for dim in ws.column_dimensions.values():
        if dim.width:
            for col in range(dim.min or column_index_from_string(dim.index), (dim.max or dim.min or 0) + 1):
                out[col] = dim.width
    return out


def _spans(ws: Any) -> dict[tuple[int, int], int]:
    return {(r.min_row, r.min_col): r.max_col - r.min_col + 1 for r in ws.merged_cells.ranges}


def broken_words(workbook: Path, sheets: tuple[str, ...] = ()) -> list[str]:
    """Every cell whose words would not fit its column, as "Sheet!A1: text"."""
    wb = load_workbook(workbook)
    found = []
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden" or (sheets and ws.title not in sheets):
            continue
        widths, spans = _widths(ws), _spans(ws)
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str) or not value or cell.data_type == "f":
                    continue
                span = spans.get((cell.row, cell.column), 1)
                width = sum(widths.get(c, DEFAULT_WIDTH) for c in range(cell.column, cell.column + span))
                where = f"{ws.title}!{get_column_letter(cell.column)}{cell.row}: {value[:60]!r}"
                if cell.style == UPRIGHT_HEADER:
                    height = ws.row_dimensions[cell.row].height or DEFAULT_HEIGHT
                    if (text_width(value, bold=True) + HEADER_PADDING) * POINTS_PER_WIDTH > height:
                        found.append(where + " is taller than its row")
                elif cell.style in WRAPPING:
                    if not fits(value, width, cell.style in BOLD):
                        found.append(where)
                    height = ws.row_dimensions[cell.row].height or DEFAULT_HEIGHT
                    lines = line_count(value, width, cell.style in BOLD)
                    if height < min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines):
                        found.append(where + f" needs {lines} lines, its row holds {height / LINE_HEIGHT:.1f}")
                elif "\n" not in value and text_width(value) + CELL_PADDING > width:
                    beside = ws.cell(cell.row, cell.column + span).value
                    if beside not in (None, ""):
                        found.append(where + " runs into the next column")
    return found


def _vocabulary(workbook: Path) -> set[str]:
    words = {"true", "false"}
    with zipfile.ZipFile(workbook) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                text = html.unescape(z.read(name).decode("utf-8", "replace"))
                words.update(w.casefold() for w in _WORD.findall(text))
    return words


def pdf_pages(pdf: Path) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [page for page in done.stdout.split("\f") if page.strip()]


def split_words(workbook: Path, pages: list[str]) -> dict[str, list[str]]:
    """The printed words the workbook does not hold, by sheet: pieces of broken or cut words."""
    known = _vocabulary(workbook)
    found: dict[str, list[str]] = {}
    for page in pages:
        footer = _FOOTER.search(page)
        sheet = footer.group(1) if footer else "?"
        for word in _WORD.findall(page):
            if word.casefold() not in known and word not in found.get(sheet, []):
                found.setdefault(sheet, []).append(word)
    return found
