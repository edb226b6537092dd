"""Dates are entered between 1900 and 9999; a file's year-1 date is exported as text, not serial -693593.

Excel counts days from 1900: openpyxl writes an earlier date as a negative
serial that Excel shows as ##### or a wrong day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.workbook import export_workbook
from surveys.files.response_file import load_assessment, save_assessment
from surveys.model.dates import read_date as entered_date
from surveys.model.responses import Priority, with_priorities
from tests.export_helpers import make
from tui.app.new import parse_date as app_date
from tui.interview.priorities import parse_date as interview_date


@pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "0999-06-01"])
def test_a_date_before_1900_is_refused_where_entered(text: str) -> None:
    for parse in (entered_date, app_date, interview_date):
        with pytest.raises(ValueError, match="1900"):
            parse(text)


def test_dates_in_range_are_taken() -> None:
    assert entered_date("1900-01-01") == date(1900, 1, 1)
    assert app_date("9999-12-31") == date(9999, 12, 31)
    assert interview_date("2027-03-31") == date(2027, 3, 31)


def test_a_year_1_date_in_a_file_is_exported_as_text(tmp_path: Path) -> None:
    path = make(tmp_path, "a.toml")
    a = load_assessment(path)
    a = with_priorities(a, (Priority(area="data", title="old", target=date(1, 1, 1), review=date(1899, 12, 31)),))
    save_assessment(path, replace(a, date=date(1, 1, 1)))
    out = tmp_path / "o.xlsx"
    export_workbook([path], out)
    wb = load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if isinstance(c.value, (int, float)) and c.value < 0]
    shown = {c.value for c in cells}
    assert "0001-01-01" in shown and "1899-12-31" in shown
