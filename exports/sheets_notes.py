"""The Notes sheet: the whole of any text too long for its cell elsewhere.

A cell holds at most 32,767 characters and a row at most 409 points, so a
long note would otherwise be cut, or hidden below its row, without a word.
Such a cell now shows its start and says where the rest is; here the full
text is split into parts that each fit one row, in order.
"""

from __future__ import annotations

from typing import Any

from exports.cells import COUNT, EXCEL_CELL_LIMIT, TOP, WRAPPED, excel_text, header_row, styled, text
from exports.layout import LINE_HEIGHT, MAX_ROW_HEIGHT, Rows, add_table, line_count, prepare

COLUMNS = ["No.", "Respondent", "Question ID", "Part", "Text"]
WIDTHS = [5, 16, 14, 6, 100]
SHOWN_WIDTH = 26  # the narrowest column that holds user text on Responses
PART_CHARS = 2400  # about 22 lines of the Text column: one part always fits its row
_LINES = (MAX_ROW_HEIGHT - 3) // LINE_HEIGHT


def _fits(value: str, wrapped: bool) -> bool:
    if len(excel_text(value)) >= EXCEL_CELL_LIMIT:
        return False
    return not wrapped or line_count(value, SHOWN_WIDTH) <= _LINES


def _start(value: str, room: int) -> str:
    cut = value[:room]
    space = cut.rfind(" ")
    return cut[:space] if space > room // 2 else cut


def parts(value: str) -> list[str]:
    out = []
    while value:
        piece = _start(value, PART_CHARS) if len(value) > PART_CHARS else value
        out.append(piece)
        value = value[len(piece) :]
    return out


class NotesSheet:
    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.rows: Rows | None = None

    @property
    def used(self) -> bool:
        return self.rows is not None

    def shown(self, no: int, respondent: str, qid: str, value: str, wrapped: bool) -> str:
        """What the cell shows: `value` itself when it fits, else its start and where the rest is."""
        if _fits(value, wrapped):
            return value
        first = self._add(no, respondent, qid, value)
        room = 600 if wrapped else EXCEL_CELL_LIMIT // 2
        whole = f"the whole text ({len(value):,} characters) is on the Notes sheet from row {first}"
        return f"{_start(value, room)} [cut here: {whole}]"

    def _add(self, no: int, respondent: str, qid: str, value: str) -> int:
        ws = self.ws
        if self.rows is None:
            prepare(ws, WIDTHS, freeze="A2", title_rows="1:1")
            self.rows = Rows(ws, WIDTHS)
            self.rows.add(header_row(ws, COLUMNS, numbers={0, 3}))
        first = self.rows.row + 1
        for number, piece in enumerate(parts(value), start=1):
            self.rows.add(
                [
                    styled(ws, no, COUNT),
                    text(ws, respondent, WRAPPED),
                    text(ws, qid, TOP),
                    styled(ws, number, COUNT),
                    text(ws, piece, WRAPPED),
                ]
            )
        return first

    def finish(self) -> None:
        if self.rows is not None:
            add_table(self.ws, "Notes", COLUMNS, 1, self.rows.row)
