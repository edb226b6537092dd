"""A workbook as plain lines (each cell's value, type and number format, each row's height), for pinning.

The export's folders are built with a fixed clock, and the About sheet's
"exported at" is the one moment left out, so the same files give the same lines.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook


def sheet_lines(ws: Any) -> Iterator[str]:
    yield f"{ws.dimensions} merged {sorted(str(r) for r in ws.merged_cells.ranges)}"
    for row in ws.iter_rows():
        number = row[0].row
        height = ws.row_dimensions[number].height if number in ws.row_dimensions else None
        cells = []
        for cell in row:
            value = cell.value
            if ws.title == "About" and isinstance(value, datetime):
                value = "(exported at)"
            if value is not None or cell.number_format != "General":
                cells.append(f"{cell.column}:{type(value).__name__}:{value!r}:{cell.number_format}")
        yield f"{number} h={height} " + " | ".join(cells)


def dump(workbook: Path) -> dict[str, list[str]]:
    """Each sheet's lines, by sheet name in workbook order."""
    wb = load_workbook(workbook)
    return {ws.title: list(sheet_lines(ws)) for ws in wb.worksheets}


def digests(workbook: Path) -> dict[str, str]:
    """Each sheet's lines as one SHA-256, by sheet name in workbook order."""
    return {name: hashlib.sha256("\n".join(text).encode("utf-8")).hexdigest() for name, text in dump(workbook).items()}
