"""The export's floor: a bare write-only openpyxl script writing the same cells.

    python benchmarks/export_floor.py OURS.xlsx OUT.xlsx

It first reads every cell value of our workbook (not timed), then writes them
all again in write-only mode, and prints the seconds the writing took. No
styles, charts, tables or validations: the least any workbook of those cells
can cost.
"""

from __future__ import annotations

import sys
import time

from openpyxl import Workbook, load_workbook


def main() -> None:
    ours, out = sys.argv[1], sys.argv[2]
    source = load_workbook(ours, read_only=True)
    sheets = [(ws.title, [tuple(c for c in row) for row in ws.iter_rows(values_only=True)]) for ws in source]
    source.close()
    start = time.perf_counter()
    book = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(out)
    print(f"{time.perf_counter() - start:.4f}")


if __name__ == "__main__":
    main()
