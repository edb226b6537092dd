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
    COUNT,
    DATE,
    DATETIME,
    HEADER,
    PERCENT,
    SCORE,
    WRAPPED,
    register_styles,
    styled,
    text,
)
from exports.merge import InstrumentCache, open_one
from exports.sheets_responses import ResponsesSheet
from exports.workbook import export_workbook
from surveys.instrument_file import builtin_instrument
from surveys.responses import Priority
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
    assert {c.style for c in responses[1]} == {HEADER}
    assert all(c.alignment.wrap_text and c.font.b for c in responses[1])
    board = _row_of(responses, 3, builtin_instrument().question("lead-board").text)  # type: ignore[union-attr]
    assert [board[i].style for i in (2, 3, 4)] == [WRAPPED] * 3  # a merge of a few files wraps its text
    assert board[5].style == COUNT and board[5].number_format == "0"
    assert board[9].value == "-minus" and board[9].quotePrefix and board[9].style == WRAPPED
    assert board[10].style == DATETIME and board[10].number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(board[10].value, datetime) and board[10].alignment.vertical == "top"

    plan = wb["Action plan"]
    row = _row_of(plan, 2, "Record ethnicity")
    assert row[0].style == COUNT and row[1].style == WRAPPED and row[1].alignment.wrap_text
    assert row[5].value == "=1+1" and row[5].data_type == "s" and row[5].quotePrefix and row[5].style == WRAPPED
    assert row[6].style == DATE and row[6].number_format == "yyyy-mm-dd" and row[6].is_date

    team = wb["Team"]
    ann = _row_of(team, 0, "Ann")
    assert ann[3].style == DATE and ann[3].number_format == "yyyy-mm-dd"
    assert ann[5].style == PERCENT and ann[5].number_format == "0%"
    assert ann[6].style == SCORE and ann[6].number_format == "0.0"


def test_a_large_merge_writes_plain_text_but_keeps_dates_styled(tmp_path: Path) -> None:
    # Past WRAP_UP_TO files the Responses text is plain; the same words repeat in every file.
    sources = [make(tmp_path, f"{n}.toml", respondent=f"R{n}", notes={"lead-board": "=2*3"}) for n in range(3)]
    cache = InstrumentCache()
    wb = Workbook(write_only=True)
    register_styles(wb)
    sheet = ResponsesSheet(wb.create_sheet("Responses"), merged=True, wrap=False)
    for no, path in enumerate(sources, start=1):
        sheet.add(no, open_one(path, None, cache))
    sheet.finish()
    out = tmp_path / "plain.xlsx"
    wb.save(out)
    ws = load_workbook(out)["Responses"]
    question = builtin_instrument().question("lead-board")
    assert question is not None
    rows = [r for r in ws.iter_rows(min_row=2) if r[3].value == question.text]
    assert [r[1].value for r in rows] == ["R0", "R1", "R2"]
    for r in rows:
        assert r[3].style == "Normal" and r[4].value == question.options[1].label and r[4].style == "Normal"
        assert r[9].value == "=2*3" and r[9].data_type == "s" and r[9].quotePrefix
        assert r[10].style == DATETIME and r[10].is_date


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
