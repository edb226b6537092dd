"""The export's floor: a bare write-only openpyxl script writing the same cells.

    python benchmarks/export_floor.py prepare OURS.xlsx CELLS.pickle   # untimed: what to write
    python benchmarks/export_floor.py write CELLS.pickle OUT.xlsx      # timed as a whole process

The timed run is a whole process, like `stick export`: Python's start, the
openpyxl import and the writing, with no styles, charts, tables or
validations: the least any workbook of those cells can cost. What it does not
do is read and score the assessments, which is part of our export's work.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path


def prepare(ours: Path, cells: Path) -> None:
    from openpyxl import load_workbook

    source = load_workbook(ours, read_only=True)
    sheets = [(ws.title, [tuple(row) for row in ws.iter_rows(values_only=True)]) for ws in source]
    source.close()
    cells.write_bytes(pickle.dumps(sheets, protocol=pickle.HIGHEST_PROTOCOL))


def write(cells: Path, out: Path) -> None:
    from openpyxl import Workbook

    sheets = pickle.loads(cells.read_bytes())
    book = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(out)


if __name__ == "__main__":
    verb, first, second = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    prepare(first, second) if verb == "prepare" else write(first, second)
