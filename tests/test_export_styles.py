"""Every cell keeps its look: named style, number format, wrapping and the quote prefix, read back."""

from __future__ import annotations

import gc
import weakref
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, NamedStyle

from exports.cells import (
    BOOLEAN,
    COUNT,
    DATE,
    DATETIME,
    HEADER,
    NUMBER_HEADER,
    PERCENT,
    SCORE,
    WRAPPED,
    register_styles,
    styled,
    text,
)
from exports.merge import InstrumentCache, open_one
from exports.sheets_notes import NotesSheet
from exports.sheets_responses import ResponsesSheet
from exports.workbook import export_workbook
from surveys.instruments.instrument_file import builtin_instrument
from surveys.model.responses import Priority
from tests.export_helpers import make

PLAN = Priority(
    area="data",
    title="Record ethnicity",
    lead="=1+1",
    function="health-improvement",
    target=date(2026, 9, 30),
    measure="Reaches step 3",
)


def _row_of(ws: Any, column: int, value: Any) -> tuple[Any, ...]:
    return next(row for row in ws.iter_rows() if row[column].value == value)


def test_a_merged_export_reads_back_with_its_styles(tmp_path: Path) -> None:
    first = make(tmp_path, "a.toml", respondent="Ann", priorities=[PLAN], notes={"lead-board": "-minus"})
    second = make(tmp_path, "b.toml", respondent="Bob")
    out = tmp_path / "styled.xlsx"
    export_workbook([first, second], out)
    wb = load_workbook(out)

    responses = wb["Responses"]
    header = responses[1]
    numbers = {"No.", "Option", "Step", "Answered at"}
    assert {c.value: c.style for c in header} == {
        c.value: NUMBER_HEADER if c.value in numbers else HEADER for c in header
    }
    assert all(c.alignment.wrap_text and c.font.b and c.alignment.vertical == "top" for c in header)
    board = _row_of(responses, 4, "lead-board")
    assert [board[i].style for i in (1, 2, 3, 5, 9)] == [WRAPPED] * 5  # a merge of a few files wraps its text
    assert board[0].style == COUNT and board[8].style == COUNT and board[10].style == COUNT
    assert board[12].value is False and board[12].style == BOOLEAN
    assert board[14].value == "-minus" and board[14].quotePrefix and board[14].style == WRAPPED
    assert board[15].style == DATETIME and board[15].number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(board[15].value, datetime)
    # Every cell is top-aligned: "1 Gwen Jones" never reads as the next row's label.
    assert all(c.alignment.vertical == "top" for c in board if c.value is not None)

    plan = wb["Action plan"]
    row = _row_of(plan, 3, "Record ethnicity")
    assert row[1].style == COUNT and row[2].style == WRAPPED and row[2].alignment.wrap_text
    assert row[0].value == "Riverside PCT" and row[0].style == WRAPPED
    assert row[6].value == "=1+1" and row[6].data_type == "s" and row[6].quotePrefix and row[6].style == WRAPPED
    assert row[7].style == DATE and row[7].number_format == "yyyy-mm-dd" and row[7].is_date

    people = wb["Assessments"]
    ann = _row_of(people, 2, "Ann")
    assert ann[4].style == DATE and ann[4].number_format == "yyyy-mm-dd"
    assert ann[6].style == PERCENT and ann[6].number_format == "0%"
    assert ann[7].style == SCORE and ann[7].number_format == "0.0"


def test_a_large_merge_writes_plain_text_but_keeps_dates_styled(tmp_path: Path) -> None:
    # Past WRAP_UP_TO files the Responses text is plain; the same words repeat in every file.
    sources = [make(tmp_path, f"{n}.toml", respondent=f"R{n}", notes={"lead-board": "=2*3"}) for n in range(3)]
    cache = InstrumentCache()
    wb = Workbook(write_only=True)
    register_styles(wb)
    notes = NotesSheet(wb.create_sheet("Notes"))
    sheet = ResponsesSheet(wb.create_sheet("Responses"), builtin_instrument(), notes, wrap=False)
    for no, path in enumerate(sources, start=1):
        sheet.add(no, open_one(path, None, cache))
    sheet.finish()
    out = tmp_path / "plain.xlsx"
    wb.save(out)
    ws = load_workbook(out)["Responses"]
    question = builtin_instrument().question("lead-board")
    assert question is not None
    rows = [r for r in ws.iter_rows(min_row=2) if r[4].value == "lead-board"]
    assert [r[2].value for r in rows] == ["R0", "R1", "R2"]
    for r in rows:
        assert r[5].style == "Normal" and r[9].value == question.options[1].label and r[9].style == "Normal"
        assert r[14].value == "=2*3" and r[14].data_type == "s" and r[14].quotePrefix
        assert r[15].style == DATETIME and r[15].is_date
        assert r[12].value is False and r[12].data_type == "b"


def test_a_style_registered_elsewhere_is_still_applied_by_name(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    wb.add_named_style(NamedStyle("own", alignment=Alignment(wrap_text=True), number_format="0.00"))
    ws = wb.create_sheet("S")
    ws.append([text(ws, "words", "own"), styled(ws, 1.5, "own"), text(ws, "+1", "own")])
    out = tmp_path / "own.xlsx"
    wb.save(out)
    row = load_workbook(out)["S"][1]
    assert [c.style for c in row] == ["own"] * 3
    assert row[1].number_format == "0.00" and row[0].alignment.wrap_text and row[2].quotePrefix


def test_registering_styles_does_not_keep_a_workbook_alive() -> None:
    # The app exports again and again in one process: each workbook must go when done.
    wb = Workbook(write_only=True)
    register_styles(wb)
    gone = weakref.ref(wb)
    del wb
    gc.collect()
    assert gone() is None
